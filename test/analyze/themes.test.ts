import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportError } from '../../src/errors.js';
import { classifyThemes, compileCue, parseThemeTaxonomy, themeIdsFor } from '../../src/extract/themes.js';
import type { Theme } from '../../src/types.js';
import { REPO_STATEMENTS, fixtureRegistry } from './helpers.js';

function matches(cue: string, text: string): string[] {
  return [...text.matchAll(compileCue(cue))].map((match) => match[0]);
}

describe('cue syntax', () => {
  it('matches whole words, case-insensitively', () => {
    expect(matches('CPEC', 'Security of cpec projects')).toEqual(['cpec']);
    expect(matches('CPEC', 'CPECs and subCPEC')).toEqual([]);
    expect(matches('talks', 'stalks')).toEqual([]);
  });

  it('treats a trailing star as a stem', () => {
    expect(matches('condemn*', 'He condemned it; the condemnation was swift')).toEqual(['condemned', 'condemnation']);
    expect(matches('condemn*', 'uncondemned')).toEqual([]);
  });

  it('lets a space or hyphen stand for either', () => {
    expect(matches('intelligence-based', 'intelligence based and intelligence-based')).toEqual([
      'intelligence based',
      'intelligence-based',
    ]);
    expect(matches('counter-terrorism', 'counterterrorism')).toEqual(['counterterrorism']);
  });

  it('skips up to six words at a gap, but not across a sentence end', () => {
    expect(matches('no need for … operation*', 'there is no need for a major military operation here')).toEqual([
      'no need for a major military operation',
    ]);
    expect(matches('no need for … operation*', 'no need for one two three four five six seven operation')).toEqual([]);
    expect(matches('no need for … operation*', 'There is no need for panic. The operation went ahead')).toEqual([]);
  });

  it('rejects a cue without words', () => {
    expect(() => compileCue(' … ')).toThrow(/no words/);
  });
});

describe('classifyThemes', () => {
  const { themes } = fixtureRegistry();

  it('files a text under every theme that passes, with the cues and words that fired', () => {
    const found = classifyThemes('We condemn the attack and will launch an operation.', themes);
    expect(found).toEqual([
      { themeId: 'operations', score: 1, cues: ['operation*'], matched: ['operation'] },
      { themeId: 'condemnation', score: 1, cues: ['condemn*'], matched: ['condemn'] },
    ]);
  });

  it('needs weak cues to add up to the threshold', () => {
    expect(classifyThemes('Troops arrived.', themes)).toEqual([]);
    expect(classifyThemes('Army troops arrived.', themes)).toEqual([
      { themeId: 'operations', score: 1, cues: ['troops', 'army'], matched: ['troops', 'Army'] },
    ]);
    expect(classifyThemes('Army troops arrived.', themes, 1.5)).toEqual([]);
  });

  it('does not count a cue again inside a longer cue of the same theme', () => {
    expect(classifyThemes('They offered close cooperation.', themes)).toEqual([
      { themeId: 'support', score: 1, cues: ['close cooperation'], matched: ['close cooperation'] },
    ]);
    // Found on its own elsewhere in the text, the short cue counts.
    expect(classifyThemes('Close cooperation, and more cooperation.', themes)[0]?.score).toBe(1.5);
  });

  it('returns nothing for a text without cues, and ids through themeIdsFor', () => {
    expect(classifyThemes('The weather was fine.', themes)).toEqual([]);
    expect(themeIdsFor('No talks, only negotiations.', themes)).toEqual(['talks']);
  });

  it('gives the same answer for a new array with the same themes (cache keyed by array)', () => {
    const copy: Theme[] = themes.map((theme) => ({ ...theme, cues: [...theme.cues] }));
    expect(classifyThemes('condolences', copy)).toEqual(classifyThemes('condolences', themes));
  });
});

describe('parseThemeTaxonomy', () => {
  it('reads the threshold and the themes', () => {
    const taxonomy = parseThemeTaxonomy('threshold: 2\nthemes:\n  - id: a\n    label: A\n    cues: [{cue: x, weight: 1}]\n', 't.yaml');
    expect(taxonomy.threshold).toBe(2);
    expect(taxonomy.themes[0]).toEqual({ id: 'a', label: 'A', description: '', cues: [{ cue: 'x', weight: 1 }] });
  });

  it('names the file and the field that is wrong', () => {
    const bad = 'themes:\n  - id: a\n    label: A\n    cues: [{cue: x, weight: -1}]\n';
    expect(() => parseThemeTaxonomy(bad, 'statements/themes.yaml')).toThrow(ReportError);
    expect(() => parseThemeTaxonomy(bad, 'statements/themes.yaml')).toThrow(
      /^statements\/themes\.yaml: themes\.0\.cues\.0\.weight: /,
    );
    expect(() => parseThemeTaxonomy('themes: [', 'x.yaml')).toThrow(/^x\.yaml: not valid YAML/);
    const duplicate = 'themes:\n  - {id: a, label: A, cues: [{cue: x, weight: 1}]}\n  - {id: a, label: B, cues: [{cue: y, weight: 1}]}\n';
    expect(() => parseThemeTaxonomy(duplicate, 'x.yaml')).toThrow(/themes\.1\.id: duplicate theme id "a"/);
  });
});

describe('the production taxonomy (statements/themes.yaml)', () => {
  const { themes, threshold } = parseThemeTaxonomy(
    readFileSync(join(REPO_STATEMENTS, 'themes.yaml'), 'utf8'),
    'statements/themes.yaml',
  );
  const ids = (text: string) => themeIdsFor(text, themes, threshold);

  it('has the crisis themes', () => {
    expect(themes.map((theme) => theme.id)).toEqual([
      'military-operations',
      'counter-terrorism-policy',
      'police-capacity',
      'foreign-hands',
      'condemnation-solidarity',
      'international-support',
      'cpec-chinese-security',
      'grievances-dialogue',
      'development',
      'communications-shutdown',
    ]);
  });

  it('tags sentences of the domain (our own words)', () => {
    expect(ids('the army will expand intelligence-based operations in the district')).toContain('military-operations');
    expect(ids('the ministry blamed hostile agencies across the border')).toContain('foreign-hands');
    expect(ids('we send our condolences to the bereaved families')).toContain('condemnation-solidarity');
    expect(ids('mobile internet was cut off in three districts')).toContain('communications-shutdown');
    expect(ids('the safety of Chinese nationals working on CPEC')).toContain('cpec-chinese-security');
    expect(ids('families of missing persons demanded answers')).toContain('grievances-dialogue');
    expect(ids('police and Levies will get new training')).toContain('police-capacity');
    expect(ids('the budget sets aside funds for students')).toContain('development');
    expect(ids('the weather in Quetta was cold')).toEqual([]);
  });
});
