import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportError } from '../../src/errors.js';
import { loadRegistry, loadStore } from '../../src/store/index.js';
import { copyStore, edit, read, write } from './helpers.js';

async function loadError(dir: string): Promise<ReportError> {
  try {
    await loadStore(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ReportError);
    return error as ReportError;
  }
  throw new Error('loadStore accepted an invalid store');
}

const shown = (dir: string, file: string) => path.join(dir, file);

describe('loadStore', () => {
  it('loads the fixture store with snake_case mapped to the domain types', async () => {
    const store = await loadStore(copyStore());
    expect(store.statements.map((statement) => statement.id).sort()).toEqual([
      'st-aaaaaaaaaa',
      'st-bbbbbbbbbb',
      'st-cccccccccc',
      'st-dddddddddd',
    ]);
    const first = store.statements.find((statement) => statement.id === 'st-aaaaaaaaaa');
    expect(first?.dateBasis).toBe('explicit');
    expect(first?.sources[0]).toEqual({
      file: 'articles/one.txt',
      outlet: 'Coast Daily',
      title: 'Harbour to reopen',
      url: 'https://example.org/one',
      published: '2024-08-03',
      start: 10,
      end: 78,
    });
    expect(store.statements.find((statement) => statement.id === 'st-cccccccccc')?.review).toEqual({
      status: 'accepted',
      speaker: 'amara-okafor',
      date: '2024-09-04',
      themes: ['harbours'],
    });
    expect(store.registry.themeThreshold).toBe(1);
    expect(store.sources.map((record) => record.file)).toEqual(['articles/four.txt', 'articles/one.txt']);
  });

  it('loads the registry alone, defaulting omitted lists', async () => {
    const dir = copyStore();
    const registry = await loadRegistry(dir);
    expect(registry.speakers.map((speaker) => speaker.id)).toEqual(['amara-okafor', 'north-republic', 'lighthouse-council']);
    expect(registry.themes.map((theme) => theme.id)).toEqual(['harbours', 'weather']);
  });

  it('treats a folder without statement files as an empty store', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'store-empty-'));
    const store = await loadStore(dir);
    expect(store.statements).toEqual([]);
    expect(store.registry).toEqual({ speakers: [], themes: [] });
  });

  it('refuses a missing store folder with a usage error', async () => {
    const error = await loadError(path.join(tmpdir(), 'no-such-store-folder-xyz'));
    expect(error.kind).toBe('usage');
    expect(error.message).toMatch(/^--store .*no-such-store-folder-xyz: no such folder/);
  });

  it('reads files with a BOM and Windows line endings', async () => {
    const dir = copyStore();
    for (const file of ['speakers.yaml', '2024-08.yaml', 'sources.yaml']) {
      write(dir, file, `\uFEFF${read(dir, file).replace(/\n/g, '\r\n')}`);
    }
    const store = await loadStore(dir);
    expect(store.statements).toHaveLength(4);
    expect(store.statements.find((statement) => statement.id === 'st-aaaaaaaaaa')?.text).toBe(
      'The harbour will reopen on Monday, and every ship will be inspected',
    );
  });

  it('reads hand-written YAML outside the fast subset (block lists, plain dates, comments, multi-line text)', async () => {
    const dir = copyStore();
    edit(dir, 'undated.yaml', 'themes: [harbours]', 'themes:\n      - harbours # why not');
    edit(dir, 'undated.yaml', 'text: We will not close the harbour again', 'text: >-\n      We will not close\n      the harbour again');
    edit(dir, '2024-09.yaml', "date: '2024-09-04'", 'date: 2024-09-04');
    const store = await loadStore(dir);
    const undated = store.statements.find((statement) => statement.id === 'st-dddddddddd');
    expect(undated?.themes).toEqual(['harbours']);
    expect(undated?.text).toBe('We will not close the harbour again');
    expect(store.statements.find((statement) => statement.id === 'st-cccccccccc')?.review?.date).toBe('2024-09-04');
  });
});

