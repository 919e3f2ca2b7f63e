import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { createExtractor } from '../../src/extract/index.js';
import type { Article, ExtractedStatement, Registry, Speaker } from '../../src/types.js';

const file = path.join(import.meta.dirname, '../fixtures/extract/speakers.yaml');
const data = load(readFileSync(file, 'utf8')) as { speakers: Speaker[] };

export const registry: Registry = { speakers: data.speakers, themes: [] };
const extract = createExtractor(registry);

export function article(text: string, published: string | null = '2024-11-20', title: string | null = null): Article {
  return { file: 'fixture.txt', outlet: null, title, url: null, published, text, hash: '' };
}

/** The statements of `text`, checked for offsets that slice to their words. */
export function run(text: string, published: string | null = '2024-11-20', title: string | null = null): ExtractedStatement[] {
  const statements = extract(article(text, published, title));
  for (const statement of statements) {
    if (text.slice(statement.start, statement.end) !== statement.text) throw new Error(`bad offsets for "${statement.text}"`);
  }
  return statements;
}

/** "Speaker | kind | text" lines, for compact expectations. */
export function lines(text: string, published?: string | null): string[] {
  return run(text, published).map((s) => `${s.speakerName}${s.voice ? ` (${s.voice})` : ''} | ${s.kind} | ${s.text}`);
}
