// Calendar helpers. Statements are dated to the day (`YYYY-MM-DD`), so days compare as strings; dayjs
// only does week arithmetic and formatting, in local time at midnight, which no time zone can shift.
import dayjs from 'dayjs';
import isoWeek from 'dayjs/plugin/isoWeek.js';
import type { IsoDate } from '../types.js';
import type { Period } from './types.js';

dayjs.extend(isoWeek);

const DAY = 'YYYY-MM-DD';

/** Ascending, undated (null) last. */
export function compareDates(a: IsoDate | null, b: IsoDate | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

export function inPeriod(date: IsoDate, period: Period): boolean {
  return period.from <= date && date <= period.to;
}

/** Monday of the ISO week holding the day. */
export function isoWeekStart(date: IsoDate): IsoDate {
  return dayjs(date).startOf('isoWeek').format(DAY);
}

/** Mondays of every ISO week that touches the period, in order (empty weeks included). */
export function weeksOf(period: Period): IsoDate[] {
  const weeks: IsoDate[] = [];
  const last = isoWeekStart(period.to);
  for (let monday = dayjs(isoWeekStart(period.from)); monday.format(DAY) <= last; monday = monday.add(1, 'week')) {
    weeks.push(monday.format(DAY));
  }
  return weeks;
}

/** The period cut in two: the first half ends on the middle day. */
export function halves(period: Period): [Period, Period] {
  const start = dayjs(period.from);
  const days = dayjs(period.to).diff(start, 'day');
  const middle = start.add(Math.floor(days / 2), 'day');
  return [
    { from: period.from, to: middle.format(DAY) },
    { from: middle.add(1, 'day').format(DAY), to: period.to },
  ];
}

/** "27 Aug 2024", as briefings write dates. */
export function formatDay(date: IsoDate): string {
  return dayjs(date).format('D MMM YYYY');
}

/** ISO timestamp with the local offset: "2024-12-01T09:30:00+05:00". */
export function timestamp(now: Date): string {
  return dayjs(now).format();
}

export function isValidDay(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && dayjs(date).format(DAY) === date;
}
