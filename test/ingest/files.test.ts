// Listing article files and reading them with their sources.tsv sidecar.
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReportError } from '../../src/errors.js';
import { clearSidecarCache, listArticleFiles, readArticle } from '../../src/ingest/index.js';

const FOLDER = path.join(import.meta.dirname, '../fixtures/ingest/folder');

describe('listArticleFiles', () => {
  it('walks folders recursively, keeps article files only, sorted', async () => {
    const files = await listArticleFiles([FOLDER]);
    expect(files.map((f) => path.relative(FOLDER, f))).toEqual(['nested/three.htm', 'one.txt', 'two.md']);
  });

  it('accepts files and folders together without duplicates', async () => {
    const one = path.join(FOLDER, 'one.txt');
    const files = await listArticleFiles([one, FOLDER, one]);
    expect(files.filter((f) => f === one)).toHaveLength(1);
    expect(files).toHaveLength(3);
  });

  it('reports a missing path as a usage error', async () => {
    await expect(listArticleFiles(['no/such/place'])).rejects.toThrow(
      new ReportError('usage', 'no/such/place: no such file or folder'),
    );
    await expect(listArticleFiles(['no/such/place'])).rejects.toMatchObject({ kind: 'usage', exitCode: 2 });
  });
});

describe('readArticle', () => {
  const temp: string[] = [];
  afterEach(() => {
    for (const dir of temp.splice(0)) rmSync(dir, { recursive: true, force: true });
    clearSidecarCache();
  });

  it('lets sources.tsv values win over what the text says', async () => {
    const article = await readArticle(path.join(FOLDER, 'one.txt'));
    expect(article).toMatchObject({
      url: 'https://sidecar.example/one',
      published: '2024-05-04',
      outlet: 'Sidecar Times',
      title: 'Wells Dug In Dry Villages',
    });
    expect(article.text).toBe(
      'A charity finished digging four wells in the dry villages this week.\n\nIts director said more would follow before the summer heat.',
    );
  });

  it('keeps the text metadata for files the sidecar does not list', async () => {
    const article = await readArticle(path.join(FOLDER, 'two.md'));
    expect(article).toMatchObject({ url: null, published: null, outlet: null, title: 'Market prices steady' });
  });

  it('reads a sources.csv with quoted fields and notices when the sidecar changes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ingest-'));
    temp.push(dir);
    writeFileSync(path.join(dir, 'a.txt'), 'The depot reopened on Monday, managers said.');
    writeFileSync(path.join(dir, 'sources.csv'), 'file,url,published,outlet\na.txt,https://x.example/a,2024-02-01,"News, Daily"\n');
    expect(await readArticle(path.join(dir, 'a.txt'))).toMatchObject({ published: '2024-02-01', outlet: 'News, Daily' });

    writeFileSync(path.join(dir, 'sources.csv'), 'file,url,published,outlet\na.txt,https://x.example/a,2024-03-09,Other\n');
    const later = new Date(Date.now() + 5000);
    utimesSync(path.join(dir, 'sources.csv'), later, later);
    expect(await readArticle(path.join(dir, 'a.txt'))).toMatchObject({ published: '2024-03-09', outlet: 'Other' });
  });

  it('rejects a sidecar with a bad date, naming file, line and field', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ingest-'));
    temp.push(dir);
    writeFileSync(path.join(dir, 'a.txt'), 'The depot reopened on Monday, managers said.');
    writeFileSync(path.join(dir, 'sources.tsv'), 'file\tpublished\na.txt\tsoon\n');
    await expect(readArticle(path.join(dir, 'a.txt'))).rejects.toMatchObject({
      kind: 'input',
      message: expect.stringMatching(/sources\.tsv line 2: published "soon" is not a date/),
    });
  });

  it('reports a missing file as an input error naming it', async () => {
    await expect(readArticle('missing/article.txt')).rejects.toMatchObject({
      kind: 'input',
      message: 'missing/article.txt: no such file',
    });
  });
});
