import { describe, expect, it } from 'vitest';
import { resolveMonthDay, resolveWeekday } from '../../src/extract/dates.js';
import { run } from './helpers.js';

const dated = (text: string, published: string | null = '2024-11-20') => run(text, published).map((s) => `${s.date} ${s.dateBasis}`);

describe('weekdays and days of the month', () => {
  it('resolves a weekday to the latest such day on or before publication', () => {
    expect(resolveWeekday('Tuesday', '2024-11-20')).toBe('2024-11-19');
    expect(resolveWeekday('Wednesday', '2024-11-20')).toBe('2024-11-20');
    expect(resolveWeekday('Thursday', '2024-11-20')).toBe('2024-11-14');
  });

  it('puts a day of the month in the publication year, or the year before', () => {
    expect(resolveMonthDay(7, 30, null, '2024-11-20')).toBe('2024-08-30');
    expect(resolveMonthDay(11, 30, null, '2024-11-20')).toBe('2023-12-30');
    expect(resolveMonthDay(1, 30, null, '2024-11-20')).toBeNull();
  });
});

describe('statement dates', () => {
  it('dates by a weekday or a date next to the verb', () => {
    expect(dated('Farid Kazmi on Tuesday said the roads were open.')).toEqual(['2024-11-19 relative']);
    expect(dated('Farid Kazmi said on Wednesday that the roads were open.')).toEqual(['2024-11-20 relative']);
    expect(dated('Farid Kazmi said on November 12 that the roads were open.')).toEqual(['2024-11-12 explicit']);
    expect(dated('Farid Kazmi said yesterday that the roads were open.')).toEqual(['2024-11-19 relative']);
  });

  it('ignores dates inside the content and possessive weekdays', () => {
    expect(dated('Farid Kazmi condemned Monday’s bombing.')).toEqual(['2024-11-20 published']);
    expect(dated('“Yesterday’s attack was cowardly,” Kazmi said.')).toEqual(['2024-11-20 published']);
  });

  it('falls back to publication for "later in the day" and "earlier"', () => {
    expect(dated('Earlier, Farid Kazmi had said the roads were open.')).toEqual(['2024-11-20 published']);
  });

  it('dates "a day after" an event the article dates', () => {
    const text = 'A day after the bombing, Sylvania condemned the attack.\n\nThe bombing took place on Sunday in the market.';
    expect(dated(text)).toEqual(['2024-11-18 relative']);
  });

  it('gives a speaker’s undated statements the day of their dated one', () => {
    const text = 'Farid Kazmi on Monday said the roads were open. He added that schools would reopen. Sadia Rehman said markets were calm.';
    expect(dated(text)).toEqual(['2024-11-18 relative', '2024-11-18 relative', '2024-11-20 published']);
  });

  it('gives the people at a dated meeting the meeting’s day', () => {
    const text =
      'The National Security Committee on Tuesday approved a new plan.\n\nThe meeting was chaired by Farid Kazmi and attended by Tariq Awan.\n\nThe interior minister directed officials to act. The army chief reiterated his resolve to end terrorism.';
    const statements = run(text);
    expect(statements.map((s) => `${s.speakerName} ${s.date}`)).toEqual([
      'National Security Committee 2024-11-19',
      'Farid Kazmi 2024-11-19',
      'Tariq Awan 2024-11-19',
    ]);
  });

  it('leaves statements undated when the article has no date', () => {
    expect(dated('Farid Kazmi said the roads were open.', null)).toEqual(['null published']);
  });
});

describe('dates in what was said, sessions and press conferences', () => {
  const byDate = (text: string) => run(text).map((s) => `${s.speakerName} ${s.date}`);

  it('never dates a statement, or the speaker’s later ones, by a date inside the content', () => {
    expect(byDate('Farid Kazmi said the cabinet meeting on Friday had approved an operation. He said the police had arrested four men.')).toEqual([
      'Farid Kazmi 2024-11-20',
      'Farid Kazmi 2024-11-20',
    ]);
    expect(byDate('Farid Kazmi said the conference held on November 3 was a failure.\n\nHe said the police had arrested four men.')).toEqual([
      'Farid Kazmi 2024-11-20',
      'Farid Kazmi 2024-11-20',
    ]);
    // The attribution's own day still dates both.
    expect(byDate('On Friday the interior minister said the riots of November 3 were planned abroad. He said the police had arrested four men.')).toEqual([
      'Farid Kazmi 2024-11-15',
      'Farid Kazmi 2024-11-15',
    ]);
  });

  it('gives the speakers at a session the session’s day', () => {
    const text =
      'The city council on Thursday passed a motion on the water crisis.\n\nTaking the floor, Councillor Ann Lee said the dams were silting up. Opposition leader Raj Patel said the budget was too small.';
    expect(byDate(text)).toEqual(['Councillor Ann Lee 2024-11-14', 'Raj Patel 2024-11-14']);
  });

  it('dates a statement made “at the session” by a session reported after the lead', () => {
    const text =
      'Farid Kazmi said the roads were open.\n\nSadia Rehman said the markets were calm.\n\nThe provincial assembly on Monday debated the water crisis.\n\nSpeaking in the house, Tariq Awan said the dams were silting up.';
    expect(byDate(text)).toEqual(['Farid Kazmi 2024-11-20', 'Sadia Rehman 2024-11-20', 'Tariq Awan 2024-11-18']);
  });

  it('takes a day placed after the object as the day of speaking, but not one after an event noun or in a clause', () => {
    expect(byDate('Farid Kazmi announced his resignation on Monday, saying the party had betrayed voters.')).toEqual(['Farid Kazmi 2024-11-18']);
    expect(byDate('Farid Kazmi denied the allegations on Monday.')).toEqual(['Farid Kazmi 2024-11-18']);
    expect(byDate('Farid Kazmi condemned the attack on Monday.')).toEqual(['Farid Kazmi 2024-11-20']);
    expect(byDate('Farid Kazmi expressed grief over the killing of ten labourers on Sunday.')).toEqual(['Farid Kazmi 2024-11-20']);
    expect(byDate('Farid Kazmi said the police had arrested four men on Sunday.')).toEqual(['Farid Kazmi 2024-11-20']);
  });

  it('dates the follow-ups of a press conference by its day', () => {
    const text =
      'Talking to reporters in Quetta on Sunday, Farid Kazmi said the roads were open.\n\nHe added that the cabinet meeting of November 3 had been useful.\n\n“We will not bow,” he said.';
    expect(byDate(text)).toEqual(['Farid Kazmi 2024-11-17', 'Farid Kazmi 2024-11-17', 'Farid Kazmi 2024-11-17']);
  });

  it('gives a statement “according to” a release to the one who said it, without the release', () => {
    expect(run('Sadia Rehman on Monday said the roads were open, according to a statement issued by the Chief Minister’s Office.').map((s) => `${s.speakerName} | ${s.date} | ${s.text}`)).toEqual([
      'Sadia Rehman | 2024-11-18 | the roads were open',
    ]);
    expect(run('Sadia Rehman said the markets were calm, according to a statement from the ministry.').map((s) => `${s.speakerName} | ${s.text}`)).toEqual([
      'Sadia Rehman | the markets were calm',
    ]);
    // Issued on a day: the release's day is when it was said.
    expect(byDate('Sadia Rehman said the markets were calm, according to a statement issued on Sunday.')).toEqual(['Sadia Rehman 2024-11-17']);
  });
});
