// Splitting a cleaned article into paragraphs, quote spans and sentences, in one linear pass each, and
// telling the paragraphs that carry statements from headers, standfirsts, captions and truncated tails.
import { ABBREVIATIONS, QUOTE_ONLY_VERBS, REPORTING_VERBS } from './lexicon.js';
import { collapseSpaces } from './text.js';

const ATTRIBUTION_VERBS = [...REPORTING_VERBS, ...QUOTE_ONLY_VERBS].sort((a, b) => b.length - a.length).join('|');
/** A short attribution after a quote that ends in "?" or "!" ("… ?” Kazmi asked.", "… !” said the mayor."). */
const ATTRIBUTION_TAIL = new RegExp(`^(?:(?:${ATTRIBUTION_VERBS})\\b|(?:[\\p{L}.'’-]+\\s+){1,4}(?:${ATTRIBUTION_VERBS})\\b)[^.!?,;“”"]{0,50}(?:[.!?,;]|$)`, 'u');

export interface Paragraph {
  index: number;
  start: number;
  /** End of the usable text: a truncated last sentence is cut off. */
  end: number;
  /** Where the body starts after a dateline ("QUETTA: "). */
  bodyStart: number;
  /** Headline, standfirst, caption, repeat or a fragment: used for context only, never for statements. */
  skip: boolean;
}

export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or the paragraph end when the quote is left open. */
  close: number;
  closed: boolean;
  innerStart: number;
  innerEnd: number;
}

export interface Sentence {
  start: number;
  end: number;
  paragraph: Paragraph;
  /** Quotes that open inside this sentence. */
  quotes: QuoteSpan[];
}

/** A quote longer than this never closed: its opening mark is treated as a stray character. */
const MAX_QUOTE_CHARS = 4000;
const OPENERS = new Set(['“', '«', '„']);
const CLOSERS = new Set(['”', '»']);
const STRAIGHT = '"';
/** " « » “ ” „ — the marks of OPENERS, CLOSERS and STRAIGHT, by code. */
const isQuoteMark = (code: number) => code === 0x22 || code === 0xab || code === 0xbb || (code >= 0x201c && code <= 0x201e);
const TERMINAL = /[.!?…]["”’»)\]]*\s*$/u;

export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const re = /[^\n]+/g;
  for (let match = re.exec(text); match; match = re.exec(text)) {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (!trimmed) continue;
    const start = match.index + lead;
    const end = start + trimmed.length;
    const previous = paragraphs.at(-1);
    // "The embassy said in a statement on Sunday:" and the quote in the next paragraph are one statement.
    if (previous && text[previous.end - 1] === ':' && /^["“]/.test(trimmed)) {
      previous.end = end;
      continue;
    }
    paragraphs.push({ index: paragraphs.length, start, end, bodyStart: start, skip: false });
  }
  return paragraphs;
}

/** The quotation spans of one paragraph: curly or straight marks, recovering from unbalanced ones. */
export function findQuoteSpans(text: string, start: number, end: number): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let openAt = -1;
  const emit = (open: number, close: number, closed: boolean) => {
    let innerStart = open + 1;
    let innerEnd = close;
    while (innerStart < innerEnd && /\s/.test(text[innerStart] ?? '')) innerStart++;
    while (innerEnd > innerStart && /\s/.test(text[innerEnd - 1] ?? '')) innerEnd--;
    if (innerEnd > innerStart) spans.push({ open, close, closed, innerStart, innerEnd });
  };
  // Where the next curly closer and opener are, to tell a straight mark inside a curly quote (markup,
  // a quote within the quote) from a closing one: the curly quote keeps it when its own closer comes first.
  let nextCloser = -1;
  let nextOpener = -1;
  const curlyClosesFirst = (i: number): boolean => {
    if (nextCloser <= i) nextCloser = indexOfAny(text, CLOSERS, i + 1, end);
    if (nextOpener <= i) nextOpener = indexOfAny(text, OPENERS, i + 1, end);
    return nextCloser < end && nextCloser - openAt <= MAX_QUOTE_CHARS && (nextOpener >= end || nextCloser < nextOpener);
  };
  for (let i = start; i < end; i++) {
    // Only a quotation mark changes the state (a quote grown too long is dropped at the next mark or the end).
    if (!isQuoteMark(text.charCodeAt(i))) continue;
    const ch = text[i] ?? '';
    if (openAt >= 0 && i - openAt > MAX_QUOTE_CHARS) openAt = -1;
    if (ch === STRAIGHT && openAt >= 0 && OPENERS.has(text[openAt] ?? '') && curlyClosesFirst(i)) continue;
    if (OPENERS.has(ch)) {
      if (openAt >= 0 && OPENERS.has(text[openAt] ?? '')) emit(openAt, i, false);
      if (openAt < 0 || OPENERS.has(text[openAt] ?? '')) openAt = i;
    } else if (CLOSERS.has(ch)) {
      if (openAt >= 0) {
        emit(openAt, i, true);
        openAt = -1;
      }
    } else if (ch === STRAIGHT) {
      if (openAt >= 0) {
        emit(openAt, i, true);
        openAt = -1;
      } else {
        openAt = i;
      }
    }
  }
  if (openAt >= 0 && end - 1 - openAt > MAX_QUOTE_CHARS) openAt = -1;
  if (openAt >= 0) emit(openAt, end, false);
  return spans;
}

