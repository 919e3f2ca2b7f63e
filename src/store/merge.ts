// Merging what the extractor found in one article into the store. Pure: the input store is not
// changed; statements that do not change keep their object, so saving rewrites nothing for them.
//
// - A statement's id is `st-` + 10 hex digits of sha256(speaker id + its normalised words): stable
//   across runs and machines.
// - The same words from the same speaker met again (a re-run, or another outlet: token similarity
//   ≥ 0.9) are one statement with one source per article file (corroboration).
// - A reviewer's `review` block is never changed or dropped, and a reviewed statement's extracted
//   fields are left as the reviewer saw them; only its sources follow the articles.
// - A statement the article no longer yields loses that article as a source; with no source left it
//   is dropped, unless reviewed.
// - Speakers the extractor could not place in the registry are added to it (group 'other').
import { inputError } from '../errors.js';
import type { ArticleMeta, ExtractedStatement, Registry, SourceRef, Speaker, Statement } from '../types.js';
import { DATE_BASES, KINDS, isRealDate } from './schema.js';
import { type SourceRecord, type Store, compareByFile, compareSourceRefs } from './model.js';
import { countsSimilarity, foldName, shortHash, similarityBound, slugify, textTokens, tokenCounts } from './text.js';

/** Two texts of one speaker at least this similar (token F1) are the same statement. */
export const SAME_STATEMENT_SIMILARITY = 0.9;

export type ArticleRecord = ArticleMeta & { hash: string };

export interface MergeCounts {
  /** Statements that were not in the store. */
  new: number;
  /** Statements already in the store that changed (a new source, corrected fields). */
  updated: number;
  /** Statements already in the store, found again as they were. */
  unchanged: number;
  /** Statements of this article that have no date. */
  undated: number;
  /** Speakers added to the registry. */
  newSpeakers: number;
  /** Statements dropped because no article carries them any more (never reviewed ones). */
  removed: number;
}

export interface MergeResult {
  store: Store;
  counts: MergeCounts;
  /** The speakers added to the registry, in the order they were met. */
  addedSpeakers: Speaker[];
}

/** The id a statement of `speakerId` with these words gets. */
export function statementId(speakerId: string, text: string): string {
  return `st-${shortHash(`${speakerId}\n${textTokens(text).join(' ')}`)}`;
}

/** Merges one article's statements into the store (see the rules at the top of this file). */
export function mergeExtracted(store: Store, article: ArticleRecord, extracted: readonly ExtractedStatement[]): MergeResult {
  const merger = new Merger(store);
  const counts = merger.mergeArticle(article, extracted);
  return { store: merger.result(), counts, addedSpeakers: merger.addedSpeakers() };
}

/**
 * Holds the indexes a merge needs, so that merging many articles in one run costs one pass over the
 * store rather than one per article. `mergeExtracted` is the one-article form.
 */
export class Merger {
  private readonly statements: Map<string, Statement>;
  private readonly speakers: Speaker[];
  private readonly added: Speaker[] = [];
  private readonly sources: Map<string, SourceRecord>;
  private readonly speakerByName = new Map<string, string>();
  private readonly speakerIds = new Set<string>();
  /** foldName of the extracted speaker names met so far: the same few names come back in every article. */
  private readonly foldedNames = new Map<string, string>();
  private readonly knownThemes: Set<string>;
  /** Statement ids by their (extracted) speaker, then by number of tokens. */
  private readonly bySpeaker = new Map<string, Map<number, Set<string>>>();
  /** Statement ids by the article files among their sources. */
  private readonly byFile = new Map<string, Set<string>>();
  private readonly tokens = new Map<string, string[]>();
  /** tokenCounts of stored statements by id, made when a statement is first compared. */
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly foundTokens = new Map<string, string[]>();

  constructor(private readonly store: Store) {
    this.statements = new Map(store.statements.map((statement) => [statement.id, statement]));
    this.speakers = [...store.registry.speakers];
    this.sources = new Map(store.sources.map((record) => [record.file, record]));
    this.knownThemes = new Set(store.registry.themes.map((theme) => theme.id));
    for (const speaker of this.speakers) {
      this.speakerIds.add(speaker.id);
      this.indexSpeakerNames(speaker);
    }
    for (const statement of store.statements) this.index(statement);
  }

