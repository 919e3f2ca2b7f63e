// analyze: the store's effective statements → the Analysis a briefing renders. Pure: no I/O except
// loadStances, which reads the stance lexicon beside the statements.
import { ReportError } from '../errors.js';
import type { EffectiveStatement, Registry } from '../types.js';
import { numberSources, sourceNumbers } from './citations.js';
import { citeStatement } from './cite.js';
import { compareDates, inPeriod, isValidDay, timestamp } from './dates.js';
import { FOREIGN_GROUPS, orderSpeakers, speakerProfiles, speakerThemeMatrix, themeSections, weekBuckets } from './grouping.js';
import { writeJudgements } from './judgements.js';
import { selectKeyStatements } from './key-statements.js';
import { detectShifts } from './shifts.js';
import { EMPTY_STANCES, type StanceLexicon } from './stances.js';
import type { Analysis, CitedStatement, Period } from './types.js';

export type * from './types.js';
export { corroboration, outletKey } from './citations.js';
export { explainThemes } from './cite.js';
export { themeCounts, orderSpeakers, weekBuckets } from './grouping.js';
export { KEY_STATEMENT_RULE, selectKeyStatements } from './key-statements.js';
export { writeJudgements } from './judgements.js';
export { roleOn } from './roles.js';
export { SHIFT_METHOD, detectShifts } from './shifts.js';
export { EMPTY_STANCES, findCommitments, loadStances, parseStances, readStance, type Stance, type StanceLexicon } from './stances.js';

export interface AnalyzeInput {
  statements: EffectiveStatement[];
  registry: Registry;
  period: Period;
  title: string;
  /** The stance lexicon (loadStances(storeDir)); without it no shifts or commitments are found. */
  stances?: StanceLexicon;
  /** The clock, injected for deterministic output. */
  now?: Date;
}

function checkPeriod(period: Period): void {
  for (const [flag, day] of [['--from', period.from], ['--to', period.to]] as const) {
    if (!isValidDay(day)) throw new ReportError('usage', `${flag}: "${day}" is not a day; write YYYY-MM-DD, e.g. 2024-08-01`);
  }
  if (period.from > period.to) {
    throw new ReportError('usage', `--from ${period.from} is after --to ${period.to}; the period must run forwards`);
  }
}

/** Dated statements of the period in date order (ties keep store order), then the undated ones. */
function briefingStatements(statements: readonly EffectiveStatement[], period: Period): EffectiveStatement[] {
  const dated = statements
    .map((statement, index) => ({ statement, index }))
    .filter(({ statement }) => statement.date !== null && inPeriod(statement.date, period))
    .sort((a, b) => compareDates(a.statement.date, b.statement.date) || a.index - b.index)
    .map(({ statement }) => statement);
  const undated = statements.filter((statement) => statement.date === null);
  return [...dated, ...undated];
}

/**
 * Everything the briefing shows for the period. Dated statements outside the period are left out;
 * undated ones are kept (listed apart, in `undated`) because nothing says they fall outside it.
 */
export function analyze(input: AnalyzeInput): Analysis {
  const { registry, period, title } = input;
  checkPeriod(period);
  const stances = input.stances ?? EMPTY_STANCES;
  const chosen = briefingStatements(input.statements, period);
  const sources = numberSources(chosen.map((statement) => statement.sources));
  const context = { sourceNumbers: sourceNumbers(sources), themes: registry.themes, threshold: registry.themeThreshold, stances };
  const statements: CitedStatement[] = chosen.map((statement) => citeStatement(statement, context));
  const speakers = orderSpeakers(statements, registry);
  const profiles = speakerProfiles(statements, speakers, registry.themes, period);
  const shifts = detectShifts(statements, speakers, registry.themes, stances);
  const undated = statements.filter((statement) => statement.date === null);
  return {
    title,
    period,
    generatedAt: timestamp(input.now ?? new Date()),
    counts: { statements: statements.length, speakers: speakers.length, sources: sources.length, undated: undated.length },
    judgements: writeJudgements({ statements, themes: registry.themes, shifts, period }),
    statements,
    keyStatements: selectKeyStatements(statements, shifts),
    weeks: weekBuckets(statements, period),
    speakers: profiles,
    themes: themeSections(statements, speakers, registry.themes),
    matrix: speakerThemeMatrix(statements, speakers, registry.themes),
    shifts,
    foreign: profiles.filter((profile) => FOREIGN_GROUPS.includes(profile.speaker.group)),
    sources,
    undated,
  };
}
