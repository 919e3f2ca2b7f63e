// ingest: article files → cleaned Article objects (text, publication date, outlet, title, URL).
import type { Article } from '../types.js';

export type ArticleFormat = 'txt' | 'md' | 'html';

/** Expands files and folders into the article files they hold (.txt, .md, .markdown, .html, .htm), sorted. */
export declare function listArticleFiles(paths: string[]): Promise<string[]>;

/** Reads, decodes and cleans one article file (metadata from the file itself and any sources.tsv beside it). */
export declare function readArticle(file: string): Promise<Article>;

/** The pure part of readArticle, for tests: raw content in, Article out. */
export declare function parseArticle(raw: Uint8Array | string, file: string, format?: ArticleFormat): Article;
