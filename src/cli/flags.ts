// Flag values that need more than yargs' type checks: calendar dates and the date range.
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import { usageError } from '../errors.js';
import type { IsoDate } from '../types.js';

dayjs.extend(customParseFormat);

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A `YYYY-MM-DD` flag value that names a real calendar day (2024-02-30 is refused). */
export function parseDayFlag(flag: string, value: unknown): IsoDate {
  const text = String(value ?? '').trim();
  if (!ISO_DAY.test(text)) {
    throw usageError(`--${flag} "${text}": not a date; use YYYY-MM-DD, e.g. --${flag} 2024-08-01`);
  }
  if (!dayjs(text, 'YYYY-MM-DD', true).isValid()) {
    throw usageError(`--${flag} "${text}": no such day in the calendar; use a real date as YYYY-MM-DD`);
  }
  return text;
}

export interface DayRange {
  from: IsoDate;
  to: IsoDate;
}

export function parseRange(from: unknown, to: unknown): DayRange {
  const range = { from: parseDayFlag('from', from), to: parseDayFlag('to', to) };
  if (range.from > range.to) {
    throw usageError(`--from ${range.from} is after --to ${range.to}; give the earlier day to --from`);
  }
  return range;
}

/** Repeatable flags may also be given comma-separated: `--speaker naqvi,bugti`. */
export function listFlag(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items
    .flatMap((item) => String(item).split(','))
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** A range whose ends may be left open (`report themes` with no --from counts from the start). */
export function parseOpenRange(from: unknown, to: unknown): Partial<DayRange> {
  if (from !== undefined && to !== undefined) return parseRange(from, to);
  return {
    from: from === undefined ? undefined : parseDayFlag('from', from),
    to: to === undefined ? undefined : parseDayFlag('to', to),
  };
}
