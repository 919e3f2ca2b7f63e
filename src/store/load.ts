// Loading and validating the store folder. Any problem is one ReportError('input') line naming the
// file and field; nothing here writes.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { inputError, environmentError } from '../errors.js';
import type { Registry, Speaker, Statement, Theme } from '../types.js';
import {
  SOURCES_FILE,
  SPEAKERS_FILE,
  THEMES_FILE,
  assertStoreDir,
  classifyStoreFile,
  displayPath,
  parseYaml,
  readTextIfExists,
  sha256,
  statementFileFor,
  validateFile,
} from './files.js';
import {
  DISK_STATE,
  type DiskState,
  type SourceRecord,
  type Store,
  sourceRecordFromFile,
  sourceRecordToFile,
  speakerFromFile,
  speakerToFile,
  statementFromFile,
  themeFromFile,
  themeToFile,
} from './model.js';
import { quickStatementFile, sourcesFileSchema, speakersFileSchema, statementFileSchema, themesFileSchema } from './schema.js';
import { readStatementFile } from './statement-reader.js';
import { editDistance } from './text.js';

interface LoadedFile<T> {
  items: T[];
  /** null when the file does not exist. */
  hash: string | null;
}

/** Called with each store file's bytes as they are read (to hash them). */
type OnBytes = (name: string, bytes: Buffer) => void;

async function loadListFile<T, F>(
  dir: string,
  name: string,
  read: (data: unknown, shown: string) => F[],
  convert: (form: F) => T,
  onBytes?: OnBytes,
): Promise<LoadedFile<T>> {
  const content = await readTextIfExists(path.join(dir, name), onBytes && ((bytes) => onBytes(name, bytes)));
  if (content === null) return { items: [], hash: null };
  const shown = displayPath(dir, name);
  const data = parseYaml(content, shown);
  const forms = data === undefined || data === null ? [] : read(data, shown);
  return { items: forms.map(convert), hash: 'present' };
}

const readSpeakers = (data: unknown, shown: string) => validateFile(speakersFileSchema, data, shown).speakers;
const readThemesFile = (data: unknown, shown: string) =>
  data === undefined || data === null ? { themes: [] } : validateFile(themesFileSchema, data, shown);
const readSources = (data: unknown, shown: string) => validateFile(sourcesFileSchema, data, shown).sources;
const readStatements = (data: unknown, shown: string) =>
  quickStatementFile(data) ?? validateFile(statementFileSchema, data, shown).statements;

/** A statement file through the general YAML reader and the schema (any layout; words the errors). */
function readStatementsSlowly(content: string, shown: string): Statement[] {
  const data = parseYaml(content, shown);
  const forms = data === undefined || data === null ? [] : readStatements(data, shown);
  return forms.map(statementFromFile);
}

/** Speakers and themes of the store in `dir`; missing files mean empty lists. */
export async function loadRegistry(dir: string): Promise<Registry> {
  return (await loadRegistryFiles(dir)).registry;
}

async function loadRegistryFiles(dir: string, onBytes?: OnBytes) {
  await assertStoreDir(dir);
  const [speakers, themesContent] = await Promise.all([
    loadListFile(dir, SPEAKERS_FILE, readSpeakers, speakerFromFile, onBytes),
    readTextIfExists(path.join(dir, THEMES_FILE), onBytes && ((bytes) => onBytes(THEMES_FILE, bytes))),
  ]);
  const themesShown = displayPath(dir, THEMES_FILE);
  const themesFile = themesContent === null ? { themes: [] } : readThemesFile(parseYaml(themesContent, themesShown), themesShown);
  const themes = { items: themesFile.themes.map(themeFromFile), hash: themesContent === null ? null : 'present' };
  assertUniqueIds(speakers.items, displayPath(dir, SPEAKERS_FILE), 'speakers');
  assertUniqueIds(themes.items, themesShown, 'themes');
  const registry: Registry = { speakers: speakers.items, themes: themes.items };
  if ('threshold' in themesFile && themesFile.threshold !== undefined) registry.themeThreshold = themesFile.threshold;
  return { registry, speakers, themes };
}

