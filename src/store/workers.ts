// Parallel extraction for large runs: articles are read and extracted on worker threads (one per core
// by default), while the main thread merges the results. Results come back in input order, so the
// store a parallel run writes is the same as a single-threaded run's.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Registry } from '../types.js';
import type { ArticleResult } from './article-job.js';

/** Below this many articles to extract, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 200;

export interface WorkerBatch {
  id: number;
  files: string[];
}

export type WorkerResult = ArticleResult;

export interface WorkerReply {
  batch: number;
  results: WorkerResult[];
}

/**
 * How many threads to extract `articles` articles with: `requested` when given (1 = in this thread),
 * otherwise one per core once there are more than PARALLEL_THRESHOLD articles.
 */
export function extractionThreads(articles: number, requested?: number): number {
  if (requested !== undefined) {
    if (!Number.isInteger(requested) || requested < 1) throw new RangeError(`threads: expected a whole number ≥ 1, got ${requested}`);
    return requested;
  }
  if (articles <= PARALLEL_THRESHOLD) return 1;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, cores);
}

/**
 * The worker's module. Compiled, it sits beside this file; when this file is run from its TypeScript
 * source (tests), the compiled worker in dist/ is used, since a worker thread cannot load .ts.
 */
function workerEntry(): URL {
  if (import.meta.url.endsWith('.ts')) return new URL('../../dist/store/extract-worker.js', import.meta.url);
  return new URL('./extract-worker.js', import.meta.url);
}

/**
 * Reads and extracts `files` on `threads` worker threads and yields one result per file, in the
 * order of `files`. Workers are stopped when the iteration ends, early or not.
 */
export async function* extractInParallel(
  files: readonly string[],
  registry: Registry,
  threads: number,
): AsyncGenerator<WorkerResult> {
  if (files.length === 0) return;
  const batchSize = Math.max(1, Math.min(16, Math.ceil(files.length / (threads * 8))));
  const batches: string[][] = [];
  for (let start = 0; start < files.length; start += batchSize) batches.push(files.slice(start, start + batchSize));

  const replies = new Map<number, WorkerResult[]>();
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const resume = wake;
    wake = null;
    resume?.();
  };
  let nextBatch = 0;
  const workers = Array.from({ length: Math.min(threads, batches.length) }, () => new Worker(workerEntry(), { workerData: { registry } }));
  const send = (worker: Worker) => {
    if (nextBatch >= batches.length) return;
    const message: WorkerBatch = { id: nextBatch, files: batches[nextBatch] as string[] };
    nextBatch += 1;
    worker.postMessage(message);
  };
  for (const worker of workers) {
    worker.on('message', (reply: WorkerReply) => {
      replies.set(reply.batch, reply.results);
      send(worker);
      notify();
    });
    worker.on('error', (error) => {
      failure ??= error;
      notify();
    });
    worker.on('exit', (code) => {
      if (code !== 0) failure ??= new Error(`an extraction worker stopped (exit code ${code})`);
      notify();
    });
    // Two batches in flight per worker, so that none waits for the main thread between batches.
    send(worker);
    send(worker);
  }
  try {
    for (let batch = 0; batch < batches.length; batch += 1) {
      let results = replies.get(batch);
      while (results === undefined) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        results = replies.get(batch);
      }
      replies.delete(batch);
      yield* results;
    }
  } finally {
    for (const worker of workers) worker.removeAllListeners('exit');
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
