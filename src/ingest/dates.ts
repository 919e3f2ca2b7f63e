// Publication dates: recognising date lines, datelines and metadata timestamps, and turning them into
// `YYYY-MM-DD`. Prose parsing is chrono-node's (strict mode: written dates only, no "today"/"Monday").
// The English parsers alone: importing every locale costs ~85 ms more at start-up, for nothing we read.
import * as chrono from 'chrono-node/en';
import type { IsoDate } from '../types.js';

/** A date read from a line; `year` is null when the line gives only day and month ("Nov 10"). */
export interface PartialDate {
  year: number | null;
  month: number;
  day: number;
}

/** What kind of line carried a date: a labelled publication line, an update stamp, or a bare date. */
export type DateLabel = 'published' | 'updated' | 'plain';

export interface DateLine {
  date: PartialDate;
  label: DateLabel;
  /** The whole line is the date plus labels, weekdays, times and separators (nothing else). */
  dateOnly: boolean;
}

/** Lines longer than this are prose, never a date or byline line. */
const MAX_DATE_LINE = 160;

/** A reference far from any article so that a year chrono has to guess is never mistaken for real. */
const REFERENCE = new Date(Date.UTC(2000, 0, 1));

const PUBLISHED_LABEL = /\b(published|posted|publish date|first published|released)\b/i;
const UPDATED_LABEL = /\b(updated|modified|last updated|edited)\b/i;

/** Cheap tests run before chrono: a written date needs a digit and a month name or a numeric date. */
const MONTH_NAME = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const NUMERIC_DATE = /\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/;
const RELATIVE_WORDS = /\b(ago|after|before|later|earlier|next|last|this|from now|since)\b/i;
const mayHoldDate = (line: string): boolean => /\d/.test(line) && (MONTH_NAME.test(line) || NUMERIC_DATE.test(line));

