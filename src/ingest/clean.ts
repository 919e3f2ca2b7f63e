// Line-level cleaning shared by every format: the article arrives as a list of blocks (one per line or
// HTML block); boilerplate, headlines, bylines and date lines are taken out, repeats dropped, and the
// title and publication date read from what was taken out.
import type { IsoDate } from '../types.js';
import { isBoilerplateLine, stripAgencyTail } from './boilerplate.js';
import { type DateLabel, type PartialDate, dominantYear, readDateLine, readDateline, toIso } from './dates.js';
import { tidyLine } from './normalize.js';

export interface Block {
  text: string;
  /**
   * para: candidate body text. heading: a marked-up heading (HTML <h1>–<h6>, Markdown #), never body.
   * aside: page text outside the article body (an HTML <header> with the byline), read for dates only.
   */
  kind: 'para' | 'heading' | 'aside';
}

export interface Cleaned {
  paragraphs: string[];
  title: string | null;
  published: IsoDate | null;
}

type Role = 'body' | 'headline' | 'date' | 'drop';

interface Line {
  text: string;
  kind: Block['kind'];
  role: Role;
  date?: { date: PartialDate; label: DateLabel };
}

/** Headlines, sub-heads and section labels are short; a longer unpunctuated line is (truncated) prose. */
const MAX_HEADLINE_WORDS = 30;
/** Page-top lines examined for byline dates. */
const HEADER_LINES = 15;
/** How much body text is scanned for the year of a year-less dateline. */
const YEAR_CONTEXT_CHARS = 20_000;

/** Sentence-final punctuation in the scripts the corpus uses (Latin, Urdu/Arabic, Devanagari, CJK). */
const FINAL_PUNCTUATION = /^[.!?…:;۔؟।。！？]$/;
const CLOSERS = new Set(['"', '”', '’', "'", '»', ')', ']', ' ']);

const wordCount = (text: string): number => {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) === 32;
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
};

function titleCaseRatio(text: string): number {
  const words = text.split(' ').filter((w) => /^\p{L}{4,}/u.test(w));
  if (words.length === 0) return 0;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length;
}

function endsLikeSentence(text: string): boolean {
  let end = text.length;
  while (end > 0 && CLOSERS.has(text[end - 1]!)) end--; // look past closing quotes and brackets
  return end > 0 && FINAL_PUNCTUATION.test(text[end - 1]!);
}

/**
 * A headline, sub-head, section label or byline: short and without sentence-final punctuation. The last
 * line of an article is often prose cut off mid-word by the scraper, so it counts only when it is very
 * short or written in Title Case.
 */
function isHeadlineLike(text: string, isLast: boolean): boolean {
  if (text.length > 400) return false;
  const words = wordCount(text);
  if (words > MAX_HEADLINE_WORDS || endsLikeSentence(text)) return false;
  if (isLast) return words <= 5 || titleCaseRatio(text) >= 0.6;
  return true;
}

