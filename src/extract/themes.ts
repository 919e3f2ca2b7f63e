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

interface CompiledTheme {
  theme: Theme;
  /** All the theme's cues in one alternation: most statements miss most themes, and this rules them out fast. */
  any: RegExp;
  cues: { cue: string; weight: number; pattern: RegExp }[];
}

const compiledByThemes = new WeakMap<readonly Theme[], CompiledTheme[]>();

function compileThemes(themes: readonly Theme[]): CompiledTheme[] {
  const cached = compiledByThemes.get(themes);
  if (cached) return cached;
  const compiled = themes.map((theme) => {
    const cues = theme.cues.map(({ cue, weight }) => ({ cue, weight, pattern: compileCue(cue) }));
    const any = new RegExp(cues.map(({ pattern }) => `(?:${pattern.source})`).join('|') || '(?!)', 'iu');
    return { theme, any, cues };
  });
  compiledByThemes.set(themes, compiled);
  return compiled;
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
 * come in taxonomy order. Cue regexes are compiled once per themes array and cached.
 */
export function classifyThemes(
  text: string,
  themes: readonly Theme[],
  threshold: number = DEFAULT_THEME_THRESHOLD,
): ThemeMatch[] {
  const matches: ThemeMatch[] = [];
  for (const compiled of compileThemes(themes)) {
    if (!compiled.any.test(text)) continue;
    const occurrences = compiled.cues.flatMap(({ cue, pattern }) => findCue(cue, pattern, text));
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
