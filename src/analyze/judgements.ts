// Key judgements: three to five bottom-line-up-front sentences written from templates over the numbers,
// each with the ids of the statements that support it. Nothing here is free text from a model: every
// number and name comes from the analysis.
import type { Speaker, Theme } from '../types.js';
import { compareDates, formatDay, halves, inPeriod } from './dates.js';
import { byThemeId } from './grouping.js';
import { listNames, lowerFirst, plural } from './text.js';
import type { CitedStatement, KeyJudgement, Period, PositionShift } from './types.js';

export const MAX_JUDGEMENTS = 5;
/** How many supporting statements a judgement lists at most. */
export const MAX_SUPPORT = 5;
const QUOTE_LENGTH = 110;

export interface JudgementInput {
  statements: readonly CitedStatement[];
  themes: readonly Theme[];
  shifts: readonly PositionShift[];
  period: Period;
}

function excerpt(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= QUOTE_LENGTH ? clean : `${clean.slice(0, QUOTE_LENGTH).replace(/\s+\S*$/, '')}…`;
}

/** The strongest support first: most outlets, then most recent. */
function strongest(statements: readonly CitedStatement[], limit = MAX_SUPPORT): string[] {
  return [...statements]
    .sort((a, b) => b.corroboration - a.corroboration || compareDates(b.date, a.date))
    .slice(0, limit)
    .map((statement) => statement.id);
}

interface Tally<T> {
  item: T;
  statements: CitedStatement[];
}

function tallySpeakers(statements: readonly CitedStatement[]): Tally<Speaker>[] {
  const bySpeaker = new Map<string, Tally<Speaker>>();
  for (const statement of statements) {
    const entry = bySpeaker.get(statement.speakerInfo.id) ?? { item: statement.speakerInfo, statements: [] };
    entry.statements.push(statement);
    bySpeaker.set(statement.speakerInfo.id, entry);
  }
  return [...bySpeaker.values()].sort(
    (a, b) => b.statements.length - a.statements.length || a.item.name.localeCompare(b.item.name),
  );
}

function tallyThemes(statements: readonly CitedStatement[], themes: readonly Theme[]): Tally<Theme>[] {
  const byTheme = byThemeId(statements);
  return themes
    .map((theme) => ({ item: theme, statements: byTheme.get(theme.id) ?? [] }))
    .filter((entry) => entry.statements.length > 0)
    .sort((a, b) => b.statements.length - a.statements.length);
}

/** "Mohsin Naqvi moved on … from … (27 Aug 2024) to … (10 Nov 2024)", the first shifts first. */
export function shiftJudgement(shifts: readonly PositionShift[]): KeyJudgement | null {
  const [first, ...others] = shifts;
  if (!first) return null;
  const actor = first.actor ?? first.speaker.name;
  const more = others.length > 0 ? ` ${plural(others.length, 'further shift')} detected (${listNames(others.map((shift) => `${shift.actor ?? shift.speaker.name} on ${lowerFirst(shift.theme.label)}`))}).` : '';
  return {
    text:
      `${actor} shifted position on ${lowerFirst(first.theme.label)}: from ${first.fromStance} ` +
      `(${formatDay(first.before.date ?? '')}) to ${first.toStance} (${formatDay(first.after.date ?? '')}).${more}`,
    statementIds: [...new Set(shifts.flatMap((shift) => [shift.before.id, shift.after.id]))],
  };
}

/** "Mohsin Naqvi was the most active speaker (12 of 63 statements), followed by …". */
export function activityJudgement(statements: readonly CitedStatement[]): KeyJudgement | null {
  const tallies = tallySpeakers(statements);
  const [top] = tallies;
  if (!top) return null;
  const leaders = tallies.filter((entry) => entry.statements.length === top.statements.length);
  const followers = tallies.slice(leaders.length, leaders.length + 2);
  const following =
    followers.length > 0
      ? `, followed by ${listNames(followers.map((entry) => `${entry.item.name} (${entry.statements.length})`))}`
      : '';
  const lead =
    leaders.length === 1
      ? `${top.item.name} was the most active speaker (${top.statements.length} of ${plural(statements.length, 'statement')})`
      : `${listNames(leaders.map((entry) => entry.item.name))} were the most active speakers (${top.statements.length} each of ${plural(statements.length, 'statement')})`;
  return {
    text: `${lead}${following}.`,
    statementIds: strongest(leaders.flatMap((entry) => entry.statements)),
  };
}

