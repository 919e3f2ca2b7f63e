// The use case behind `report extract`: articles in, store updated. Unchanged articles (same file,
// same bytes as recorded in sources.yaml) are skipped after hashing, so a re-run over a large corpus
// costs little more than reading the files; and when the store too is byte for byte what the last run
// left, it is not even parsed (see run-cache.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ReportError } from '../errors.js';
import * as ingest from '../ingest/index.js';
import type { DateBasis, IsoDate, Registry, StatementKind } from '../types.js';
import { type ArticleExtraction, extractFrom, readAndExtract, readAndExtractEach } from './article-job.js';
import { sha256 } from './files.js';
import { loadStore } from './load.js';
import { withStoreLock } from './lock.js';
import { Merger } from './merge.js';
import { DISK_STATE, type Store } from './model.js';
import { articleHashesIfUnchanged, forgetRunCache, writeRunCache } from './run-cache.js';
import { saveStore } from './save.js';
import { extractInParallel, extractionThreads, type WorkerResult } from './workers.js';

export interface ExtractOptions {
  /** Article files and folders, as the user gave them. */
  paths: string[];
  storeDir: string;
  /** Called after each article, to draw a progress bar. */
  onProgress?: (done: number, total: number, file: string) => void;
  /** Read every article again, even those unchanged since the last run. */
  force?: boolean;
  /**
   * Threads to extract with: 1 reads every article in this thread; more runs worker threads. Default:
   * one per core when more than PARALLEL_THRESHOLD articles need reading, else 1. The store written is
   * the same either way (results are merged in input order).
   */
  threads?: number;
}

export interface ExtractSummary {
  /** Article files found under the paths. */
  articles: number;
  /** Articles skipped because they had not changed since the last run. */
  skipped: number;
  statements: { new: number; updated: number; unchanged: number; removed: number };
  /** Statements without a date among those read in this run. */
  undated: number;
  /** How many speakers were added to speakers.yaml, and their ids. */
  newSpeakers: number;
  newSpeakerIds: string[];
  /** Articles that could not be read or extracted; the others went on. */
  errors: { file: string; message: string }[];
  /** Store files written (names inside the store folder). */
  written: string[];
}

/**
 * How an article file is recorded in the store, with `/`: relative to the project folder (the store's
 * parent), so that the same article is the same source whichever folder `extract` runs from, and a
 * clone of the project with its corpus beside it (`../corpus/…`) finds it again. Articles further away
 * than the project's own parent folder are recorded by their absolute path.
 */
export function storedArticlePath(file: string, storeDir: string): string {
  const absolute = path.resolve(file);
  const relative = path.relative(path.dirname(path.resolve(storeDir)), absolute);
  const climbs = relative.split(path.sep).filter((part) => part === '..').length;
  const chosen = relative !== '' && !path.isAbsolute(relative) && climbs <= 1 ? relative : absolute;
  return chosen.split(path.sep).join('/');
}

export async function extractIntoStore(options: ExtractOptions): Promise<ExtractSummary> {
  return withStoreLock(options.storeDir, async () => {
    // The store first: an invalid store stops the run before any article is read or anything written.
    // Unless it is byte for byte what the last run validated (run-cache.ts), it is loaded in full now.
    const trusted = options.force ? null : await articleHashesIfUnchanged(options.storeDir);
    let store: Store | null = trusted === null ? await loadStore(options.storeDir, { hashes: true }) : null;
    const files = await ingest.listArticleFiles(options.paths);
    const summary: ExtractSummary = {
      articles: files.length,
      skipped: 0,
      statements: { new: 0, updated: 0, unchanged: 0, removed: 0 },
      undated: 0,
      newSpeakers: 0,
      newSpeakerIds: [],
      errors: [],
      written: [],
    };
    const known = trusted ?? new Map(store?.sources.map((record) => [record.file, record.hash]));
    const hashes = files.map(hashFile);
    let merged = 0;
    let done = 0;
    // First decide which files need reading, then read them (here or on workers) and merge in order.
    const pending: { file: string; key: string; hash: string }[] = [];
    for (const [index, file] of files.entries()) {
      const hash = hashes[index];
      const key = storedArticlePath(file, options.storeDir);
      if (hash === undefined || hash instanceof Error) {
        summary.errors.push({ file, message: hash?.message ?? 'cannot read' });
      } else if (!options.force && known.get(key) === hash) {
        summary.skipped += 1;
      } else {
        pending.push({ file, key, hash });
        continue;
      }
      done += 1;
      options.onProgress?.(done, files.length, file);
    }
    // Every article unchanged and the store as the last run left it: nothing to read, load or write.
    if (store === null && pending.length === 0) return summary;
    store ??= await loadStore(options.storeDir, { hashes: true });
    const merger = new Merger(store);
    const results = extractionResults(
      pending.map((job) => job.file),
      store.registry,
      extractionThreads(pending.length, options.threads),
    );
    let next = 0;
    // Articles without a publication date wait until the run's year is known (see readAgainWithRunYear).
    const undatedArticles: { job: (typeof pending)[number]; extraction: ArticleExtraction }[] = [];
    const years = new YearCount(store.sources.map((record) => record.published));
    const mergeOne = (job: (typeof pending)[number], extraction: ArticleExtraction) => {
      const { article, statements } = extraction;
      const counts = merger.mergeArticle({ ...article, file: job.key, hash: job.hash }, statements);
      summary.statements.new += counts.new;
      summary.statements.updated += counts.updated;
      summary.statements.unchanged += counts.unchanged;
      summary.statements.removed += counts.removed;
      summary.undated += counts.undated;
      merged += 1;
    };
    for await (const result of results) {
      const job = pending[next] as (typeof pending)[number];
      next += 1;
      try {
        if (!result.ok) throw new Error(result.message);
        if (result.value.article.published === null) {
          undatedArticles.push({ job, extraction: result.value });
          continue;
        }
        years.add(result.value.article.published);
        mergeOne(job, result.value);
      } catch (error) {
        summary.errors.push({ file: job.file, message: messageOf(error) });
      }
      done += 1;
      options.onProgress?.(done, files.length, job.file);
    }
    for (const { job, extraction } of undatedArticles) {
      try {
        mergeOne(job, readAgainWithRunYear(job.file, extraction, store.registry, years.dominant()));
      } catch (error) {
        summary.errors.push({ file: job.file, message: messageOf(error) });
      }
      done += 1;
      options.onProgress?.(done, files.length, job.file);
    }
    // Errors in the order of the files, as a single-threaded run lists them.
    const order = new Map(files.map((file, index) => [file, index]));
    summary.errors.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
    const added = merger.addedSpeakers();
    summary.newSpeakers = added.length;
    summary.newSpeakerIds = added.map((speaker) => speaker.id);
    if (merged > 0) {
      // No cache while the files change: a run that dies half-way must not leave the old one trusted.
      await forgetRunCache(options.storeDir);
      summary.written = (await saveStore(merger.result())).written;
    }
    // saveStore brought the loaded store's disk state up to date with what it wrote.
    const disk = store[DISK_STATE];
    if (disk) await writeRunCache(options.storeDir, disk);
    return summary;
  });
}