function assertUniqueIds(items: readonly { id: string }[], shown: string, listName: string): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const first = seen.get(item.id);
    if (first !== undefined) {
      throw inputError(`${shown}: ${listName}[${index}].id: "${item.id}" is used twice (also ${listName}[${first}]); ids must be unique`);
    }
    seen.set(item.id, index);
  });
}

/**
 * Loads and validates the whole store. Statement files are `YYYY-MM.yaml` and `undated.yaml`; any
 * other YAML file in the folder is refused so that a misnamed file is not silently ignored.
 */
export interface LoadOptions {
  /** Also keep the sha256 of every file's bytes as read (DiskState.hashes). */
  hashes?: boolean;
}

export async function loadStore(dir: string, options: LoadOptions = {}): Promise<Store> {
  const hashes = options.hashes ? new Map<string, string>() : undefined;
  const onBytes: OnBytes | undefined = hashes && ((name, bytes) => hashes.set(name, sha256(bytes)));
  const { registry, speakers, themes } = await loadRegistryFiles(dir, onBytes);
  const names = await listStoreFolder(dir);
  const statementNames = names.filter((name) => classifyStoreFile(name) === 'statements').sort();
  const misnamed = names.filter((name) => classifyStoreFile(name) === 'misnamed').sort()[0];
  if (misnamed !== undefined) {
    throw inputError(
      `${displayPath(dir, misnamed)}: not a statement file name, so it would be ignored (statement files are YYYY-MM.yaml, e.g. 2024-08.yaml, or undated.yaml)`,
    );
  }

  const contents = await Promise.all(
    statementNames.map((name) => readTextIfExists(path.join(dir, name), onBytes && ((bytes) => onBytes(name, bytes)))),
  );
  const disk: DiskState = { signatures: new Map(), fingerprints: new Map(), statementFiles: new Map(), locations: new Map(), hashes };
  const checker = new ReferenceChecker(registry, dir);
  const statements: Statement[] = [];
  statementNames.forEach((name, fileIndex) => {
    const content = contents[fileIndex];
    if (content === null || content === undefined) return;
    const fileStatements = (readStatementFile(content) ?? readStatementsSlowly(content, displayPath(dir, name))).map(freezeStatement);
    fileStatements.forEach((statement, index) => checker.check(statement, name, index));
    disk.statementFiles.set(name, fileStatements);
    for (const statement of fileStatements) {
      statements.push(statement);
      disk.locations.set(statement.id, name);
    }
  });

  const sources = await loadListFile(dir, SOURCES_FILE, readSources, sourceRecordFromFile, onBytes);
  assertUniqueFiles(sources.items, displayPath(dir, SOURCES_FILE));
  if (speakers.hash !== null) disk.fingerprints.set(SPEAKERS_FILE, fingerprint(speakers.items.map(speakerToFile)));
  if (themes.hash !== null) disk.fingerprints.set(THEMES_FILE, fingerprint(themes.items.map(themeToFile)));
  if (sources.hash !== null) disk.fingerprints.set(SOURCES_FILE, fingerprint(sources.items.map(sourceRecordToFile)));
  // Signatures are taken after reading: a file edited since then is noticed when saving.
  await Promise.all(
    [...statementNames, SPEAKERS_FILE, THEMES_FILE, SOURCES_FILE].map(async (name) => {
      const signature = await fileSignature(path.join(dir, name));
      if (signature !== null) disk.signatures.set(name, signature);
    }),
  );
  return { dir, registry, statements, sources: sources.items, [DISK_STATE]: disk };
}

/** Size and modification time of a file, or null when it does not exist. */
export async function fileSignature(file: string): Promise<string | null> {
  try {
    const stat = await fs.stat(file);
    return stat.isFile() ? `${stat.size}:${stat.mtimeMs}` : null;
  } catch {
    return null;
  }
}

function freezeStatement(statement: Statement): Statement {
  Object.freeze(statement.themes);
  for (const source of statement.sources) Object.freeze(source);
  Object.freeze(statement.sources);
  if (statement.review) {
    if (statement.review.themes) Object.freeze(statement.review.themes);
    Object.freeze(statement.review);
  }
  return Object.freeze(statement);
}