describe('loadStore validation messages', () => {
  it('names an impossible date', async () => {
    const dir = copyStore();
    edit(dir, '2024-08.yaml', "date: '2024-08-20'", "date: '2024-02-30'");
    const error = await loadError(dir);
    expect(error.kind).toBe('input');
    expect(error.message).toBe(
      `${shown(dir, '2024-08.yaml')}: statements[1].date: "2024-02-30" is not a real date (use YYYY-MM-DD)`,
    );
  });

  it('gives line and column of a YAML syntax error', async () => {
    const dir = copyStore();
    edit(dir, '2024-08.yaml', 'themes: [harbours]', 'themes: [harbours');
    const error = await loadError(dir);
    expect(error.kind).toBe('input');
    expect(error.message).toMatch(new RegExp(`^${shown(dir, '2024-08.yaml')}:\\d+:\\d+: `));
  });

  it('names a missing field', async () => {
    const dir = copyStore();
    edit(dir, 'undated.yaml', '    kind: direct\n', '');
    expect((await loadError(dir)).message).toBe(
      `${shown(dir, 'undated.yaml')}: statements[0].kind: missing (use direct or indirect)`,
    );
  });

  it('names a wrong-typed field', async () => {
    const dir = copyStore();
    edit(dir, 'undated.yaml', 'start: 3', 'start: three');
    expect((await loadError(dir)).message).toBe(
      `${shown(dir, 'undated.yaml')}: statements[0].sources[0].start: expected a whole number ≥ 0, got "three"`,
    );
  });

  it('names a bad kind and a bad date_basis', async () => {
    const dir = copyStore();
    edit(dir, 'undated.yaml', 'kind: direct', 'kind: quote');
    expect((await loadError(dir)).message).toBe(
      `${shown(dir, 'undated.yaml')}: statements[0].kind: "quote" is not valid (use direct or indirect)`,
    );
    edit(dir, 'undated.yaml', 'kind: quote', 'kind: direct');
    edit(dir, 'undated.yaml', 'date_basis: published', 'date_basis: guessed');
    expect((await loadError(dir)).message).toBe(
      `${shown(dir, 'undated.yaml')}: statements[0].date_basis: "guessed" is not valid (use explicit or relative or published)`,
    );
  });

  it('names an unknown (misspelt) field instead of dropping it', async () => {
    const dir = copyStore();
    edit(dir, '2024-08.yaml', '    review:\n', '    reveiw:\n');
    expect((await loadError(dir)).message).toMatch(
      new RegExp(`^${shown(dir, '2024-08.yaml')}: statements\\[1\\]\\.reveiw: unknown field \\(expected one of: id, speaker,`),
    );
  });

  it('names both files of a duplicate id', async () => {
    const dir = copyStore();
    edit(dir, '2024-09.yaml', 'id: st-cccccccccc', 'id: st-aaaaaaaaaa');
    expect((await loadError(dir)).message).toBe(
      `${shown(dir, '2024-09.yaml')}: statements[0].id: "st-aaaaaaaaaa" is also used in ${shown(dir, '2024-08.yaml')} (statements[0]); ids must be unique`,
    );
  });

  it('names an unknown speaker with a suggestion', async () => {
    const dir = copyStore();
    edit(dir, 'undated.yaml', 'speaker: amara-okafor', 'speaker: amara-okafro');
    expect((await loadError(dir)).message).toBe(
      `${shown(dir, 'undated.yaml')}: statements[0].speaker: "amara-okafro" is not in speakers.yaml (did you mean "amara-okafor"?)`,
    );
  });

  it('names an unknown theme, also in a review', async () => {
    const dir = copyStore();
    edit(dir, '2024-09.yaml', 'themes: [harbours]', 'themes: [harbour]');
    expect((await loadError(dir)).message).toBe(
      `${shown(dir, '2024-09.yaml')}: statements[0].review.themes[0]: "harbour" is not in themes.yaml (did you mean "harbours"?)`,
    );
  });

  it('refuses a statement filed in the wrong month', async () => {
    const dir = copyStore();
    edit(dir, '2024-09.yaml', "date: '2024-09-05'", "date: '2024-10-05'");
    expect((await loadError(dir)).message).toMatch(/statements\[0\]\.date: 2024-10-05 belongs in 2024-10\.yaml/);
  });

  it('refuses a misnamed statement file rather than ignoring it', async () => {
    const dir = copyStore();
    write(dir, '2024-8.yaml', 'statements: []\n');
    expect((await loadError(dir)).message).toMatch(/2024-8\.yaml: not a statement file name/);
  });

  it('validates speakers.yaml too', async () => {
    const dir = copyStore();
    edit(dir, 'speakers.yaml', 'group: civil-society', 'group: charity');
    expect((await loadError(dir)).message).toBe(
      `${shown(dir, 'speakers.yaml')}: speakers[2].group: "charity" is not valid (use federal-government or provincial-government or military or foreign-government or international-organisation or militant-group or political-party or civil-society or analyst or media or other)`,
    );
  });

  it('ignores files of other stages in the folder', async () => {
    const dir = copyStore();
    write(dir, 'stances.yaml', 'groups: [x]\n');
    mkdirSync(path.join(dir, 'notes'));
    expect((await loadStore(dir)).statements).toHaveLength(4);
  });
});
