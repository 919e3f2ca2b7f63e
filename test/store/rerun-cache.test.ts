// The re-run fast path (run-cache.ts): a re-run over unchanged articles does not parse a store that is
// byte for byte what the last run left, and any change to a store file brings back the full load, so
// errors in the store are still reported.
import { cpSync, existsSync, mkdtempSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The extractor is replaced by a stub: these tests are about the store, not the rules.
vi.mock('../../src/extract/index.js', () => import('./stub-extractor.js'));

// Count full loads of the store, to see when the fast path was taken.
const fullLoads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/store/load.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/store/load.js')>();
  return {
    ...original,
    loadStore: (...args: Parameters<typeof original.loadStore>) => {
      fullLoads.count += 1;
      return original.loadStore(...args);
    },
  };
});

const { extractIntoStore } = await import('../../src/store/index.js');
const { RUN_CACHE_FILE } = await import('../../src/store/run-cache.js');
const { ReportError } = await import('../../src/errors.js');
const { copyStore, edit, read, write, FIXTURES } = await import('./helpers.js');

function articlesCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rerun-articles-'));
  cpSync(path.join(FIXTURES, 'articles'), dir, { recursive: true });
  return dir;
}

/** A store after one run over the fixture articles, and those articles. */
async function afterOneRun(): Promise<{ storeDir: string; articles: string }> {
  const storeDir = copyStore();
  const articles = articlesCopy();
  await extractIntoStore({ paths: [articles], storeDir });
  return { storeDir, articles };
}

beforeEach(() => {
  fullLoads.count = 0;
});

describe('re-run over unchanged articles', () => {
  it('skips them without loading the store when the store files are as the last run left them', async () => {
    const { storeDir, articles } = await afterOneRun();
    expect(existsSync(path.join(storeDir, RUN_CACHE_FILE))).toBe(true);
    fullLoads.count = 0;
    const again = await extractIntoStore({ paths: [articles], storeDir });
    expect(again).toMatchObject({ articles: 2, skipped: 2, written: [], errors: [], statements: { new: 0, updated: 0, unchanged: 0, removed: 0 } });
    expect(fullLoads.count).toBe(0);
  });

  it('loads the store in full and reports the error when a statement file was edited into invalid YAML', async () => {
    const { storeDir, articles } = await afterOneRun();
    write(storeDir, '2024-08.yaml', `${read(storeDir, '2024-08.yaml')}  - id: [unclosed\n`);
    fullLoads.count = 0;
    const run = extractIntoStore({ paths: [articles], storeDir });
    await expect(run).rejects.toBeInstanceOf(ReportError);
    await expect(extractIntoStore({ paths: [articles], storeDir })).rejects.toThrow(/2024-08\.yaml/);
    expect(fullLoads.count).toBeGreaterThan(0);
  });

  it('notices an edit that keeps the size and modification time of the file', async () => {
    const { storeDir, articles } = await afterOneRun();
    const file = path.join(storeDir, '2024-08.yaml');
    // A whole-second time (which utimes sets exactly), recorded in the cache by the next run.
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    await extractIntoStore({ paths: [articles], storeDir });
    const before = statSync(file);
    fullLoads.count = 0;
    await extractIntoStore({ paths: [articles], storeDir });
    expect(fullLoads.count).toBe(0);
    // Same length, a speaker the registry does not know; then the same time put back.
    edit(storeDir, '2024-08.yaml', 'speaker: amara-okafor', 'speaker: amara-okafox');
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    expect(statSync(file).size).toBe(before.size);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    await expect(extractIntoStore({ paths: [articles], storeDir })).rejects.toThrow(/amara-okafox/);
  });

  it('loads the store in full after a reviewer edit, then trusts it again on the next run', async () => {
    const { storeDir, articles } = await afterOneRun();
    edit(storeDir, '2024-08.yaml', /(\n {4}date_basis: explicit\n)/, '$1    review:\n      status: accepted\n');
    fullLoads.count = 0;
    expect(await extractIntoStore({ paths: [articles], storeDir })).toMatchObject({ skipped: 2, errors: [] });
    expect(fullLoads.count).toBe(1);
    fullLoads.count = 0;
    expect(await extractIntoStore({ paths: [articles], storeDir })).toMatchObject({ skipped: 2, errors: [] });
    expect(fullLoads.count).toBe(0);
  });

  it('loads the store in full when a store file is added or removed, the cache is damaged, or --force is given', async () => {
    const { storeDir, articles } = await afterOneRun();
    const cases: [string, () => void][] = [
      ['a new month file', () => write(storeDir, '2024-12.yaml', 'statements: []\n')],
      ['a damaged cache', () => write(storeDir, RUN_CACHE_FILE, '{"version": 1, "files": ')],
    ];
    for (const [, change] of cases) {
      change();
      fullLoads.count = 0;
      await extractIntoStore({ paths: [articles], storeDir });
      expect(fullLoads.count).toBe(1);
    }
    fullLoads.count = 0;
    await extractIntoStore({ paths: [articles], storeDir, force: true });
    expect(fullLoads.count).toBe(1);
  });

  it('reads a changed article in full and leaves a cache for the next run', async () => {
    const { storeDir, articles } = await afterOneRun();
    const changed = path.join(articles, 'coast.txt');
    write(path.dirname(changed), 'coast.txt', `${read(path.dirname(changed), 'coast.txt')}\nOne more line.\n`);
    fullLoads.count = 0;
    const run = await extractIntoStore({ paths: [articles], storeDir });
    expect(run).toMatchObject({ articles: 2, skipped: 1 });
    expect(run.written).toContain('sources.yaml');
    expect(fullLoads.count).toBe(1);
    fullLoads.count = 0;
    expect(await extractIntoStore({ paths: [articles], storeDir })).toMatchObject({ skipped: 2 });
    expect(fullLoads.count).toBe(0);
  });
});