/** Identical adjacent lines without quotes are an image's alt text and caption printed twice. */
function isDoubledCaption(lines: Line[], i: number): boolean {
  const text = lines[i]!.text;
  const same = (j: number): boolean => lines[j]?.text === text;
  return (same(i - 1) || same(i + 1)) && wordCount(text) <= 60 && !/["“”]/.test(text);
}

function classify(blocks: Block[]): Line[] {
  const lines: Line[] = [];
  for (const block of blocks) {
    const text = tidyLine(block.text);
    if (text) lines.push({ text, kind: block.kind, role: 'body' });
  }
  for (const line of lines) {
    const dated = readDateLine(line.text);
    if (dated && (dated.dateOnly || dated.label !== 'plain')) {
      line.role = 'date';
      line.date = { date: dated.date, label: dated.label };
    } else if (line.kind === 'aside' || isBoilerplateLine(line.text)) {
      line.role = 'drop';
    } else if (line.kind === 'heading') {
      line.role = 'headline';
    }
  }
  lines.forEach((line, i) => {
    if (line.role === 'body' && line.kind === 'para' && isDoubledCaption(lines, i)) line.role = 'drop';
  });
  let lastBody = -1;
  lines.forEach((line, i) => {
    if (line.role === 'body') lastBody = i;
  });
  lines.forEach((line, i) => {
    if (line.role === 'body' && isHeadlineLike(line.text, i === lastBody)) line.role = 'headline';
  });
  return lines;
}

function findTitle(lines: Line[], firstBody: number): { title: string | null; index: number } {
  const marked = lines.findIndex((l) => l.kind === 'heading' && l.role === 'headline');
  if (marked >= 0) return { title: lines[marked]!.text, index: marked };
  const end = firstBody < 0 ? lines.length : firstBody;
  for (let i = 0; i < end; i++) {
    const line = lines[i]!;
    if (line.role === 'headline' && wordCount(line.text) >= 3 && !isBoilerplateLine(line.text)) return { title: line.text, index: i };
  }
  return { title: null, index: -1 };
}

/**
 * Ranks the date candidates: a labelled "Published …" line, then a bare date under the headline (the
 * byline date), then an agency dateline opening the first paragraph, then a bare date above the
 * headline (often the day the page was crawled, not published), then bare dates further down, then
 * "Updated …" stamps. Dates inside body sentences are never candidates.
 */
function choosePublished(lines: Line[], titleIndex: number, firstBody: number, fallbackYear: number | null): IsoDate | null {
  const candidates: { date: PartialDate; rank: number; order: number }[] = [];
  let onlyFurnitureSoFar = true;
  lines.forEach((line, i) => {
    const atTop = onlyFurnitureSoFar;
    if (line.role !== 'drop' && line.role !== 'date') onlyFurnitureSoFar = false;
    if (line.role !== 'date' || !line.date) return;
    const { date, label } = line.date;
    let rank: number;
    if (label === 'published') rank = 1;
    else if (label === 'updated') rank = 6;
    else if (i < titleIndex || atTop) rank = 4;
    else if (i < HEADER_LINES || i <= firstBody + 1) rank = 2;
    else rank = 5;
    // Among page-top dates the one nearest the article is the likelier byline date.
    candidates.push({ date, rank, order: rank === 4 ? -i : i });
  });
  const firstParagraph = firstBody >= 0 ? lines[firstBody]!.text : '';
  const dateline = readDateline(firstParagraph);
  if (dateline) candidates.push({ date: dateline, rank: 3, order: 0 });
  if (candidates.length === 0) return null;

  candidates.sort((a, b) => a.rank - b.rank || a.order - b.order);
  const yearOf = (): number | null =>
    candidates.find((c) => c.date.year !== null)?.date.year ??
    dominantYear(bodyText(lines).slice(0, YEAR_CONTEXT_CHARS)) ??
    fallbackYear;
  for (const candidate of candidates) {
    const iso = toIso(candidate.date, candidate.date.year === null ? yearOf() : null);
    if (iso) return iso;
  }
  return null;
}

const bodyText = (lines: Line[]): string =>
  lines
    .filter((l) => l.role === 'body')
    .map((l) => l.text)
    .join('\n');

/**
 * Cleans an article's blocks into body paragraphs, a title guess and a publication-date guess.
 * `fallbackYear`: the year for a year-less date line or dateline ("ISLAMABAD, Aug 29 (APP):") when the
 * article itself names no year (wire copy often does not); null leaves such an article undated.
 */
export function cleanBlocks(blocks: Block[], fallbackYear: number | null = null): Cleaned {
  const lines = classify(blocks);
  const firstBody = lines.findIndex((l) => l.role === 'body');
  const { title, index: titleIndex } = findTitle(lines, firstBody);
  const published = choosePublished(lines, titleIndex, firstBody, fallbackYear);

  const seen = new Set<string>();
  const paragraphs: string[] = [];
  for (const line of lines) {
    if (line.role !== 'body') continue;
    if (seen.has(line.text)) continue; // a repeated paragraph counts once: keep the first copy
    seen.add(line.text);
    const text = stripAgencyTail(line.text);
    if (text) paragraphs.push(text);
  }
  return { paragraphs, title, published };
}
