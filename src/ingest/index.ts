// ingest: article files → cleaned Article objects (text, publication date, outlet, title, URL).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { inputError, usageError } from '../errors.js';
import type { Article, IsoDate } from '../types.js';
import { type Block, cleanBlocks } from './clean.js';
import { DATE_HEADER, metaDate, toIso } from './dates.js';
import { checkTextString, decodeArticleBytes } from './decode.js';
import { parseHtml } from './html.js';
import { markdownBlocks, splitFrontMatter } from './markdown.js';
import { normalizeText } from './normalize.js';
import { sidecarRowForSync } from './sidecar.js';

export { clearSidecarCache } from './sidecar.js';

export type ArticleFormat = 'txt' | 'md' | 'html';

const EXTENSIONS: Record<string, ArticleFormat> = {
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
};

/** The format a file name implies, or null when it is not an article file. */
export function articleFormat(file: string): ArticleFormat | null {
  const base = path.basename(file).toLowerCase();
  if (base.endsWith('.gold.json')) return null;
  return EXTENSIONS[path.extname(base)] ?? null;
}

/** Expands files and folders into the article files they hold (.txt, .md, .markdown, .html, .htm), sorted. */
export async function listArticleFiles(paths: string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const given of paths) {
    let info;
    try {
      info = await stat(given);
    } catch {
      throw usageError(`${given}: no such file or folder`);
    }
    if (info.isDirectory()) {
      for (const file of await walk(given)) found.add(file);
    } else if (articleFormat(given)) {
      found.add(given);
    }
  }
  return [...found].sort();
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue; // hidden files and folders (.git, editor swap files)
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(full)));
    // A symbolic link counts as the file it points to; a broken one is listed too, so that reading
    // it reports the problem instead of the article silently going missing.
    else if ((entry.isFile() || entry.isSymbolicLink()) && articleFormat(entry.name)) files.push(full);
  }
  return files;
}

/** Reads, decodes and cleans one article file (metadata from the file itself and any sources.tsv beside it). */
export async function readArticle(file: string): Promise<Article> {
  return readArticleSync(file);
}

/**
 * readArticle, synchronously. Articles are small: a synchronous read is one system call of a few
 * microseconds, where a promise-based one is four round trips through the thread pool (open, stat,
 * read, close), which cost more than the bytes, and all the more when the cores are busy.
 */
export function readArticleSync(file: string, options: ParseOptions = {}): Article {
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw inputError(`${file}: no such file`, error);
    if (code === 'EISDIR') throw inputError(`${file}: is a folder, not an article file`, error);
    throw inputError(`${file}: cannot be read (${code ?? 'unknown error'})`, error);
  }
  const article = parseArticle(raw, file, undefined, options);
  const row = sidecarRowForSync(file);
  if (!row) return article;
  return {
    ...article,
    url: row.url ?? article.url,
    published: row.published ?? article.published,
    outlet: row.outlet ?? article.outlet,
    title: row.title ?? article.title,
  };
}

interface Extracted {
  blocks: Block[];
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: IsoDate | null;
}

export interface ParseOptions {
  /**
   * The year for a publication date written without one (a wire dateline "KARACHI, Oct 7 (Reuters) -")
   * when the article names no year anywhere: the year of the articles read with it (see extract-run).
   */
  fallbackYear?: number;
}

/** The pure part of readArticle, for tests: raw content in, Article out. */
export function parseArticle(raw: Uint8Array | string, file: string, format?: ArticleFormat, options: ParseOptions = {}): Article {
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  const hash = createHash('sha256').update(bytes).digest('hex');
  const decoded = typeof raw === 'string' ? checkTextString(raw, file) : decodeArticleBytes(raw, file);
  const text = normalizeText(decoded);
  if (!text.trim()) throw inputError(`${file}: empty article`);

  const kind = format ?? articleFormat(file) ?? sniffFormat(text);
  const extracted = kind === 'html' ? fromHtml(text) : kind === 'md' ? fromMarkdown(text) : fromPlainText(text);
  const cleaned = cleanBlocks(extracted.blocks, options.fallbackYear ?? null);
  if (cleaned.paragraphs.length === 0) throw inputError(`${file}: empty article`);

  return {
    file,
    outlet: extracted.outlet,
    title: extracted.title ?? cleaned.title,
    url: extracted.url,
    published: extracted.published ?? cleaned.published,
    text: cleaned.paragraphs.join('\n\n'),
    hash,
  };
}

/** A file with an unknown extension is HTML when it opens like a web page. */
function sniffFormat(text: string): ArticleFormat {
  return /^\s*(<!doctype html|<html|<head|<body|<article|<meta)/i.test(text.slice(0, 1000)) ? 'html' : 'txt';
}

/** Strips a crawler's ` date 2024-08-28` header off the first line (the rest of that line is article text). */
function takeDateHeader(text: string): { published: IsoDate | null; rest: string } {
  const match = DATE_HEADER.exec(text);
  if (!match) return { published: null, rest: text };
  const published = toIso({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
  return { published, rest: text.slice(match[0].length) };
}

function fromPlainText(text: string): Extracted {
  const { published, rest } = takeDateHeader(text);
  const blocks: Block[] = rest.split('\n').map((line) => ({ text: line, kind: 'para' }));
  return { blocks, title: null, outlet: null, url: null, published };
}

function fromMarkdown(text: string): Extracted {
  const { meta, body } = splitFrontMatter(text);
  const header = takeDateHeader(body);
  return {
    blocks: markdownBlocks(header.rest),
    title: meta.title,
    outlet: meta.outlet,
    url: meta.url,
    published: metaDate(meta.published) ?? header.published,
  };
}

function fromHtml(text: string): Extracted {
  const { blocks, meta } = parseHtml(text);
  const published = meta.published.map((value) => metaDate(value)).find((d): d is IsoDate => d !== null) ?? null;
  return { blocks, title: meta.title, outlet: meta.outlet, url: meta.url, published };
}
