import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../src/analyze/index.js';
import { fixtureRegistry, fixtureStances, source, statement } from './helpers.js';

const registry = fixtureRegistry();
const stances = fixtureStances(registry);
const period = { from: '2024-08-01', to: '2024-09-30' };
const now = new Date('2024-10-01T09:30:00Z');
const say = (speakerId: string, date: string | null, text: string, sources?: ReturnType<typeof source>[], id?: string) =>
  statement(registry, speakerId, date, text, sources, id);

// A small store, our own words. Planted: one speaker shift (minister on operations), one group shift
// (minister in August → committee in September), and non-shifts: a stance restated (CM on talks), a
// different theme (CM's talks vs his operations remark), same-day opposites (Ruritania).
const statements = [
  say('interior-minister', '2024-08-05', 'There is no need for a major operation in the province.',
    [source('ledger-0805.txt', 'Daily Ledger', '2024-08-05')], 'min-against-1'),
  say('interior-minister', '2024-08-06', 'The government does not require large operations to deal with a few gunmen.',
    [source('ledger-0806.txt', 'Daily Ledger', '2024-08-06'), source('ledger-0807.txt', 'Daily Ledger', '2024-08-07')],
    'min-against-2'),
  say('interior-minister', '2024-09-10', 'We will launch a decisive operation and expand intelligence-based operations.',
    [source('post-0910.txt', 'Evening Post', '2024-09-10'), source('star-0911.txt', 'Morning Star', '2024-09-11'), source('ledger-0911.txt', 'daily ledger ', '2024-09-11')],
    'min-for'),
  say('interior-minister', '2024-08-05', 'We condemn this cowardly attack on innocent travellers.',
    [source('ledger-0805.txt', 'Daily Ledger', '2024-08-05')], 'min-condemn'),
  say('interior-minister', null, 'Talks are not on the table for now.', [source('undated.txt', null, null)], 'min-undated'),
  say('apex-committee', '2024-09-20', 'The committee approved a major operation against the militants.',
    [source('post-0920.txt', 'Evening Post', '2024-09-20')], 'apex-for'),
  say('chief-minister', '2024-08-10', 'The government is open to talks with the protesters.', undefined, 'cm-talks-1'),
  say('chief-minister', '2024-09-01', 'We remain ready for talks with every group.', undefined, 'cm-talks-2'),
  say('chief-minister', '2024-09-02', 'There will be no operation in the district.', undefined, 'cm-no-op'),
  say('ruritania', '2024-08-05', 'We condemn the attack and offer condolences to the families.',
    [source('capital-0805.txt', 'Capital Times', '2024-08-05')], 'ru-condemn'),
  say('ruritania', '2024-09-25', 'There is no need for an operation by anyone.', undefined, 'ru-against'),
  say('ruritania', '2024-09-25', 'We back a major operation against the camps.', undefined, 'ru-for'),
  say('ruritania', '2024-09-26', 'Ruritania offers close cooperation to the people.', undefined, 'ru-support'),
  say('world-body', '2024-08-31', 'We offer close cooperation and support.', undefined, 'wb-support'),
  say('local-analyst', '2024-08-20', 'Innocent people pay the price.', undefined, 'an-none'),
  say('local-analyst', '2024-07-15', 'An operation is likely soon.', undefined, 'an-outside'),
];

const analysis: Analysis = analyze({ statements, registry, period, title: 'Test briefing', stances, now });
const byId = (id: string) => {
  const found = analysis.statements.find((cited) => cited.id === id);
  if (!found) throw new Error(`no statement ${id}`);
  return found;
};

describe('analyze: selection and counts', () => {
  it('keeps the period and the undated statements, dated ones in date order', () => {
    expect(analysis.counts).toEqual({ statements: 15, speakers: 6, sources: 16, undated: 1 });
    expect(analysis.statements.map((cited) => cited.id)).not.toContain('an-outside');
    const dates = analysis.statements.map((cited) => cited.date);
    expect(dates.at(-1)).toBeNull();
    const dated = dates.filter((date): date is string => date !== null);
    expect(dated).toEqual([...dated].sort());
    expect(analysis.undated.map((cited) => cited.id)).toEqual(['min-undated']);
  });

  it('stamps the injected clock and carries title and period', () => {
    expect(analysis.title).toBe('Test briefing');
    expect(analysis.period).toEqual(period);
    expect(new Date(analysis.generatedAt).toISOString()).toBe('2024-10-01T09:30:00.000Z');
    expect(analysis.generatedAt).toMatch(/^2024-10-01T\d\d:30:00[+-]\d\d:\d\d$/);
  });

  it('rejects a backwards or malformed period', () => {
    expect(() => analyze({ statements, registry, period: { from: '2024-09-01', to: '2024-08-01' }, title: 't', now })).toThrow(
      /--from 2024-09-01 is after --to 2024-08-01/,
    );
    expect(() => analyze({ statements, registry, period: { from: '2024-02-30', to: '2024-08-01' }, title: 't', now })).toThrow(
      /--from: "2024-02-30" is not a day/,
    );
  });
});

