// Test fixtures for the analysis: a small registry (test/fixtures/analyze) and a statement builder.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseStances, type StanceLexicon } from '../../src/analyze/stances.js';
import { classifyThemes, parseThemeTaxonomy } from '../../src/extract/themes.js';
import type { EffectiveStatement, IsoDate, Registry, SourceRef, Speaker } from '../../src/types.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'analyze');
export const REPO_STATEMENTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'statements');

export function fixtureRegistry(): Registry {
  const taxonomy = parseThemeTaxonomy(readFileSync(join(FIXTURES, 'themes.yaml'), 'utf8'), 'themes.yaml');
  const { speakers } = JSON.parse(readFileSync(join(FIXTURES, 'speakers.json'), 'utf8')) as { speakers: Speaker[] };
  return { speakers, themes: taxonomy.themes, themeThreshold: taxonomy.threshold };
}

export function fixtureStances(registry: Registry): StanceLexicon {
  return parseStances(readFileSync(join(FIXTURES, 'stances.yaml'), 'utf8'), 'stances.yaml', registry.themes);
}

export function source(file: string, outlet: string | null, published: IsoDate | null): SourceRef {
  return { file, outlet, title: `Title of ${file}`, url: null, published, start: 0, end: 10 };
}

let counter = 0;

/** An effective statement as the store would hand it over, themes tagged by the classifier. */
export function statement(
  registry: Registry,
  speakerId: string,
  date: IsoDate | null,
  text: string,
  sources: SourceRef[] = [source(`${speakerId}-${date ?? 'undated'}.txt`, 'Daily Ledger', date)],
  id?: string,
): EffectiveStatement {
  const speakerInfo = registry.speakers.find((speaker) => speaker.id === speakerId);
  if (!speakerInfo) throw new Error(`no speaker ${speakerId} in the fixture registry`);
  counter += 1;
  return {
    id: id ?? `s${String(counter).padStart(3, '0')}`,
    speaker: speakerId,
    voice: null,
    kind: 'indirect',
    text,
    date,
    dateBasis: date === null ? 'published' : 'explicit',
    themes: classifyThemes(text, registry.themes, registry.themeThreshold).map((match) => match.themeId),
    sources,
    speakerInfo,
    reviewed: false,
  };
}
