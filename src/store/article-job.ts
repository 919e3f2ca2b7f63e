// The per-article step of `report extract`: read one article and extract its statements. Kept apart
// from the store so that it can run on a worker thread: plain data in (a path, the registry), plain
// data out, no access to the store.
import * as extract from '../extract/index.js';
import * as ingest from '../ingest/index.js';
import type { Article, ArticleMeta, ExtractedStatement, Registry } from '../types.js';

export interface ArticleExtraction {
  article: ArticleMeta & { hash: string };
  statements: ExtractedStatement[];
}

/** One article's outcome; a failure is its message, so that one bad article does not stop the others. */
export type ArticleResult = { ok: true; value: ArticleExtraction } | { ok: false; message: string };

export async function readAndExtract(file: string, registry: Registry): Promise<ArticleExtraction> {
  return extractFrom(ingest.readArticleSync(file), registry);
}

/** The statements of an article already read. */
export function extractFrom(article: Article, registry: Registry): ArticleExtraction {
  const statements = extract.extractStatements(article, registry);
  const { text: _text, ...meta } = article;
  return { article: meta, statements };
}

/**
 * readAndExtract for each file, in order. The reads are synchronous (see ingest.readArticleSync):
 * promise-based reads cost ~0.2 ms each in round trips through the thread pool, more than the
 * extraction of a short article, and overlapping them with the extraction only hid part of it.
 */
export async function* readAndExtractEach(files: readonly string[], registry: Registry): AsyncGenerator<ArticleResult> {
  for (const file of files) yield readAndExtractNow(file, registry);
}

function readAndExtractNow(file: string, registry: Registry): ArticleResult {
  try {
    return { ok: true, value: extractFrom(ingest.readArticleSync(file), registry) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
