import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCommitments, loadStances, parseStances, readStance } from '../../src/analyze/stances.js';
import { parseThemeTaxonomy } from '../../src/extract/themes.js';
import { readFileSync } from 'node:fs';
import { FIXTURES, REPO_STATEMENTS, fixtureRegistry, fixtureStances } from './helpers.js';

const registry = fixtureRegistry();
const lexicon = fixtureStances(registry);

describe('readStance', () => {
  it('lets a longer negation win over a cue it contains', () => {
    const reading = readStance('There is no need for a major operation now.', 'operations', lexicon);
    expect(reading).toMatchObject({
      stance: 'against-operation',
      label: 'against an operation',
      polarity: -1,
      cues: ['no need for … operation*'],
      matched: ['no need for a major operation'],
    });
  });

  it('reads the opposite stance from its own cues', () => {
    expect(readStance('They will launch a decisive operation and expand operations.', 'operations', lexicon)).toMatchObject({
      stance: 'for-operation',
      cues: ['launch* … operation*', 'expand* … operation*'],
    });
  });

  it('takes no stance when cues point both ways equally, or on a theme the lexicon lacks', () => {
    expect(readStance('No operation today; a major operation later.', 'operations', lexicon)).toBeNull();
    expect(readStance('We condemn it.', 'condemnation', lexicon)).toBeNull();
    expect(readStance('The weather was fine.', 'operations', lexicon)).toBeNull();
  });

  it('finds commitment cues', () => {
    expect(findCommitments('The cabinet approved the plan and vowed to act; it will report.', lexicon)).toEqual([
      'will',
      'vow*',
      'approved',
    ]);
    expect(findCommitments('It was a quiet day.', lexicon)).toEqual([]);
  });
});

describe('parseStances and loadStances', () => {
  it('reports the file and field that is wrong', () => {
    const oneSided = 'themes:\n  operations:\n    - {id: a, label: A, polarity: 1, cues: [x]}\n    - {id: b, label: B, polarity: 2, cues: [y]}\n';
    expect(() => parseStances(oneSided, 's.yaml')).toThrow(/^s\.yaml: themes\.operations: needs stances of both polarities/);
    const unknown = 'themes:\n  weather:\n    - {id: a, label: A, polarity: 1, cues: [x]}\n    - {id: b, label: B, polarity: -1, cues: [y]}\n';
    expect(() => parseStances(unknown, 's.yaml', registry.themes)).toThrow(/^s\.yaml: themes\.weather: unknown theme; known: operations/);
    expect(() => parseStances('groups: [aliens]\n', 's.yaml')).toThrow(/^s\.yaml: groups\.0: /);
    expect(() => parseStances('themes:\n  operations:\n    - {id: Bad Id, label: A, polarity: 1, cues: [x]}\n    - {id: b, label: B, polarity: -1, cues: [y]}\n', 's.yaml')).toThrow(
      /themes\.operations\.0\.id: must be kebab-case/,
    );
  });

  it('loads DIR/stances.yaml and says when it is missing', () => {
    expect(loadStances(FIXTURES, registry.themes).groups).toEqual(['federal-government']);
    const empty = mkdtempSync(join(tmpdir(), 'stances-'));
    expect(() => loadStances(empty)).toThrow(/stances\.yaml: missing/);
    writeFileSync(join(empty, 'stances.yaml'), 'commitments: [" "]\n');
    expect(() => loadStances(empty)).toThrow(/stances\.yaml: commitments\.0: must be a non-empty cue/);
  });

  it('accepts the production lexicon against the production taxonomy', () => {
    const { themes } = parseThemeTaxonomy(readFileSync(join(REPO_STATEMENTS, 'themes.yaml'), 'utf8'), 'themes.yaml');
    const production = loadStances(REPO_STATEMENTS, themes);
    expect(readStance('he said there was no need for a major operation in the province', 'military-operations', production)?.polarity).toBe(-1);
    expect(readStance('the operations did not require any large-scale operations', 'military-operations', production)?.polarity).toBe(-1);
    expect(readStance('the committee approved a comprehensive military operation', 'military-operations', production)?.polarity).toBe(1);
    expect(readStance('the forces will expand intelligence-based operations', 'military-operations', production)?.polarity).toBe(1);
  });
});