  mergeArticle(article: ArticleRecord, extracted: readonly ExtractedStatement[]): MergeCounts {
    extracted.forEach((statement, index) => assertWellFormed(statement, index, article.file));
    const counts: MergeCounts = { new: 0, updated: 0, unchanged: 0, undated: 0, newSpeakers: 0, removed: 0 };
    const before = new Set(this.byFile.get(article.file) ?? []);
    const outcome = new Map<string, 'new' | 'updated' | 'unchanged'>();

    for (const found of extracted) {
      const speakerId = this.placeSpeaker(found, counts);
      const words = this.tokensOfText(found.text);
      const match = this.findSame(speakerId, words, before);
      const source = sourceRef(article, found);
      if (found.date === null) counts.undated += 1;
      if (match === null) {
        const statement = this.newStatement(speakerId, found, source);
        this.put(statement);
        outcome.set(statement.id, 'new');
        continue;
      }
      if (outcome.has(match.id)) {
        // A second extracted statement with the same words in one article: same statement, source kept.
        continue;
      }
      const updated = this.withSource(match, found, source);
      const changed = updated !== match;
      if (changed) this.replace(match, updated, article.file, true);
      outcome.set(match.id, changed ? 'updated' : 'unchanged');
    }
    for (const state of outcome.values()) counts[state] += 1;

    for (const id of before) {
      if (outcome.has(id)) continue;
      const statement = this.statements.get(id);
      if (!statement) continue;
      const sources = statement.sources.filter((source) => source.file !== article.file);
      if (sources.length === 0 && !statement.review) {
        this.remove(statement);
        counts.removed += 1;
      } else {
        this.replace(statement, { ...statement, sources }, article.file, false);
      }
    }
    this.sources.set(article.file, {
      file: article.file,
      hash: article.hash,
      outlet: article.outlet,
      title: article.title,
      url: article.url,
      published: article.published,
    });
    return counts;
  }

  result(): Store {
    const registry: Registry = { ...this.store.registry, speakers: [...this.speakers] };
    return {
      ...this.store,
      registry,
      statements: [...this.statements.values()],
      sources: [...this.sources.values()].sort(compareByFile),
    };
  }

  addedSpeakers(): Speaker[] {
    return [...this.added];
  }

  // --- speakers ---------------------------------------------------------------------------------

  private indexSpeakerNames(speaker: Speaker): void {
    for (const name of [speaker.id, speaker.name, ...speaker.aliases]) {
      const key = foldName(name);
      if (key !== '' && !this.speakerByName.has(key)) this.speakerByName.set(key, speaker.id);
    }
  }

  /** The registry id for the extracted speaker, adding a new speaker when the name is unknown. */
  private placeSpeaker(found: ExtractedStatement, counts: MergeCounts): string {
    if (found.speakerId !== null && this.speakerIds.has(found.speakerId)) return found.speakerId;
    let folded = this.foldedNames.get(found.speakerName);
    if (folded === undefined) {
      folded = foldName(found.speakerName);
      this.foldedNames.set(found.speakerName, folded);
    }
    const known = this.speakerByName.get(folded);
    if (known !== undefined) return known;
    const base = slugify(found.speakerName);
    let id = base;
    for (let suffix = 2; this.speakerIds.has(id); suffix += 1) id = `${base}-${suffix}`;
    const speaker: Speaker = { id, name: found.speakerName.trim(), group: 'other', country: null, aliases: [], roles: [] };
    this.speakers.push(speaker);
    this.speakerIds.add(id);
    this.added.push(speaker);
    this.indexSpeakerNames(speaker);
    counts.newSpeakers += 1;
    return id;
  }

  // --- statements -------------------------------------------------------------------------------

  /** The tokens of an extracted text; the same words come back from every outlet that carries them. */
  private tokensOfText(text: string): string[] {
    let words = this.foundTokens.get(text);
    if (!words) {
      if (this.foundTokens.size >= 50_000) this.foundTokens.clear();
      words = textTokens(text);
      this.foundTokens.set(text, words);
    }
    return words;
  }

  private countsOf(statement: Statement): Map<string, number> {
    let counts = this.counts.get(statement.id);
    if (counts === undefined) {
      counts = tokenCounts(this.tokensOf(statement));
      this.counts.set(statement.id, counts);
    }
    return counts;
  }

  private tokensOf(statement: Statement): string[] {
    let words = this.tokens.get(statement.id);
    if (!words) {
      words = textTokens(statement.text);
      this.tokens.set(statement.id, words);
    }
    return words;
  }

  private index(statement: Statement): void {
    const length = this.tokensOf(statement).length;
    let byLength = this.bySpeaker.get(statement.speaker);
    if (!byLength) this.bySpeaker.set(statement.speaker, (byLength = new Map()));
    let ids = byLength.get(length);
    if (!ids) byLength.set(length, (ids = new Set()));
    ids.add(statement.id);
    for (const source of statement.sources) {
      let files = this.byFile.get(source.file);
      if (!files) this.byFile.set(source.file, (files = new Set()));
      files.add(statement.id);
    }
  }

