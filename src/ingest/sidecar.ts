// The `sources.tsv` / `sources.csv` sidecar: one row per article file with what the collector knew
// (url, published, outlet, title). Its values win over anything guessed from the article text.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { inputError } from '../errors.js';
import type { IsoDate } from '../types.js';
import { metaDate } from './dates.js';

export interface SourceRow {
  url: string | null;
  published: IsoDate | null;
  outlet: string | null;
  title: string | null;
}

export const SIDECAR_NAMES = ['sources.tsv', 'sources.csv'] as const;

type Sidecar = Map<string, SourceRow>;

/** Parsed sidecars by folder, re-read only when the file's modification time changes. */
const cache = new Map<string, { mtimeMs: number; file: string; rows: Sidecar } | { mtimeMs: null }>();

export function clearSidecarCache(): void {
  cache.clear();
}

/** The sidecar row for an article file, or null when its folder has no sidecar or no row for it. */
export async function sidecarRowFor(articleFile: string): Promise<SourceRow | null> {
  return sidecarRowForSync(articleFile);
}

/**
 * sidecarRowFor, synchronously: one stat per article (to notice an edited sidecar) is a few
 * microseconds in this thread, against a round trip through the thread pool each way.
 */
export function sidecarRowForSync(articleFile: string): SourceRow | null {
  const dir = path.dirname(path.resolve(articleFile));
  const rows = sidecarFor(dir);
  if (!rows) return null;
  return rows.get(path.basename(articleFile)) ?? rows.get(path.resolve(articleFile)) ?? null;
}

function sidecarFor(dir: string): Sidecar | null {
  for (const name of SIDECAR_NAMES) {
    const file = path.join(dir, name);
    let mtimeMs: number;
    try {
      // No sidecar is the usual case: answered without the cost of an exception per article.
      const info = statSync(file, { throwIfNoEntry: false });
      if (!info?.isFile()) continue;
      mtimeMs = info.mtimeMs;
    } catch {
      continue;
    }
    const cached = cache.get(dir);
    if (cached && cached.mtimeMs === mtimeMs && 'rows' in cached && cached.file === file) return cached.rows;
    const rows = parseSidecar(readFileSync(file, 'utf8'), file, dir);
    cache.set(dir, { mtimeMs, file, rows });
    return rows;
  }
  return null;
}

/** Parses a sidecar's text. Rows are keyed by the file's base name and by its absolute path. */
export function parseSidecar(text: string, sidecarFile: string, dir: string): Sidecar {
  const delimiter = sidecarFile.endsWith('.csv') ? ',' : '\t';
  const records = parseDelimited(text.replace(/^\uFEFF/, ''), delimiter);
  const header = (records.shift() ?? []).map((h) => h.trim().toLowerCase());
  const column = (...names: string[]): number => header.findIndex((h) => names.includes(h));
  const fileCol = column('file', 'filename', 'path', 'article');
  if (fileCol < 0) throw inputError(`${sidecarFile}: the header row needs a "file" column (columns: file, url, published, outlet)`);
  const urlCol = column('url', 'link');
  const publishedCol = column('published', 'date', 'published_at');
  const outletCol = column('outlet', 'source', 'publisher');
  const titleCol = column('title', 'headline');

  const rows: Sidecar = new Map();
  records.forEach((record, i) => {
    const cell = (col: number): string | null => (col >= 0 ? record[col]?.trim() || null : null);
    const name = cell(fileCol);
    if (!name) return;
    const rawDate = cell(publishedCol);
    const published = rawDate ? metaDate(rawDate) : null;
    if (rawDate && !published) {
      throw inputError(`${sidecarFile} line ${i + 2}: published "${rawDate}" is not a date (use YYYY-MM-DD)`);
    }
    const row: SourceRow = { url: cell(urlCol), published, outlet: cell(outletCol), title: cell(titleCol) };
    rows.set(path.basename(name), row);
    rows.set(path.resolve(dir, name), row);
  });
  return rows;
}

/** Splits TSV/CSV text into records; double-quoted fields may hold delimiters, quotes ("") and newlines. */
function parseDelimited(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      if (record.some((f) => f.trim())) records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  record.push(field);
  if (record.some((f) => f.trim())) records.push(record);
  return records;
}
