// Position shifts: where what a speaker (or a group of speakers) says on a theme moves.
import type { Speaker, SpeakerGroup, Theme } from '../types.js';
import { compareDates, formatDay } from './dates.js';
import { lowerFirst } from './text.js';
import { bySpeakerId } from './grouping.js';
import type { StanceLexicon } from './stances.js';
import type { CitedStatement, PositionShift, StanceReading } from './types.js';

/** The method of detectShifts, word for word, for the briefing's method section (a test keeps the two equal). */
export const SHIFT_METHOD = [
  'How position shifts are detected.',
  '1. Stance. Every statement filed under a theme that the stance lexicon (statements/stances.yaml) covers is read for a stance on that theme: each stance of the theme has cue phrases, negations among them ("no need for … operation", "not require … operations"); where cue matches overlap the longer one wins, so "no need for a major operation" reads as against an operation although it contains "major operation"; the stance with the most distinct cues wins, and a statement whose cues point both ways equally takes no stance.',
  '2. Sequence. For each speaker and theme, the dated statements that take a stance are put in date order. Undated statements are left out: without a date there is no before and after.',
  '3. Shift. The sequence is cut into runs of one polarity. Between two consecutive runs of opposite polarity a shift is claimed, from the last statement of the earlier run to the first statement of the later run made on a later day. It carries both statements, their dates, the stance labels and the cue phrases found in each. A stance restated is not a shift; statements on different themes are never compared; two opposite statements of the same day are not ordered, so they are no shift.',
  "4. Groups. The same is done for each speaker group the lexicon lists (e.g. federal-government), over the statements of all its members, so that one minister's August position and a committee's November decision can be set side by side. A group shift is claimed only between statements of two different members (the later one being the first of the new stance by another member than the earlier one's speaker); a member's own move is reported once, as that speaker's shift.",
  'No shift is claimed without the two statements that show it.',
].join('\n\n');

interface Positioned {
  statement: CitedStatement & { date: string };
  reading: StanceReading;
}

function stanceOn(statement: CitedStatement, themeId: string): StanceReading | undefined {
  return statement.stances?.find((reading) => reading.themeId === themeId);
}

/** Dated statements with a stance on the theme, by date (ties by id, for a stable order). */
function positions(statements: readonly CitedStatement[], themeId: string): Positioned[] {
  const found: Positioned[] = [];
  for (const statement of statements) {
    const reading = stanceOn(statement, themeId);
    if (reading && statement.date !== null) found.push({ statement: { ...statement, date: statement.date }, reading });
  }
  return found.sort((a, b) => compareDates(a.statement.date, b.statement.date) || a.statement.id.localeCompare(b.statement.id));
}

/** Consecutive positions of one polarity. */
function runs(sequence: readonly Positioned[]): Positioned[][] {
  const result: Positioned[][] = [];
  for (const position of sequence) {
    const current = result[result.length - 1];
    const previous = current?.[current.length - 1];
    if (current && previous && Math.sign(previous.reading.polarity) === Math.sign(position.reading.polarity)) {
      current.push(position);
    } else {
      result.push([position]);
    }
  }
  return result;
}

type Scope = { kind: 'speaker'; speaker: Speaker } | { kind: 'group'; group: SpeakerGroup };

