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
  return extractFrom(await ingest.readArticle(file), registry);
}

function extractFrom(article: Article, registry: Registry): ArticleExtraction {
  const statements = extract.extractStatements(article, registry);
  const { text: _text, ...meta } = article;
  return { article: meta, statements };
}

/** How many articles are read ahead of the one being extracted. */
const READ_AHEAD = 8;

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

const settle = <T>(promise: Promise<T>): Promise<Settled<T>> =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

/**
 * readAndExtract for each file, in order, with the next files already being read while one is
 * extracted. Each read is a handful of asynchronous file operations whose round trips through the
 * thread pool cost far more than the bytes (~0.2 ms per article awaited one by one, a sixth of a
 * worker's time on the bench corpus); overlapped with the extraction they cost next to nothing.
 */
export async function* readAndExtractEach(files: readonly string[], registry: Registry): AsyncGenerator<ArticleResult> {
  const reads: Promise<Settled<Article>>[] = [];
  let next = 0;
  const readAhead = () => {
    while (next < files.length && reads.length < READ_AHEAD) {
      reads.push(settle(ingest.readArticle(files[next] as string)));
      next += 1;
    }
  };
  readAhead();
  for (let read = reads.shift(); read !== undefined; read = reads.shift()) {
    const article = await read;
    readAhead();
    let result: ArticleResult;
    try {
      if (!article.ok) throw article.error;
      result = { ok: true, value: extractFrom(article.value, registry) };
    } catch (error) {
      result = { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    yield result;
  }
}
