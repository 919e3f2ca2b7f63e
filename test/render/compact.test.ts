// The compact layout of large briefings: the themes and foreign-government sections list each statement
// as a one-line cross-reference to its full entry under the speaker. HTML read back without a browser;
// the PDF of a briefing at the default threshold rendered for real and read back with pdfjs-dist.
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { ReportError } from '../../src/errors.js';
import { firstWords } from '../../src/render/helpers.js';
import { briefingLayout, DEFAULT_COMPACT_FROM } from '../../src/render/html.js';
import { renderBriefing, renderHtml } from '../../src/render/index.js';
import { formatDate } from '../../src/render/format.js';
import { fixtureAnalysis } from '../fixtures/render/analysis.js';
import { largeAnalysis } from '../fixtures/render/large.js';
import { all, byClass, byTag, parse, text, type Element } from './dom.js';

const sectionOf = (doc: ReturnType<typeof parse>, id: string): Element => all(doc, (el) => el.name === 'section' && el.attribs.id === id)[0]!;

describe('firstWords', () => {
  it('keeps short texts whole and cuts long ones at a word, marking the cut', () => {
    expect(firstWords('  We will  not talk. ', 12)).toBe('We will not talk.');
    expect(firstWords('one two three four five', 3)).toBe('one two three…');
    expect(firstWords('first, second, third', 1)).toBe('first…');
    expect(firstWords('a b c d', 4)).toBe('a b c d');
  });
});

