// When a statement was made: date phrases in the words around the reporting verb, resolved against
// the publication date (weekdays to the latest such day on or before it; "yesterday"; "a day after" an
// event the article dates), and the fallback to the publication date.
import type { DateBasis, IsoDate } from '../types.js';
import { MONTHS, WEEKDAYS } from './lexicon.js';

export interface DateMention {
  start: number;
  end: number;
  date: IsoDate;
  basis: DateBasis;
  /** How firmly the phrase dates the verb next to it: a weekday or day of the month beats "a day after". */
  strength: number;
}

const MONTH_NAMES = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const WEEKDAY_RE = /\b(?:(?:late|early)\s+)?(?:(last|next|this|on)\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)(?!['’]s)\b/giu;
const MONTH_DAY_RE = new RegExp(`\\b(${MONTH_NAMES})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d|['’]s|\\s*[-–]\\s*\\d)(?:,?\\s+(\\d{4}))?`, 'giu');
const DAY_MONTH_RE = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_NAMES})\\b\\.?(?:,?\\s+(\\d{4}))?`, 'giu');
const TODAY_RE = /\b(today|tonight|this\s+(?:morning|afternoon|evening)|yesterday|last\s+night)\b/giu;
const DAY_AFTER_RE = /\b(?:a|one|the)\s+day\s+(?:after|following)\b/giu;
const SAME_DAY_RE = /\b(?:later\s+in\s+the\s+day|earlier\s+in\s+the\s+day|hours\s+(?:after|later)|earlier\s+this\s+(?:week|month)|earlier|later)\b/giu;
/** "on the 20th": a day of the month without its month, the publication month's (or the one before). */
const ORDINAL_DAY_RE = new RegExp(`\\bon\\s+the\\s+(\\d{1,2})(?:st|nd|rd|th)\\b(?!\\s+(?:of\\s+)?(?:${MONTH_NAMES})\\b)`, 'giu');
const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
/** "two days later", "the next day": counted from the last date the text gave before it. */
const DAYS_LATER_RE = /\b(?:(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+days?\s+later|the\s+(?:next|following)\s+day)\b/giu;

// Cheap tests for what each phrase cannot do without (a digit, "day", "later"): most sentences have
// none of them, and the full patterns (Unicode, case-insensitive, word boundaries) cost far more.
const HAS_DIGIT = /\d/;
const HAS_DAY = /day/iu;
const HAS_TODAY_WORD = /to(?:day|night)|this|yesterday|last/iu;
const HAS_SAME_DAY_WORD = /later|earlier|hours/iu;

// Day arithmetic on UTC dates (no time zone can shift a day). Plain Date, as dayjs's wrappers cost
// more than the arithmetic on every date phrase; the rules are dayjs's (a month or year step keeps the
// day of the month where it exists, else takes the month's last day).
const day = (iso: IsoDate): Date => new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
const fmt = (d: Date): IsoDate =>
  `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
const DAY_MS = 86_400_000;
const addDays = (d: Date, days: number): Date => new Date(d.getTime() + days * DAY_MS);
/** `d` with its day of the month set to `dayOfMonth`, rolling over into the next month as Date does. */
function withDate(d: Date, dayOfMonth: number): Date {
  const out = new Date(d.getTime());
  out.setUTCDate(dayOfMonth);
  return out;
}
/** `months` months on (or back), on the same day of the month or the month's last day. */
function addMonths(d: Date, months: number): Date {
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return withDate(first, Math.min(d.getUTCDate(), lastDay));
}

function monthIndex(name: string): number {
  const lower = name.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(lower));
}

/** The latest `weekday` on or before the publication day ("on Tuesday" in a Tuesday article is that day). */
export function resolveWeekday(weekday: string, published: IsoDate): IsoDate {
  const target = WEEKDAYS.indexOf(weekday.toLowerCase());
  const pub = day(published);
  const delta = (pub.getUTCDay() - target + 7) % 7;
  return fmt(addDays(pub, -delta));
}

/** A day of the month: the publication year, or the year before when that would lie after publication. */
export function resolveMonthDay(month: number, dayOfMonth: number, year: number | null, published: IsoDate | null): IsoDate | null {
  if (month < 0 || dayOfMonth < 1 || dayOfMonth > 31) return null;
  const baseYear = year ?? (published ? day(published).getUTCFullYear() : null);
  if (baseYear === null) return null;
  let candidate = new Date(Date.UTC(baseYear, month, dayOfMonth));
  if (candidate.getUTCDate() !== dayOfMonth) return null;
  if (!year && published && candidate.getTime() > day(published).getTime()) candidate = addMonths(candidate, -12);
  return fmt(candidate);
}

/**
 * Date phrases in text[start, end) that can date a speech act. Possessive weekdays ("Friday’s bombing")
 * name an event, not the day of speaking, and are skipped; dates after publication are skipped too.
 */
