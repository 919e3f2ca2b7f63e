import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractStatements } from '../../src/extract/index.js';
import { article, registry } from './helpers.js';

const MARKS = ['“', '”', '"', '‘', '’', "'", '«', '»', '\u200b', '\n', '\n\n', ', ', '. ', ': ', ' — '];
const WORDS = ['Kazmi', 'said', 'that', 'he', 'it', 'the', 'CM', 'Fredville', 'according', 'to', 'on', 'Tuesday', 'condemned', 'attack', 'adding', 'with', 'stating', 'and', 'QUETTA:', 'وزیر', 'کہا', 'It', 'was', 'decided'];

/** Text built from words, marks and random characters: the shapes that break quote and clause rules. */
const messyText = fc
  .array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...MARKS), fc.string({ maxLength: 6 }), fc.constant(' ')), { maxLength: 300 })
  .map((parts) => parts.join(' '));

function checkOffsets(text: string, published: string | null) {
  const statements = extractStatements(article(text, published), registry);
  for (const statement of statements) {
    expect(statement.start).toBeGreaterThanOrEqual(0);
    expect(statement.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(statement.start, statement.end)).toBe(statement.text);
    expect(statement.text.trim()).not.toBe('');
    if (statement.date !== null) expect(statement.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }
  return statements;
}

describe('extractor properties', () => {
  it('never throws, and every statement slices to its text', () => {
    fc.assert(
      fc.property(messyText, fc.option(fc.constantFrom('2024-11-20', '2024-02-29', '2024-01-01'), { nil: null }), (text, published) => {
        checkOffsets(text, published);
      }),
      { numRuns: 400 },
    );
  });

  it('copes with arbitrary unicode and runs of quote marks', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        checkOffsets(text, '2024-11-20');
      }),
      { numRuns: 300 },
    );
    checkOffsets('"'.repeat(5000) + '“'.repeat(5000) + ' said Kazmi', '2024-11-20');
  });

  it('gives undated statements when the article has no publication date and no dates', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Farid Kazmi said the roads were open.', '“We will win,” he said.', 'Rain fell.'), { maxLength: 8 }), (sentences) => {
        for (const statement of checkOffsets(sentences.join(' '), null)) expect(statement.date).toBeNull();
      }),
    );
  });

  it('finds the same statements in an article whether or not it ends with blank lines', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Farid Kazmi said the roads were open.', 'Sylvan City denied the claim.', 'Rain fell.'), { minLength: 1, maxLength: 6 }), (sentences) => {
        const text = sentences.join('\n\n');
        const plain = checkOffsets(text, '2024-11-20').map((s) => s.text);
        const padded = checkOffsets(`${text}\n\n\n`, '2024-11-20').map((s) => s.text);
        expect(padded).toEqual(plain);
      }),
    );
  });
});