describe('briefingLayout', () => {
  const analysis = fixtureAnalysis();
  const n = analysis.counts.statements;

  it('is compact from the given statement count on', () => {
    expect(briefingLayout(analysis, { compactFrom: n }).compact).toBe(true);
    expect(briefingLayout(analysis, { compactFrom: n + 1 }).compact).toBe(false);
    expect(briefingLayout(analysis, { compactFrom: 0 }).compact).toBe(true);
    expect(briefingLayout(analysis, { compactFrom: Infinity }).compact).toBe(false);
  });

  it('defaults to DEFAULT_COMPACT_FROM, which leaves a small briefing in full', () => {
    expect(briefingLayout(analysis)).toMatchObject({ compact: false, compactFrom: DEFAULT_COMPACT_FROM });
    expect(briefingLayout(largeAnalysis()).compact).toBe(true);
  });

  it('rejects a negative or missing threshold, naming it', () => {
    for (const bad of [-1, Number.NaN]) {
      const error = (() => {
        try {
          briefingLayout(analysis, { compactFrom: bad });
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(ReportError);
      expect((error as ReportError).message).toMatch(/^compactFrom /);
    }
  });
});

describe('renderHtml in the compact layout', () => {
  const analysis = fixtureAnalysis();

  it('prints each statement in full under its speaker only, and as a cross-reference under each of its themes', async () => {
    const doc = parse(await renderHtml(analysis, { compactFrom: 0 }));
    const speakers = sectionOf(doc, 'speakers');
    expect(all(speakers, byClass('statement'))).toHaveLength(analysis.statements.length);
    expect(all(speakers, byClass('xref'))).toHaveLength(0);

    const themes = sectionOf(doc, 'themes');
    expect(all(themes, byClass('statement'))).toHaveLength(0);
    for (const section of analysis.themes) {
      const article = all(themes, (el) => el.attribs.id === `theme-${section.theme.id}`)[0]!;
      const expected = section.bySpeaker.flatMap((entry) => entry.statements.map((s) => `#st-${s.id}`));
      const links = all(article, byClass('xref')).map((li) => all(li, byTag('a'))[0]!.attribs.href);
      expect(links).toEqual(expected);
      // Still grouped under the speakers' names.
      expect(all(article, byTag('h4')).map(text)).toEqual(section.bySpeaker.map((entry) => entry.speaker.name));
    }
  });

  it('links every cross-reference to the full entry inside the speakers section', async () => {
    const doc = parse(await renderHtml(analysis, { compactFrom: 0 }));
    const entries = new Set(all(sectionOf(doc, 'speakers'), byClass('statement')).map((el) => el.attribs.id));
    const xrefs = all(doc, byClass('xref'));
    expect(xrefs.length).toBeGreaterThan(analysis.statements.length);
    for (const li of xrefs) expect(entries.has(all(li, byTag('a'))[0]!.attribs.href!.slice(1))).toBe(true);
  });

  it('shows the date and the first words, quotes in quotation marks, reported speech with its verb', async () => {
    const doc = parse(await renderHtml(analysis, { compactFrom: 0 }));
    const themes = sectionOf(doc, 'themes');
    const rowOf = (id: string): string => text(all(themes, (el) => el.name === 'a' && el.attribs.href === `#st-${id}`)[0]!.parent as Element);
    const quote = analysis.statements.find((s) => s.id === 's01')!;
    expect(rowOf('s01')).toBe(`${formatDate(quote.date)}“${firstWords(quote.text, 12)}”`);
    expect(rowOf('s01')).toContain('…');
    expect(rowOf('s15')).toContain('the operation would be time-bound');
    expect(rowOf('s16')).toMatch(/^undated/);
    expect(text(themes)).not.toContain('Filed here for');
  });

  it('lists the foreign governments’ statements as cross-references too', async () => {
    const doc = parse(await renderHtml(analysis, { compactFrom: 0 }));
    const foreign = sectionOf(doc, 'foreign');
    expect(all(foreign, byClass('statement'))).toHaveLength(0);
    const expected = analysis.foreign.flatMap((profile) => profile.statements.map((s) => `#st-${s.id}`));
    expect(expected.length).toBeGreaterThan(0);
    expect(all(foreign, byClass('xref')).map((li) => all(li, byTag('a'))[0]!.attribs.href)).toEqual(expected);
  });

  it('lists the undated statements by speaker and first words', async () => {
    const doc = parse(await renderHtml(analysis, { compactFrom: 0 }));
    const undated = sectionOf(doc, 'undated');
    expect(all(undated, byClass('statement'))).toHaveLength(0);
    const rows = all(undated, byClass('xref'));
    expect(rows.map((li) => all(li, byTag('a'))[0]!.attribs.href)).toEqual(analysis.undated.map((s) => `#st-${s.id}`));
    const first = analysis.undated[0]!;
    expect(text(rows[0]!)).toBe(`${first.speakerInfo.name}“${firstWords(first.text, 12)}”`);
  });

  it('marks the body of a compact briefing (set without kerning) and only that', async () => {
    const bodyClass = async (compactFrom?: number) => all(parse(await renderHtml(analysis, { compactFrom })), byTag('body'))[0]!.attribs.class;
    expect(await bodyClass(0)).toBe('compact');
    expect(await bodyClass()).toBeUndefined();
  });

  it('keeps the full layout, with no cross-reference, below the threshold', async () => {
    const html = await renderHtml(analysis);
    expect(html).not.toContain('class="xref');
    const doc = parse(html);
    expect(all(sectionOf(doc, 'themes'), byClass('statement')).length).toBe(analysis.themes.reduce((n, t) => n + t.count, 0));
  });
});

// --- The PDF of a briefing at the default threshold ---------------------------------------------------

interface LinkAnnotation {
  subtype: string;
  dest?: string | unknown[] | null;
}

async function pageOfDest(doc: PDFDocumentProxy, dest: string | unknown[]): Promise<number> {
  const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
  return (await doc.getPageIndex(explicit![0] as { num: number; gen: number })) + 1;
}

describe('the PDF of a large (compact) briefing', () => {
  const analysis = largeAnalysis();
  let result: Awaited<ReturnType<typeof renderBriefing>>;
  let doc: PDFDocumentProxy;
  let pageTexts: { text: string; headings: string[] }[];

  beforeAll(async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'report-compact-'));
    result = await renderBriefing(analysis, { outDir, fileStem: 'briefing' });
    doc = await getDocument({ data: new Uint8Array(readFileSync(result.pdf!)), verbosity: 0 }).promise;
    pageTexts = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      const items = content.items.flatMap((item) => ('str' in item ? [item] : []));
      pageTexts.push({
        text: items.map((item) => item.str).join(' ').replace(/\s+/g, ' '),
        headings: items.filter((item) => Math.hypot(item.transform[0], item.transform[1]) >= 14).map((item) => item.str),
      });
    }
  }, 120_000);

  const headingPage = (title: string): number => pageTexts.findIndex((page) => page.headings.includes(title)) + 1;

  it('gives each contents entry the page its section actually starts on', () => {
    expect(result.warnings).toEqual([]);
    const html = readFileSync(result.html, 'utf8');
    const entries = [...html.matchAll(/<span class="toc-title">([^<]+)<\/span><span class="toc-leader" aria-hidden="true"><\/span><span class="toc-page"><span data-toc-page="[a-z]+">(\d+)<\/span>/g)];
    expect(entries.length).toBe(10);
    for (const [, title, page] of entries) expect(`${title}: ${headingPage(title!)}`).toBe(`${title}: ${page}`);
  });

  it('links the cross-references on the themes pages to pages of the speakers section', async () => {
    const speakers = headingPage('Speakers');
    const themes = headingPage('Themes');
    const matrix = headingPage('Who speaks on what');
    expect(speakers).toBeGreaterThan(0);
    expect(themes).toBeGreaterThan(speakers);
    // Chromium writes one link annotation per inline box of a link; count the distinct destinations.
    const destinations = new Set<string>();
    for (let page = themes; page < matrix; page++) {
      const annotations = (await (await doc.getPage(page)).getAnnotations()) as LinkAnnotation[];
      for (const link of annotations.filter((a) => a.subtype === 'Link' && a.dest)) {
        const target = await pageOfDest(doc, link.dest!);
        expect(target).toBeGreaterThanOrEqual(speakers);
        expect(target).toBeLessThan(themes);
        destinations.add(JSON.stringify(link.dest));
      }
    }
    const filed = new Set(analysis.themes.flatMap((t) => t.bySpeaker.flatMap((entry) => entry.statements.map((s) => s.id))));
    expect(destinations.size).toBe(filed.size);
    expect(pageTexts[themes - 1]!.text).toContain('Each statement is listed by date and first words');
  });

  it('keeps the document outline', async () => {
    const outline = (await doc.getOutline()) ?? [];
    const titles = JSON.stringify(outline.map(function flat(item: { title: string; items: unknown[] }): unknown {
      return [item.title, item.items.map((child) => flat(child as { title: string; items: unknown[] }))];
    }));
    for (const title of ['Speakers', 'Themes', 'Foreign governments', 'Sources']) expect(titles).toContain(title);
  });

  it('takes fewer pages than printing every statement again under each theme', () => {
    // The speakers section alone holds every statement in full; the themes section is now a fraction of it.
    const speakersPages = headingPage('Themes') - headingPage('Speakers');
    const themesPages = headingPage('Who speaks on what') - headingPage('Themes');
    expect(themesPages).toBeLessThan(speakersPages / 2);
  });
});