  private unindex(statement: Statement): void {
    this.bySpeaker.get(statement.speaker)?.get(this.tokensOf(statement).length)?.delete(statement.id);
    for (const source of statement.sources) this.byFile.get(source.file)?.delete(statement.id);
    this.tokens.delete(statement.id);
    this.counts.delete(statement.id);
  }

  private put(statement: Statement): void {
    this.statements.set(statement.id, statement);
    this.index(statement);
  }

  /**
   * `updated` takes the place of `old` (same id), and differs from it at most in its words and the
   * source from `file` (which it has, or has no longer: `hasFile`): the indexes change only there, not
   * over every source of a much-cited statement.
   */
  private replace(old: Statement, updated: Statement, file: string, hasFile: boolean): void {
    if (updated.speaker !== old.speaker || updated.id !== old.id) {
      this.unindex(old);
      this.put(updated);
      return;
    }
    if (updated.text !== old.text) {
      this.bySpeaker.get(old.speaker)?.get(this.tokensOf(old).length)?.delete(old.id);
      this.tokens.delete(old.id);
      this.counts.delete(old.id);
      this.statements.set(updated.id, updated);
      const length = this.tokensOf(updated).length;
      const byLength = this.bySpeaker.get(updated.speaker) ?? new Map<number, Set<string>>();
      this.bySpeaker.set(updated.speaker, byLength);
      const ids = byLength.get(length) ?? new Set<string>();
      byLength.set(length, ids);
      ids.add(updated.id);
    }
    this.statements.set(updated.id, updated);
    if (hasFile) {
      let files = this.byFile.get(file);
      if (!files) this.byFile.set(file, (files = new Set()));
      files.add(updated.id);
    } else {
      this.byFile.get(file)?.delete(updated.id);
    }
  }

  private remove(statement: Statement): void {
    this.unindex(statement);
    this.statements.delete(statement.id);
  }

  /**
   * The stored statement these words are, if any: the most similar of the same speaker at or above
   * the threshold, preferring one this article already carried.
   */
  private findSame(speakerId: string, words: string[], fromThisArticle: Set<string>): Statement | null {
    const exact = this.statements.get(`st-${shortHash(`${speakerId}\n${words.join(' ')}`)}`);
    const wordCounts = tokenCounts(words);
    const similarity = (candidate: Statement): number =>
      countsSimilarity(this.countsOf(candidate), this.tokensOf(candidate).length, wordCounts, words.length);
    if (exact && exact.speaker === speakerId && similarity(exact) >= SAME_STATEMENT_SIMILARITY) {
      return exact;
    }
    const byLength = this.bySpeaker.get(speakerId);
    if (!byLength) return null;
    let best: Statement | null = null;
    let bestScore = SAME_STATEMENT_SIMILARITY;
    for (const [length, ids] of byLength) {
      if (similarityBound(length, words.length) < SAME_STATEMENT_SIMILARITY) continue;
      for (const id of ids) {
        const candidate = this.statements.get(id);
        if (!candidate) continue;
        const score = similarity(candidate) + (fromThisArticle.has(id) ? 1e-6 : 0);
        if (score >= bestScore && (best === null || score > bestScore || id < best.id)) {
          best = candidate;
          bestScore = score;
        }
      }
    }
    return best;
  }

  private newStatement(speakerId: string, found: ExtractedStatement, source: SourceRef): Statement {
    let id = statementId(speakerId, found.text);
    // The id is taken only when a stored statement's text was later corrected away from these words.
    for (let n = 2; this.statements.has(id); n += 1) id = `st-${shortHash(`${speakerId}\n${found.text}\n${n}`)}`;
    return { id, speaker: speakerId, ...this.extractedFields(found), sources: [source] };
  }

  /** The fields the extractor owns (a reviewer's corrections live in `review`, never here). */
  private extractedFields(found: ExtractedStatement): Omit<Statement, 'id' | 'speaker' | 'sources' | 'review'> {
    return {
      voice: found.voice,
      kind: found.kind,
      ...(found.verb ? { verb: found.verb } : {}),
      text: found.text,
      date: found.date,
      dateBasis: found.dateBasis,
      themes: this.knownThemesOf(found.themes),
    };
  }