/** Canonical JSON of a file's content, to tell whether saving would change it. */
export function fingerprint(forms: unknown[]): string {
  return JSON.stringify(forms);
}

async function listStoreFolder(dir: string): Promise<string[]> {
  try {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    return entries.filter((entry) => !entry.isDirectory()).map((entry) => entry.name);
  } catch (error) {
    throw environmentError(`${dir}: cannot list the store folder (${(error as Error).message})`, error);
  }
}

function assertUniqueFiles(records: readonly SourceRecord[], shown: string): void {
  const seen = new Map<string, number>();
  records.forEach((record, index) => {
    const first = seen.get(record.file);
    if (first !== undefined) {
      throw inputError(`${shown}: sources[${index}].file: "${record.file}" is listed twice (also sources[${first}])`);
    }
    seen.set(record.file, index);
  });
}

/** Cross-file checks: unique ids, known speakers and themes, each statement in its month's file. */
class ReferenceChecker {
  private readonly speakerIds: Set<string>;
  private readonly themeIds: Set<string>;
  private readonly seen = new Map<string, { file: string; index: number }>();

  constructor(
    private readonly registry: Registry,
    private readonly dir: string,
  ) {
    this.speakerIds = new Set(registry.speakers.map((speaker) => speaker.id));
    this.themeIds = new Set(registry.themes.map((theme) => theme.id));
  }

  check(statement: Statement, file: string, index: number): void {
    if (this.isFine(statement, file)) {
      this.seen.set(statement.id, { file, index });
      return;
    }
    const where = `${displayPath(this.dir, file)}: statements[${index}]`;
    const first = this.seen.get(statement.id);
    if (first) {
      throw inputError(
        `${where}.id: "${statement.id}" is also used in ${displayPath(this.dir, first.file)} (statements[${first.index}]); ids must be unique`,
      );
    }
    this.seen.set(statement.id, { file, index });
    const expectedFile = statementFileFor(statement.date);
    if (expectedFile !== file) {
      throw inputError(
        `${where}.date: ${statement.date ?? 'null'} belongs in ${expectedFile}, not in this file (to correct a date, set review.date instead)`,
      );
    }
    this.checkSpeaker(statement.speaker, `${where}.speaker`);
    this.checkThemes(statement.themes, `${where}.themes`);
    if (statement.review?.speaker !== undefined) this.checkSpeaker(statement.review.speaker, `${where}.review.speaker`);
    if (statement.review?.themes !== undefined) this.checkThemes(statement.review.themes, `${where}.review.themes`);
  }

  /** The common case, checked without building any message. */
  private isFine(statement: Statement, file: string): boolean {
    const review = statement.review;
    return (
      !this.seen.has(statement.id) &&
      statementFileFor(statement.date) === file &&
      this.speakerIds.has(statement.speaker) &&
      statement.themes.every((theme) => this.themeIds.has(theme)) &&
      (review === undefined ||
        ((review.speaker === undefined || this.speakerIds.has(review.speaker)) &&
          (review.themes === undefined || review.themes.every((theme) => this.themeIds.has(theme)))))
    );
  }

  private checkSpeaker(id: string, where: string): void {
    if (this.speakerIds.has(id)) return;
    throw inputError(`${where}: "${id}" is not in ${SPEAKERS_FILE}${suggest(id, this.registry.speakers)}`);
  }

  private checkThemes(ids: readonly string[], where: string): void {
    ids.forEach((id, index) => {
      if (this.themeIds.has(id)) return;
      throw inputError(`${where}[${index}]: "${id}" is not in ${THEMES_FILE}${suggest(id, this.registry.themes)}`);
    });
  }
}

function suggest(id: string, items: readonly (Speaker | Theme)[]): string {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const item of items) {
    const distance = editDistance(id, item.id);
    if (distance < bestDistance) {
      best = item.id;
      bestDistance = distance;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(id.length / 3)) ? ` (did you mean "${best}"?)` : '';
}
