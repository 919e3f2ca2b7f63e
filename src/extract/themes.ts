// The theme classifier: which themes of the taxonomy (statements/themes.yaml) a statement's words fall
// under, and which cues put it there. The extractor tags every statement with it; the analysis calls it
// again to explain each tag in the briefing. Cues are data, never code: this file only knows the syntax.
//
// Cue syntax (shared with the stance lexicon, statements/stances.yaml):
//   - words and phrases match case-insensitively, on word boundaries ("CPEC" does not match "CPECs");
//   - a trailing `*` makes a stem: "condemn*" matches condemn, condemned, condemnation;
//   - a space or a hyphen between words matches spaces or hyphens: "intelligence-based" matches
//     "intelligence based" and "intelligence-based";
//   - `…` (or `...`) between words is a gap of up to six words inside one sentence:
//     "no need for … operation*" matches "no need for a major military operation".
import { load } from 'js-yaml';
import { z } from 'zod';
import { ReportError } from '../errors.js';
import type { Theme, ThemeMatch } from '../types.js';

/** Used when neither the caller nor statements/themes.yaml gives a threshold. */
export const DEFAULT_THEME_THRESHOLD = 1;

/** How many words a `…` gap in a cue may skip. */
const MAX_GAP_WORDS = 6;

const LETTER = '[\\p{L}\\p{N}]';
const WORD = `${LETTER}+(?:['’]${LETTER}+)*`;
/** Between two words of a phrase: spaces, dashes or double quotes (`firm support” for Pakistan`), no commas. */
const PHRASE_SEPARATOR = '[\\s\\-‐‑–—"“”]+';
/** Inside a gap: anything but letters and sentence-ending punctuation. */
const GAP_SEPARATOR = '[^\\p{L}\\p{N}.;!?]+';
const GAP = `(?:${GAP_SEPARATOR}${WORD}){0,${MAX_GAP_WORDS}}?${GAP_SEPARATOR}`;
const GAP_TOKENS = new Set(['…', '...']);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One word of a cue, possibly a stem (`condemn*`) or hyphenated (`large-scale`), as a regex source. */
function wordSource(token: string): string {
  const isStem = token.endsWith('*');
  const bare = isStem ? token.slice(0, -1) : token;
  const parts = bare.split(/[-‐‑–—]/).filter((part) => part.length > 0);
  const body = parts
    .map((part) => escapeRegExp(part).replace(/['’]/g, "['’]"))
    .join('[\\s\\-‐‑–—]?');
  return isStem ? `${body}${LETTER}*` : body;
}

function cueTokens(cue: string): string[] {
  return cue.trim().split(/\s+/).filter((token) => token.length > 0);
}

/** A cue's words joined into one pattern: `…` tokens become a gap, other neighbours a phrase separator. */
function cueSource(tokens: readonly string[], word: (token: string) => string, gap: string, separator: string): string {
  let source = '';
  let pendingGap = false;
  for (const token of tokens) {
    if (GAP_TOKENS.has(token)) {
      pendingGap = source.length > 0;
      continue;
    }
    if (source.length > 0) source += pendingGap ? gap : separator;
    source += word(token);
    pendingGap = false;
  }
  return source;
}

/**
 * Compiles one cue into a case-insensitive, word-bounded, Unicode regex (global, so callers can find
 * every occurrence). Throws a plain Error on an empty cue; loaders turn it into a ReportError.
 */
export function compileCue(cue: string): RegExp {
  const tokens = cueTokens(cue);
  if (tokens.every((token) => GAP_TOKENS.has(token))) throw new Error(`cue "${cue}" has no words`);
  const source = cueSource(tokens, wordSource, GAP, PHRASE_SEPARATOR);
  return new RegExp(`(?<![\\p{L}\\p{N}])${source}(?![\\p{L}\\p{N}])`, 'giu');
}

interface CompiledCue {
  cue: string;
  weight: number;
  find: CueFinder;
  /** A lower-case piece of the cue's first word that any match must contain: a cheap test before the regex. */
  needle: string;
}

interface CompiledTheme {
  theme: Theme;
  cues: CompiledCue[];
}

interface CompiledTaxonomy {
  themes: CompiledTheme[];
  /** Cues by the first (up to) NEEDLE_KEY letters of their needle: a text's words pick their candidates. */
  byKey: Map<string, CompiledCue[]>;
}

const NEEDLE_KEY = 3;

/** The first word of the cue without its stem star, up to any hyphen or apostrophe, lower-cased. */
export function cueNeedle(cue: string): string {
  const first = cue.trim().split(/\s+/).find((token) => !GAP_TOKENS.has(token)) ?? '';
  return (first.replace(/\*$/, '').split(/[-‐‑–—'’]/)[0] ?? '').toLowerCase();
}

const compiledByThemes = new WeakMap<readonly Theme[], CompiledTaxonomy>();

function compileThemes(themes: readonly Theme[]): CompiledTaxonomy {
  const cached = compiledByThemes.get(themes);
  if (cached) return cached;
  const compiled = themes.map((theme) => {
    const cues = theme.cues.map(({ cue, weight }) => ({ cue, weight, find: cueFinder(cue), needle: cueNeedle(cue) }));
    return { theme, cues };
  });
  const byKey = new Map<string, CompiledCue[]>();
  for (const cue of compiled.flatMap((theme) => theme.cues)) {
    const key = cue.needle.slice(0, NEEDLE_KEY);
    byKey.set(key, [...(byKey.get(key) ?? []), cue]);
  }
  const taxonomy = { themes: compiled, byKey };
  compiledByThemes.set(themes, taxonomy);
  return taxonomy;
}

/**
 * The cues worth running on a text: those whose needle's first letters begin one of its words (and
 * whose whole needle occurs in it). Most cues of most themes are ruled out without a regex.
 */
function candidateCues(text: string, taxonomy: CompiledTaxonomy): Set<CompiledCue> {
  const lowered = text.toLowerCase();
  const candidates = new Set<CompiledCue>();
  for (const word of new Set(lowered.split(/[^\p{L}\p{N}]+/u))) {
    for (let length = 1; length <= Math.min(NEEDLE_KEY, word.length); length += 1) {
      for (const cue of taxonomy.byKey.get(word.slice(0, length)) ?? []) {
        if (cue.needle.length === length || (length === NEEDLE_KEY && lowered.includes(cue.needle))) candidates.add(cue);
      }
    }
  }
  return candidates;
}

/** A place in the text where a cue matched. */
export interface CueOccurrence {
  cue: string;
  start: number;
  end: number;
  words: string;
}

/**
 * Every occurrence of a compiled (global) cue in the text. `pattern` is compileCue(cue); for a cue in
 * plain ASCII the cheaper twin regex runs on the text's ASCII projection instead (same matches, see
 * asciiCuePattern), so a program that meets hundreds of cues once each does not pay ~1 ms apiece for
 * compiling Unicode letter classes.
 */
export function findCue(cue: string, pattern: RegExp, text: string): CueOccurrence[] {
  const twin = asciiCuePattern(cue);
  return twin === null ? occurrences(cue, pattern, text, text) : occurrences(cue, twin, asciiProjection(text), text);
}

/** Every occurrence of the cue in a text. */
export type CueFinder = (text: string) => CueOccurrence[];

/**
 * findCue for one cue, compiled once: the Unicode regex is not even built for an ASCII cue. Throws a
 * plain Error on a cue with no words, like compileCue.
 */
export function cueFinder(cue: string): CueFinder {
  const twin = asciiCuePattern(cue);
  if (twin !== null) return (text) => occurrences(cue, twin, asciiProjection(text), text);
  const pattern = compileCue(cue);
  return (text) => occurrences(cue, pattern, text, text);
}

function occurrences(cue: string, pattern: RegExp, searched: string, text: string): CueOccurrence[] {
  const found: CueOccurrence[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(searched); match !== null; match = pattern.exec(searched)) {
    const end = match.index + match[0].length;
    found.push({ cue, start: match.index, end, words: text.slice(match.index, end) });
    if (match[0].length === 0) pattern.lastIndex += 1;
  }
  return found;
}

// --- the ASCII twin ------------------------------------------------------------------------------
// A regex with Unicode property classes (\p{L}) under the i and u flags costs about 0.2 ms per class to
// compile, and V8 compiles it on first use: a cue with a gap has a dozen such classes, so the ~350 cues
// of the taxonomy and the stance lexicon cost a report ~0.4 s before doing any work. For a cue written
// in printable ASCII, the same match is found by an ASCII-only regex over a projection of the text that
// keeps every UTF-16 position and maps each character onto the one class it plays in a cue's regex:
//   - ASCII stays itself (0x01 becomes 0x02: 0x01 stands for "a non-ASCII letter or digit");
//   - a non-ASCII letter or digit (\p{L}, \p{N}; both halves of a surrogate pair) becomes 0x01, a letter
//     for the boundaries, stems and gaps, never equal to a cue's letter;
//   - the characters the cue syntax names become their ASCII stand-in: non-ASCII spaces → ' ',
//     ‐ ‑ – — → '-', “ ” → '"', ’ → "'"; ſ and K (the only characters that the i and u flags fold onto
//     ASCII letters) → s and k;
//   - anything else becomes 0x02: not a letter, not sentence-ending punctuation, not a phrase separator.

const ASCII_CUE = /^[\x20-\x7e]+$/;
const A_LETTER = '[A-Za-z0-9\\x01]';
const A_WORD = `${A_LETTER}+(?:'${A_LETTER}+)*`;
const A_PHRASE_SEPARATOR = '[\\s\\-"]+';
const A_GAP_SEPARATOR = '[^A-Za-z0-9\\x01.;!?]+';
const A_GAP = `(?:${A_GAP_SEPARATOR}${A_WORD}){0,${MAX_GAP_WORDS}}?${A_GAP_SEPARATOR}`;

const asciiPatterns = new Map<string, RegExp | null>();

/** The ASCII twin of compileCue(cue), or null when the cue is not plain printable ASCII. */
function asciiCuePattern(cue: string): RegExp | null {
  let pattern = asciiPatterns.get(cue);
  if (pattern !== undefined) return pattern;
  const tokens = cueTokens(cue);
  const words = tokens.filter((token) => !GAP_TOKENS.has(token));
  pattern = null;
  if (words.length > 0 && words.every((word) => ASCII_CUE.test(word))) {
    const source = cueSource(tokens, asciiWordSource, A_GAP, A_PHRASE_SEPARATOR);
    pattern = new RegExp(`(?<!${A_LETTER})${source}(?!${A_LETTER})`, 'gi');
  }
  asciiPatterns.set(cue, pattern);
  return pattern;
}

function asciiWordSource(token: string): string {
  const isStem = token.endsWith('*');
  const bare = isStem ? token.slice(0, -1) : token;
  const body = bare
    .split('-')
    .filter((part) => part.length > 0)
    .map(escapeRegExp)
    .join('[\\s\\-]?');
  return isStem ? `${body}${A_LETTER}*` : body;
}

const STAND_INS = new Map<number, number>([
  [0x2010, 0x2d],
  [0x2011, 0x2d],
  [0x2013, 0x2d],
  [0x2014, 0x2d],
  [0x201c, 0x22],
  [0x201d, 0x22],
  [0x2019, 0x27],
  [0x017f, 0x73],
  [0x212a, 0x6b],
]);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const SPACE = /^\s$/u;
const NEEDS_PROJECTION = /[^\x00\x02-\x7f]/;
const LETTER_CODE = 0x01;
const OTHER_CODE = 0x02;

let projectedText: string | null = null;
let projection = '';

/** The text with every UTF-16 unit mapped onto ASCII (see above); the last one is kept, as callers ask again. */
function asciiProjection(text: string): string {
  if (text === projectedText) return projection;
  projectedText = text;
  if (!NEEDS_PROJECTION.test(text)) return (projection = text);
  const codes = new Array<number>(text.length);
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) {
      codes[index] = unit === LETTER_CODE ? OTHER_CODE : unit;
      continue;
    }
    const next = text.charCodeAt(index + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      const code = LETTER_OR_DIGIT.test(text.slice(index, index + 2)) ? LETTER_CODE : OTHER_CODE;
      codes[index] = code;
      codes[index + 1] = code;
      index += 1;
      continue;
    }
    codes[index] = standIn(unit);
  }
  let out = '';
  for (let start = 0; start < codes.length; start += 4096) out += String.fromCharCode(...codes.slice(start, start + 4096));
  return (projection = out);
}

const standIns = new Map<number, number>();

function standIn(unit: number): number {
  let code = standIns.get(unit);
  if (code === undefined) {
    const char = String.fromCharCode(unit);
    code = STAND_INS.get(unit) ?? (SPACE.test(char) ? 0x20 : LETTER_OR_DIGIT.test(char) ? LETTER_CODE : OTHER_CODE);
    standIns.set(unit, code);
  }
  return code;
}

function inside(inner: CueOccurrence, outer: CueOccurrence): boolean {
  return outer.start <= inner.start && inner.end <= outer.end && outer.end - outer.start > inner.end - inner.start;
}

/**
 * Keeps the occurrences that are not inside a longer occurrence of another cue, so that "cooperation"
 * found only within "close cooperation" does not add its weight a second time.
 */
export function outermostOccurrences(occurrences: readonly CueOccurrence[]): CueOccurrence[] {
  return occurrences.filter(
    (occurrence) => !occurrences.some((other) => other.cue !== occurrence.cue && inside(occurrence, other)),
  );
}

/**
 * Files a text under every theme whose cue score passes the threshold (multi-label). A theme's score is
 * the sum of the weights of its distinct cues found in the text (a cue found twice counts once; a cue
 * found only inside a longer cue's match of the same theme does not count). Each
 * match carries the cues that fired and the words they matched, so a briefing can say why. Results
 * come in taxonomy order. Cue regexes are compiled once per themes array and cached, and a cue's regex
 * runs only when a word of the text begins like the cue's first word.
 */
export function classifyThemes(
  text: string,
  themes: readonly Theme[],
  threshold: number = DEFAULT_THEME_THRESHOLD,
): ThemeMatch[] {
  const matches: ThemeMatch[] = [];
  const taxonomy = compileThemes(themes);
  const candidates = candidateCues(text, taxonomy);
  if (candidates.size === 0) return matches;
  for (const compiled of taxonomy.themes) {
    const occurrences = compiled.cues
      .filter((cue) => candidates.has(cue))
      .flatMap(({ find }) => find(text));
    if (occurrences.length === 0) continue;
    const counted = outermostOccurrences(occurrences);
    let score = 0;
    const cues: string[] = [];
    const matched: string[] = [];
    for (const { cue, weight } of compiled.cues) {
      const first = counted.find((occurrence) => occurrence.cue === cue);
      if (!first) continue;
      score += weight;
      cues.push(cue);
      matched.push(first.words);
    }
    if (score >= threshold && cues.length > 0) {
      matches.push({ themeId: compiled.theme.id, score: roundScore(score), cues, matched });
    }
  }
  return matches;
}

/** Theme ids by threshold and words, per themes array (see themeIdsFor). */
const idsByWords = new WeakMap<readonly Theme[], Map<string, readonly string[]>>();
const MAX_REMEMBERED_WORDS = 20_000;

/**
 * The theme ids of classifyThemes, for ExtractedStatement.themes. The same words come back often (a
 * statement carried by several articles, syndicated copy, a repeated paragraph): each is classified once.
 */
export function themeIdsFor(text: string, themes: readonly Theme[], threshold?: number): string[] {
  let remembered = idsByWords.get(themes);
  if (!remembered) {
    remembered = new Map();
    idsByWords.set(themes, remembered);
  }
  const key = `${threshold ?? ''}\u0000${text}`;
  let ids = remembered.get(key);
  if (!ids) {
    ids = classifyThemes(text, themes, threshold).map((match) => match.themeId);
    if (remembered.size >= MAX_REMEMBERED_WORDS) remembered.clear();
    remembered.set(key, ids);
  }
  return [...ids];
}

function roundScore(score: number): number {
  return Math.round(score * 1000) / 1000;
}

// ---------------------------------------------------------------------------------------------
// statements/themes.yaml

const cueSchema = z.object({
  cue: z.string().trim().min(1, 'must be a non-empty word or phrase'),
  weight: z.number().positive('must be a number above 0'),
});

const themeSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case, e.g. "military-operations"'),
  label: z.string().trim().min(1, 'must be a non-empty label'),
  description: z.string().default(''),
  cues: z.array(cueSchema).min(1, 'must list at least one cue'),
});

const themesFileSchema = z.object({
  threshold: z.number().positive('must be a number above 0').default(DEFAULT_THEME_THRESHOLD),
  themes: z.array(themeSchema).min(1, 'must list at least one theme'),
});

export interface ThemeTaxonomy {
  themes: Theme[];
  /** The score a theme's cues must reach for a statement to be filed under it. */
  threshold: number;
}

/** `themes.3.cues.0.weight` from a zod issue path. */
function issuePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(top level)' : path.map(String).join('.');
}

/**
 * Parses and validates the text of statements/themes.yaml. `file` only names the file in errors, which
 * are ReportError('input', 'FILE: field: what is wrong').
 */
export function parseThemeTaxonomy(yamlText: string, file: string): ThemeTaxonomy {
  let raw: unknown;
  try {
    raw = load(yamlText);
  } catch (error) {
    throw new ReportError('input', `${file}: not valid YAML: ${(error as Error).message.split('\n')[0]}`, {
      cause: error,
    });
  }
  const parsed = themesFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ReportError('input', `${file}: ${issue ? `${issuePath(issue.path)}: ${issue.message}` : 'invalid'}`);
  }
  const { themes, threshold } = parsed.data;
  const seen = new Set<string>();
  themes.forEach((theme, index) => {
    if (seen.has(theme.id)) throw new ReportError('input', `${file}: themes.${index}.id: duplicate theme id "${theme.id}"`);
    seen.add(theme.id);
    theme.cues.forEach(({ cue }, cueIndex) => {
      try {
        cueFinder(cue);
      } catch (error) {
        throw new ReportError('input', `${file}: themes.${index}.cues.${cueIndex}.cue: ${(error as Error).message}`);
      }
    });
  });
  return { themes, threshold };
}
