// The domain types every stage shares. Each stage owns its own internal types; only what crosses a
// stage boundary lives here. Flow: ingest → extract → store → analyze → render → cli.

/** A calendar day, `YYYY-MM-DD`. */
export type IsoDate = string;

/** How a statement's date was established. */
export type DateBasis = 'explicit' | 'relative' | 'published';

export type StatementKind = 'direct' | 'indirect';

// ---------------------------------------------------------------------------------------------
// ingest: an article, cleaned, with what is known about where it came from

export interface ArticleMeta {
  /** Path of the article file as given by the user (relative or absolute). */
  file: string;
  outlet: string | null;
  title: string | null;
  url: string | null;
  /** Publication day, or null when the article gives none (its statements are then undated). */
  published: IsoDate | null;
  /** Weekday-aware publication timestamp is not needed: statements are dated to the day. */
}

export interface Article extends ArticleMeta {
  /**
   * The article's text after cleaning (boilerplate lines, repeated paragraphs and markup removed).
   * Every character offset in an extracted statement points into this string.
   */
  text: string;
  /** sha256 of the raw file bytes, to skip unchanged articles on a re-run. */
  hash: string;
}

// ---------------------------------------------------------------------------------------------
// registry: speakers and themes, data files kept beside the statements

/** The kinds of speaker a briefing groups by; the store refuses any other. */
export const SPEAKER_GROUPS = [
  'federal-government',
  'provincial-government',
  'military',
  'foreign-government',
  'international-organisation',
  'militant-group',
  'political-party',
  'civil-society',
  'analyst',
  'media',
  'other',
] as const;

export type SpeakerGroup = (typeof SPEAKER_GROUPS)[number];

export interface SpeakerRole {
  /** e.g. "Interior Minister". */
  title: string;
  /** Role nouns that refer to the holder while the role is held ("the interior minister", "the CM"). */
  aliases?: string[];
  from?: IsoDate | null;
  to?: IsoDate | null;
}

export interface Speaker {
  /** Canonical id, kebab-case: "mohsin-naqvi", "united-states". */
  id: string;
  /** Display name, as a briefing prints it: "Mohsin Naqvi", "United States". */
  name: string;
  group: SpeakerGroup;
  /** ISO 3166 alpha-2 country code where it applies ("PK", "US", "CN"); null for international bodies. */
  country: string | null;
  /** Other names and spellings that mean this speaker ("Sarfaraz Bugti", "Beijing", "the US embassy"). */
  aliases: string[];
  roles: SpeakerRole[];
  /** Tracked speakers come first in a briefing. */
  tracked?: boolean;
}

export interface Theme {
  id: string;
  label: string;
  description: string;
  /** Cue words or phrases with weights; a statement is filed under the theme when its score passes the threshold. */
  cues: { cue: string; weight: number }[];
}

export interface Registry {
  speakers: Speaker[];
  themes: Theme[];
  /** The `threshold:` of statements/themes.yaml: the cue score a theme needs (classifier default when absent). */
  themeThreshold?: number;
}

/** Why a statement is filed under a theme: the cues of the taxonomy that matched its text. */
export interface ThemeMatch {
  themeId: string;
  score: number;
  /** The cues as the taxonomy writes them ("condemn*"). */
  cues: string[];
  /** The words each cue matched in the text ("condemned"), parallel to `cues`. */
  matched?: string[];
}

// ---------------------------------------------------------------------------------------------
// extract: what the extractor finds in one article

export interface ExtractedStatement {
  /** The article it came from (its `file`). */
  source: string;
  /**
   * Canonical speaker id when the speaker is in the registry; otherwise null and `speakerName` holds the
   * name the article gives.
   */
  speakerId: string | null;
  /** Display name of the speaker (registry name, or the article's name for unknown speakers). */
  speakerName: string;
  /** The named person who spoke for an institutional speaker ("Lin Jian" for China), else null. */
  voice: string | null;
  kind: StatementKind;
  /**
   * The reporting verb or phrase as the article has it ("denied", "expressed deep concern over", "said"),
   * so reported speech can be shown as a paraphrase with its verb; null when there is none to show.
   */
  verb?: string | null;
  /** The words: for direct quotes the words inside the marks, for reported speech the content. */
  text: string;
  date: IsoDate | null;
  dateBasis: DateBasis;
  themes: string[];
  /** Character offsets of `text` in the article's cleaned text: text === article.text.slice(start, end). */
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------------------------
// store: the reviewable statements

export interface SourceRef {
  file: string;
  outlet: string | null;
  title: string | null;
  url: string | null;
  published: IsoDate | null;
  start: number;
  end: number;
}

/** What a reviewer decided; every field overrides the extracted value and survives re-extraction. */
export interface Review {
  status?: 'accepted' | 'rejected';
  speaker?: string;
  date?: IsoDate | null;
  themes?: string[];
  kind?: StatementKind;
  text?: string;
  note?: string;
}

export interface Statement {
  id: string;
  speaker: string;
  voice: string | null;
  kind: StatementKind;
  /** The reporting verb or phrase (see ExtractedStatement.verb); absent in older stores. */
  verb?: string | null;
  text: string;
  date: IsoDate | null;
  dateBasis: DateBasis;
  themes: string[];
  sources: SourceRef[];
  review?: Review;
}

/**
 * A statement as the analysis sees it: the reviewer's decisions applied, rejected statements gone,
 * and the speaker resolved against the registry.
 */
export interface EffectiveStatement extends Omit<Statement, 'review'> {
  speakerInfo: Speaker;
  reviewed: boolean;
}