describe('analyze: sources and corroboration', () => {
  it('numbers sources by publication date, ties by outlet, undated last', () => {
    const files = analysis.sources.map((entry) => entry.file);
    expect(files.slice(0, 2)).toEqual(['capital-0805.txt', 'ledger-0805.txt']);
    expect(files.at(-1)).toBe('undated.txt');
    expect(analysis.sources.map((entry) => entry.number)).toEqual(analysis.sources.map((_, index) => index + 1));
  });

  it('counts two files of one outlet once, matching outlets case-insensitively', () => {
    const twoLedgerFiles = byId('min-against-2');
    expect(twoLedgerFiles.citations).toHaveLength(2);
    expect(twoLedgerFiles.corroboration).toBe(1);
    expect(twoLedgerFiles.singleSource).toBe(true);
    const threeFiles = byId('min-for');
    expect(threeFiles.citations).toHaveLength(3);
    expect(threeFiles.corroboration).toBe(3);
    expect(threeFiles.singleSource).toBe(false);
  });

  it('cites the same number for every statement of one file', () => {
    expect(byId('min-against-1').citations).toEqual(byId('min-condemn').citations);
    const number = byId('min-against-1').citations[0];
    expect(analysis.sources.find((entry) => entry.number === number)?.file).toBe('ledger-0805.txt');
  });
});

describe('analyze: speakers, roles, themes', () => {
  it('puts tracked speakers first in registry order, then the rest by count and name', () => {
    expect(analysis.speakers.map((profile) => [profile.speaker.id, profile.count])).toEqual([
      ['interior-minister', 5],
      ['chief-minister', 3],
      ['ruritania', 4],
      ['apex-committee', 1],
      ['world-body', 1],
      ['local-analyst', 1],
    ]);
  });

  it('gives the role held on the day', () => {
    expect(byId('min-against-1').role).toBe('Senator');
    expect(byId('min-for').role).toBe('Interior Minister');
    expect(byId('min-undated').role).toBe('Interior Minister');
    expect(byId('ru-condemn').role).toBeNull();
    expect(analysis.speakers[0]?.role).toBe('Interior Minister');
  });

  it('explains each theme with the cues that matched', () => {
    expect(byId('wb-support').themeMatches).toEqual([
      { themeId: 'support', score: 1.5, cues: ['close cooperation', 'support'], matched: ['close cooperation', 'support'] },
    ]);
    expect(byId('an-none').themes).toEqual([]);
  });

  it('keeps a reviewer-added theme, with no cues to show', () => {
    const reviewed = { ...say('local-analyst', '2024-08-21', 'A quiet remark.', undefined, 'an-reviewed'), themes: ['talks', 'no-such-theme'] };
    const result = analyze({ statements: [reviewed], registry, period, title: 't', stances, now });
    expect(result.statements[0]?.themeMatches).toEqual([{ themeId: 'talks', score: 0, cues: [], matched: [] }]);
    expect(result.statements[0]?.themes).toEqual(['talks']);
  });

  it('sections themes by count, speakers in briefing order, statements by date', () => {
    expect(analysis.themes.map((section) => [section.theme.id, section.count])).toEqual([
      ['operations', 7],
      ['talks', 3],
      ['condemnation', 2],
      ['support', 2],
    ]);
    const operations = analysis.themes[0];
    expect(operations?.bySpeaker.map((entry) => entry.speaker.id)).toEqual(['interior-minister', 'chief-minister', 'ruritania', 'apex-committee']);
    expect(operations?.bySpeaker[0]?.statements.map((cited) => cited.id)).toEqual(['min-against-1', 'min-against-2', 'min-for']);
  });

  it('fills the speaker × theme matrix, leaving out speakers without themes', () => {
    const { matrix } = analysis;
    expect(matrix.themes.map((theme) => theme.id)).toEqual(['operations', 'condemnation', 'talks', 'support']);
    expect(matrix.speakers.map((speaker) => speaker.id)).toEqual(['interior-minister', 'chief-minister', 'ruritania', 'apex-committee', 'world-body']);
    expect(matrix.counts[0]).toEqual([3, 1, 1, 0]);
    expect(matrix.counts[2]).toEqual([2, 1, 0, 1]);
    expect(matrix.max).toBe(3);
  });

  it('profiles foreign governments and international organisations', () => {
    expect(analysis.foreign.map((profile) => profile.speaker.id)).toEqual(['ruritania', 'world-body']);
    expect(analysis.foreign[0]?.themeMix.map((entry) => [entry.theme.id, entry.count])).toEqual([
      ['operations', 2],
      ['condemnation', 1],
      ['support', 1],
    ]);
  });
});

