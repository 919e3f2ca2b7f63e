import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// The extractor is replaced by a stub: these tests are about what the store does with its output.
vi.mock('../../src/extract/index.js', () => import('./stub-extractor.js'));

const { extractIntoStore, extractToJson, loadStore } = await import('../../src/store/index.js');
const { copyStore, FIXTURES } = await import('./helpers.js');

function articlesCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'store-articles-'));
  cpSync(path.join(FIXTURES, 'articles'), dir, { recursive: true });
  return dir;
}

describe('extractIntoStore', () => {
  it('merges two outlets into one statement, then skips unchanged articles on a re-run', async () => {
    const storeDir = copyStore();
    const articles = articlesCopy();
    const progress: number[] = [];
    const first = await extractIntoStore({ paths: [articles], storeDir, onProgress: (done) => void progress.push(done) });
    expect(first).toMatchObject({ articles: 2, skipped: 0, statements: { new: 1, updated: 1, unchanged: 0 }, errors: [] });
    expect(progress).toEqual([1, 2]);
    const store = await loadStore(storeDir);
    const cargo = store.statements.filter((statement) => statement.text.startsWith('Cargo fees'));
    expect(cargo).toHaveLength(1);
    expect(cargo[0]?.sources).toHaveLength(2);
    expect(store.sources.filter((record) => record.file.endsWith('.txt') && record.hash.length === 64)).toHaveLength(2);

    const second = await extractIntoStore({ paths: [articles], storeDir });
    expect(second).toMatchObject({ articles: 2, skipped: 2, written: [] });
  });

  it('reports an article that fails and goes on with the others', async () => {
    const storeDir = copyStore();
    const articles = articlesCopy();
    writeFileSync(path.join(articles, 'broken.txt'), 'The EXPLODE marker sits in this sentence, and Cargo fees will fall by half.\n');
    writeFileSync(path.join(articles, 'new.txt'), 'Newcomer Person said Cargo fees will fall by half.\n');
    const summary = await extractIntoStore({ paths: [articles], storeDir });
    expect(summary.errors).toEqual([{ file: expect.stringMatching(/broken\.txt$/), message: 'extractor failed' }]);
    expect(summary.newSpeakers).toBe(1);
    expect(summary.newSpeakerIds).toEqual(['newcomer-person']);
    expect((await loadStore(storeDir)).registry.speakers.map((speaker) => speaker.id)).toContain('newcomer-person');
  });

  it('refuses to touch an invalid store', async () => {
    const storeDir = copyStore();
    writeFileSync(path.join(storeDir, '2024-09.yaml'), 'statements: [broken\n');
    await expect(extractIntoStore({ paths: [articlesCopy()], storeDir })).rejects.toMatchObject({ kind: 'input' });
  });
});

describe('extractToJson', () => {
  it('returns the statements with display names, writing nothing', async () => {
    const storeDir = copyStore();
    const { registry } = await loadStore(storeDir);
    const json = await extractToJson([articlesCopy()], registry);
    expect(json.statements).toHaveLength(2);
    expect(json.statements[0]).toMatchObject({ speaker: 'Amara Okafor', speaker_id: 'amara-okafor', kind: 'direct', date_basis: 'published' });
  });
});
