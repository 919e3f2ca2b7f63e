// Grouping cited statements for the briefing: speaker order and profiles, theme sections, the
// speaker × theme matrix, weekly counts. All pure; inputs are already in briefing order (dated by date).
import type { Registry, Speaker, SpeakerGroup, Theme } from '../types.js';
import { isoWeekStart, weeksOf } from './dates.js';
import { roleDuring } from './roles.js';
import type {
  CitedStatement,
  Period,
  SpeakerProfile,
  SpeakerThemeMatrix,
  ThemeCount,
  ThemeSection,
  WeekBucket,
} from './types.js';

export const FOREIGN_GROUPS: readonly SpeakerGroup[] = ['foreign-government', 'international-organisation'];

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Statements by speaker id, each list in input order: one pass, so 100,000 statements stay cheap. */
export function bySpeakerId(statements: readonly CitedStatement[]): Map<string, CitedStatement[]> {
  const groups = new Map<string, CitedStatement[]>();
  for (const statement of statements) {
    const list = groups.get(statement.speakerInfo.id);
    if (list) list.push(statement);
    else groups.set(statement.speakerInfo.id, [statement]);
  }
  return groups;
}

/**
 * Briefing order: tracked speakers first, in the order the registry lists them (the analyst's order);
 * then the others by statement count, most first, ties by name. Only speakers with statements appear.
 */
export function orderSpeakers(statements: readonly CitedStatement[], registry: Registry): Speaker[] {
  const counts = countBy(statements, (statement) => statement.speakerInfo.id);
  const registryIndex = new Map(registry.speakers.map((speaker, index) => [speaker.id, index]));
  const speakers = new Map<string, Speaker>();
  for (const statement of statements) speakers.set(statement.speakerInfo.id, statement.speakerInfo);
  const tracked = [...speakers.values()].filter((speaker) => speaker.tracked === true);
  const others = [...speakers.values()].filter((speaker) => speaker.tracked !== true);
  tracked.sort(
    (a, b) =>
      (registryIndex.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (registryIndex.get(b.id) ?? Number.MAX_SAFE_INTEGER) ||
      a.name.localeCompare(b.name),
  );
  others.sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0) || a.name.localeCompare(b.name));
  return [...tracked, ...others];
}

/** Each statement under each of its theme ids (once, even if a theme id is repeated), in one pass. */
export function byThemeId<T extends { themes: readonly string[] }>(statements: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const statement of statements) {
    statement.themes.forEach((themeId, index) => {
      if (statement.themes.indexOf(themeId) !== index) return;
      const list = groups.get(themeId);
      if (list) list.push(statement);
      else groups.set(themeId, [statement]);
    });
  }
  return groups;
}

/** Theme counts in taxonomy order (zeros included), for `report themes` and profiles. */
export function themeCounts(statements: readonly { themes: readonly string[] }[], themes: readonly Theme[]): ThemeCount[] {
  const grouped = byThemeId(statements);
  return themes.map((theme) => ({ theme, count: grouped.get(theme.id)?.length ?? 0 }));
}

export function speakerProfiles(
  statements: readonly CitedStatement[],
  speakers: readonly Speaker[],
  themes: readonly Theme[],
  period: Period,
): SpeakerProfile[] {
  const grouped = bySpeakerId(statements);
  return speakers.map((speaker) => {
    const own = grouped.get(speaker.id) ?? [];
    return {
      speaker,
      role: roleDuring(speaker, period),
      count: own.length,
      themeMix: themeCounts(own, themes)
        .filter((entry) => entry.count > 0)
        .sort((a, b) => b.count - a.count),
      statements: own,
    };
  });
}

/** Themes with statements, most statements first (ties in taxonomy order); speakers in briefing order. */
export function themeSections(
  statements: readonly CitedStatement[],
  speakers: readonly Speaker[],
  themes: readonly Theme[],
): ThemeSection[] {
  const byTheme = byThemeId(statements);
  return themeCounts(statements, themes)
    .filter((entry) => entry.count > 0)
    .sort((a, b) => b.count - a.count)
    .map(({ theme, count }) => {
      const filed = bySpeakerId(byTheme.get(theme.id) ?? []);
      const bySpeaker = speakers
        .map((speaker) => ({ speaker, statements: filed.get(speaker.id) ?? [] }))
        .filter((entry) => entry.statements.length > 0);
      return { theme, count, bySpeaker };
    });
}

/** Rows: speakers with at least one themed statement, in briefing order; columns: the whole taxonomy. */
export function speakerThemeMatrix(
  statements: readonly CitedStatement[],
  speakers: readonly Speaker[],
  themes: readonly Theme[],
): SpeakerThemeMatrix {
  const grouped = bySpeakerId(statements);
  const rows = speakers.map((speaker) => ({
    speaker,
    counts: themeCounts(grouped.get(speaker.id) ?? [], themes).map((entry) => entry.count),
  }));
  const kept = rows.filter((row) => row.counts.some((count) => count > 0));
  const counts = kept.map((row) => row.counts);
  return {
    speakers: kept.map((row) => row.speaker),
    themes: [...themes],
    counts,
    max: counts.flat().reduce((largest, count) => Math.max(largest, count), 0),
  };
}

/** Statements per ISO week (Monday start) over the whole period, weeks without statements included. */
export function weekBuckets(statements: readonly CitedStatement[], period: Period): WeekBucket[] {
  const buckets = new Map<string, WeekBucket>(
    weeksOf(period).map((weekStart) => [weekStart, { weekStart, total: 0, bySpeaker: {} }]),
  );
  for (const statement of statements) {
    if (statement.date === null) continue;
    const bucket = buckets.get(isoWeekStart(statement.date));
    if (!bucket) continue;
    bucket.total += 1;
    const speakerId = statement.speakerInfo.id;
    bucket.bySpeaker[speakerId] = (bucket.bySpeaker[speakerId] ?? 0) + 1;
  }
  return [...buckets.values()];
}
