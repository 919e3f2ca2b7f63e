import { mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportError } from '../../src/errors.js';
import { loadStore, mergeExtracted, saveStore } from '../../src/store/index.js';
import type { ExtractedStatement } from '../../src/types.js';
import { copyStore, read, write } from './helpers.js';

const article = (file: string, published: string | null = '2024-08-10') => ({
  file,
  outlet: 'Harbour Herald',
  title: 'A title',
  url: null,
  published,
  hash: `hash-of-${file}`,
});

const found = (overrides: Partial<ExtractedStatement>): ExtractedStatement => ({
  source: 'x',
  speakerId: 'amara-okafor',
  speakerName: 'Amara Okafor',
  voice: null,
  kind: 'direct',
  text: 'Cargo fees will fall by half before the end of the year',
  date: '2024-08-09',
  dateBasis: 'relative',
  themes: ['harbours'],
  start: 0,
  end: 10,
  ...overrides,
});

const storeFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.yaml')).sort();

describe('saveStore', () => {
  it('round-trips: what is saved loads back equal', async () => {
    const dir = copyStore();
    const store = await loadStore(dir);
    const merged = mergeExtracted(store, article('articles/new.txt'), [found({})]).store;
    await saveStore(merged);
    const again = await loadStore(dir);
    const byId = (list: typeof again.statements) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(again.statements)).toEqual(byId(merged.statements));
    expect(again.sources).toEqual(merged.sources);
    expect(again.registry.speakers).toEqual(merged.registry.speakers);
  });

  it('writes nothing for an unchanged store, and byte-identical files when rewriting', async () => {
    const dir = copyStore();
    const store = await loadStore(dir);
    const mtimes = storeFiles(dir).map((name) => statSync(path.join(dir, name)).mtimeMs);
    expect(await saveStore(store)).toEqual({ written: [], removed: [] });
    expect(storeFiles(dir).map((name) => statSync(path.join(dir, name)).mtimeMs)).toEqual(mtimes);

    // A store built without disk state (a copy) compares by content: still nothing written.
    const copy = { dir, registry: store.registry, statements: store.statements.map((s) => ({ ...s })), sources: [...store.sources] };
    expect((await saveStore(copy)).written).toEqual([]);

    // Saved once in canonical form, saving the reloaded store again gives the same bytes.
    const merged = mergeExtracted(store, article('articles/new.txt'), [found({})]).store;
    await saveStore(merged);
    const before = Object.fromEntries(storeFiles(dir).map((name) => [name, read(dir, name)]));
    const reloaded = await loadStore(dir);
    const rewritten = { ...reloaded, statements: reloaded.statements.map((s) => ({ ...s, themes: [...s.themes] })) };
    expect((await saveStore(rewritten)).written).toEqual([]);
    expect(Object.fromEntries(storeFiles(dir).map((name) => [name, read(dir, name)]))).toEqual(before);
  });

  it('writes only the files that changed, sources.yaml last, new speakers first', async () => {
    const dir = copyStore();
    const store = await loadStore(dir);
    const merged = mergeExtracted(store, article('articles/new.txt'), [found({ speakerId: null, speakerName: 'Tomas Brandt' })]).store;
    const order: string[] = [];
    const result = await saveStore(merged, { beforeWrite: (file) => void order.push(file) });
    expect(order).toEqual(['speakers.yaml', '2024-08.yaml', 'sources.yaml']);
    expect(result.written).toEqual(order);
    // The new speaker is appended: the hand-written comment at the top survives.
    expect(read(dir, 'speakers.yaml')).toMatch(/^# Fixture registry/);
    expect(read(dir, 'speakers.yaml')).toMatch(/- id: tomas-brandt\n    name: Tomas Brandt\n    group: other/);
  });

  it('leaves the old files intact when a save fails part-way, and the store still loads', async () => {
    const dir = copyStore();
    const store = await loadStore(dir);
    const merged = mergeExtracted(store, article('articles/new.txt'), [
      found({ speakerId: null, speakerName: 'Tomas Brandt' }),
      found({ text: 'Storms will not stop the ferries this winter', date: '2024-09-09' }),
    ]).store;
    const before = { august: read(dir, '2024-08.yaml'), sources: read(dir, 'sources.yaml') };
    await expect(
      saveStore(merged, {
        beforeWrite: (file) => {
          if (file === '2024-09.yaml') throw new Error('simulated crash');
        },
      }),
    ).rejects.toThrow('simulated crash');
    expect(read(dir, 'sources.yaml')).toBe(before.sources);
    const after = await loadStore(dir);
    expect(after.statements.length).toBeGreaterThanOrEqual(4);
    expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
    expect(before.august).not.toBe(read(dir, '2024-08.yaml'));
  });

  it('reports a failed write as an environment error and keeps the file', async () => {
    const dir = copyStore();
    mkdirSync(path.join(dir, '2024-10.yaml')); // the rename target is a folder: the rename fails
    const store = await loadStore(dir);
    const merged = mergeExtracted(store, article('articles/new.txt'), [found({ date: '2024-10-01' })]).store;
    const sourcesBefore = read(dir, 'sources.yaml');
    const error = await saveStore(merged).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).kind).toBe('environment');
    expect((error as ReportError).message).toMatch(/2024-10\.yaml: could not write/);
    expect(read(dir, 'sources.yaml')).toBe(sourcesBefore);
    expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('refuses to save over a file edited since the store was loaded', async () => {
    const dir = copyStore();
    const store = await loadStore(dir);
    const merged = mergeExtracted(store, article('articles/new.txt'), [found({})]).store;
    const edited = read(dir, '2024-08.yaml').replace('note: not a statement, a headline', 'note: edited meanwhile, keep me');
    write(dir, '2024-08.yaml', edited);
    const error = await saveStore(merged).catch((caught: unknown) => caught);
    expect((error as ReportError).kind).toBe('busy');
    expect(read(dir, '2024-08.yaml')).toBe(edited);
  });

  it('never overwrites a store that does not load', async () => {
    const dir = copyStore();
    const store = await loadStore(dir);
    const plain = { dir, registry: store.registry, statements: [...store.statements], sources: [...store.sources] };
    write(dir, '2024-09.yaml', 'statements: [oops\n');
    await expect(saveStore(plain)).rejects.toMatchObject({ kind: 'input' });
    expect(read(dir, '2024-09.yaml')).toBe('statements: [oops\n');
  });

  it('moves an unreviewed statement whose date changed, and removes emptied files', async () => {
    const dir = copyStore();
    const store = await loadStore(dir);
    const moved = store.statements.map((statement) =>
      statement.id === 'st-dddddddddd' ? { ...statement, date: '2024-09-30' } : statement,
    );
    const result = await saveStore({ ...store, statements: moved });
    expect(result.removed).toEqual(['undated.yaml']);
    const again = await loadStore(dir);
    expect(again.statements.find((statement) => statement.id === 'st-dddddddddd')?.date).toBe('2024-09-30');
  });

  it('refuses to write a statement naming an unknown speaker', async () => {
    const dir = copyStore();
    const store = await loadStore(dir);
    const bad = store.statements.map((statement, index) => (index === 0 ? { ...statement, speaker: 'nobody' } : statement));
    await expect(saveStore({ ...store, statements: bad })).rejects.toMatchObject({ kind: 'input' });
  });
});
