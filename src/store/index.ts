// store: the reviewable statements, kept as plain YAML files that diff well in git.
//
// Store layout (the folder given by --store, `statements/` by default)
// ---------------------------------------------------------------------
//   speakers.yaml   `speakers:` list of speakers: id (kebab-case), name, group, country (ISO code or
//                   null), aliases, roles [{title, aliases, from, to}], tracked (optional)
//   themes.yaml     `themes:` list of themes: id, label, description, cues [{cue, weight}]
//   sources.yaml    `sources:` one entry per article read: file, hash (sha256 of its bytes), outlet,
//                   title, url, published. `report extract` skips an article whose file and hash are
//                   already listed here.
//   YYYY-MM.yaml    `statements:` the statements made in that month (by their extracted `date`),
//                   sorted by date then id; `undated.yaml` holds those whose date is null.
//   .lock           present while a `report extract` updates the store (pid and start time).
//   .extract-cache.json  size, time and sha256 of the store files as the last `report extract` left them,
//                   so that a re-run over unchanged articles need not parse the store (run-cache.ts);
//                   git-ignored, safe to delete.
//
// A statement:
//   - id: st-0123456789          stable: hash of speaker id + the words, normalised
//     speaker: mohsin-naqvi      an id from speakers.yaml
//     voice: null                the named person speaking for an institution, or null
//     kind: direct               direct | indirect
//     text: "…"                  the words (direct) or the reported content (indirect)
//     date: '2024-08-27'         YYYY-MM-DD, or null when the article gives no date
//     date_basis: relative       explicit | relative | published
//     themes: [security]         ids from themes.yaml
//     sources:                   every article that carries the statement (corroboration)
//       - {file, outlet, title, url, published, start, end}   start/end: offsets in the cleaned text
//     review:                    optional, written by a reviewer, never changed by the program:
//       status: accepted         accepted | rejected (a rejected statement stays rejected)
//       speaker, date, themes, kind, text: corrections that override the extracted values
//       note: free text
//
// Rules: keys are snake_case in the files; output has a fixed key order and sort so saving an
// unchanged store rewrites nothing. To correct a statement, add a `review:` block rather than
// editing the extracted fields: a re-run of `report extract` may update unreviewed statements but
// never touches a review. YAML comments in statement files are not kept when a file is rewritten;
// use review.note.
export type { Store, SourceRecord } from './model.js';
export { loadRegistry, loadStore, type LoadOptions } from './load.js';
export { saveStore, type SaveOptions, type SaveResult } from './save.js';
export { withStoreLock } from './lock.js';
export {
  mergeExtracted,
  statementId,
  SAME_STATEMENT_SIMILARITY,
  type ArticleRecord,
  type MergeCounts,
  type MergeResult,
} from './merge.js';
export { effectiveStatements, filterStatements, resolveSpeaker, resolveTheme, type StatementFilter } from './query.js';
export {
  extractIntoStore,
  extractToJson,
  storedArticlePath,
  type ExtractOptions,
  type ExtractSummary,
  type ExtractJson,
  type ExtractJsonStatement,
} from './extract-run.js';
export { readAndExtract, type ArticleExtraction } from './article-job.js';
