// Property-based: random and mutated articles through parseArticle → extractStatements with the real
// registry of statements/. Nothing but ReportError is ever thrown, and every statement's offsets point
// into its article: text === article.text.slice(start, end). The extracted statements also always
// merge into a store that saves and loads again. (ingest alone: test/ingest/robustness.test.ts;
// damaged store files: test/store/properties.test.ts.)
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReportError } from '../../src/errors.js';
import { createExtractor, type Extractor } from '../../src/extract/index.js';
import { type ArticleFormat, parseArticle } from '../../src/ingest/index.js';
import { loadRegistry, loadStore, mergeExtracted, saveStore } from '../../src/store/index.js';
import type { Article, ExtractedStatement, Registry } from '../../src/types.js';
import { ARTICLES, ROOT, emptyStoreWithRegistry, scratch } from './helpers.js';

/** HARDENING_FUZZ_SCALE=20 runs twenty times as many cases (for a hunt; CI uses 1). */
const SCALE = Math.max(1, Number(process.env.HARDENING_FUZZ_SCALE ?? 1));

let registry: Registry;
let extract: Extractor;
/** Our own fixture articles, as raw text, with the format their name gives. */
let seeds: { name: string; format: ArticleFormat; text: string }[];

beforeAll(async () => {
  registry = await loadRegistry(join(ROOT, 'statements'));
  extract = createExtractor(registry);
  seeds = ['good', 'hostile'].flatMap((folder) =>
    readdirSync(join(ARTICLES, folder)).map((name) => ({
      name,
      format: (name.endsWith('.html') ? 'html' : name.endsWith('.md') ? 'md' : 'txt') as ArticleFormat,
      text: readFileSync(join(ARTICLES, folder, name), 'utf8'),
    })),
  );
});

/** Reads and extracts; null when ingest refuses the input with a ReportError (that is allowed). */
function readAndExtract(raw: string | Uint8Array, format: ArticleFormat): { article: Article; statements: ExtractedStatement[] } | null {
  let article: Article;
  try {
    article = parseArticle(raw, `fuzz.${format}`, format);
  } catch (error) {
    if (error instanceof ReportError) return null;
    throw error;
  }
  try {
    return { article, statements: extract(article) };
  } catch (error) {
    // The extractor may refuse with a ReportError; anything else is a crash worth a report.
    if (error instanceof ReportError) return null;
    const input = JSON.stringify(typeof raw === 'string' ? raw : Buffer.from(raw).toString('latin1'));
    throw new Error(`extractStatements crashed on ${format} input ${input.slice(0, 2000)}: ${String((error as Error).stack ?? error)}`);
  }
}

function checkOffsets(article: Article, statements: ExtractedStatement[]): void {
  for (const statement of statements) {
    expect(Number.isInteger(statement.start) && Number.isInteger(statement.end)).toBe(true);
    expect(statement.start).toBeGreaterThanOrEqual(0);
    expect(statement.end).toBeGreaterThanOrEqual(statement.start);
    expect(statement.end).toBeLessThanOrEqual(article.text.length);
    expect(article.text.slice(statement.start, statement.end)).toBe(statement.text);
    expect(statement.text.trim()).not.toBe('');
    if (statement.date !== null) expect(statement.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }
}

/** Pieces that matter to the extractor: attributions, registry names, quote marks, dates, markup. */
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('Interior Minister Mohsin Naqvi', 'Chief Minister Sarfraz Bugti', 'Naqvi', 'Bugti', 'the prime minister', 'ISPR', 'China', 'the BLA', 'a spokesman', 'He', 'She', 'They') },
  { weight: 3, arbitrary: fc.constantFrom(' said', ' told reporters', ' said on Monday that', ' added', ' warned that', ' according to', ': ', ', ', '. ', ' said: ') },
  { weight: 3, arbitrary: fc.constantFrom('“', '”', '"', "'", '‘', '’', '«', '»', '„', '「', '」') },
  { weight: 2, arbitrary: fc.constantFrom('August 27, 2024', '27 August 2024', 'on Tuesday', 'last week', '2024-02-30', 'Nov 10 (PTI)', 'QUETTA:', 'yesterday') },
  { weight: 2, arbitrary: fc.constantFrom('\n', '\n\n', ' ', '—', '-', '...', '(', ')', '<b>', '</b>', '<p>', '</p>', '<br>', '&amp;', '&quot;', '*', '_', '#', '> ') },
  { weight: 1, arbitrary: fc.constantFrom('\u200b', '\u200f', '\u202e', '\u2066', '\ufeff', '\u00ad', 'وزیر', 'محسن نقوی', 'é', '\u0301', '🙂', '\ud800') },
  { weight: 2, arbitrary: fc.string({ maxLength: 10 }) },
  { weight: 2, arbitrary: fc.constantFrom('we will not allow terror', 'the road will reopen', 'security forces', 'talks with the protesters', 'CPEC projects') },
);
const articleish = fc.array(piece, { minLength: 1, maxLength: 120 }).map((parts) => parts.join(''));