/** "Condemnation … was the dominant theme (42 of 162 statements), ahead of …". */
export function dominantThemeJudgement(statements: readonly CitedStatement[], themes: readonly Theme[]): KeyJudgement | null {
  const tallies = tallyThemes(statements, themes);
  const [top, ...rest] = tallies;
  if (!top) return null;
  const ahead =
    rest.length > 0
      ? `, ahead of ${listNames(rest.slice(0, 2).map((entry) => `${lowerFirst(entry.item.label)} (${entry.statements.length})`))}`
      : '';
  return {
    text: `${top.item.label} was the dominant theme (${top.statements.length} of ${plural(statements.length, 'statement')})${ahead}.`,
    statementIds: strongest(top.statements),
  };
}

function share(count: number, total: number): string {
  return `${Math.round((100 * count) / total)}%`;
}

/** Which theme gained and which lost most share of the statements from the first half to the second. */
export function themeChangeJudgement(
  statements: readonly CitedStatement[],
  themes: readonly Theme[],
  period: Period,
): KeyJudgement | null {
  const [first, second] = halves(period);
  const early = statements.filter((statement) => statement.date !== null && inPeriod(statement.date, first));
  const late = statements.filter((statement) => statement.date !== null && inPeriod(statement.date, second));
  if (early.length === 0 || late.length === 0) return null;
  const earlyByTheme = byThemeId(early);
  const lateByTheme = byThemeId(late);
  const changes = themes
    .map((theme) => {
      const before = earlyByTheme.get(theme.id) ?? [];
      const after = lateByTheme.get(theme.id) ?? [];
      return { theme, before, after, delta: after.length / late.length - before.length / early.length };
    })
    .filter((change) => change.before.length + change.after.length > 0)
    .sort((a, b) => b.delta - a.delta);
  const rise = changes[0];
  const fall = changes[changes.length - 1];
  if (!rise || rise.delta <= 0) return null;
  const span = `From the first half of the period (${formatDay(first.from)}–${formatDay(first.to)}, ${plural(early.length, 'dated statement')}) to the second (${formatDay(second.from)}–${formatDay(second.to)}, ${late.length})`;
  const rose = `${lowerFirst(rise.theme.label)} rose from ${rise.before.length} (${share(rise.before.length, early.length)}) to ${rise.after.length} statements (${share(rise.after.length, late.length)})`;
  const fell =
    fall && fall !== rise && fall.delta < 0
      ? `, while ${lowerFirst(fall.theme.label)} fell from ${fall.before.length} (${share(fall.before.length, early.length)}) to ${fall.after.length} (${share(fall.after.length, late.length)})`
      : '';
  return { text: `${span}, ${rose}${fell}.`, statementIds: strongest(rise.after) };
}

/** "N statements made commitments, led by …; the most recent: …". */
export function commitmentJudgement(statements: readonly CitedStatement[]): KeyJudgement | null {
  const committing = statements.filter((statement) => (statement.commitments?.length ?? 0) > 0);
  if (committing.length === 0) return null;
  const leaders = tallySpeakers(committing).slice(0, 2);
  const latest = [...committing]
    .filter((statement) => statement.date !== null)
    .sort((a, b) => compareDates(b.date, a.date) || b.corroboration - a.corroboration)[0];
  const led = listNames(leaders.map((entry) => `${entry.item.name} (${entry.statements.length})`));
  const recent = latest
    ? `; the most recent came from ${latest.speakerInfo.name} on ${formatDay(latest.date ?? '')}: “${excerpt(latest.text)}”`
    : '';
  const recentFirst = [...committing].sort((a, b) => compareDates(b.date, a.date));
  return {
    text: `${committing.length} of ${plural(statements.length, 'statement')} made commitments (promises, pledges, decisions), led by ${led}${recent}.`,
    statementIds: recentFirst.slice(0, MAX_SUPPORT).map((statement) => statement.id),
  };
}

/**
 * The key judgements, bottom line first: detected shifts, the most active speakers, the dominant theme,
 * the change in themes between the halves of the period, commitments. Those the data cannot support
 * (no shifts, one half empty) are left out; at most five.
 */
export function writeJudgements(input: JudgementInput): KeyJudgement[] {
  if (input.statements.length === 0) {
    return [{ text: 'No statements were recorded in the period.', statementIds: [] }];
  }
  const judgements = [
    shiftJudgement(input.shifts),
    activityJudgement(input.statements),
    dominantThemeJudgement(input.statements, input.themes),
    themeChangeJudgement(input.statements, input.themes, input.period),
    commitmentJudgement(input.statements),
  ];
  return judgements.filter((judgement): judgement is KeyJudgement => judgement !== null).slice(0, MAX_JUDGEMENTS);
}