export function findDateMentions(text: string, start: number, end: number, published: IsoDate | null): DateMention[] {
  const out: DateMention[] = [];
  for (const phrase of datePhrases(text.slice(start, end))) {
    const date = dayOfPhrase(phrase, published);
    if (!date || (published && date > published)) continue;
    out.push({ start: start + phrase.at, end: start + phrase.at + phrase.length, date, basis: phrase.basis, strength: phrase.strength });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A date phrase as written, before it is resolved against a publication day. */
interface DatePhrase {
  kind: 'weekday' | 'ordinal' | 'today' | 'same-day' | 'month-day';
  at: number;
  length: number;
  basis: DateBasis;
  strength: number;
  /** weekday: "last"/"next"/"this"/"on" and the day's name; today: the word; ordinal: the day. */
  words: string[];
  /** month-day: month index, day of the month, year or null. */
  numbers: Array<number | null>;
}

/**
 * The date phrases of some words, in the order findDateMentions has always listed them (which its
 * stable sort keeps for phrases at the same offset). Remembered by the words: the same sentences and
 * frames come back (the extractor asks about a range more than once; repeated paragraphs and syndicated
 * copy recur across articles), and finding the phrases is the costly part.
 */
function datePhrases(slice: string): readonly DatePhrase[] {
  let phrases = phrasesBySlice.get(slice);
  if (!phrases) {
    phrases = scanPhrases(slice);
    if (phrasesBySlice.size >= MAX_REMEMBERED_SLICES) phrasesBySlice.clear();
    phrasesBySlice.set(slice, phrases);
  }
  return phrases;
}

const phrasesBySlice = new Map<string, readonly DatePhrase[]>();
const MAX_REMEMBERED_SLICES = 20_000;

function scanPhrases(slice: string): DatePhrase[] {
  const out: DatePhrase[] = [];
  const add = (match: RegExpMatchArray, kind: DatePhrase['kind'], basis: DateBasis, strength: number, words: string[], numbers: Array<number | null> = []) =>
    out.push({ kind, at: match.index ?? 0, length: match[0].length, basis, strength, words, numbers });
  const digits = HAS_DIGIT.test(slice);
  // Relative phrases first (they need a publication day), then written dates.
  if (HAS_DAY.test(slice)) for (const match of slice.matchAll(WEEKDAY_RE)) add(match, 'weekday', 'relative', 3, [match[1]?.toLowerCase() ?? '', match[2] ?? '']);
  if (digits) for (const match of slice.matchAll(ORDINAL_DAY_RE)) add(match, 'ordinal', 'relative', 3, [], [Number(match[1])]);
  if (HAS_TODAY_WORD.test(slice)) for (const match of slice.matchAll(TODAY_RE)) add(match, 'today', 'relative', 2, [(match[1] ?? '').toLowerCase()]);
  if (HAS_SAME_DAY_WORD.test(slice)) for (const match of slice.matchAll(SAME_DAY_RE)) add(match, 'same-day', 'published', 0, []);
  if (digits) for (const match of slice.matchAll(MONTH_DAY_RE)) {
    add(match, 'month-day', 'explicit', 3, [], [monthIndex(match[1] ?? ''), Number(match[2]), match[3] ? Number(match[3]) : null]);
  }
  if (digits) for (const match of slice.matchAll(DAY_MONTH_RE)) {
    add(match, 'month-day', 'explicit', 3, [], [monthIndex(match[2] ?? ''), Number(match[1]), match[3] ? Number(match[3]) : null]);
  }
  return out;
}

/** The day a phrase names, given the publication day (relative phrases need one); null when none. */
function dayOfPhrase(phrase: DatePhrase, published: IsoDate | null): IsoDate | null {
  if (phrase.kind === 'month-day') {
    const [month, dayOfMonth, year] = phrase.numbers;
    return resolveMonthDay(month ?? -1, dayOfMonth ?? 0, year ?? null, published);
  }
  if (!published) return null;
  switch (phrase.kind) {
    case 'weekday': {
      const [which, weekday] = phrase.words;
      if (which === 'next') return null;
      // "last Thursday" in a Thursday article is a week before; "on Thursday" is that day.
      const resolved = resolveWeekday(weekday ?? '', published);
      return which === 'last' && resolved === published ? shiftDays(published, -7) : resolved;
    }
    case 'ordinal': {
      const dayOfMonth = phrase.numbers[0] ?? 0;
      const pub = day(published);
      let candidate = withDate(pub, dayOfMonth);
      if (candidate.getUTCDate() !== dayOfMonth || candidate.getTime() > pub.getTime()) candidate = withDate(addMonths(pub, -1), dayOfMonth);
      return candidate.getUTCDate() === dayOfMonth ? fmt(candidate) : null;
    }
    case 'today': {
      const word = phrase.words[0];
      const back = word === 'yesterday' || word === 'last night' ? 1 : 0;
      return fmt(addDays(day(published), -back));
    }
    case 'same-day':
      return published;
  }
}

/** "two days later", "the next day" in text[start, end): where each phrase starts and how many days it counts. */
export function findDaysLater(text: string, start: number, end: number): Array<{ at: number; days: number }> {
  const slice = text.slice(start, end);
  if (!HAS_DAY.test(slice)) return [];
  return [...slice.matchAll(DAYS_LATER_RE)].map((match) => {
    const word = (match[1] ?? 'one').toLowerCase();
    return { at: start + (match.index ?? 0), days: NUMBER_WORDS[word] ?? Number(word) };
  });
}

/** "a day after …" in text[start, end): the offset just after the phrase, for the anchor event. */
export function findDayAfter(text: string, start: number, end: number): number[] {
  const slice = text.slice(start, end);
  if (!HAS_DAY.test(slice)) return [];
  return [...slice.matchAll(DAY_AFTER_RE)].map((match) => start + (match.index ?? 0) + match[0].length);
}

export function shiftDays(date: IsoDate, days: number): IsoDate {
  return fmt(addDays(day(date), days));
}

/** The mention that dates a verb at `anchor`: the strongest, then the nearest. */
export function bestMention(mentions: DateMention[], anchor: number): DateMention | null {
  let best: DateMention | null = null;
  for (const mention of mentions) {
    if (!best || mention.strength > best.strength) best = mention;
    else if (mention.strength === best.strength && Math.abs(mention.start - anchor) < Math.abs(best.start - anchor)) best = mention;
  }
  return best;
}
