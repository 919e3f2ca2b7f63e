// Worker-thread extraction must write the same store as extraction in one thread. The workers run the
// compiled program (dist/, built by `npm test`), so this test uses the real extractor, not a stub.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractIntoStore } from '../../src/store/index.js';
import { PARALLEL_THRESHOLD, extractionThreads } from '../../src/store/workers.js';
import { copyStore } from './helpers.js';

const SPEAKERS = ['Amara Okafor', 'Tomas Brandt', 'Lena Varga', 'Kofi Mensah'];
const CLAIMS = ['cargo fees will fall by half', 'the northern pier reopens in spring', 'the lighthouse will be repaired', 'ferries will run twice a day'];

/** Small articles in our own words, each with a dated statement, so that every worker has something to do. */
function writeArticles(count: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'store-workers-articles-'));
  for (let i = 0; i < count; i += 1) {
    const speaker = SPEAKERS[i % SPEAKERS.length];
    const claim = CLAIMS[(i * 3) % CLAIMS.length];
    const day = String(1 + (i % 27)).padStart(2, '0');
    writeFileSync(
      path.join(dir, `harbour-${String(i).padStart(2, '0')}.txt`),
      ` date 2024-08-${day} Harbour notes ${i}\n\n${speaker} said on Monday: "In district ${i + 2}, ${claim}."\n\n` +
        `Officials told reporters that ${claim} after ${i + 3} meetings.\n`,
    );
  }
  return dir;
}

function storeFiles(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => name.endsWith('.yaml'))
      .sort()
      .map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]),
  );
}

describe('extraction on worker threads', () => {
  it('writes the same store, summary and errors as extraction in one thread', async () => {
    const articles = writeArticles(14);
    writeFileSync(path.join(articles, 'broken.html'), Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x00]));
    const single = copyStore();
    const parallel = copyStore();
    const one = await extractIntoStore({ paths: [articles], storeDir: single, threads: 1 });
    const many = await extractIntoStore({ paths: [articles], storeDir: parallel, threads: 3 });
    expect(one.statements.new).toBeGreaterThan(3);
    expect(one.errors.map((error) => path.basename(error.file))).toEqual(["broken.html"]);
    expect({ ...many, written: [...many.written].sort() }).toEqual({ ...one, written: [...one.written].sort() });
    expect(storeFiles(parallel)).toEqual(storeFiles(single));
  });

  it('skips unchanged articles on a re-run with workers, as in one thread', async () => {
    const articles = writeArticles(6);
    const store = copyStore();
    await extractIntoStore({ paths: [articles], storeDir: store, threads: 2 });
    const before = storeFiles(store);
    const again = await extractIntoStore({ paths: [articles], storeDir: store, threads: 2 });
    expect(again.skipped).toBe(6);
    expect(again.written).toEqual([]);
    expect(storeFiles(store)).toEqual(before);
  });

  it('uses workers only for many articles unless told', () => {
    expect(extractionThreads(PARALLEL_THRESHOLD)).toBe(1);
    expect(extractionThreads(PARALLEL_THRESHOLD + 1)).toBeGreaterThanOrEqual(1);
    expect(extractionThreads(5, 4)).toBe(4);
    expect(() => extractionThreads(5, 0)).toThrow(/threads/);
  });
});
