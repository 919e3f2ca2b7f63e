// The date arithmetic of extract/dates.ts and ingest/dates.ts runs on plain UTC dates. These tests hold
// it to the calendar rules it replaced (dayjs's): leap days, month ends, a year or a month back.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import { describe, expect, it } from 'vitest';
import { findDateMentions, resolveMonthDay, resolveWeekday, shiftDays } from '../../src/extract/dates.js';
import { collapseSpaces } from '../../src/extract/text.js';
import { toIso } from '../../src/ingest/dates.js';

dayjs.extend(utc);

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Every third day of 2023–2025, and the days around month ends and leap days. */
function sampleDays(): string[] {
  const days: string[] = [];
  for (let t = Date.UTC(2023, 0, 1); t <= Date.UTC(2025, 11, 31); t += 3 * 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return [...days, '2024-02-28', '2024-02-29', '2024-03-01', '2024-03-31', '2023-03-31', '2024-12-31', '2025-01-01'];
}

describe('day arithmetic', () => {
  it('steps days as the calendar does', () => {
    for (const day of sampleDays()) {
      for (const step of [-400, -31, -7, -1, 0, 1, 30]) {
        expect(shiftDays(day, step)).toBe(dayjs.utc(day).add(step, 'day').format('YYYY-MM-DD'));
      }
    }
  });

  it('finds the latest weekday on or before publication', () => {
    for (const day of sampleDays()) {
      for (const [index, weekday] of WEEKDAYS.entries()) {
        const back = (dayjs.utc(day).day() - index + 7) % 7;
        expect(resolveWeekday(weekday, day)).toBe(dayjs.utc(day).subtract(back, 'day').format('YYYY-MM-DD'));
      }
    }
  });

  it('puts a day of the month a year back when it would follow publication, and knows month lengths', () => {
    expect(resolveMonthDay(1, 29, null, '2025-03-01')).toBeNull(); // 2025 has no 29 February
    expect(resolveMonthDay(1, 29, null, '2024-03-01')).toBe('2024-02-29');
    expect(resolveMonthDay(1, 29, 2023, '2024-03-01')).toBeNull();
    expect(resolveMonthDay(11, 31, null, '2024-12-30')).toBe('2023-12-31');
    expect(resolveMonthDay(3, 31, null, '2024-12-30')).toBeNull(); // April has 30 days
    expect(resolveMonthDay(0, 15, null, null)).toBeNull();
    expect(resolveMonthDay(0, 15, 2024, null)).toBe('2024-01-15');
  });

  it('reads "on the 31st" in the publication month, else the month before, only where that day exists', () => {
    const dayOf = (text: string, published: string) => findDateMentions(text, 0, text.length, published).map((m) => m.date);
    expect(dayOf('He spoke on the 31st.', '2024-03-31')).toEqual(['2024-03-31']);
    expect(dayOf('He spoke on the 31st.', '2024-04-15')).toEqual(['2024-03-31']);
    expect(dayOf('He spoke on the 31st.', '2024-05-15')).toEqual([]); // neither May 31 (later) nor April 31
    expect(dayOf('He spoke on the 29th.', '2024-03-10')).toEqual(['2024-02-29']);
    expect(dayOf('He spoke on the 29th.', '2023-03-10')).toEqual([]);
  });

  it('accepts only real calendar days as ISO dates', () => {
    expect(toIso({ year: 2024, month: 2, day: 29 })).toBe('2024-02-29');
    expect(toIso({ year: 2023, month: 2, day: 29 })).toBeNull();
    expect(toIso({ year: 2024, month: 13, day: 1 })).toBeNull();
    expect(toIso({ year: 2024, month: 4, day: 0 })).toBeNull();
    expect(toIso({ year: null, month: 4, day: 30 }, 2024)).toBe('2024-04-30');
    expect(toIso({ year: 1899, month: 4, day: 30 })).toBeNull();
  });
});

describe('collapseSpaces', () => {
  it('is replace(/\\s+/g, " "), whatever the white space', () => {
    const pieces = ['a', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\u2028', '\ufeff', 'b c'];
    for (let seed = 0; seed < 2000; seed += 1) {
      let text = '';
      for (let k = seed, n = 0; n < 6; n += 1, k = Math.floor(k / pieces.length) + n * 7) text += pieces[k % pieces.length];
      expect(collapseSpaces(text)).toBe(text.replace(/\s+/g, ' '));
    }
  });
});