function groupLabel(group: SpeakerGroup): string {
  const words = group.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function quoted(words: readonly string[]): string {
  return words.map((word) => `“${word}”`).join(', ');
}

function describe(actor: string, theme: Theme, before: Positioned, after: Positioned): string {
  return (
    `${actor} moved on ${lowerFirst(theme.label)} from ${before.reading.label} ` +
    `(${formatDay(before.statement.date)}, ${before.statement.speakerInfo.name}: ${quoted(before.reading.matched)}) ` +
    `to ${after.reading.label} ` +
    `(${formatDay(after.statement.date)}, ${after.statement.speakerInfo.name}: ${quoted(after.reading.matched)}).`
  );
}

function toShift(scope: Scope, theme: Theme, before: Positioned, after: Positioned): PositionShift {
  const actor = scope.kind === 'speaker' ? scope.speaker.name : groupLabel(scope.group);
  return {
    speaker: scope.kind === 'speaker' ? scope.speaker : after.statement.speakerInfo,
    theme,
    before: before.statement,
    after: after.statement,
    fromStance: before.reading.label,
    toStance: after.reading.label,
    cues: { before: before.reading.cues, after: after.reading.cues },
    explanation: describe(actor, theme, before, after),
    scope: scope.kind,
    group: scope.kind === 'speaker' ? scope.speaker.group : scope.group,
    actor,
  };
}

/** Shifts within one sequence (one speaker or one group, one theme). */
function shiftsIn(sequence: readonly Positioned[], scope: Scope, theme: Theme): PositionShift[] {
  const found: PositionShift[] = [];
  const parts = runs(sequence);
  for (let index = 1; index < parts.length; index += 1) {
    const before = parts[index - 1]?.at(-1);
    const later = parts[index] ?? [];
    if (!before) continue;
    const after = later.find(
      (position) =>
        position.statement.date > before.statement.date &&
        (scope.kind === 'speaker' || position.statement.speakerInfo.id !== before.statement.speakerInfo.id),
    );
    if (after) found.push(toShift(scope, theme, before, after));
  }
  return found;
}

/**
 * How position shifts are detected.
 *
 * 1. Stance. Every statement filed under a theme that the stance lexicon (statements/stances.yaml)
 *    covers is read for a stance on that theme: each stance of the theme has cue phrases, negations
 *    among them ("no need for … operation", "not require … operations"); where cue matches overlap the
 *    longer one wins, so "no need for a major operation" reads as against an operation although it
 *    contains "major operation"; the stance with the most distinct cues wins, and a statement whose cues
 *    point both ways equally takes no stance.
 * 2. Sequence. For each speaker and theme, the dated statements that take a stance are put in date
 *    order. Undated statements are left out: without a date there is no before and after.
 * 3. Shift. The sequence is cut into runs of one polarity. Between two consecutive runs of opposite
 *    polarity a shift is claimed, from the last statement of the earlier run to the first statement of
 *    the later run made on a later day. It carries both statements, their dates, the stance labels and
 *    the cue phrases found in each. A stance restated is not a shift; statements on different themes are
 *    never compared; two opposite statements of the same day are not ordered, so they are no shift.
 * 4. Groups. The same is done for each speaker group the lexicon lists (e.g. federal-government), over
 *    the statements of all its members, so that one minister's August position and a committee's
 *    November decision can be set side by side. A group shift is claimed only between statements of two
 *    different members (the later one being the first of the new stance by another member than the
 *    earlier one's speaker); a member's own move is reported once, as that speaker's shift.
 *
 * No shift is claimed without the two statements that show it.
 *
 * Output: speakers in the given order, then the lexicon's groups; within each, themes in taxonomy
 * order, shifts in date order.
 */
export function detectShifts(
  statements: readonly CitedStatement[],
  speakers: readonly Speaker[],
  themes: readonly Theme[],
  lexicon: StanceLexicon,
): PositionShift[] {
  const stanceThemes = themes.filter((theme) => lexicon.themes[theme.id] !== undefined);
  const grouped = bySpeakerId(statements);
  const bySpeaker = speakers.flatMap((speaker) => {
    const own = grouped.get(speaker.id) ?? [];
    return stanceThemes.flatMap((theme) => shiftsIn(positions(own, theme.id), { kind: 'speaker', speaker }, theme));
  });
  const byGroup = lexicon.groups.flatMap((group) => {
    const members = statements.filter((statement) => statement.speakerInfo.group === group);
    return stanceThemes.flatMap((theme) => shiftsIn(positions(members, theme.id), { kind: 'group', group }, theme));
  });
  return [...bySpeaker, ...byGroup];
}
