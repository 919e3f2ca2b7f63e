// How a briefing is printed: a layout-only print to learn where sections land, numbers corrected in the
// loaded document, and the fallback to loading the HTML again when a template shows more than numbers.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browserPidsForTests, DEFAULT_THEME_DIR, renderBriefing, withBrowser } from '../../src/render/index.js';
import { readLayout, readPageTexts } from '../../src/render/pdf-pages.js';
import { fixtureAnalysis } from '../fixtures/render/analysis.js';

const meta = { title: 'Passes', subject: 'test' };
const paragraph = (n: number) => `<p>${'Words that fill a page of print, one after another. '.repeat(40)} (${n})</p>`;
const sections = ['alpha', 'beta', 'gamma'];
const longDocument =
  '<!doctype html><html><head><title>Passes</title><style>@page { size: A4; margin: 20mm } section { break-before: page }</style></head><body>' +
  `<nav>${sections.map((id) => `<a href="#${id}">${id}</a>`).join(' ')}</nav>` +
  sections.map((id, i) => `<section id="${id}"><h2>${id}</h2>${Array.from({ length: 3 + i * 2 }, (_, n) => paragraph(n)).join('')}</section>`).join('') +
  '</body></html>';

afterAll(() => {
  expect(browserPidsForTests()).toEqual([]);
});

describe('a layout-only print', () => {
  it('breaks the pages exactly as the full print does, paints no text, and leaves the document as it was', async () => {
    const [layoutOnly, full] = await withBrowser(async (session) => {
      await session.load(longDocument);
      const quick = await session.print({ ...meta, layoutOnly: true });
      return [quick, await session.print(meta)] as const;
    });
    const quickLayout = await readLayout(layoutOnly, sections);
    const fullLayout = await readLayout(full, sections);
    expect(fullLayout.pages).toBeGreaterThan(5);
    expect(Object.keys(fullLayout.starts)).toEqual(sections);
    expect(quickLayout).toEqual(fullLayout);
    expect((await readPageTexts(layoutOnly)).every((text) => text.trim() === '')).toBe(true);
    // The full print after it still shows everything: the hiding style was removed.
    const texts = await readPageTexts(full);
    expect(texts[0]).toContain('alpha');
    expect(texts.at(-1)).toContain('Words that fill a page');
    expect(layoutOnly.length).toBeLessThan(full.length / 2);
  });
});

describe('setTexts', () => {
  it('changes the marked elements of the loaded document, as text, and nothing else', async () => {
    const html =
      '<!doctype html><html><head><title>t</title></head><body>' +
      '<p>First <span data-mark="a">old</span>, second <span data-mark="b">kept</span>, third <span data-mark="c">old</span>.</p></body></html>';
    const pdf = await withBrowser(async (session) => {
      await session.load(html);
      await session.setTexts('data-mark', { a: '12', c: '<img src="https://example.com/x.png">' });
      const printed = await session.print(meta);
      expect(session.blockedRequests).toEqual([]);
      return printed;
    });
    // readPageTexts joins text runs with spaces: compare without them.
    const text = (await readPageTexts(pdf)).join('').replace(/\s+/g, '');
    expect(text).toContain('First12,secondkept,third<imgsrc="https://example.com/x.png">.');
  });
});

describe('a briefing printed into a new folder', () => {
  const analysis = fixtureAnalysis();

  /** The page each contents entry names, and the page where that section's heading is set. */
  async function contentsAgainstPages(htmlPath: string, pdfPath: string): Promise<{ named: string[]; actual: string[] }> {
    const html = readFileSync(htmlPath, 'utf8');
    const entries = [...html.matchAll(/<a href="#([a-z]+)">.*?<span data-toc-page="\1">(\d*)<\/span>/g)];
    const layout = await readLayout(new Uint8Array(readFileSync(pdfPath)), entries.map(([, id]) => id!));
    return {
      named: entries.map(([, id, page]) => `${id}: ${page}`),
      actual: entries.map(([, id]) => `${id}: ${layout.starts[id!] ?? 'none'}`),
    };
  }

  it('gets the contents right with the numbers corrected in place', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'report-passes-'));
    const result = await renderBriefing(analysis, { outDir, fileStem: 'b' });
    const { named, actual } = await contentsAgainstPages(result.html, result.pdf!);
    expect(named.length).toBe(10);
    expect(named).toEqual(actual);
    expect(result.warnings).toEqual([]);
  });

  it('gets them right too when the template shows more than the numbers (the HTML is loaded again)', async () => {
    // A contents page that says "numbers pending" until it has them: the first and final HTML differ
    // beyond the numbers, so correcting them in place would leave "pending" in the PDF.
    const templateDir = mkdtempSync(join(tmpdir(), 'report-passes-theme-'));
    cpSync(DEFAULT_THEME_DIR, templateDir, { recursive: true });
    const contents = join(templateDir, 'partials', 'contents.hbs');
    writeFileSync(contents, readFileSync(contents, 'utf8').replace('<ol class="toc">', '{{#unless hasPageNumbers}}<p>numbers pending</p>{{/unless}}<ol class="toc">'));
    const outDir = mkdtempSync(join(tmpdir(), 'report-passes-'));
    const result = await renderBriefing(analysis, { outDir, fileStem: 'b', templateDir });
    const { named, actual } = await contentsAgainstPages(result.html, result.pdf!);
    expect(named).toEqual(actual);
    expect(readFileSync(result.html, 'utf8')).not.toContain('numbers pending');
    expect((await readPageTexts(new Uint8Array(readFileSync(result.pdf!)))).join(' ')).not.toContain('numbers pending');
  });
});
