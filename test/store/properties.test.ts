// Property tests: a damaged store file is always reported as a ReportError, and the fast YAML
// reader either agrees with js-yaml or steps aside.
import fc from 'fast-check';
import * as yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ReportError } from '../../src/errors.js';
import { loadStore } from '../../src/store/index.js';
import { OutsideSubset, emitYaml, parseSubset } from '../../src/store/yaml-fast.js';
import { copyStore, read, write } from './helpers.js';

type Mutation = (lines: string[]) => string[];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // delete a line (drops a key, or half of a mapping)
  fc.nat().map((n) => (lines: string[]) => lines.filter((_, index) => index !== n % lines.length)),
  // change a value's type or content
  fc
    .tuple(fc.nat(), fc.constantFrom('12', '[]', '{}', 'null', 'true', '"x"', "'2024-13-01'", '- a', '&a b', '*a', '|', '"\\x41"', '~', '2024-02-30', ''))
    .map(([n, value]) => (lines: string[]) =>
      lines.map((line, index) => (index === n % lines.length ? line.replace(/:( .*)?$/, `: ${value}`) : line)),
    ),
  // insert garbage, indented anyhow
  fc
    .tuple(fc.nat(), fc.nat({ max: 8 }), fc.string({ maxLength: 20 }))
    .map(([n, indent, garbage]) => (lines: string[]) => [
      ...lines.slice(0, n % (lines.length + 1)),
      ' '.repeat(indent) + garbage,
      ...lines.slice(n % (lines.length + 1)),
    ]),
  // re-indent a line
  fc.tuple(fc.nat(), fc.integer({ min: -4, max: 4 })).map(([n, shift]) => (lines: string[]) =>
    lines.map((line, index) => (index === n % lines.length ? (shift > 0 ? ' '.repeat(shift) + line : line.slice(-shift)) : line)),
  ),
);

describe('loadStore on damaged files', () => {
  it('either loads or throws a ReportError, never anything else', async () => {
    const dir = copyStore();
    const originals = Object.fromEntries(
      ['2024-08.yaml', 'speakers.yaml', 'sources.yaml', 'themes.yaml'].map((file) => [file, read(dir, file)]),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(originals)),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        async (file, mutations) => {
          const damaged = mutations.reduce((lines, apply) => apply(lines), (originals[file] as string).split('\n')).join('\n');
          write(dir, file, damaged);
          try {
            await loadStore(dir);
          } catch (error) {
            if (!(error instanceof ReportError)) throw error;
            expect(error.message).not.toMatch(/\n/);
          } finally {
            write(dir, file, originals[file] as string);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

const scalarText = fc.oneof(
  fc.string(),
  fc.constantFrom('null', 'true', '12', '2024-08-01', '- x', 'a: b', 'a #b', "it's", ' lead', 'trail ', '#x', '', '“curly”', 'a,b', '[x]', '\u2028', '\u0085', 'é'),
);
const record = fc.record({
  id: scalarText,
  count: fc.integer({ min: 0, max: 1_000_000 }),
  maybe: fc.option(scalarText, { nil: null }),
  tags: fc.array(scalarText, { maxLength: 3 }),
  nested: fc.record({ text: scalarText, flag: fc.boolean() }),
});

describe('fast YAML subset', () => {
  it('reads back what it writes, exactly as js-yaml reads it', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 4 }), (items) => {
        const text = emitYaml({ items });
        expect(yaml.load(text)).toEqual({ items });
        expect(parseSubset(text)).toEqual({ items });
      }),
      { numRuns: 500 },
    );
  });

  it('on damaged text, either agrees with js-yaml or declines', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 3 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), (items, mutations) => {
        const text = mutations.reduce((lines, apply) => apply(lines), emitYaml({ items }).split('\n')).join('\n');
        let fast: unknown;
        try {
          fast = parseSubset(text);
        } catch (error) {
          if (error instanceof OutsideSubset) return;
          throw error;
        }
        let slow: unknown;
        try {
          const documents = yaml.loadAll(text);
          slow = documents[0];
          expect(documents.length).toBeLessThanOrEqual(1);
        } catch (error) {
          throw new Error(`fast reader accepted text js-yaml refuses (${String(error)}):\n${text}`);
        }
        expect(fast).toEqual(slow);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('similarity from token counts', () => {
  it('equals token F1 on the lists themselves, for any two token lists', async () => {
    const { countsSimilarity, tokenCounts, tokenSimilarity } = await import('../../src/store/text.js');
    // A small vocabulary, so that lists share and repeat tokens.
    const tokens = fc.array(fc.constantFrom('the', 'army', 'will', 'act', 'talks', 'no', 'operation', 'a'), { maxLength: 30 });
    fc.assert(
      fc.property(tokens, tokens, (a, b) => {
        expect(countsSimilarity(tokenCounts(a), a.length, tokenCounts(b), b.length)).toBe(tokenSimilarity(a, b));
      }),
      { numRuns: 2000 },
    );
  });
});
