import { describe, expect, it } from 'vitest';
import { ReportError } from '../../src/errors.js';
import { effectiveStatements, filterStatements, loadStore, resolveSpeaker, resolveTheme } from '../../src/store/index.js';
import { copyStore } from './helpers.js';

describe('effectiveStatements', () => {
  it('applies reviews, drops rejected statements and resolves speakers', async () => {
    const effective = effectiveStatements(await loadStore(copyStore()));
    expect(effective.map((statement) => statement.id).sort()).toEqual(['st-aaaaaaaaaa', 'st-cccccccccc', 'st-dddddddddd']);
    const corrected = effective.find((statement) => statement.id === 'st-cccccccccc');
    expect(corrected).toMatchObject({ speaker: 'amara-okafor', date: '2024-09-04', themes: ['harbours'], reviewed: true });
    expect(corrected?.speakerInfo.name).toBe('Amara Okafor');
    expect(effective.find((statement) => statement.id === 'st-aaaaaaaaaa')?.reviewed).toBe(false);
  });
});

describe('filterStatements', () => {
  it('filters by inclusive date range, speaker and theme; undated kept unless asked', async () => {
    const effective = effectiveStatements(await loadStore(copyStore()));
    const ids = (list: { id: string }[]) => list.map((statement) => statement.id).sort();
    expect(ids(filterStatements(effective, { from: '2024-08-02', to: '2024-09-04' }))).toEqual([
      'st-aaaaaaaaaa',
      'st-cccccccccc',
      'st-dddddddddd',
    ]);
    expect(ids(filterStatements(effective, { from: '2024-08-03', to: '2024-09-03', includeUndated: false }))).toEqual([]);
    expect(ids(filterStatements(effective, { speakers: ['north-republic'] }))).toEqual([]);
    expect(ids(filterStatements(effective, { themes: ['harbours'], includeUndated: false }))).toEqual(['st-aaaaaaaaaa', 'st-cccccccccc']);
  });
});

describe('resolveSpeaker and resolveTheme', () => {
  it('finds speakers by id, name, alias or role alias, ignoring case and accents', async () => {
    const { registry } = await loadStore(copyStore());
    for (const query of ['amara-okafor', 'AMARA OKAFOR', 'Amara Okafor', 'amara okafor', 'okafor', 'The Harbour Minister']) {
      expect(resolveSpeaker(registry, query).id).toBe('amara-okafor');
    }
    expect(resolveSpeaker(registry, 'northport').id).toBe('north-republic');
  });

  it('suggests the closest name for an unknown speaker', async () => {
    const { registry } = await loadStore(copyStore());
    let error: unknown;
    try {
      resolveSpeaker(registry, 'Amara Okafro');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).kind).toBe('usage');
    expect((error as ReportError).message).toBe(
      '--speaker "Amara Okafro": unknown speaker; did you mean "Amara Okafor"? (see statements/speakers.yaml)',
    );
  });

  it('finds themes by id or label and suggests for unknown ones', async () => {
    const { registry } = await loadStore(copyStore());
    expect(resolveTheme(registry, 'Weather Warnings').id).toBe('weather');
    expect(() => resolveTheme(registry, 'harbor')).toThrow('--theme "harbor": unknown theme; did you mean "harbours"? (see statements/themes.yaml)');
  });
});
