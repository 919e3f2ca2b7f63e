// The re-run fast path of `report extract`. Re-running over a corpus that has not changed used to cost
// mostly the loading of the whole store (a 10,000-article store is 30 MB of YAML), only to find that no
// article needs reading. So after every run that loaded the store, the run writes a small cache,
// `.extract-cache.json` in the store folder (git-ignored), with each store file's size, modification
// time and sha256 *as that run read or wrote it* (the bytes it validated, not a later look at the disk).
//
// The next run trusts the store without parsing it only if the same store files are there and every
// one is byte for byte what the cache records (size and time first, then sha256 of its bytes). Then
// the store is exactly what the last run loaded and validated, or wrote after validating, so it is
// still valid; the run reads sources.yaml's article hashes and, if every article is unchanged, reports
// them skipped without parsing a statement. Any difference — a reviewer's edit, a broken file, a new or
// removed file, a missing or unreadable cache, an article to read, --force — means the full load, which
// reports any error in the store as before. The cache is only ever a reason to skip work, never to
// accept a file the loader has not accepted.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { SOURCES_FILE, classifyStoreFile, parseYaml, sha256, writeFileAtomic } from './files.js';
import type { DiskState } from './model.js';

export const RUN_CACHE_FILE = '.extract-cache.json';
/** Bump when what the loader accepts changes, so that older caches are not trusted. */
const CACHE_VERSION = 1;

interface CachedFile {
  size: number;
  mtimeMs: number;
  sha256: string;
}

interface RunCache {
  version: number;
  files: Record<string, CachedFile>;
}

/**
 * Records the store files as the loaded (and possibly saved) store knows them. Best effort: a cache
 * that cannot be written only means the next run loads the store in full. The same cache is not
 * written again, so a run that changed nothing leaves the folder as it was.
 */
export async function writeRunCache(dir: string, disk: DiskState): Promise<void> {
  const files: Record<string, CachedFile> = {};
  for (const [name, hash] of [...(disk.hashes ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const signature = /^(\d+):(.+)$/.exec(disk.signatures.get(name) ?? '');
    if (!signature) return forgetRunCache(dir);
    files[name] = { size: Number(signature[1]), mtimeMs: Number(signature[2]), sha256: hash };
  }
  const cache: RunCache = { version: CACHE_VERSION, files };
  const content = `${JSON.stringify(cache)}\n`;
  const file = path.join(dir, RUN_CACHE_FILE);
  if ((await fs.readFile(file, 'utf8').catch(() => null)) === content) return;
  try {
    await writeFileAtomic(file, content);
  } catch {
    await forgetRunCache(dir);
  }
}

/** Removes the cache (before a run changes the store, so that a crash half-way cannot leave it trusted). */
export async function forgetRunCache(dir: string): Promise<void> {
  await fs.rm(path.join(dir, RUN_CACHE_FILE), { force: true }).catch(() => undefined);
}

/**
 * The article hashes of sources.yaml (file → sha256) when every store file is byte for byte what the
 * cache records; null otherwise (then load the store in full).
 */
export async function articleHashesIfUnchanged(dir: string): Promise<Map<string, string> | null> {
  const cache = await readRunCache(dir);
  if (cache === null) return null;
  let names: string[];
  try {
    names = (await fs.readdir(dir, { withFileTypes: true })).filter((entry) => !entry.isDirectory()).map((entry) => entry.name);
  } catch {
    return null;
  }
  const owned = names.filter((name) => classifyStoreFile(name) !== null);
  const cachedNames = Object.keys(cache.files);
  if (owned.length !== cachedNames.length || !owned.every((name) => Object.hasOwn(cache.files, name))) return null;
  const contents = new Map<string, Buffer>();
  for (const name of owned) {
    const bytes = await sameBytes(path.join(dir, name), cache.files[name] as CachedFile);
    if (bytes === null) return null;
    contents.set(name, bytes);
  }
  const sources = contents.get(SOURCES_FILE);
  return sources === undefined ? new Map() : articleHashes(sources.toString('utf8'));
}

async function readRunCache(dir: string): Promise<RunCache | null> {
  try {
    const parsed: unknown = JSON.parse(await fs.readFile(path.join(dir, RUN_CACHE_FILE), 'utf8'));
    const cache = parsed as RunCache;
    if (typeof parsed !== 'object' || parsed === null || cache.version !== CACHE_VERSION) return null;
    if (typeof cache.files !== 'object' || cache.files === null) return null;
    for (const entry of Object.values(cache.files)) {
      if (typeof entry?.size !== 'number' || typeof entry.mtimeMs !== 'number' || typeof entry.sha256 !== 'string') return null;
    }
    return cache;
  } catch {
    return null;
  }
}

/** The file's bytes when its size, time and sha256 are the cached ones; else null. */
async function sameBytes(file: string, cached: CachedFile): Promise<Buffer | null> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile() || stat.size !== cached.size || stat.mtimeMs !== cached.mtimeMs) return null;
    const bytes = await fs.readFile(file);
    return sha256(bytes) === cached.sha256 ? bytes : null;
  } catch {
    return null;
  }
}

/** file → hash from sources.yaml's text (already validated by the run that wrote the cache). */
function articleHashes(content: string): Map<string, string> | null {
  let data: unknown;
  try {
    data = parseYaml(content, SOURCES_FILE);
  } catch {
    return null;
  }
  const records = (data as { sources?: unknown } | null)?.sources ?? [];
  if (!Array.isArray(records)) return null;
  const hashes = new Map<string, string>();
  for (const record of records as { file?: unknown; hash?: unknown }[]) {
    if (typeof record?.file !== 'string' || typeof record.hash !== 'string') return null;
    hashes.set(record.file, record.hash);
  }
  return hashes;
}
