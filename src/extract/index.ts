// extract: one cleaned Article → the statements in it, attributed, dated and tagged.
import type { Article, ExtractedStatement, Registry } from '../types.js';

export declare function extractStatements(article: Article, registry: Registry): ExtractedStatement[];