describe('analyze: weeks', () => {
  it('covers every ISO week of the period, Monday first, empty weeks included', () => {
    expect(analysis.weeks.map((week) => week.weekStart)).toEqual([
      '2024-07-29', '2024-08-05', '2024-08-12', '2024-08-19', '2024-08-26',
      '2024-09-02', '2024-09-09', '2024-09-16', '2024-09-23', '2024-09-30',
    ]);
    expect(analysis.weeks.map((week) => week.total)).toEqual([0, 5, 0, 1, 2, 1, 1, 1, 3, 0]);
  });

  it('counts a week that spans two months by its Monday', () => {
    const spanning = analysis.weeks.find((week) => week.weekStart === '2024-08-26');
    expect(spanning).toEqual({ weekStart: '2024-08-26', total: 2, bySpeaker: { 'world-body': 1, 'chief-minister': 1 } });
    const first = analyze({
      statements: [say('world-body', '2024-08-01', 'We condemn it.'), say('world-body', '2024-07-31', 'We condemn it too.')],
      registry, period, title: 't', now,
    }).weeks[0];
    expect(first).toEqual({ weekStart: '2024-07-29', total: 1, bySpeaker: { 'world-body': 1 } });
  });
});

describe('analyze: position shifts', () => {
  it('finds the planted speaker shift with both statements and their cues', () => {
    const shift = analysis.shifts.find((found) => found.scope === 'speaker' && found.speaker.id === 'interior-minister');
    expect(shift).toBeDefined();
    expect(shift?.theme.id).toBe('operations');
    expect(shift?.before.id).toBe('min-against-2');
    expect(shift?.after.id).toBe('min-for');
    expect(shift?.fromStance).toBe('against an operation');
    expect(shift?.toStance).toBe('for an operation');
    expect(shift?.cues).toEqual({ before: ['not require* … operation*'], after: ['launch* … operation*', 'expand* … operation*'] });
    expect(shift?.explanation).toContain('Farid Khan moved on military operations from against an operation (6 Aug 2024');
    expect(shift?.explanation).toContain('“not require large operations”');
  });

  it('finds the group shift between two members, not the member’s own move again', () => {
    const groupShifts = analysis.shifts.filter((found) => found.scope === 'group');
    expect(groupShifts).toHaveLength(1);
    expect(groupShifts[0]).toMatchObject({ group: 'federal-government', actor: 'Federal government' });
    expect(groupShifts[0]?.before.id).toBe('min-against-2');
    expect(groupShifts[0]?.after.id).toBe('apex-for');
  });

  it('reports no planted non-shift: restated stance, different themes, same-day opposites', () => {
    expect(analysis.shifts).toHaveLength(2);
    const speakers = analysis.shifts.map((found) => found.speaker.id);
    expect(speakers).not.toContain('chief-minister');
    expect(speakers).not.toContain('ruritania');
  });

  it('finds none without a stance lexicon', () => {
    expect(analyze({ statements, registry, period, title: 't', now }).shifts).toEqual([]);
  });
});

describe('analyze: key statements and judgements', () => {
  it('selects dated statements of tracked and foreign speakers and shift evidence, in date order', () => {
    const ids = analysis.keyStatements.map((cited) => cited.id);
    expect(ids).toContain('apex-for');
    expect(ids).toContain('min-for');
    expect(ids).not.toContain('an-none');
    expect(ids).not.toContain('min-undated');
    const dates = analysis.keyStatements.map((cited) => cited.date ?? '');
    expect(dates).toEqual([...dates].sort());
  });

  it('writes judgements naming the shift and the most active speaker, with supporting ids', () => {
    const texts = analysis.judgements.map((judgement) => judgement.text);
    expect(analysis.judgements.length).toBeGreaterThanOrEqual(3);
    expect(analysis.judgements.length).toBeLessThanOrEqual(5);
    expect(texts[0]).toMatch(/^Farid Khan shifted position on military operations: from against an operation \(6 Aug 2024\) to for an operation \(10 Sep 2024\)/);
    expect(analysis.judgements[0]?.statementIds).toEqual(['min-against-2', 'min-for', 'apex-for']);
    expect(texts).toContain('Farid Khan was the most active speaker (5 of 15 statements), followed by Ruritania (4) and Aslam Raza (3).');
    expect(texts).toContain('Military operations was the dominant theme (7 of 15 statements), ahead of dialogue and talks (3) and condemnation and solidarity (2).');
    const active = analysis.judgements.find((judgement) => judgement.text.includes('most active'));
    expect(active?.statementIds.every((id) => id.startsWith('min-'))).toBe(true);
  });

  it('is deterministic', () => {
    expect(analyze({ statements, registry, period, title: 'Test briefing', stances, now })).toEqual(analysis);
  });
});
