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

/**
 * Compiles one cue into a case-insensitive, word-bounded, Unicode regex (global, so callers can find
 * every occurrence). Throws a plain Error on an empty cue; loaders turn it into a ReportError.
 */
export function compileCue(cue: string): RegExp {
  const tokens = cue.trim().split(/\s+/).filter((token) => token.length > 0);
  const words = tokens.filter((token) => !GAP_TOKENS.has(token));
  if (words.length === 0) throw new Error(`cue "${cue}" has no words`);
  let source = '';
  let pendingGap = false;
  for (const token of tokens) {
    if (GAP_TOKENS.has(token)) {
      pendingGap = source.length > 0;
      continue;
    }
    if (source.length > 0) source += pendingGap ? GAP : PHRASE_SEPARATOR;
    source += wordSource(token);
    pendingGap = false;
  }
  return new RegExp(`(?<![\\p{L}\\p{N}])${source}(?![\\p{L}\\p{N}])`, 'giu');
}

interface CompiledCue {
  cue: string;
  weight: number;
  pattern: RegExp;
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
    const cues = theme.cues.map(({ cue, weight }) => ({ cue, weight, pattern: compileCue(cue), needle: cueNeedle(cue) }));
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

/** Every occurrence of a compiled (global) cue in the text. */
export function findCue(cue: string, pattern: RegExp, text: string): CueOccurrence[] {
  const found: CueOccurrence[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    found.push({ cue, start: match.index, end: match.index + match[0].length, words: match[0] });
    if (match[0].length === 0) pattern.lastIndex += 1;
  }
  return found;
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
      .flatMap(({ cue, pattern }) => findCue(cue, pattern, text));
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

/** The theme ids of classifyThemes, for ExtractedStatement.themes. */
export function themeIdsFor(text: string, themes: readonly Theme[], threshold?: number): string[] {
  return classifyThemes(text, themes, threshold).map((match) => match.themeId);
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
        compileCue(cue);
      } catch (error) {
        throw new ReportError('input', `${file}: themes.${index}.cues.${cueIndex}.cue: ${(error as Error).message}`);
      }
    });
  });
  return { themes, threshold };
}
