// The in-memory store and the mapping between the snake_case file form and the camelCase domain
// types. The file form has a fixed key order so that saving an unchanged store rewrites the same bytes.
import type { IsoDate, Registry, Review, SourceRef, Speaker, SpeakerRole, Statement, Theme } from '../types.js';
import type { SourceRecordFileForm, SpeakerFileForm, StatementFileForm, ThemeFileForm } from './schema.js';

/** One article the store has read: lets a re-run skip articles whose bytes did not change. */
export interface SourceRecord {
  file: string;
  /** sha256 (hex) of the article file's bytes. */
  hash: string;
  outlet: string | null;
  title: string | null;
  url: string | null;
  published: IsoDate | null;
}

/** What the store believes is on disk, to skip unchanged files and notice files edited meanwhile. */
export interface DiskState {
  /** File name → size and modification time when read or last written ("size:mtime"). */
  signatures: Map<string, string>;
  /** Registry and sources files → canonical JSON of their content as loaded or last written. */
  fingerprints: Map<string, string>;
  /**
   * Statement file → its statements as loaded or last written, in file order. The objects are frozen,
   * so comparing by identity is enough to see that a file is unchanged (build new objects to change
   * a statement, as mergeExtracted does).
   */
  statementFiles: Map<string, readonly Statement[]>;
  /** Statement id → the statement file it is in, to see which statements move between files. */
  locations: Map<string, string>;
  /**
   * File name → sha256 of the bytes read or last written; only when loadStore was asked for them
   * (`report extract` keeps them in its re-run cache, see run-cache.ts).
   */
  hashes?: Map<string, string>;
}

/** Kept under a symbol so that `{...store}` carries it along while it stays out of the way. */
export const DISK_STATE: unique symbol = Symbol('store.diskState');

export interface Store {
  dir: string;
  registry: Registry;
  statements: Statement[];
  sources: SourceRecord[];
  /** Present on stores that came from loadStore; saveStore uses it (see saveStore). */
  [DISK_STATE]?: DiskState;
}

// --- file form → domain -------------------------------------------------------------------------

export function statementFromFile(form: StatementFileForm): Statement {
  const statement: Statement = {
    id: form.id,
    speaker: form.speaker,
    voice: form.voice,
    kind: form.kind,
    ...(form.verb === undefined ? {} : { verb: form.verb }),
    text: form.text,
    date: form.date,
    dateBasis: form.date_basis,
    themes: form.themes,
    sources: form.sources.map((source) => ({ ...source })),
  };
  if (form.review) {
    const review = reviewFromFile(form.review);
    if (Object.keys(review).length > 0) statement.review = review;
  }
  return statement;
}

function reviewFromFile(form: NonNullable<StatementFileForm['review']>): Review {
  const review: Review = {};
  if (form.status !== undefined) review.status = form.status;
  if (form.speaker !== undefined) review.speaker = form.speaker;
  if (form.date !== undefined) review.date = form.date;
  if (form.themes !== undefined) review.themes = form.themes;
  if (form.kind !== undefined) review.kind = form.kind;
  if (form.text !== undefined) review.text = form.text;
  if (form.note !== undefined) review.note = form.note;
  return review;
}

export function speakerFromFile(form: SpeakerFileForm): Speaker {
  const speaker: Speaker = {
    id: form.id,
    name: form.name,
    group: form.group,
    country: form.country,
    aliases: form.aliases,
    roles: form.roles.map((role) => {
      const out: SpeakerRole = { title: role.title };
      if (role.aliases !== undefined) out.aliases = role.aliases;
      if (role.from !== undefined) out.from = role.from;
      if (role.to !== undefined) out.to = role.to;
      return out;
    }),
  };
  if (form.tracked !== undefined) speaker.tracked = form.tracked;
  return speaker;
}

export function themeFromFile(form: ThemeFileForm): Theme {
  return { id: form.id, label: form.label, description: form.description, cues: form.cues };
}

export function sourceRecordFromFile(form: SourceRecordFileForm): SourceRecord {
  return { ...form };
}

// --- domain → file form (fixed key order) -------------------------------------------------------

export function statementToFile(statement: Statement): Record<string, unknown> {
  const form: Record<string, unknown> = {
    id: statement.id,
    speaker: statement.speaker,
    voice: statement.voice,
    kind: statement.kind,
    ...(statement.verb ? { verb: statement.verb } : {}),
    text: statement.text,
    date: statement.date,
    date_basis: statement.dateBasis,
    themes: [...statement.themes],
    sources: statement.sources.map(sourceRefToFile),
  };
  const review = statement.review ? reviewToFile(statement.review) : undefined;
  if (review) form.review = review;
  return form;
}

function sourceRefToFile(source: SourceRef): Record<string, unknown> {
  return {
    file: source.file,
    outlet: source.outlet,
    title: source.title,
    url: source.url,
    published: source.published,
    start: source.start,
    end: source.end,
  };
}

function reviewToFile(review: Review): Record<string, unknown> | undefined {
  const form: Record<string, unknown> = {};
  if (review.status !== undefined) form.status = review.status;
  if (review.speaker !== undefined) form.speaker = review.speaker;
  if (review.date !== undefined) form.date = review.date;
  if (review.themes !== undefined) form.themes = [...review.themes];
  if (review.kind !== undefined) form.kind = review.kind;
  if (review.text !== undefined) form.text = review.text;
  if (review.note !== undefined) form.note = review.note;
  return Object.keys(form).length > 0 ? form : undefined;
}

export function speakerToFile(speaker: Speaker): Record<string, unknown> {
  const form: Record<string, unknown> = {
    id: speaker.id,
    name: speaker.name,
    group: speaker.group,
    country: speaker.country,
    aliases: [...speaker.aliases],
    roles: speaker.roles.map((role) => {
      const out: Record<string, unknown> = { title: role.title };
      if (role.aliases !== undefined) out.aliases = [...role.aliases];
      if (role.from !== undefined) out.from = role.from;
      if (role.to !== undefined) out.to = role.to;
      return out;
    }),
  };
  if (speaker.tracked !== undefined) form.tracked = speaker.tracked;
  return form;
}

export function themeToFile(theme: Theme): Record<string, unknown> {
  return {
    id: theme.id,
    label: theme.label,
    description: theme.description,
    cues: theme.cues.map((cue) => ({ cue: cue.cue, weight: cue.weight })),
  };
}

export function sourceRecordToFile(record: SourceRecord): Record<string, unknown> {
  return {
    file: record.file,
    hash: record.hash,
    outlet: record.outlet,
    title: record.title,
    url: record.url,
    published: record.published,
  };
}

// --- ordering -----------------------------------------------------------------------------------

/** Statements in a file: by date (undated last), then id. */
export function compareStatements(a: Statement, b: Statement): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Sources of a statement: by publication day (unknown last), then file, so the order never depends on run order. */
export function compareSourceRefs(a: SourceRef, b: SourceRef): number {
  if (a.published !== b.published) {
    if (a.published === null) return 1;
    if (b.published === null) return -1;
    return a.published < b.published ? -1 : 1;
  }
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

export function compareByFile(a: { file: string }, b: { file: string }): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}
