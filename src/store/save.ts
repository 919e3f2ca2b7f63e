// Saving the store: only files whose content changed are written, each atomically, in an order that
// keeps the folder loadable if the process dies between two files:
//   1. speakers.yaml   new speakers are appended first, so every statement written later names a known id
//   2. statement files with statements that moved to another month left out
//   3. statement files that receive moved statements
//   4. sources.yaml    last: an article is recorded as read only once its statements are all on disk,
//                      so after a crash the next `report extract` reads it again and restores the rest.
// Only unreviewed statements ever move between files (a reviewer's statement keeps its extracted date),
// so the worst a crash between 2 and 3 can do is drop an unreviewed statement that the re-run brings back.
// themes.yaml is never written: it is edited by hand.
import path from 'node:path';
import { ReportError, inputError } from '../errors.js';
import type { Statement } from '../types.js';
import {
  SOURCES_FILE,
  SPEAKERS_FILE,
  THEMES_FILE,
  displayPath,
  parseYaml,
  readTextIfExists,
  removeFile,
  sha256,
  statementFileFor,
  validateFile,
  writeFileAtomic,
} from './files.js';
import { fileSignature, fingerprint, loadStore } from './load.js';
import {
  DISK_STATE,
  type DiskState,
  type Store,
  compareByFile,
  compareStatements,
  sourceRecordToFile,
  speakerToFile,
  statementToFile,
} from './model.js';
import { emitYaml } from './yaml-fast.js';
import { quickStatementFile, sourcesFileSchema, speakersFileSchema, statementFileSchema } from './schema.js';

export interface SaveOptions {
  /** Called before each file is written or removed (for progress, and for tests to simulate a crash). */
  beforeWrite?: (file: string) => void | Promise<void>;
}

export interface SaveResult {
  /** File names (inside the store folder) that were written. */
  written: string[];
  /** Statement files removed because no statement is left in them. */
  removed: string[];
}

/** YAML as the store writes it: see yaml-fast.ts. */
export function toYaml(document: Record<string, unknown>): string {
  return emitYaml(document);
}

interface PlannedFile {
  name: string;
  /** null: remove the file. */
  content: string | null;
  fingerprint: string;
  /** For statement files: what the file now holds. */
  statements?: readonly Statement[];
}

/**
 * Writes what changed since the store was loaded. A store that did not come from loadStore is
 * checked against the folder first: an invalid store on disk is never overwritten. A file edited by
 * someone else since the load makes the save stop before writing anything.
 */
export async function saveStore(store: Store, options: SaveOptions = {}): Promise<SaveResult> {
  const disk = store[DISK_STATE] ?? (await loadStore(store.dir))[DISK_STATE];
  if (!disk) throw new Error('loadStore returned no disk state');
  assertConsistent(store);

  const plan = await planWrites(store, disk);
  await assertUnchangedOnDisk(store.dir, disk, [...plan.speakers, ...plan.firstPass, ...plan.secondPass, ...plan.sources]);

  const result: SaveResult = { written: [], removed: [] };
  for (const file of [...plan.speakers, ...plan.firstPass, ...plan.secondPass, ...plan.sources]) {
    await options.beforeWrite?.(file.name);
    const target = path.join(store.dir, file.name);
    if (file.content === null) {
      await removeFile(target);
      disk.signatures.delete(file.name);
      disk.hashes?.delete(file.name);
      disk.fingerprints.delete(file.name);
      disk.statementFiles.delete(file.name);
      result.removed.push(file.name);
      continue;
    }
    await writeFileAtomic(target, file.content);
    disk.hashes?.set(file.name, sha256(file.content));
    const signature = await fileSignature(target);
    if (signature !== null) disk.signatures.set(file.name, signature);
    if (file.statements) disk.statementFiles.set(file.name, file.statements);
    else disk.fingerprints.set(file.name, file.fingerprint);
    if (!result.written.includes(file.name)) result.written.push(file.name);
  }
  // Every changed file is now on disk, so the store's own grouping is where each statement lives.
  disk.locations = new Map(store.statements.map((statement) => [statement.id, statementFileFor(statement.date)]));
  return result;
}