/** Words allowed around a date for the line to still count as "just a date". */
const DATE_LINE_FILLER =
  /\b(?:gmt|utc)\s*[+-]\s*\d{1,2}(?::?\d{2})?|\b(?:\d+|an?|one)\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?)\s+ago\b|\b\d+\s+(?:minutes?|mins?)\s+read\b|\b(published|posted|updated|modified|last|first|date|dated|on|at|time|pkt|pst|gmt|utc|ist|est|edt|am|pm|a\.m\.|p\.m\.|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b|\d{1,2}:\d{2}(:\d{2})?|[\s,.|:;()\-–—•·/]/gi;

export function toIso(date: PartialDate, fallbackYear: number | null = null): IsoDate | null {
  const year = date.year ?? fallbackYear;
  if (year === null || year < 1900 || year > 2100) return null;
  const iso = `${String(year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
  // A real calendar day: Date rolls an impossible one over (Feb 30 → Mar 1), which then reads differently.
  const parsed = new Date(Date.UTC(year, date.month - 1, date.day));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === date.month - 1 && parsed.getUTCDate() === date.day ? iso : null;
}

type FoundDate = { date: PartialDate; index: number; text: string };

/** datesIn's answers for short texts: date lines, bylines and datelines recur across a collection. */
const datesByLine = new Map<string, readonly FoundDate[]>();
const MAX_REMEMBERED_LINES = 5_000;

/** All written dates (with at least day and month) in a short piece of text. */
export function datesIn(text: string): FoundDate[] {
  if (text.length > MAX_DATE_LINE) return parseDates(text);
  let found = datesByLine.get(text);
  if (!found) {
    found = parseDates(text);
    if (datesByLine.size >= MAX_REMEMBERED_LINES) datesByLine.clear();
    datesByLine.set(text, found);
  }
  return found.map((one) => ({ ...one, date: { ...one.date } }));
}

/** chrono-node's reading of the text (the costly part: a dozen parsers, each a regex over the text). */
function parseDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const result of chrono.strict.parse(text, REFERENCE)) {
    const start = result.start;
    if (!start.isCertain('day') || !start.isCertain('month')) continue;
    // chrono's strict mode still reads relative phrases ("a day after", "3 days ago") against the
    // reference date; only written calendar dates count here.
    if (!mayHoldDate(result.text) || RELATIVE_WORDS.test(result.text)) continue;
    const month = start.get('month');
    const day = start.get('day');
    if (month === null || day === null) continue;
    const year = start.isCertain('year') ? start.get('year') : null;
    found.push({ date: { year, month, day }, index: result.index, text: result.text });
  }
  return found;
}

/**
 * Reads a date from a short metadata-like line ("August 27, 2024", "Published Date: 01:12 | 10
 * November 2024", "Faizan Hashmi Published September 06, 2024 | 10:00 PM"). Returns null for prose.
 */
export function readDateLine(raw: string): DateLine | null {
  if (raw.length > MAX_DATE_LINE || !mayHoldDate(raw)) return null;
  const line = unglueStamp(raw);
  const found = datesIn(line);
  const first = found[0];
  if (!first) return null;
  const rest = (line.slice(0, first.index) + ' ' + line.slice(first.index + first.text.length)).replace(DATE_LINE_FILLER, '');
  const dateOnly = rest.length === 0;
  const before = line.slice(0, first.index);
  const label: DateLabel = PUBLISHED_LABEL.test(before) || /^published in\b/i.test(line)
    ? 'published'
    : UPDATED_LABEL.test(before)
      ? 'updated'
      : 'plain';
  if (!dateOnly && label === 'plain') {
    // "Reuters | October 3, 2024", "By Jane Roe · Oct 3, 2024": a byline and its date. "Islamabad, 8
    // October 2024", "Press Release No. 512 | Islamabad, 08 October 2024": a place and its date.
    const after = line.slice(first.index + first.text.length);
    const part = partAround(line, first.index, first.index + first.text.length);
    const dated = bylineBefore(before, after) || bylineAfter(before, after) || placeBefore(part.before, part.after);
    return dated ? { date: first.date, label, dateOnly: true } : null;
  }
  // A labelled line may carry a byline before the label, but not a sentence.
  if (!dateOnly && /[.!?]["”’]?\s+[a-z]/.test(line)) return null;
  return { date: first.date, label, dateOnly };
}

/**
 * Scraped stamps lose the spaces between their parts ("October 3, 20245:42 AM GMT+5Updated 2 hours
 * ago"): a year glued to a time, or a label glued to the word before it, is split again.
 */
function unglueStamp(line: string): string {
  return line
    .replace(/(\b(?:19|20)\d{2})(\d{1,2}:\d{2})/g, '$1 $2')
    .replace(/([\p{Ll}\p{N}])(Updated|Published|Posted|Modified)\b/gu, '$1 $2');
}

/** The text before and after [start, end) within the part of the line between separators (| · •). */
function partAround(line: string, start: number, end: number): { before: string; after: string } {
  const left = Math.max(...['|', '·', '•'].map((mark) => line.lastIndexOf(mark, start)));
  const rights = ['|', '·', '•'].map((mark) => line.indexOf(mark, end)).filter((at) => at >= 0);
  return { before: line.slice(left + 1, start), after: line.slice(end, rights.length > 0 ? Math.min(...rights) : line.length) };
}

/** A place and a comma before the date ("Islamabad, 08 October 2024"), as press releases are dated. */
function placeBefore(before: string, after: string): boolean {
  return after.replace(DATE_LINE_FILLER, '') === '' && /^\s*\p{Lu}[\p{L}.'’ -]{1,30},\s*$/u.test(before);
}

/** A byline (an agency, "By" and names) set off from the date that follows it by a separator. */
function bylineBefore(before: string, after: string): boolean {
  if (after.replace(DATE_LINE_FILLER, '') !== '') return false;
  const match = /^\s*(?:by\s+)?(\p{Lu}[\p{L}.'’-]*(?:\s+(?:and\s+)?\p{Lu}[\p{L}.'’-]*){0,4})\s*[|·•—–-]\s*$/iu.exec(before);
  return match !== null && !/[.!?]\s/.test(match[1] ?? '');
}

/** "Monday, 18 November 2024 | Web Desk", "Nov 18, 2024 - Staff Report": a date, a separator, then a byline. */
function bylineAfter(before: string, after: string): boolean {
  if (before.replace(DATE_LINE_FILLER, '') !== '') return false;
  // A time may stand between the date and the byline ("| 10:30 PM | Web Desk").
  const rest = after.replace(/^\s*[|·•—–-]?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:pkt|pst|gmt|utc)?(?=\s*[|·•—–-])/i, '');
  const match = /^\s*[|·•—–-]\s*(?:[Bb]y\s+)?(\p{Lu}[\p{L}.'’-]*(?:\s+(?:and\s+)?\p{Lu}[\p{L}.'’-]*){0,4})\s*$/u.exec(rest);
  return match !== null && !/[.!?]\s/.test(match[1] ?? '');
}

/** A ` date 2024-08-28` header that some crawlers put at the very start of the file. */
export const DATE_HEADER = /^[ \t]*date:?[ \t]+(\d{4})-(\d{2})-(\d{2})\b[ \t]*/i;

/**
 * A dateline opening the first paragraph: "Islamabad, Nov 10 (PTI) …", "QUETTA, (UrduPoint / Pakistan
 * Point News - 6th Sep, 2024) …", "KARACHI, Sept 3: …". Only the first ~120 characters are looked at.
 */
export function readDateline(paragraph: string): PartialDate | null {
  const head = paragraph.slice(0, 160);
  const match =
    /^[A-Z][A-Za-z .'’/-]{1,30}?,\s*(?:[A-Z][A-Za-z .'’-]{1,30}?,\s*)?(?:(?:[A-Z][a-z]{2,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,9}\.?)(?:,?\s+\d{4})?\s*)?(?:\([^()\n]{1,90}\)|[:–—-])/.exec(head);
  if (!match) return null;
  const found = datesIn(match[0]);
  return found[0]?.date ?? null;
}

/** A metadata timestamp ("2024-08-28T09:00:00+05:00", "2024-08-28", "Aug 28, 2024") → day, in the publisher's own zone. */
export function metaDate(value: string | null | undefined): IsoDate | null {
  if (!value) return null;
  const trimmed = value.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(trimmed);
  if (iso) return toIso({ year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) });
  if (trimmed.length > MAX_DATE_LINE) return null;
  const first = datesIn(trimmed)[0];
  return first ? toIso(first.date) : null;
}

/** The year most written dates in a text carry (ties go to the later year), for year-less datelines. */
export function dominantYear(text: string): number | null {
  const counts = new Map<number, number>();
  for (const { date } of datesIn(text)) {
    if (date.year !== null) counts.set(date.year, (counts.get(date.year) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [year, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && year > best)) {
      best = year;
      bestCount = count;
    }
  }
  return best;
}
