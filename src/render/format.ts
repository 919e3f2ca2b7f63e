// Plain formatting functions for dates and counts, shared by the helpers, the charts and the renderer.
import dayjs from 'dayjs';
import type { Period } from '../analyze/types.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** "2024-08-27" → "27 Aug 2024"; null → "undated". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return 'undated';
  if (!ISO_DAY.test(iso)) return iso;
  const day = dayjs(iso);
  return day.isValid() ? day.format('D MMM YYYY') : iso;
}

/** "2024-08-05" → "5 Aug" (chart axes). */
export function formatShortDate(iso: string): string {
  const day = dayjs(iso);
  return day.isValid() ? day.format('D MMM') : iso;
}

/** "1 Aug – 30 Nov 2024"; the year is written once when both ends share it, the month too. */
export function formatPeriod(period: Period): string {
  const from = dayjs(period.from);
  const to = dayjs(period.to);
  if (!from.isValid() || !to.isValid()) return `${period.from} – ${period.to}`;
  if (from.year() !== to.year()) return `${from.format('D MMM YYYY')} – ${to.format('D MMM YYYY')}`;
  if (from.month() !== to.month()) return `${from.format('D MMM')} – ${to.format('D MMM YYYY')}`;
  if (from.date() !== to.date()) return `${from.format('D')}–${to.format('D MMM YYYY')}`;
  return to.format('D MMM YYYY');
}

/**
 * "2024-11-30T14:05:00+05:00" → "30 Nov 2024, 14:05 UTC+05:00". The offset is read from the string
 * rather than converted, so the briefing shows the time where it was generated.
 */
export function formatTimestamp(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(iso);
  if (!match) return iso;
  const [, day, hours, minutes, zone] = match;
  const offset = !zone || zone === 'Z' ? 'UTC' : `UTC${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`;
  return `${formatDate(day)}, ${hours}:${minutes} ${offset}`;
}

/** "1 statement", "3 statements"; the plural defaults to singular + "s". */
export function pluralize(count: number, singular: string, plural?: string): string {
  return `${count} ${count === 1 ? singular : (plural ?? `${singular}s`)}`;
}
