// HTML → blocks and metadata with htmlparser2's streaming parser (no DOM): page furniture skipped,
// block elements become paragraph breaks, inline markup leaves only its text.
import { Parser } from 'htmlparser2';
import type { Block } from './clean.js';

export interface HtmlMeta {
  title: string | null;
  outlet: string | null;
  url: string | null;
  /** Raw timestamp strings in order of trust (meta tags, JSON-LD, <time datetime>). */
  published: string[];
}

/** Elements whose whole content is never article text. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'iframe', 'svg', 'math', 'form', 'template', 'object', 'embed', 'canvas',
  'video', 'audio', 'select', 'button', 'nav', 'footer', 'aside', 'figure', 'figcaption', 'picture', 'dialog',
]);

/** Elements that break text into separate blocks. */
const BLOCK_LEVEL = new Set([
  'p', 'div', 'hr', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'section', 'article', 'main', 'header', 'blockquote',
  'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'address', 'center', 'details', 'summary', 'body', 'html', 'title', 'fieldset', 'legend',
]);

/** Marks a <br> in the text buffer (normalised input never contains U+2028 itself). */
const LINE_BREAK = '\u2028';

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Meta tags naming a publication time, most trusted first. */
const PUBLISHED_META = [
  'article:published_time', 'og:published_time', 'datepublished', 'publishdate', 'pubdate', 'publish-date',
  'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'sailthru.date', 'parsely-pub-date',
];

interface CollectedBlock extends Block {
  inArticle: boolean;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (value: Json | undefined): value is { [key: string]: Json } =>
  value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);

const stringOf = (value: Json | undefined): string | null => {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return stringOf(value[0]);
  if (isObject(value)) return stringOf(value['name'] ?? value['@id'] ?? value['url']);
  return null;
};

/** Objects of a JSON-LD document, flattening arrays and @graph. */
function ldObjects(value: Json, out: { [key: string]: Json }[] = [], depth = 0): { [key: string]: Json }[] {
  if (depth > 5) return out;
  if (Array.isArray(value)) for (const item of value) ldObjects(item, out, depth + 1);
  else if (isObject(value)) {
    out.push(value);
    const graph = value['@graph'];
    if (graph !== undefined) ldObjects(graph, out, depth + 1);
  }
  return out;
}

