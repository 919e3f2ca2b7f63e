// Sources and citations. The source list is numbered by publication date (oldest first, undated last,
// then outlet and file): a briefing cites the same statement in several sections (judgements, timeline,
// profiles, themes), so "order of first citation" would follow whichever section the renderer puts
// first and look random elsewhere; a chronological list reads as the record of the coverage and keeps
// its numbers when sections move. Timeline citations then mostly run in ascending order too.
import type { SourceRef } from '../types.js';
import type { SourceEntry } from './types.js';

/** Several files of one outlet count once; a source without an outlet counts as its own outlet. */
export function outletKey(source: Pick<SourceRef, 'outlet' | 'file'>): string {
  const outlet = source.outlet?.trim().toLowerCase();
  return outlet ? `outlet:${outlet}` : `file:${source.file}`;
}

/** How many independent outlets carry a statement. */
export function corroboration(sources: readonly SourceRef[]): number {
  return new Set(sources.map(outletKey)).size;
}

function compareSources(a: SourceRef, b: SourceRef): number {
  if (a.published !== b.published) {
    if (a.published === null) return 1;
    if (b.published === null) return -1;
    return a.published < b.published ? -1 : 1;
  }
  return (a.outlet ?? '').localeCompare(b.outlet ?? '') || a.file.localeCompare(b.file);
}

/** One numbered entry per distinct file among the statements' sources. */
export function numberSources(sourceLists: readonly (readonly SourceRef[])[]): SourceEntry[] {
  const byFile = new Map<string, SourceRef>();
  for (const source of sourceLists.flat()) if (!byFile.has(source.file)) byFile.set(source.file, source);
  return [...byFile.values()].sort(compareSources).map((source, index) => ({
    number: index + 1,
    file: source.file,
    outlet: source.outlet,
    title: source.title,
    url: source.url,
    published: source.published,
  }));
}

/** File → source number, built once for the whole briefing. */
export function sourceNumbers(entries: readonly SourceEntry[]): ReadonlyMap<string, number> {
  return new Map(entries.map((entry) => [entry.file, entry.number]));
}

/** The numbers of a statement's sources, ascending, each once. */
export function citationNumbers(sources: readonly SourceRef[], numberByFile: ReadonlyMap<string, number>): number[] {
  const numbers = sources.flatMap((source) => {
    const found = numberByFile.get(source.file);
    return found === undefined ? [] : [found];
  });
  return [...new Set(numbers)].sort((a, b) => a - b);
}
