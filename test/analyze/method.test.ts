import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KEY_STATEMENT_RULE, SHIFT_METHOD, selectKeyStatements, themeCounts } from '../../src/analyze/index.js';
import { citeStatement } from '../../src/analyze/cite.js';
import { EMPTY_STANCES } from '../../src/analyze/stances.js';
import { fixtureRegistry, source, statement } from './helpers.js';

const registry = fixtureRegistry();

describe('method texts', () => {
  it('SHIFT_METHOD says what the detectShifts docblock says', () => {
    const file = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'analyze', 'shifts.ts'), 'utf8');
    const docblock = file.slice(0, file.indexOf('export function detectShifts'));
    const flat = (text: string) => text.replace(/\n\s*\*\s?/g, ' ').replace(/\s+/g, ' ');
    for (const paragraph of SHIFT_METHOD.split('\n\n')) expect(flat(docblock)).toContain(flat(paragraph));
  });

  it('the key statement rule names its limits', () => {
    expect(KEY_STATEMENT_RULE).toMatch(/at most 2 per speaker per day/);
    expect(KEY_STATEMENT_RULE).toMatch(/at most 20 in all/);
  });
});

describe('selectKeyStatements', () => {
  const cite = (speakerId: string, date: string, text: string, outlets: string[]) =>
    citeStatement(
      statement(registry, speakerId, date, text, outlets.map((outlet, index) => source(`${outlet}-${date}-${index}.txt`, outlet, date))),
      { sourceNumbers: new Map(), themes: registry.themes, stances: EMPTY_STANCES },
    );

  it('caps at two per speaker per day and prefers corroborated statements', () => {
    const day = [
      cite('interior-minister', '2024-08-05', 'We condemn it.', ['A']),
      cite('interior-minister', '2024-08-05', 'We condemn it again.', ['A', 'B', 'C']),
      cite('interior-minister', '2024-08-05', 'Condolences to all.', ['A', 'B']),
      cite('local-analyst', '2024-08-05', 'Analysts are worried.', ['A', 'B', 'C', 'D']),
    ];
    const chosen = selectKeyStatements(day, []);
    expect(chosen.map((cited) => cited.text)).toEqual(['We condemn it again.', 'Condolences to all.']);
    expect(selectKeyStatements(day, [], 1).map((cited) => cited.text)).toEqual(['We condemn it again.']);
  });

  it('falls back to every dated statement when no speaker is tracked or foreign', () => {
    const only = [cite('local-analyst', '2024-08-05', 'Analysts are worried.', ['A'])];
    expect(selectKeyStatements(only, [])).toHaveLength(1);
  });
});

describe('themeCounts', () => {
  it('counts each theme once per statement, in taxonomy order with zeros', () => {
    const counts = themeCounts([{ themes: ['talks', 'talks'] }, { themes: ['operations', 'talks'] }, { themes: [] }], registry.themes);
    expect(counts.map((entry) => [entry.theme.id, entry.count])).toEqual([
      ['operations', 1],
      ['condemnation', 0],
      ['talks', 2],
      ['support', 0],
    ]);
  });
});