type Mutation = (text: string, random: () => number) => string;
const at = (text: string, r: number) => Math.floor(r * (text.length + 1));
const paragraphs = (text: string) => text.split(/\n\s*\n/);
const MUTATIONS: Record<string, Mutation> = {
  insertQuote: (text, rnd) => {
    const i = at(text, rnd());
    return text.slice(0, i) + '“”"‘’'[Math.floor(rnd() * 5)]! + text.slice(i);
  },
  deleteQuote: (text, rnd) => {
    const marks = [...text.matchAll(/[“”"‘’]/g)].map((m) => m.index!);
    if (marks.length === 0) return text;
    const i = marks[Math.floor(rnd() * marks.length)]!;
    return text.slice(0, i) + text.slice(i + 1);
  },
  duplicateParagraph: (text, rnd) => {
    const parts = paragraphs(text);
    const i = Math.floor(rnd() * parts.length);
    parts.splice(i, 0, parts[i]!);
    return parts.join('\n\n');
  },
  dropParagraph: (text, rnd) => {
    const parts = paragraphs(text);
    parts.splice(Math.floor(rnd() * parts.length), 1);
    return parts.join('\n\n');
  },
  swapParagraphs: (text, rnd) => {
    const parts = paragraphs(text);
    const i = Math.floor(rnd() * parts.length);
    const j = Math.floor(rnd() * parts.length);
    [parts[i], parts[j]] = [parts[j]!, parts[i]!];
    return parts.join('\n\n');
  },
  replaceChar: (text, rnd) => {
    const i = Math.floor(rnd() * text.length);
    const replacement = ['\u200b', '\u202e', 'ی', '\n', '<', '&', '"', 'x', '\u0000', '\ufffd', ' '][Math.floor(rnd() * 11)]!;
    return text.slice(0, i) + replacement + text.slice(i + 1);
  },
  joinLines: (text) => text.replace(/\n+/g, ' '),
  splitSentence: (text, rnd) => {
    const i = at(text, rnd());
    return `${text.slice(0, i)}\n\n${text.slice(i)}`;
  },
  truncate: (text, rnd) => text.slice(0, Math.max(1, at(text, rnd()))),
  stripTags: (text) => text.replace(/<[^>]*>/g, ''),
};

const mutationPlan = fc.array(fc.tuple(fc.constantFrom(...Object.keys(MUTATIONS)), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true })), {
  minLength: 1,
  maxLength: 6,
});

/** A seeded random stream from a list of doubles (so fast-check can shrink the plan). */
function streamOf(value: number): () => number {
  let state = Math.floor(value * 0x7fffffff) || 1;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

describe('extractor through ingest, with the real registry', () => {
  it('random article-like text: only ReportError, offsets always right', () => {
    fc.assert(
      fc.property(articleish, fc.constantFrom<ArticleFormat>('txt', 'md', 'html'), (text, format) => {
        const result = readAndExtract(text, format);
        if (result) checkOffsets(result.article, result.statements);
      }),
      { numRuns: 2000 * SCALE },
    );
  });

  it('random bytes and random unicode: only ReportError, offsets always right', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.uint8Array({ maxLength: 600 }), fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })),
        fc.constantFrom<ArticleFormat>('txt', 'md', 'html'),
        (raw, format) => {
          const result = readAndExtract(raw, format);
          if (result) checkOffsets(result.article, result.statements);
        },
      ),
      { numRuns: 1000 * SCALE },
    );
  });

  it('our fixture articles, mutated (quote marks in and out, paragraphs duplicated, dropped, swapped, characters replaced)', () => {
    fc.assert(
      fc.property(fc.nat(), mutationPlan, (seedIndex, plan) => {
        const seed = seeds[seedIndex % seeds.length]!;
        const text = plan.reduce((current, [name, value]) => MUTATIONS[name]!(current, streamOf(value)), seed.text);
        const result = readAndExtract(text, seed.format);
        if (result) checkOffsets(result.article, result.statements);
      }),
      { numRuns: 2000 * SCALE },
    );
  });

  it('statements from mutated articles always merge into a store that saves and loads again', async () => {
    const dir = emptyStoreWithRegistry(join(scratch('hard-fuzz'), 'statements'));
    let store = await loadStore(dir);
    let merged = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(), mutationPlan, async (seedIndex, plan) => {
        const seed = seeds[seedIndex % seeds.length]!;
        const text = plan.reduce((current, [name, value]) => MUTATIONS[name]!(current, streamOf(value)), seed.text);
        const result = readAndExtract(text, seed.format);
        if (!result) return;
        const { text: _text, ...meta } = result.article;
        store = mergeExtracted(store, { ...meta, file: `fuzz/${merged}-${seed.name}` }, result.statements).store;
        merged += 1;
        await saveStore(store);
        store = await loadStore(dir);
      }),
      { numRuns: 60 * SCALE },
    );
    expect(merged).toBeGreaterThan(0);
  });
});
