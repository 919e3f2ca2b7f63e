// The stance lexicon (statements/stances.yaml): per theme, stances with cue phrases, and the cues that
// mark a commitment. Reading a statement's stance is pure; loadStances is the one function here that
// touches the disk.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { z } from 'zod';
import { ReportError } from '../errors.js';
import { cueFinder, type CueFinder, type CueOccurrence } from '../extract/themes.js';
import { SPEAKER_GROUPS, type SpeakerGroup, type Theme } from '../types.js';
import type { StanceReading } from './types.js';

export interface Stance {
  id: string;
  label: string;
  /** Sign gives the direction; stances of opposite sign on one theme are opposite. */
  polarity: number;
  cues: string[];
}

export interface StanceLexicon {
  /** Speaker groups whose members' statements are also compared with each other. */
  groups: SpeakerGroup[];
  /** Cues that make a statement a commitment. */
  commitments: string[];
  /** Theme id → its stances. */
  themes: Record<string, Stance[]>;
}

export const EMPTY_STANCES: StanceLexicon = { groups: [], commitments: [], themes: {} };

export const STANCES_FILE = 'stances.yaml';

// ---------------------------------------------------------------------------------------------
// reading

interface CompiledLexicon {
  themes: Map<string, { stance: Stance; cue: string; find: CueFinder }[]>;
  commitments: { cue: string; find: CueFinder }[];
}

const compiledLexicons = new WeakMap<StanceLexicon, CompiledLexicon>();

function compileLexicon(lexicon: StanceLexicon): CompiledLexicon {
  const cached = compiledLexicons.get(lexicon);
  if (cached) return cached;
  const themes = new Map(
    Object.entries(lexicon.themes).map(([themeId, stances]) => [
      themeId,
      stances.flatMap((stance) => stance.cues.map((cue) => ({ stance, cue, find: cueFinder(cue) }))),
    ]),
  );
  const commitments = lexicon.commitments.map((cue) => ({ cue, find: cueFinder(cue) }));
  const compiled = { themes, commitments };
  compiledLexicons.set(lexicon, compiled);
  return compiled;
}

interface StanceOccurrence extends CueOccurrence {
  stance: Stance;
}

/** Longest first; an occurrence overlapping a longer one already kept is dropped (negations win). */
function withoutOverlaps(occurrences: StanceOccurrence[]): StanceOccurrence[] {
  const byLength = [...occurrences].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: StanceOccurrence[] = [];
  for (const occurrence of byLength) {
    if (kept.some((other) => occurrence.start < other.end && other.start < occurrence.end)) continue;
    kept.push(occurrence);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * The stance a text takes on a theme, or null. Every stance cue of the theme is looked for; where
 * matches overlap the longest wins; each stance scores the number of its distinct cues left; the best
 * score wins, and a tie between stances of opposite polarity gives no stance (the text says both).
 */
export function readStance(text: string, themeId: string, lexicon: StanceLexicon): StanceReading | null {
  const cues = compileLexicon(lexicon).themes.get(themeId);
  if (!cues) return null;
  const occurrences = withoutOverlaps(
    cues.flatMap(({ stance, find }) => find(text).map((found) => ({ ...found, stance }))),
  );
  if (occurrences.length === 0) return null;
  const scored = new Map<Stance, StanceOccurrence[]>();
  for (const occurrence of occurrences) {
    const list = scored.get(occurrence.stance) ?? [];
    if (!list.some((other) => other.cue === occurrence.cue)) list.push(occurrence);
    scored.set(occurrence.stance, list);
  }
  const ranked = [...scored.entries()].sort((a, b) => b[1].length - a[1].length);
  const [best, runnerUp] = ranked;
  if (!best) return null;
  if (runnerUp && runnerUp[1].length === best[1].length && runnerUp[0].polarity * best[0].polarity < 0) return null;
  const [stance, found] = best;
  return {
    themeId,
    stance: stance.id,
    label: stance.label,
    polarity: stance.polarity,
    cues: found.map((occurrence) => occurrence.cue),
    matched: found.map((occurrence) => occurrence.words),
  };
}

/** The stances a text takes on each of the given themes that the lexicon covers. */
export function readStances(text: string, themeIds: readonly string[], lexicon: StanceLexicon): StanceReading[] {
  return themeIds.flatMap((themeId) => {
    const reading = readStance(text, themeId, lexicon);
    return reading ? [reading] : [];
  });
}

/** The commitment cues ("will", "vowed", "approved") found in a text, in lexicon order. */
export function findCommitments(text: string, lexicon: StanceLexicon): string[] {
  return compileLexicon(lexicon)
    .commitments.filter(({ find }) => find(text).length > 0)
    .map(({ cue }) => cue);
}

// ---------------------------------------------------------------------------------------------
// statements/stances.yaml


const cueList = z.array(z.string().trim().min(1, 'must be a non-empty cue'));

const stanceSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case, e.g. "against-major-operation"'),
  label: z.string().trim().min(1, 'must be a short non-empty label'),
  polarity: z.number().refine((value) => value !== 0, 'must be a positive or negative number'),
  cues: cueList.min(1, 'must list at least one cue'),
});

const stancesFileSchema = z.object({
  groups: z.array(z.enum(SPEAKER_GROUPS)).default([]),
  commitments: cueList.default([]),
  themes: z.record(z.string(), z.array(stanceSchema).min(2, 'must list at least two stances')).default({}),
});

function fail(file: string, field: string, problem: string): ReportError {
  return new ReportError('input', `${file}: ${field}: ${problem}`);
}

function checkCues(file: string, field: string, cues: readonly string[]): void {
  cues.forEach((cue, index) => {
    try {
      cueFinder(cue);
    } catch (error) {
      throw fail(file, `${field}.${index}`, (error as Error).message);
    }
  });
}

function checkThemeStances(file: string, themeId: string, stances: readonly Stance[], themes?: readonly Theme[]): void {
  if (themes && !themes.some((theme) => theme.id === themeId)) {
    throw fail(file, `themes.${themeId}`, `unknown theme; known: ${themes.map((theme) => theme.id).join(', ')}`);
  }
  const polarities = new Set(stances.map((stance) => Math.sign(stance.polarity)));
  if (polarities.size < 2) throw fail(file, `themes.${themeId}`, 'needs stances of both polarities (one above 0, one below)');
  stances.forEach((stance, index) => checkCues(file, `themes.${themeId}.${index}.cues`, stance.cues));
}

/**
 * Parses and validates the text of a stance lexicon. With `themes`, every theme it names must exist in
 * the taxonomy. Errors are ReportError('input', 'FILE: field: what is wrong').
 */
export function parseStances(yamlText: string, file: string, themes?: readonly Theme[]): StanceLexicon {
  let raw: unknown;
  try {
    raw = load(yamlText);
  } catch (error) {
    throw new ReportError('input', `${file}: not valid YAML: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  }
  const parsed = stancesFileSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
    throw fail(file, field, issue?.message ?? 'invalid');
  }
  const lexicon: StanceLexicon = parsed.data;
  checkCues(file, 'commitments', lexicon.commitments);
  for (const [themeId, stances] of Object.entries(lexicon.themes)) checkThemeStances(file, themeId, stances, themes);
  return lexicon;
}

/** Reads DIR/stances.yaml (the store folder, usually statements/). */
export function loadStances(dir: string, themes?: readonly Theme[]): StanceLexicon {
  const file = join(dir, STANCES_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new ReportError('input', `${file}: ${missing ? 'missing: the stance lexicon is needed to detect position shifts' : 'cannot be read'}`, {
      cause: error,
    });
  }
  return parseStances(text, file, themes);
}