async function planWrites(store: Store, disk: DiskState) {
  const speakers: PlannedFile[] = [];
  const speakerForms = store.registry.speakers.map(speakerToFile);
  const speakerPrint = fingerprint(speakerForms);
  if (speakerPrint !== (disk.fingerprints.get(SPEAKERS_FILE) ?? fingerprint([]))) {
    const content = await speakersFileContent(store.dir, speakerForms);
    speakers.push({ name: SPEAKERS_FILE, content, fingerprint: speakerPrint });
  }

  const { firstPass, secondPass } = planStatementFiles(store, disk);

  const sources: PlannedFile[] = [];
  const sourceForms = [...store.sources].sort(compareByFile).map(sourceRecordToFile);
  const sourcePrint = fingerprint(sourceForms);
  if (sourcePrint !== (disk.fingerprints.get(SOURCES_FILE) ?? fingerprint([]))) {
    const content = toYaml({ sources: sourceForms });
    validateFile(sourcesFileSchema, parseYaml(content, SOURCES_FILE), displayPath(store.dir, SOURCES_FILE));
    sources.push({ name: SOURCES_FILE, content, fingerprint: sourcePrint });
  }
  return { speakers, firstPass, secondPass, sources };
}

function planStatementFiles(store: Store, disk: DiskState) {
  const groups = new Map<string, Statement[]>();
  for (const statement of store.statements) {
    const name = statementFileFor(statement.date);
    const group = groups.get(name);
    if (group) group.push(statement);
    else groups.set(name, [statement]);
  }
  const names = [...new Set([...groups.keys(), ...disk.statementFiles.keys()])].sort();

  const firstPass: PlannedFile[] = [];
  const secondPass: PlannedFile[] = [];
  for (const name of names) {
    const statements = (groups.get(name) ?? []).sort(compareStatements);
    const before = disk.statementFiles.get(name);
    if (before && sameStatements(before, statements)) continue;
    if (statements.length === 0) {
      if (before) firstPass.push({ name, content: null, fingerprint: '' });
      continue;
    }
    const forms = statements.map(statementToFile);
    const print = fingerprint(forms);
    if (before && print === fingerprint(before.map(statementToFile))) continue;
    const full = statementFile(store.dir, name, forms, print, statements);
    const movedIn = statements.filter((statement) => {
      const from = disk.locations.get(statement.id);
      return from !== undefined && from !== name;
    });
    if (movedIn.length === 0) {
      firstPass.push(full);
      continue;
    }
    // Leave the arrivals out in the first pass so that no moment has the same id in two files.
    const stay = statements.filter((statement) => !movedIn.includes(statement));
    if (stay.length > 0) {
      const stayForms = stay.map(statementToFile);
      firstPass.push(statementFile(store.dir, name, stayForms, fingerprint(stayForms), stay));
    } else if (before) {
      firstPass.push({ name, content: null, fingerprint: '' });
    }
    secondPass.push(full);
  }
  return { firstPass, secondPass };
}

/** Same objects in the same order: nothing to write (loaded statements are frozen). */
function sameStatements(a: readonly Statement[], b: readonly Statement[]): boolean {
  return a.length === b.length && a.every((statement, index) => statement === b[index]);
}

function statementFile(dir: string, name: string, forms: unknown[], print: string, statements: Statement[]): PlannedFile {
  const content = toYaml({ statements: forms });
  // What we write must load again: catch a bad value (an impossible date from an extractor) here,
  // before anything is on disk.
  const data = parseYaml(content, name);
  if (quickStatementFile(data) === null) validateFile(statementFileSchema, data, displayPath(dir, name));
  return { name, content, fingerprint: print, statements };
}