/** The first offset in [from, to) whose character is in `chars`, or `to`. */
function indexOfAny(text: string, chars: Set<string>, from: number, to: number): number {
  for (let i = from; i < to; i++) if (chars.has(text[i] ?? '')) return i;
  return to;
}

function wordBefore(text: string, dot: number, floor: number): string {
  let i = dot;
  while (i > floor && /[\p{L}.]/u.test(text[i - 1] ?? '')) i--;
  return text.slice(i, dot).toLowerCase();
}

/** True when the full stop at `dot` ends an abbreviation or an initial ("Dr.", "M. Ishaq Dar"). */
function isAbbreviation(text: string, dot: number, floor: number): boolean {
  const word = wordBefore(text, dot, floor);
  if (!word) return false;
  if (ABBREVIATIONS.has(word)) return true;
  return /^\p{L}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word);
}

/** Sentences of one paragraph; never splits inside a quote, so a quoted passage stays whole. */
export function splitSentences(text: string, paragraph: Paragraph, quotes: QuoteSpan[]): Sentence[] {
  const sentences: Sentence[] = [];
  let sentenceStart = paragraph.bodyStart;
  let q = 0;
  const limit = paragraph.end;
  for (let i = paragraph.bodyStart; i < limit; i++) {
    while (q < quotes.length && (quotes[q]?.close ?? 0) < i) q++;
    const ch = text[i] ?? '';
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    let j = i + 1;
    while (j < limit && /["”’»)\]]/.test(text[j] ?? '')) j++;
    const quote = quotes[q];
    // Inside a quote, only a mark that closes it right after the stop ends the sentence.
    if (quote && quote.open < i && i < quote.close && !(quote.closed && quote.close < j)) continue;
    if (j >= limit) continue;
    if (!/\s/.test(text[j] ?? '')) continue;
    let k = j;
    while (k < limit && /\s/.test(text[k] ?? '')) k++;
    const next = text[k] ?? '';
    if (!/[\p{Lu}\p{N}"“«‘']/u.test(next)) continue;
    // "“Who will pay?” Kazmi asked.": a question or exclamation quoted before its attribution.
    if ((ch === '?' || ch === '!') && j > i + 1 && ATTRIBUTION_TAIL.test(text.slice(k, limit))) continue;
    if (ch === '.' && isAbbreviation(text, i, sentenceStart)) continue;
    sentences.push({ start: sentenceStart, end: j, paragraph, quotes: [] });
    sentenceStart = k;
    i = k - 1;
  }
  if (sentenceStart < limit) sentences.push({ start: sentenceStart, end: limit, paragraph, quotes: [] });
  for (const sentence of sentences) {
    sentence.quotes = quotes.filter((quote) => quote.open >= sentence.start && quote.open < sentence.end);
  }
  return sentences;
}

// ---------------------------------------------------------------------------------------------
// Which paragraphs carry statements

/** "QUETTA: ", "KALAT, Balochistan: ", "LORALAI (Dunya News) - ", "Islamabad, Nov 10 (PTI) ". */
const DATELINE =
  /^(?:\p{Lu}[\p{L}.]*(?:[ /,-]+\p{Lu}[\p{L}.]*){0,3})(?:\s*,?\s*(?:\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}|\d{1,2}\s+\p{Lu}\p{Ll}{2,8}))?\s*(?:(?:\((?:[^()\n]{1,80})\)\s*[-–—:]?\s*)|[:]\s+|\s+[-–—]\s+)/u;

export function datelineLength(text: string, paragraph: Paragraph): number {
  const head = text.slice(paragraph.start, Math.min(paragraph.end, paragraph.start + 160));
  const match = DATELINE.exec(head);
  if (!match) return 0;
  const place = match[0].replace(/\(.*$/s, '').replace(/[:\s,–—-]+$/u, '');
  // A dateline's place is short and written in capitals or as a proper name, not a clause.
  if (place.split(/\s+/).length > 5) return 0;
  if (!/[(:]/.test(match[0]) && !/[-–—]\s*$/.test(match[0])) return 0;
  // Without a colon, the place must be in capitals or carry a date ("Islamabad, Nov 10 (PTI)"); "China – …" is a subject.
  if (!/:\s*$/.test(match[0])) {
    const capitals = place.replace(/[^\p{L}]/gu, '');
    const dated = /\d/.test(place);
    if (!dated && capitals !== capitals.toUpperCase()) return 0;
  }
  return match[0].length;
}

const CAPTION = /(?:[—–-]\s*(?:Reuters|AFP|AP|APP|PPI|Photo|File|Screengrab|X\/|Twitter|Facebook|Courtesy|Online|INP|NNI)\b[^.]*$)|(?:\bPhoto:\s)|^[—–]\s/u;

function tokensOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function overlapF1(a: string, b: string): number {
  const ta = tokensOf(a);
  const tb = tokensOf(b);
  if (!ta.length || !tb.length) return 0;
  const bag = new Map<string, number>();
  for (const token of tb) bag.set(token, (bag.get(token) ?? 0) + 1);
  let common = 0;
  for (const token of ta) {
    const n = bag.get(token) ?? 0;
    if (n > 0) {
      common++;
      bag.set(token, n - 1);
    }
  }
  if (!common) return 0;
  const p = common / ta.length;
  const r = common / tb.length;
  return (2 * p * r) / (p + r);
}

/** How many of the first paragraphs are looked at for a standfirst. */
const LEAD_WINDOW = 3;

/**
 * Marks what carries no statements: the title repeated, standfirsts (paragraphs above a dateline, or a
 * summary restated by the next paragraph), captions, word-for-word repeats, and fragments; cuts a
 * truncated last sentence off. Sets each paragraph's body start after its dateline.
 */
export function classifyParagraphs(text: string, paragraphs: Paragraph[], title: string | null): void {
  const seen = new Set<string>();
  const datelines = paragraphs.map((paragraph) => datelineLength(text, paragraph));
  const datelineAt = datelines.slice(0, LEAD_WINDOW).findIndex((length) => length > 0);
  const titleKey = title == null ? null : collapseSpaces(title).trim().toLowerCase();
  for (const [i, paragraph] of paragraphs.entries()) {
    const body = text.slice(paragraph.start, paragraph.end);
    const dateline = datelines[i] ?? 0;
    paragraph.bodyStart = paragraph.start + dateline;
    const key = collapseSpaces(body).trim().toLowerCase();
    if (seen.has(key)) paragraph.skip = true;
    seen.add(key);
    if (title && key === titleKey) paragraph.skip = true;
    if (datelineAt > 0 && paragraph.index < datelineAt) paragraph.skip = true;
    if (CAPTION.test(body)) paragraph.skip = true;
    if (!TERMINAL.test(body)) trimFragment(text, paragraph);
  }
  for (let i = 0; i + 1 < Math.min(paragraphs.length, LEAD_WINDOW); i++) {
    const here = paragraphs[i];
    const next = paragraphs[i + 1];
    // A paragraph that opens with a dateline is the lead itself, never a standfirst.
    if (!here || !next || here.skip || here.bodyStart > here.start) continue;
    const a = text.slice(here.start, here.end);
    const b = text.slice(next.start, next.end);
    // A short summary restated by the paragraph after it (word-for-word repeats are handled above).
    if (a.length > 700 || a === b) continue;
    if (overlapF1(a, b) >= 0.6) here.skip = true;
  }
}

/** A paragraph that stops mid-sentence keeps its complete sentences; with none it is a heading or a stub. */
function trimFragment(text: string, paragraph: Paragraph): void {
  let cut = -1;
  for (let i = paragraph.end - 1; i > paragraph.bodyStart; i--) {
    const ch = text[i] ?? '';
    if ((ch === '.' || ch === '!' || ch === '?') && /\s/.test(text[i + 1] ?? ' ') && !isAbbreviation(text, i, paragraph.start)) {
      cut = i + 1;
      break;
    }
  }
  if (cut < 0) paragraph.skip = true;
  else paragraph.end = cut;
}
