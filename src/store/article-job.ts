// The per-article step of `report extract`: read one article and extract its statements. Kept apart
// from the store so that it can run on a worker thread: plain data in (a path, the registry), plain
// data out, no access to the store.
import * as extract from '../extract/index.js';
import * as ingest from '../ingest/index.js';
import type { ArticleMeta, ExtractedStatement, Registry } from '../types.js';

export interface ArticleExtraction {
  article: ArticleMeta & { hash: string };
  statements: ExtractedStatement[];
}

export async function readAndExtract(file: string, registry: Registry): Promise<ArticleExtraction> {
  const article = await ingest.readArticle(file);
  const statements = extract.extractStatements(article, registry);
  const { text: _text, ...meta } = article;
  return { article: meta, statements };
}