export function parseHtml(html: string): { blocks: Block[]; meta: HtmlMeta } {
  const metaTags = new Map<string, string>();
  const ldDates: string[] = [];
  const timeDates: string[] = [];
  let canonical: string | null = null;
  let ldHeadline: string | null = null;
  let ldPublisher: string | null = null;
  let ldUrl: string | null = null;
  let titleText = '';
  let firstH1: string | null = null;

  const blocks: CollectedBlock[] = [];
  const stack: string[] = [];
  let skipDepth = 0;
  let headerDepth = 0;
  let articleDepth = 0;
  let headingDepth = 0;
  let inTitle = false;
  let ldBuffer: string | null = null;
  let buffer = '';
  let bufferIsHeading = false;
  let h1Open = false;

  const flush = (): void => {
    // One <br> is a line break inside a paragraph; two in a row separate paragraphs.
    for (const part of buffer.split(/\u2028[ \t\n\r\f]*\u2028/)) {
      const text = collapseSpaces(part.replaceAll(LINE_BREAK, ' '));
      if (!text) continue;
      const kind: Block['kind'] = bufferIsHeading ? 'heading' : headerDepth > 0 ? 'aside' : 'para';
      blocks.push({ text, kind, inArticle: articleDepth > 0 });
      if (bufferIsHeading && firstH1 === null && h1Open) firstH1 = text;
    }
    buffer = '';
    bufferIsHeading = false;
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        stack.push(name);
        if (name === 'meta') {
          const key = (attribs['property'] ?? attribs['name'] ?? attribs['itemprop'] ?? '').toLowerCase();
          const content = attribs['content'];
          if (key && content && !metaTags.has(key)) metaTags.set(key, content);
        } else if (name === 'link' && /\bcanonical\b/i.test(attribs['rel'] ?? '') && attribs['href']) {
          canonical ??= attribs['href'];
        }
        if (name === 'script' && /ld\+json/i.test(attribs['type'] ?? '')) ldBuffer = '';
        if (SKIPPED.has(name)) {
          skipDepth++;
          return;
        }
        if (skipDepth > 0) return;
        if (name === 'time' && attribs['datetime']) {
          const trusted = 'pubdate' in attribs || /datepublished/i.test(attribs['itemprop'] ?? '');
          if (trusted) timeDates.unshift(attribs['datetime']);
          else timeDates.push(attribs['datetime']);
        }
        if (name === 'title') inTitle = true;
        if (name === 'br') {
          buffer += LINE_BREAK;
          return;
        }
        if (BLOCK_LEVEL.has(name)) flush();
        if (name === 'header') headerDepth++;
        if (name === 'article' || name === 'main' || /articlebody/i.test(attribs['itemprop'] ?? '')) articleDepth++;
        if (HEADINGS.has(name)) {
          headingDepth++;
          if (name === 'h1') h1Open = true;
          bufferIsHeading = true;
        }
      },
      ontext(text) {
        if (ldBuffer !== null) {
          ldBuffer += text;
          return;
        }
        if (skipDepth > 0) return;
        if (inTitle) {
          titleText += text;
          return;
        }
        buffer += text;
      },
      onclosetag(name) {
        // Pop to the matching element; htmlparser2 reports implied closes, so the stack stays balanced.
        const index = stack.lastIndexOf(name);
        if (index >= 0) stack.length = index;
        if (name === 'script' && ldBuffer !== null) {
          readLd(ldBuffer);
          ldBuffer = null;
        }
        if (SKIPPED.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (name === 'title') inTitle = false;
        if (BLOCK_LEVEL.has(name)) flush();
        if (name === 'header') headerDepth = Math.max(0, headerDepth - 1);
        if (name === 'article' || name === 'main') articleDepth = Math.max(0, articleDepth - 1);
        if (HEADINGS.has(name)) headingDepth = Math.max(0, headingDepth - 1);
        if (name === 'h1') h1Open = false;
        if (headingDepth > 0) bufferIsHeading = true;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );

  function readLd(source: string): void {
    let data: Json;
    try {
      data = JSON.parse(source) as Json;
    } catch {
      return; // broken JSON-LD is common; it is only a hint
    }
    for (const object of ldObjects(data)) {
      const published = stringOf(object['datePublished']);
      if (published) ldDates.push(published);
      ldHeadline ??= stringOf(object['headline']);
      ldPublisher ??= isObject(object['publisher']) ? stringOf(object['publisher']) : null;
      if (object['datePublished'] !== undefined) ldUrl ??= stringOf(object['url']) ?? stringOf(object['mainEntityOfPage']);
    }
  }

  parser.write(html);
  parser.end();
  flush();

  const articleChars = blocks.filter((b) => b.inArticle && b.kind === 'para').reduce((n, b) => n + b.text.length, 0);
  const chosen = articleChars >= 200 ? blocks.filter((b) => b.inArticle || b.kind === 'aside') : blocks;

  const outlet = metaTags.get('og:site_name') ?? metaTags.get('application-name') ?? ldPublisher ?? null;
  const pageTitle = stripSiteSuffix(collapseSpaces(titleText), outlet);
  const metaPublished = PUBLISHED_META.map((key) => metaTags.get(key)).filter((v): v is string => Boolean(v));
  return {
    blocks: chosen.map(({ text, kind }) => ({ text, kind })),
    meta: {
      title: clean(metaTags.get('og:title')) ?? clean(ldHeadline) ?? clean(firstH1) ?? clean(pageTitle),
      outlet: clean(outlet),
      url: clean(canonical) ?? clean(metaTags.get('og:url')) ?? clean(ldUrl),
      published: [...metaPublished, ...ldDates, ...timeDates],
    },
  };
}

/** Newlines and runs of spaces → one space, in two linear passes (most single spaces are left alone). */
const collapseSpaces = (text: string): string => text.replace(/[\t\n\r\f]/g, ' ').replace(/ {2,}/g, ' ').trim();

const clean = (value: string | null | undefined): string | null => {
  const text = value === null || value === undefined ? '' : collapseSpaces(value);
  return text ? text : null;
};

/** "Headline | Dawn" → "Headline" when the part after the separator is the site's name. */
function stripSiteSuffix(title: string, site: string | null): string {
  if (!site) return title;
  const lower = title.toLowerCase();
  const siteLower = site.toLowerCase();
  for (const separator of [' | ', ' - ', ' – ', ' — ', ' :: ']) {
    if (lower.endsWith(separator + siteLower)) return title.slice(0, title.length - separator.length - site.length).trim();
  }
  return title;
}