/**
 * speakers.yaml is also edited by hand (comments, layout): when the change is only new speakers at
 * the end, they are appended to the file as it is; otherwise the file is rewritten.
 */
async function speakersFileContent(dir: string, forms: Record<string, unknown>[]): Promise<string> {
  const shown = displayPath(dir, SPEAKERS_FILE);
  const rewrite = toYaml({ speakers: forms });
  const current = await readTextIfExists(path.join(dir, SPEAKERS_FILE));
  let content = rewrite;
  if (current !== null && current.trim() !== '') {
    const appended = appendSpeakers(current, forms, shown);
    if (appended !== null) content = appended;
  }
  validateFile(speakersFileSchema, parseYaml(content, shown), shown);
  return content;
}

function appendSpeakers(current: string, forms: Record<string, unknown>[], shown: string): string | null {
  let existing: unknown[];
  try {
    const data = parseYaml(current, shown) as { speakers?: unknown[] } | null;
    existing = data?.speakers ?? [];
  } catch {
    return null;
  }
  if (!Array.isArray(existing) || existing.length >= forms.length || existing.length === 0) return null;
  const itemIndent = /^( *)- /m.exec(current.slice(current.search(/^speakers:/m)))?.[1] ?? '  ';
  const added = toYaml({ speakers: forms.slice(existing.length) })
    .split('\n')
    .slice(1)
    .map((line) => (line === '' ? line : itemIndent + line.replace(/^ {2}/, '')))
    .join('\n');
  const newline = current.includes('\r\n') ? '\r\n' : '\n';
  const base = current.endsWith('\n') ? current : current + newline;
  const candidate = base + added.replace(/\n/g, newline);
  try {
    const data = parseYaml(candidate, shown) as { speakers?: unknown[] } | null;
    const parsed = validateFile(speakersFileSchema, data, shown).speakers.map((speaker) => JSON.stringify(speaker));
    const wanted = validateFile(speakersFileSchema, { speakers: forms }, shown).speakers.map((speaker) => JSON.stringify(speaker));
    return parsed.length === wanted.length && parsed.every((value, index) => value === wanted[index]) ? candidate : null;
  } catch {
    return null;
  }
}

/** Every statement names a known speaker and known themes, and ids are unique: else refuse to write. */
function assertConsistent(store: Store): void {
  const speakers = new Set(store.registry.speakers.map((speaker) => speaker.id));
  const themes = new Set(store.registry.themes.map((theme) => theme.id));
  const ids = new Set<string>();
  for (const statement of store.statements) {
    const where = `${displayPath(store.dir, statementFileFor(statement.date))}: statement ${statement.id}`;
    if (ids.has(statement.id)) throw inputError(`${where}: id used twice; not saving`);
    ids.add(statement.id);
    for (const speaker of [statement.speaker, statement.review?.speaker]) {
      if (speaker !== undefined && !speakers.has(speaker)) {
        throw inputError(`${where}: speaker "${speaker}" is not in ${SPEAKERS_FILE}; not saving`);
      }
    }
    for (const theme of [...statement.themes, ...(statement.review?.themes ?? [])]) {
      if (!themes.has(theme)) throw inputError(`${where}: theme "${theme}" is not in ${THEMES_FILE}; not saving`);
    }
  }
}

/** Stops the save when a file to be written was changed by someone else since the store was loaded. */
async function assertUnchangedOnDisk(dir: string, disk: DiskState, files: PlannedFile[]): Promise<void> {
  for (const file of new Set(files.map((planned) => planned.name))) {
    const now = (await fileSignature(path.join(dir, file))) ?? undefined;
    if (now !== disk.signatures.get(file)) {
      throw new ReportError(
        'busy',
        `${displayPath(dir, file)}: changed on disk since the store was loaded (edited during the run?); nothing was written, run the command again`,
      );
    }
  }
}
