// What the analysis hands to the renderer: everything a briefing shows, computed from the store.
// Pure data (no functions), so templates can walk it and tests can compare it.
import type { EffectiveStatement, IsoDate, Speaker, SpeakerGroup, Theme, ThemeMatch } from '../types.js';

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

/** A numbered entry of the briefing's source list. */
export interface SourceEntry {
  number: number;
  file: string;
  outlet: string | null;
  title: string | null;
  url: string | null;
  published: IsoDate | null;
}

// ThemeMatch lives in src/types.ts because the extractor (left of analyze) produces it too.
export type { ThemeMatch } from '../types.js';

export interface CitedStatement extends EffectiveStatement {
  /** Numbers into Analysis.sources, one per source that carries the statement. */
  citations: number[];
  /** How many independent outlets carry it (several files of one outlet count once). */
  corroboration: number;
  singleSource: boolean;
  themeMatches: ThemeMatch[];
  /** The role the speaker held on the statement's date, if the registry knows it. */
  role: string | null;
  /** The stance the statement takes on each theme the stance lexicon covers (statements/stances.yaml). */
  stances?: StanceReading[];
  /** Commitment cues found in the text ("will", "vowed", "approved"); empty when it commits to nothing. */
  commitments?: string[];
}

/** The stance a statement takes on one theme, and the cue phrases that show it. */
export interface StanceReading {
  themeId: string;
  /** Stance id from the lexicon, e.g. "against-major-operation". */
  stance: string;
  /** Short label, e.g. "against a major operation". */
  label: string;
  /** Sign gives the direction: stances of opposite sign on one theme are opposite. */
  polarity: number;
  cues: string[];
  /** The words each cue matched, parallel to `cues`. */
  matched: string[];
}

export interface ThemeCount {
  theme: Theme;
  count: number;
}

export interface SpeakerProfile {
  speaker: Speaker;
  role: string | null;
  count: number;
  themeMix: ThemeCount[];
  /** In date order, undated last. */
  statements: CitedStatement[];
}

export interface ThemeSection {
  theme: Theme;
  count: number;
  /** Speakers in briefing order, each with their statements on this theme in date order. */
  bySpeaker: { speaker: Speaker; statements: CitedStatement[] }[];
}

export interface WeekBucket {
  /** Monday of the ISO week. */
  weekStart: IsoDate;
  total: number;
  /** Counts per speaker id; only speakers with statements that week. */
  bySpeaker: Record<string, number>;
}

export interface SpeakerThemeMatrix {
  speakers: Speaker[];
  themes: Theme[];
  /** counts[i][j]: statements of speakers[i] filed under themes[j]. */
  counts: number[][];
  max: number;
}

/** A detected move in what a speaker says on a theme, with the evidence on both sides. */
export interface PositionShift {
  speaker: Speaker;
  theme: Theme;
  before: CitedStatement;
  after: CitedStatement;
  /** Short labels of the stance on each side, e.g. "against a major operation" → "for a comprehensive operation". */
  fromStance: string;
  toStance: string;
  /** The cue phrases found in each statement that show the stance. */
  cues: { before: string[]; after: string[] };
  explanation: string;
  /**
   * 'speaker': both statements are `speaker`'s. 'group': two members of `group` said them (a move of,
   * say, the federal government as a whole); `speaker` is then the later statement's speaker.
   */
  scope?: 'speaker' | 'group';
  group?: SpeakerGroup;
  /** Who moved, as the briefing names it: the speaker's name or the group's ("Federal government"). */
  actor?: string;
}

/** A bottom-line-up-front judgement generated from the data, with the statements that support it. */
export interface KeyJudgement {
  text: string;
  statementIds: string[];
}

export interface Analysis {
  title: string;
  period: Period;
  /** ISO timestamp with the local time-zone offset. */
  generatedAt: string;
  counts: { statements: number; speakers: number; sources: number; undated: number };
  judgements: KeyJudgement[];
  /** Every statement in the briefing, dated ones in date order. */
  statements: CitedStatement[];
  /** A dated selection for the timeline list. */
  keyStatements: CitedStatement[];
  weeks: WeekBucket[];
  /** Tracked speakers first, then by statement count. */
  speakers: SpeakerProfile[];
  themes: ThemeSection[];
  matrix: SpeakerThemeMatrix;
  shifts: PositionShift[];
  /** Profiles of the foreign governments and international organisations. */
  foreign: SpeakerProfile[];
  sources: SourceEntry[];
  undated: CitedStatement[];
}
