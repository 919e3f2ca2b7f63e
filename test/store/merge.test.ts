import { describe, expect, it } from 'vitest';
import { loadStore, mergeExtracted, statementId } from '../../src/store/index.js';
import type { Store } from '../../src/store/index.js';
import type { ExtractedStatement } from '../../src/types.js';
import { copyStore } from './helpers.js';

const article = (file: string, outlet = 'Harbour Herald', published: string | null = '2024-08-10') => ({
  file,
  outlet,
  title: null,
  url: null,
  published,
  hash: `hash-of-${file}`,
});

const found = (overrides: Partial<ExtractedStatement> = {}): ExtractedStatement => ({
  source: 'x',
  speakerId: 'amara-okafor',
  speakerName: 'Amara Okafor',
  voice: null,
  kind: 'direct',
  text: 'Cargo fees will fall by half before the end of the year, and the harbour will hire more pilots',
  date: '2024-08-09',
  dateBasis: 'relative',
  themes: ['harbours'],
  start: 5,
  end: 90,
  ...overrides,
});

const byId = (store: Store, id: string) => store.statements.find((statement) => statement.id === id);

describe('mergeExtracted', () => {
  it('adds a new statement with a stable id and its source', async () => {
    const store = await loadStore(copyStore());
    const { store: merged, counts } = mergeExtracted(store, article('a.txt'), [found()]);
    const id = statementId('amara-okafor', found().text);
    expect(id).toMatch(/^st-[0-9a-f]{10}$/);
    expect(byId(merged, id)?.sources).toEqual([
      { file: 'a.txt', outlet: 'Harbour Herald', title: null, url: null, published: '2024-08-10', start: 5, end: 90 },
    ]);
    expect(counts).toMatchObject({ new: 1, updated: 0, unchanged: 0, newSpeakers: 0 });
    expect(store.statements).toHaveLength(4); // the input store is untouched
    expect(merged.sources.map((record) => record.file)).toContain('a.txt');
  });

  it('makes one statement with two sources when two outlets carry the same words', async () => {
    const store = await loadStore(copyStore());
    const first = mergeExtracted(store, article('a.txt'), [found()]).store;
    const reworded = found({
      text: 'Cargo fees will fall by half before the end of this year, and the harbour will hire more pilots.',
      start: 40,
      end: 130,
    });
    const { store: second, counts } = mergeExtracted(first, article('b.txt', 'Coast Daily', '2024-08-11'), [reworded]);
    expect(counts).toMatchObject({ new: 0, updated: 1 });
    expect(second.statements).toHaveLength(5);
    const statement = byId(second, statementId('amara-okafor', found().text));
    expect(statement?.sources.map((source) => [source.file, source.outlet])).toEqual([
      ['a.txt', 'Harbour Herald'],
      ['b.txt', 'Coast Daily'],
    ]);
  });

  it('keeps different speakers or different words apart', async () => {
    const store = await loadStore(copyStore());
    const { store: merged } = mergeExtracted(store, article('a.txt'), [
      found(),
      found({ speakerId: 'north-republic', speakerName: 'North Republic' }),
      found({ text: 'Cargo fees will rise by half before the end of the year' }),
    ]);
    expect(merged.statements).toHaveLength(7);
  });

  it('changes nothing when the same article is merged again', async () => {
    const store = await loadStore(copyStore());
    const once = mergeExtracted(store, article('a.txt'), [found()]).store;
    const { store: twice, counts } = mergeExtracted(once, article('a.txt'), [found()]);
    expect(counts).toMatchObject({ new: 0, updated: 0, unchanged: 1 });
    expect(twice.statements.every((statement, index) => statement === once.statements[index])).toBe(true);
  });

  it("never changes a reviewer's rejection or corrections", async () => {
    const store = await loadStore(copyStore());
    const rejected = byId(store, 'st-bbbbbbbbbb');
    const corrected = byId(store, 'st-cccccccccc');
    const { store: merged } = mergeExtracted(store, article('articles/two.txt'), [
      found({ speakerId: 'north-republic', speakerName: 'North Republic', text: 'the storm warnings were exaggerated', kind: 'direct' }),
    ]);
    const again = mergeExtracted(merged, article('articles/three.txt'), [
      found({ speakerId: 'lighthouse-council', speakerName: 'Lighthouse Council', text: 'the fog horn must be repaired before the winter', date: '2024-09-06' }),
    ]).store;
    expect(byId(again, 'st-bbbbbbbbbb')?.review).toEqual(rejected?.review);
    expect(byId(again, 'st-bbbbbbbbbb')?.kind).toBe('indirect'); // reviewed: extracted fields frozen
    expect(byId(again, 'st-cccccccccc')?.review).toEqual(corrected?.review);
    expect(byId(again, 'st-cccccccccc')?.date).toBe('2024-09-05');
  });

  it('keeps a reviewed statement the article no longer yields, and drops an unreviewed one', async () => {
    const store = await loadStore(copyStore());
    const { store: merged, counts } = mergeExtracted(store, article('articles/two.txt'), []);
    expect(byId(merged, 'st-bbbbbbbbbb')?.sources).toEqual([]);
    expect(byId(merged, 'st-bbbbbbbbbb')?.review?.status).toBe('rejected');
    const dropped = mergeExtracted(merged, article('articles/one.txt'), []);
    expect(byId(dropped.store, 'st-aaaaaaaaaa')).toBeUndefined();
    expect(dropped.counts.removed).toBe(1);
    expect(counts.removed).toBe(0);
  });

  it('adds an unknown speaker to the registry and reuses it next time', async () => {
    const store = await loadStore(copyStore());
    const unknown = found({ speakerId: null, speakerName: 'Tomás Brandt' });
    const { store: merged, counts, addedSpeakers } = mergeExtracted(store, article('a.txt'), [unknown]);
    expect(counts.newSpeakers).toBe(1);
    expect(addedSpeakers).toEqual([{ id: 'tomas-brandt', name: 'Tomás Brandt', group: 'other', country: null, aliases: [], roles: [] }]);
    expect(merged.statements.find((statement) => statement.sources[0]?.file === 'a.txt')?.speaker).toBe('tomas-brandt');
    const next = mergeExtracted(merged, article('b.txt'), [found({ speakerId: null, speakerName: 'Tomas Brandt', text: 'Another thing entirely was said here' })]);
    expect(next.counts.newSpeakers).toBe(0);
    expect(next.store.registry.speakers).toHaveLength(4);
  });

  it('places a speaker named by an alias on the registry id', async () => {
    const store = await loadStore(copyStore());
    const { store: merged, counts } = mergeExtracted(store, article('a.txt'), [found({ speakerId: null, speakerName: 'Northport' })]);
    expect(counts.newSpeakers).toBe(0);
    expect(merged.statements.find((statement) => statement.sources[0]?.file === 'a.txt')?.speaker).toBe('north-republic');
  });

  it('counts undated statements and refuses impossible dates from an extractor', async () => {
    const store = await loadStore(copyStore());
    expect(mergeExtracted(store, article('a.txt', 'X', null), [found({ date: null, dateBasis: 'published' })]).counts.undated).toBe(1);
    expect(() => mergeExtracted(store, article('a.txt'), [found({ date: '2024-02-30' })])).toThrow(/a\.txt: extracted statement 1: date "2024-02-30"/);
  });
});

describe('mergeExtracted and the reporting verb', () => {
  it('follows the extractor: a verb found again is kept, a verb no longer found is dropped', async () => {
    const store = await loadStore(copyStore());
    const reported = { kind: 'indirect' as const, text: 'the harbour would hire more pilots before winter' };
    const first = mergeExtracted(store, article('a.txt'), [found({ ...reported, verb: 'promised' })]).store;
    const id = statementId('amara-okafor', reported.text);
    expect(byId(first, id)?.verb).toBe('promised');

    const again = mergeExtracted(first, article('a.txt'), [found({ ...reported, verb: 'promised' })]);
    expect(again.counts).toMatchObject({ unchanged: 1, updated: 0 });
    expect(byId(again.store, id)).toBe(byId(first, id));

    const withoutVerb = mergeExtracted(first, article('a.txt'), [found({ ...reported, verb: null })]);
    expect(withoutVerb.counts).toMatchObject({ updated: 1 });
    expect(byId(withoutVerb.store, id)).not.toHaveProperty('verb');
  });
});