export interface ExtractJsonStatement {
  source: string;
  /** Display name: the registry's name for known speakers, the article's otherwise. */
  speaker: string;
  speaker_id: string | null;
  voice: string | null;
  kind: StatementKind;
  /** The reporting verb of reported speech ("denied", "paid tribute to"); null for direct quotes. */
  verb: string | null;
  text: string;
  date: IsoDate | null;
  date_basis: DateBasis;
  themes: string[];
  start: number;
  end: number;
}

export interface ExtractJson {
  statements: ExtractJsonStatement[];
  /** Articles that could not be read or extracted. */
  errors: { file: string; message: string }[];
}

/** What `report extract --json` prints: the statements found, nothing written. */
export async function extractToJson(paths: string[], registry: Registry): Promise<ExtractJson> {
  const files = await ingest.listArticleFiles(paths);
  const names = new Map(registry.speakers.map((speaker) => [speaker.id, speaker.name]));
  const out: ExtractJson = { statements: [], errors: [] };
  const extractions: (ArticleExtraction | Error)[] = [];
  const years = new YearCount();
  for (const file of files) {
    const extraction = await readAndExtract(file, registry).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    if (!(extraction instanceof Error)) years.add(extraction.article.published);
    extractions.push(extraction);
  }
  for (const [index, file] of files.entries()) {
    try {
      const first = extractions[index];
      if (first instanceof Error || first === undefined) throw first ?? new Error('not read');
      const { statements } = readAgainWithRunYear(file, first, registry, years.dominant());
      for (const found of statements) {
        out.statements.push({
          source: found.source,
          speaker: (found.speakerId !== null ? names.get(found.speakerId) : undefined) ?? found.speakerName,
          speaker_id: found.speakerId,
          voice: found.voice,
          kind: found.kind,
          verb: found.verb ?? null,
          text: found.text,
          date: found.date,
          date_basis: found.dateBasis,
          themes: found.themes,
          start: found.start,
          end: found.end,
        });
      }
    } catch (error) {
      out.errors.push({ file, message: messageOf(error) });
    }
  }
  return out;
}

/**
 * An article that found no publication date, read again with the year most of the run's articles (or
 * the store's sources) were published in: wire copy dates itself "ISLAMABAD, Aug 29 (APP):" and often
 * names no year anywhere, while the articles read with it do. Unchanged when that does not date it.
 */
function readAgainWithRunYear(file: string, first: ArticleExtraction, registry: Registry, year: number | null): ArticleExtraction {
  if (first.article.published !== null || year === null) return first;
  // Read again (cheap) and extract again (not) only when the year dates it.
  const again = ingest.readArticleSync(file, { fallbackYear: year });
  return again.published === null ? first : extractFrom(again, registry);
}

/** Publication years seen, to find the one most articles carry (ties go to the later year). */
class YearCount {
  private readonly counts = new Map<number, number>();

  constructor(dates: Iterable<IsoDate | null> = []) {
    for (const date of dates) this.add(date);
  }

  add(date: IsoDate | null): void {
    if (date === null) return;
    const year = Number(date.slice(0, 4));
    this.counts.set(year, (this.counts.get(year) ?? 0) + 1);
  }

  dominant(): number | null {
    let best: number | null = null;
    let bestCount = 0;
    for (const [year, count] of this.counts) {
      if (count > bestCount || (count === bestCount && best !== null && year > best)) {
        best = year;
        bestCount = count;
      }
    }
    return best;
  }
}

/** One result per file, in order: read in this thread when `threads` is 1, else on worker threads. */
async function* extractionResults(files: readonly string[], registry: Registry, threads: number): AsyncGenerator<WorkerResult> {
  if (threads > 1) {
    yield* extractInParallel(files, registry, threads);
    return;
  }
  yield* readAndExtractEach(files, registry);
}

/**
 * The sha256 of an article file's bytes. Read synchronously on purpose: for thousands of small files
 * that is ~5x faster than promise-based reads (each of which is an open, a stat, a read and a close
 * through the thread pool), and nothing else runs while the run hashes.
 */
function hashFile(file: string): string | Error {
  try {
    return sha256(readFileSync(file));
  } catch (error) {
    return new Error(`cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

function messageOf(error: unknown): string {
  if (error instanceof ReportError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
