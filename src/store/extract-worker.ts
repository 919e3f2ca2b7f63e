// The worker-thread side of parallel extraction (see workers.ts): receives the registry once, then
// batches of article paths, and answers each batch with one result per article, in the batch's order.
// A failure is sent back as its message so that one bad article does not stop the others.
import { parentPort, workerData } from 'node:worker_threads';
import type { Registry } from '../types.js';
import { readAndExtractEach } from './article-job.js';
import type { WorkerBatch, WorkerReply, WorkerResult } from './workers.js';

const registry = (workerData as { registry: Registry }).registry;

parentPort?.on('message', (batch: WorkerBatch) => {
  void runBatch(batch).then((reply) => parentPort?.postMessage(reply));
});

async function runBatch(batch: WorkerBatch): Promise<WorkerReply> {
  const results: WorkerResult[] = [];
  for await (const result of readAndExtractEach(batch.files, registry)) results.push(result);
  return { batch: batch.id, results };
}
