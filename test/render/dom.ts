// Small DOM helpers for render tests (htmlparser2 + domutils, no browser).
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';

export type { Element };

export function parse(html: string) {
  return parseDocument(html);
}

export function all(root: ReturnType<typeof parseDocument> | Element, test: (el: Element) => boolean): Element[] {
  return DomUtils.findAll(test, [root] as never);
}

export const byTag = (tag: string) => (el: Element) => el.name === tag;
export const byClass = (cls: string) => (el: Element) => (el.attribs.class ?? '').split(/\s+/).includes(cls);
export const text = (el: Element): string => DomUtils.textContent(el);
