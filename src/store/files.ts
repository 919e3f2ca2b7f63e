// Reading and writing the store's YAML files: names, decoding (BOM, CRLF), parse errors with line and
// column, and atomic writes (temporary file in the same folder, fsync, rename).
import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import * as yaml from 'js-yaml';
import type { z } from 'zod';
import { environmentError, inputError, usageError } from '../errors.js';
import { describeFirstIssue } from './schema.js';
import { OutsideSubset, parseSubset } from './yaml-fast.js';

export const SPEAKERS_FILE = 'speakers.yaml';
export const THEMES_FILE = 'themes.yaml';
export const SOURCES_FILE = 'sources.yaml';
export const UNDATED_FILE = 'undated.yaml';
export const LOCK_FILE = '.lock';

const MONTH_FILE = /^(\d{4})-(0[1-9]|1[0-2])\.yaml$/;

/** The statement file a date belongs in: `2024-08.yaml`, or `undated.yaml` for null. */
export function statementFileFor(date: string | null): string {
  return date === null ? UNDATED_FILE : `${date.slice(0, 7)}.yaml`;
}

export type StoreFileKind = 'speakers' | 'themes' | 'sources' | 'statements';

/**
 * What a file in the store folder is. 'misnamed' is a file that looks meant as a statement file but
 * would not be read (`2024-8.yaml`, `2024-08.yml`); null is a file the store does not own (other
 * stages' data such as stances.yaml, a README, .lock, temporary files).
 */
export function classifyStoreFile(name: string): StoreFileKind | 'misnamed' | null {
  if (name === SPEAKERS_FILE) return 'speakers';
  if (name === THEMES_FILE) return 'themes';
  if (name === SOURCES_FILE) return 'sources';
  if (name === UNDATED_FILE || MONTH_FILE.test(name)) return 'statements';
  if (/^(\d{4}\D?\d{1,2}|undated)[^.]*\.ya?ml$/i.test(name)) return 'misnamed';
  return null;
}

/** How a store file is named in messages: the folder as the user gave it, then the file name. */
export function displayPath(dir: string, name: string): string {
  return path.join(dir, name).split(path.sep).join('/');
}

export function displayDir(dir: string): string {
  const shown = path.normalize(dir).split(path.sep).join('/');
  return shown.endsWith('/') ? shown : `${shown}/`;
}

/** Fails with a usage error unless `dir` is an existing folder. */
export async function assertStoreDir(dir: string): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(dir);
  } catch {
    throw usageError(
      `--store ${dir}: no such folder (create it, or point --store at the folder that holds speakers.yaml and the statement files)`,
    );
  }
  if (!stat.isDirectory()) throw usageError(`--store ${dir}: not a folder (point --store at the statements folder)`);
}

export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * The text of a store file, or null when it does not exist. Bytes that are not UTF-8 are refused
 * rather than read as U+FFFD: a later save would otherwise write the replacement characters back.
 */
export async function readTextIfExists(file: string, onBytes?: (bytes: Buffer) => void): Promise<string | null> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
    onBytes?.(bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'EISDIR') throw inputError(`${file}: is a folder; expected a YAML file`, error);
    throw environmentError(`${file}: cannot read (${(error as Error).message})`, error);
  }
  try {
    return strictUtf8.decode(bytes);
  } catch (error) {
    throw inputError(`${file}:${describeBadByte(bytes)}: not UTF-8 text; save the file as UTF-8`, error);
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** `LINE:COLUMN` of the first byte that is not valid UTF-8 (only called once decoding failed). */
function describeBadByte(bytes: Buffer): string {
  const at = firstInvalidUtf8(bytes);
  const lines = bytes.subarray(0, at).toString('utf8').split('\n');
  return `${lines.length}:${(lines.at(-1) ?? '').length + 1}`;
}

function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    const second = bytes[i + 1] ?? 0;
    // Overlong forms, UTF-16 surrogates and code points above U+10FFFF.
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second >= 0xa0) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second >= 0x90)) {
      return i;
    }
    for (let k = 1; k < length; k += 1) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return bytes.length;
}

/**
 * Parses one YAML document. A BOM is dropped and CRLF read as LF; an empty file (or comments only)
 * is `undefined`. The store's own files take the fast path (yaml-fast.ts); anything else is read by
 * js-yaml. Syntax errors become `FILE:LINE:COLUMN: reason`.
 */
export function parseYaml(content: string, shownName: string): unknown {
  const withoutBom = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const source = withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom;
  try {
    return parseSubset(source);
  } catch (error) {
    if (!(error instanceof OutsideSubset)) throw error;
  }
  let documents: unknown[];
  try {
    documents = yaml.loadAll(source, { filename: shownName });
  } catch (error) {
    if (error instanceof yaml.YAMLException && error.mark) {
      throw inputError(`${shownName}:${error.mark.line + 1}:${error.mark.column + 1}: ${error.reason}`, error);
    }
    const reason = error instanceof yaml.YAMLException ? error.reason : (error as Error).message;
    throw inputError(`${shownName}: not valid YAML (${reason})`, error);
  }
  if (documents.length > 1) throw inputError(`${shownName}: holds ${documents.length} YAML documents (---); keep one`);
  return documents[0];
}

/** Validates parsed YAML against a file schema; the first problem becomes `FILE: field: what is wrong`. */
export function validateFile<S extends z.ZodType>(schema: S, data: unknown, shownName: string): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw inputError(`${shownName}: ${describeFirstIssue(result.error, (issuePath) => allowedKeysAt(schema, issuePath))}`);
}

type SchemaDef = { type?: string; shape?: Record<string, unknown>; element?: unknown; innerType?: unknown; in?: unknown };

function defOf(schema: unknown): SchemaDef {
  return ((schema as { _zod?: { def?: SchemaDef } })._zod?.def ?? {}) as SchemaDef;
}

/** The field names an object schema accepts at a path, to list them when a key is unknown. */
function allowedKeysAt(schema: unknown, issuePath: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  const steps = [...issuePath];
  for (let guard = 0; guard < 100; guard += 1) {
    const def = defOf(current);
    if (def.type === 'nullable' || def.type === 'optional' || def.type === 'default') current = def.innerType;
    else if (def.type === 'pipe') current = def.in;
    else if (steps.length === 0) return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
    else if (def.type === 'object' && def.shape) current = def.shape[String(steps.shift())];
    else if (def.type === 'array') {
      steps.shift();
      current = def.element;
    } else return [];
  }
  return [];
}

/**
 * Writes a file atomically: FILE.tmp-PID in the same folder, fsync, rename over FILE, then fsync the
 * folder so the rename itself survives a power cut. A failure leaves FILE as it was.
 */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const temporary = `${file}.tmp-${process.pid}`;
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(temporary, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_TRUNC, 0o644);
    await handle.writeFile(content, 'utf8');
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temporary, file);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    throw environmentError(`${file}: could not write (${(error as Error).message})`, error);
  }
  await syncDir(path.dirname(file));
}

export async function removeFile(file: string): Promise<void> {
  try {
    await fs.rm(file, { force: true });
  } catch (error) {
    throw environmentError(`${file}: could not remove (${(error as Error).message})`, error);
  }
  await syncDir(path.dirname(file));
}

/** Best effort: some file systems refuse to fsync a folder. */
async function syncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // not fatal: the rename is already done
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
