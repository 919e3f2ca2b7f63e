// The statement-file reader (statement-reader.ts) must give exactly what the general path gives
// (YAML subset or js-yaml, then the schema, then the domain mapping), or decline: on the store's own
// files, on hand-edited ones and on damaged ones.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml, validateFile } from '../../src/store/files.js';
import { statementFromFile, statementToFile } from '../../src/store/model.js';
import { quickStatementFile, statementFileSchema } from '../../src/store/schema.js';
import { readStatementFile } from '../../src/store/statement-reader.js';
import { emitYaml } from '../../src/store/yaml-fast.js';
import type { Statement } from '../../src/types.js';
import { FIXTURES } from './helpers.js';

/** The general path: what loadStore did before the reader existed. Throws on an invalid file. */
function generalPath(content: string): Statement[] {
  const data = parseYaml(content, 'test.yaml');
  if (data === undefined || data === null) return [];
  const forms = quickStatementFile(data) ?? validateFile(statementFileSchema, data, 'test.yaml').statements;
  return forms.map(statementFromFile);
}

function general(content: string): Statement[] | 'error' {
  try {
    return generalPath(content);
  } catch {
    return 'error';
  }
}

const fixture = (name: string) => readFileSync(path.join(FIXTURES, 'valid', name), 'utf8');

describe('readStatementFile', () => {
  it('reads the fixture files as the general path does', () => {
    for (const name of ['2024-08.yaml', '2024-09.yaml', 'undated.yaml']) {
      const content = fixture(name);
      const fast = readStatementFile(content);
      expect(fast).not.toBeNull();
      expect(fast).toStrictEqual(generalPath(content));
    }
  });

  it('reads what the store writes (reviews, verbs, odd text) as the general path does', () => {
    const text = fc.oneof(
      fc.string({ minLength: 1, maxLength: 30 }),
      fc.constantFrom('null', 'true', '12', '2024-08-01', 'a: b', '- x', '#x', "it's", '“quoted”', 'x #y', ' lead', 'trail ', '\u2028'),
    );
    const nullable = fc.option(text, { nil: null });
    const day = fc.constantFrom('2024-08-01', '2024-02-29', '2023-12-31');
    const source = fc.record({
      file: fc.constantFrom('a.txt', 'articles/b c.md', '/abs/x.html'),
      outlet: nullable,
      title: nullable,
      url: nullable,
      published: fc.option(day, { nil: null }),
      start: fc.nat(1000),
      end: fc.nat(1000),
    });
    const review = fc.record(
      {
        status: fc.constantFrom('accepted' as const, 'rejected' as const),
        speaker: fc.constantFrom('amara-okafor', 'x2'),
        date: fc.option(day, { nil: null }),
        themes: fc.array(fc.constantFrom('harbours', 'weather', 'a b'), { maxLength: 3 }),
        kind: fc.constantFrom('direct' as const, 'indirect' as const),
        text: text.filter((value) => value.trim() !== ''),
        note: text,
      },
      { requiredKeys: [] },
    );
    const statement = fc.record(
      {
        id: fc.constantFrom('st-0123456789', 'st-x', 'A.b_c-9'),
        speaker: fc.constantFrom('amara-okafor', 'north-republic'),
        voice: nullable,
        kind: fc.constantFrom('direct' as const, 'indirect' as const),
        verb: fc.option(fc.constantFrom('said', 'expressed deep concern over', ''), { nil: null }),
        text: text.filter((value) => value.trim() !== ''),
        date: fc.option(day, { nil: null }),
        dateBasis: fc.constantFrom('explicit' as const, 'relative' as const, 'published' as const),
        themes: fc.array(fc.constantFrom('harbours', 'weather', 'x, y'), { maxLength: 3 }),
        sources: fc.array(source, { maxLength: 3 }),
        review,
      },
      { requiredKeys: ['id', 'speaker', 'voice', 'kind', 'text', 'date', 'dateBasis', 'themes', 'sources'] },
    );
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 4 }), (statements) => {
        const content = emitYaml({ statements: (statements as Statement[]).map(statementToFile) });
        const expected = general(content);
        const fast = readStatementFile(content);
        // The store's own layout is always read by the fast reader.
        if (expected === 'error') expect(fast).toBeNull();
        else expect(fast).toStrictEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('declines or agrees on damaged and hand-edited files, and never accepts an invalid one', () => {
    const base = fixture('2024-08.yaml').split('\n');
    const edit = fc.oneof(
      fc.tuple(fc.nat(), fc.constantFrom('12', '[]', '{}', 'null', 'true', '"x"', "'2024-13-01'", '- a', '&a b', '*a', '|', '~', '2024-02-30', '', "''", '[a, [b]]'))
        .map(([n, value]) => (lines: string[]) => lines.map((line, index) => (index === n % lines.length ? line.replace(/:( .*)?$/, `: ${value}`) : line))),
      fc.nat().map((n) => (lines: string[]) => lines.filter((_, index) => index !== n % lines.length)),
      fc.tuple(fc.nat(), fc.nat({ max: 10 }), fc.constantFrom('# note', 'review: {}', 'verb: null', 'extra: 1', '- x', 'review:', 'status: accepted', 'text: x'))
        .map(([n, indent, line]) => (lines: string[]) => [...lines.slice(0, n % (lines.length + 1)), ' '.repeat(indent) + line, ...lines.slice(n % (lines.length + 1))]),
      fc.tuple(fc.nat(), fc.integer({ min: -4, max: 4 })).map(([n, shift]) => (lines: string[]) =>
        lines.map((line, index) => (index === n % lines.length ? (shift > 0 ? ' '.repeat(shift) + line : line.slice(-shift)) : line)),
      ),
      // swap two neighbouring lines (reordered keys)
      fc.nat().map((n) => (lines: string[]) => {
        const at = n % Math.max(1, lines.length - 1);
        const copy = [...lines];
        [copy[at], copy[at + 1]] = [copy[at + 1] as string, copy[at] as string];
        return copy;
      }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const content = edits.reduce((lines, apply) => apply(lines), base).join('\n');
        const expected = general(content);
        const fast = readStatementFile(content);
        if (expected === 'error') expect(fast).toBeNull();
        else if (fast !== null) expect(fast).toStrictEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('declines what only the general path reads: CRLF, a BOM, another indentation', () => {
    const content = fixture('2024-08.yaml');
    expect(readStatementFile(content.replace(/\n/g, '\r\n'))).toBeNull();
    expect(readStatementFile(`\ufeff${content}`)).toBeNull();
    expect(readStatementFile(content.replace(/^ {2}/gm, '    '))).toBeNull();
    expect(readStatementFile('statements: []\n')).toBeNull();
  });
});
