// Random input never throws anything but ReportError, and huge inputs are handled (no timing asserts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReportError } from '../../src/errors.js';
import { type ArticleFormat, parseArticle } from '../../src/ingest/index.js';

const FORMATS: ArticleFormat[] = ['txt', 'md', 'html'];

function parsesOrReportsError(raw: Uint8Array | string, format: ArticleFormat): boolean {
  try {
    const article = parseArticle(raw, `random.${format}`, format);
    return typeof article.text === 'string' && article.text.length > 0;
  } catch (error) {
    return error instanceof ReportError && error.kind === 'input';
  }
}

/** Strings built from the characters that matter to the cleaner: quotes, dashes, brackets, markup. */
const articleish = fc
  .array(
    fc.oneof(
      fc.constantFrom('“', '”', '"', "'", '—', '–', '-', '[', ']', '(', ')', '*', '_', '#', '>', '<p>', '</p>', '<br>', '<script>', '&amp;', '\n', '\n\n', ' ', '.', 'By ', 'date 2024-08-28 ', 'August 27, 2024', 'Nov 10 (PTI)', 'Published ', '---\n', '\u200B', '\uFEFF', 'وزیر'),
      fc.string({ maxLength: 12 }),
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));

describe('robustness', () => {
  it('random strings give an Article or a ReportError', () => {
    fc.assert(fc.property(articleish, fc.constantFrom(...FORMATS), (text, format) => parsesOrReportsError(text, format)), {
      numRuns: 400,
    });
  });

  it('random bytes give an Article or a ReportError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom(...FORMATS), (bytes, format) => parsesOrReportsError(bytes, format)),
      { numRuns: 400 },
    );
  });

  it('random full-unicode strings give an Article or a ReportError', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => parsesOrReportsError(text, 'txt')), { numRuns: 300 });
  });

  it('processes a 20 MB text full of quote marks and long lines', () => {
    const sentence = 'The official said “we will not allow anyone to disrupt the peace,” adding that “order” would hold. ';
    const longLine = sentence.repeat(120_000); // ~12 MB on one line
    const manyLines = Array.from({ length: 60_000 }, (_, i) => `Item ${i}: ${sentence}`).join('\n\n');
    const raw = Buffer.from(`${longLine}\n\n${manyLines}\n\n${'“'.repeat(600_000)}`);
    expect(raw.length).toBeGreaterThan(20_000_000);
    for (const format of FORMATS) {
      const article = parseArticle(raw, `big.${format}`, format);
      expect(article.text.length).toBeGreaterThan(15_000_000);
    }
  });
});