  /**
   * The stored statement with this article as a source. Its extracted fields follow the extractor
   * only while this article is its sole source and no reviewer has looked at it; otherwise they stay
   * as they are, so that outlets wording it differently do not make it flip back and forth.
   */
  private withSource(stored: Statement, found: ExtractedStatement, source: SourceRef): Statement {
    // The file index says whether this article is already a source, without a scan of what may be
    // hundreds of sources (a statement every outlet carried).
    const previous = this.byFile.get(source.file)?.has(stored.id) ? stored.sources.find((existing) => existing.file === source.file) : undefined;
    const others = stored.sources.length - (previous ? 1 : 0);
    if (stored.review || others > 0) {
      // Only the sources can change; the same source again changes nothing (the stored object is kept).
      if (previous && sameSource(previous, source) && isSorted(stored.sources)) return stored;
      return { ...stored, sources: withSourceAdded(stored.sources, source, previous !== undefined) };
    }
    const fields = this.extractedFields(found);
    if (
      previous &&
      sameSource(previous, source) &&
      stored.voice === fields.voice &&
      stored.kind === fields.kind &&
      (stored.verb ?? null) === (fields.verb ?? null) &&
      stored.text === fields.text &&
      stored.date === fields.date &&
      stored.dateBasis === fields.dateBasis &&
      sameList(stored.themes, fields.themes)
    ) {
      return stored;
    }
    // A verb the extractor no longer finds goes too: the extracted fields follow the extractor.
    const { verb: _previousVerb, ...kept } = stored;
    return { ...kept, ...fields, sources: [source] };
  }

  /** Theme ids the registry knows, in a stable order, without repeats. */
  private knownThemesOf(themes: readonly string[]): string[] {
    return [...new Set(themes.filter((theme) => this.knownThemes.has(theme)))].sort();
  }
}

function sourceRef(article: ArticleRecord, found: ExtractedStatement): SourceRef {
  return {
    file: article.file,
    outlet: article.outlet,
    title: article.title,
    url: article.url,
    published: article.published,
    start: found.start,
    end: found.end,
  };
}

/** The same source as the store file would hold it (compared field by field: this runs for every match). */
function sameSource(a: SourceRef, b: SourceRef): boolean {
  return (
    a.file === b.file &&
    a.outlet === b.outlet &&
    a.title === b.title &&
    a.url === b.url &&
    a.published === b.published &&
    a.start === b.start &&
    a.end === b.end
  );
}

const sortedSources = new WeakSet<readonly SourceRef[]>();

/**
 * `sources` with `source` in place of any source from the same file, in the store's order: what
 * sorting the list with the new source last gives (a stable sort keeps it after its equals), found by
 * a binary search when the list is already in order.
 */
function withSourceAdded(sources: readonly SourceRef[], source: SourceRef, replacing: boolean): SourceRef[] {
  const others = replacing ? sources.filter((existing) => existing.file !== source.file) : sources;
  let result: SourceRef[];
  if (isSorted(others)) {
    let low = 0;
    let high = others.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareSourceRefs(others[middle] as SourceRef, source) <= 0) low = middle + 1;
      else high = middle;
    }
    result = others.slice();
    result.splice(low, 0, source);
  } else {
    result = [...others, source].sort(compareSourceRefs);
  }
  sortedSources.add(result);
  return result;
}

/** Sources in the order the store keeps them (a hand-edited file may not be): checked once per list. */
function isSorted(sources: readonly SourceRef[]): boolean {
  if (sortedSources.has(sources)) return true;
  for (let index = 1; index < sources.length; index += 1) {
    if (compareSourceRefs(sources[index - 1] as SourceRef, sources[index] as SourceRef) > 0) return false;
  }
  sortedSources.add(sources);
  return true;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** What the extractor gave must be storable; a bad value is reported against the article. */
function assertWellFormed(found: ExtractedStatement, index: number, file: string): void {
  const where = `${file}: extracted statement ${index + 1}`;
  if (typeof found.text !== 'string' || found.text.trim() === '') throw inputError(`${where}: empty text`);
  if (found.speakerId === null && (typeof found.speakerName !== 'string' || foldName(found.speakerName) === '')) {
    throw inputError(`${where}: no speaker`);
  }
  if (found.date !== null && !(typeof found.date === 'string' && isRealDate(found.date))) {
    throw inputError(`${where}: date ${JSON.stringify(found.date)} is not a real date (YYYY-MM-DD)`);
  }
  if (!(KINDS as readonly string[]).includes(found.kind)) throw inputError(`${where}: kind ${JSON.stringify(found.kind)} is not direct or indirect`);
  if (!(DATE_BASES as readonly string[]).includes(found.dateBasis)) {
    throw inputError(`${where}: date basis ${JSON.stringify(found.dateBasis)} is not explicit, relative or published`);
  }
  if (!Number.isInteger(found.start) || !Number.isInteger(found.end) || found.start < 0 || found.end < found.start) {
    throw inputError(`${where}: offsets ${found.start}..${found.end} are not a valid range`);
  }
}
