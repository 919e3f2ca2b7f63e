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
