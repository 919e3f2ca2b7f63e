// The dated selection for the briefing's timeline.
import { compareDates } from './dates.js';
import { FOREIGN_GROUPS } from './grouping.js';
import type { CitedStatement, PositionShift } from './types.js';

export const KEY_STATEMENT_CAP = 20;
export const KEY_STATEMENTS_PER_SPEAKER_DAY = 2;

/** The rule, as the briefing's method section states it. */
export const KEY_STATEMENT_RULE =
  'Key statements are chosen from the dated statements of tracked speakers, foreign governments and ' +
  'international organisations, plus every statement that evidences a position shift (if there are none ' +
  'of these, from all dated statements). They are ranked: shift evidence first, then by the number of ' +
  'independent outlets carrying them, then by the number of themes they touch, then commitments first, ' +
  `then earliest; at most ${KEY_STATEMENTS_PER_SPEAKER_DAY} per speaker per day (shift evidence exempt), ` +
  `at most ${KEY_STATEMENT_CAP} in all, shown in date order.`;

function isCandidate(statement: CitedStatement, evidence: ReadonlySet<string>): boolean {
  return (
    statement.speakerInfo.tracked === true ||
    FOREIGN_GROUPS.includes(statement.speakerInfo.group) ||
    evidence.has(statement.id)
  );
}

function rank(evidence: ReadonlySet<string>) {
  return (a: CitedStatement, b: CitedStatement): number =>
    Number(evidence.has(b.id)) - Number(evidence.has(a.id)) ||
    b.corroboration - a.corroboration ||
    b.themes.length - a.themes.length ||
    Number((b.commitments?.length ?? 0) > 0) - Number((a.commitments?.length ?? 0) > 0) ||
    compareDates(a.date, b.date) ||
    a.id.localeCompare(b.id);
}

/** See KEY_STATEMENT_RULE. */
export function selectKeyStatements(
  statements: readonly CitedStatement[],
  shifts: readonly PositionShift[],
  cap: number = KEY_STATEMENT_CAP,
): CitedStatement[] {
  const evidence = new Set(shifts.flatMap((shift) => [shift.before.id, shift.after.id]));
  const dated = statements.filter((statement) => statement.date !== null);
  const preferred = dated.filter((statement) => isCandidate(statement, evidence));
  const candidates = (preferred.length > 0 ? preferred : dated).sort(rank(evidence));
  const perSpeakerDay = new Map<string, number>();
  const chosen: CitedStatement[] = [];
  for (const statement of candidates) {
    if (chosen.length >= cap) break;
    const key = `${statement.speakerInfo.id} ${statement.date}`;
    const taken = perSpeakerDay.get(key) ?? 0;
    if (taken >= KEY_STATEMENTS_PER_SPEAKER_DAY && !evidence.has(statement.id)) continue;
    perSpeakerDay.set(key, taken + 1);
    chosen.push(statement);
  }
  return chosen.sort((a, b) => compareDates(a.date, b.date) || a.id.localeCompare(b.id));
}
