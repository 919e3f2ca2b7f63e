// Reading the store as the analysis sees it: reviews applied, filters, and name lookups for flags.
import { inputError, usageError } from '../errors.js';
import type { EffectiveStatement, IsoDate, Registry, Speaker, Statement, Theme } from '../types.js';
import type { Store } from './model.js';
import { editDistance, foldName } from './text.js';

/** The statements with the reviewers' corrections applied and rejected ones left out. */
export function effectiveStatements(store: Pick<Store, 'registry' | 'statements'>): EffectiveStatement[] {
  const speakers = new Map(store.registry.speakers.map((speaker) => [speaker.id, speaker]));
  const out: EffectiveStatement[] = [];
  for (const statement of store.statements) {
    const review = statement.review;
    if (review?.status === 'rejected') continue;
    const speakerId = review?.speaker ?? statement.speaker;
    const speakerInfo = speakers.get(speakerId);
    if (!speakerInfo) throw inputError(`statement ${statement.id}: speaker "${speakerId}" is not in speakers.yaml`);
    out.push({
      id: statement.id,
      speaker: speakerId,
      voice: statement.voice,
      kind: review?.kind ?? statement.kind,
      verb: statement.verb ?? null,
      text: review?.text ?? statement.text,
      date: review && review.date !== undefined ? review.date : statement.date,
      dateBasis: statement.dateBasis,
      // Copies: the loaded statements are frozen, and the analysis may sort or extend these.
      themes: [...(review?.themes ?? statement.themes)],
      sources: statement.sources.map((source) => ({ ...source })),
      speakerInfo,
      reviewed: isReviewed(statement),
    });
  }
  return out;
}

/** A reviewer accepted it or corrected something (a note alone is not a review). */
function isReviewed(statement: Statement): boolean {
  const review = statement.review;
  if (!review) return false;
  return (
    review.status === 'accepted' ||
    review.speaker !== undefined ||
    review.date !== undefined ||
    review.themes !== undefined ||
    review.kind !== undefined ||
    review.text !== undefined
  );
}

export interface StatementFilter {
  /** First day, inclusive. */
  from?: IsoDate;
  /** Last day, inclusive. */
  to?: IsoDate;
  /** Speaker ids (resolve names first with resolveSpeaker); any of them. */
  speakers?: string[];
  /** Theme ids; statements filed under any of them. */
  themes?: string[];
  /** Keep statements without a date (the briefing lists them apart). Default true. */
  includeUndated?: boolean;
}

/** Statements in the date range (on their effective date) by the given speakers and themes. */
export function filterStatements<T extends Pick<Statement, 'date' | 'speaker' | 'themes'>>(
  statements: readonly T[],
  filter: StatementFilter = {},
): T[] {
  const speakers = filter.speakers && filter.speakers.length > 0 ? new Set(filter.speakers) : null;
  const themes = filter.themes && filter.themes.length > 0 ? new Set(filter.themes) : null;
  const includeUndated = filter.includeUndated ?? true;
  return statements.filter((statement) => {
    if (speakers && !speakers.has(statement.speaker)) return false;
    if (themes && !statement.themes.some((theme) => themes.has(theme))) return false;
    if (statement.date === null) return includeUndated;
    if (filter.from !== undefined && statement.date < filter.from) return false;
    if (filter.to !== undefined && statement.date > filter.to) return false;
    return true;
  });
}

/**
 * The speaker a flag value names: its id, name, an alias, or a role's title or alias, ignoring case
 * and accents. Unknown → a usage error suggesting the closest name.
 */
export function resolveSpeaker(registry: Registry, idOrAlias: string, storeDir = 'statements'): Speaker {
  const key = foldName(idOrAlias);
  const namesOf = (speaker: Speaker) => [speaker.id, speaker.name, ...speaker.aliases];
  const rolesOf = (speaker: Speaker) => speaker.roles.flatMap((role) => [role.title, ...(role.aliases ?? [])]);
  const byName = registry.speakers.find((speaker) => namesOf(speaker).some((name) => foldName(name) === key));
  if (byName) return byName;
  const byRole = registry.speakers.filter((speaker) => rolesOf(speaker).some((name) => foldName(name) === key));
  if (byRole.length === 1 && byRole[0]) return byRole[0];
  if (byRole.length > 1) {
    throw usageError(
      `--speaker "${idOrAlias}": more than one speaker held that role (${byRole.map((speaker) => speaker.id).join(', ')}); name one`,
    );
  }
  const hint = closest(key, registry.speakers.map((speaker) => ({ label: speaker.name, names: [...namesOf(speaker), ...rolesOf(speaker)] })));
  throw usageError(
    `--speaker "${idOrAlias}": unknown speaker${hint ? `; did you mean "${hint}"?` : ''} (see ${storeDir.replace(/\/+$/, '')}/speakers.yaml)`,
  );
}

/** The theme a flag value names: its id or label, ignoring case and accents. */
export function resolveTheme(registry: Registry, idOrLabel: string, storeDir = 'statements'): Theme {
  const key = foldName(idOrLabel);
  const found = registry.themes.find((theme) => foldName(theme.id) === key || foldName(theme.label) === key);
  if (found) return found;
  const hint = closest(key, registry.themes.map((theme) => ({ label: theme.id, names: [theme.id, theme.label] })));
  // The taxonomy is short: with no close match, list it.
  const help = hint ? `; did you mean "${hint}"?` : registry.themes.length > 0 ? `; known themes: ${registry.themes.map((theme) => theme.id).join(', ')}` : '';
  throw usageError(`--theme "${idOrLabel}": unknown theme${help} (see ${storeDir.replace(/\/+$/, '')}/themes.yaml)`);
}

/**
 * The label of the candidate with a name nearest to `key` by edit distance, also counting a run of
 * the name's words ("security" is near "cpec-chinese-security"); null when nothing is near enough to
 * be a plausible typo, so that a suggestion is never a random name.
 */
function closest(key: string, candidates: { label: string; names: string[] }[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    for (const name of candidate.names) {
      for (const part of nameParts(foldName(name), key.split(' ').length)) {
        const distance = editDistance(key, part) + (part.length < foldName(name).length ? 0.5 : 0);
        if (distance < bestDistance) {
          best = candidate.label;
          bestDistance = distance;
        }
      }
    }
  }
  return bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : null;
}

/** The whole name and every run of `words` consecutive words of it. */
function nameParts(name: string, words: number): string[] {
  const tokens = name.split(' ');
  const parts = [name];
  for (let start = 0; start + words <= tokens.length; start += 1) parts.push(tokens.slice(start, start + words).join(' '));
  return parts;
}
