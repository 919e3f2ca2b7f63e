// The PDF rendered for real through Chromium, read back with pdfjs-dist.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ReportError } from '../../src/errors.js';
import {
  browserPidsForTests,
  browserProfilesForTests,
  findChromium,
  renderBriefing,
  renderHtml,
  withBrowser,
} from '../../src/render/index.js';
import { fixtureAnalysis } from '../fixtures/render/analysis.js';
import { hostileAnalysis, SCRIPT_PAYLOAD } from '../fixtures/render/hostile.js';

interface PageText {
  text: string;
  /** Text items with their font size (from the text matrix). */
  items: { str: string; size: number }[];
}

async function readPdf(bytes: Uint8Array): Promise<{ pages: PageText[]; info: Record<string, unknown> }> {
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  const pages: PageText[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    const items = content.items.flatMap((item) => ('str' in item ? [{ str: item.str, size: Math.hypot(item.transform[0], item.transform[1]) }] : []));
    pages.push({ text: items.map((item) => item.str).join(' ').replace(/\s+/g, ' '), items });
  }
  const info = ((await doc.getMetadata()).info ?? {}) as Record<string, unknown>;
  await doc.destroy();
  return { pages, info };
}

/** Chromium processes whose command line names one of our temporary profiles. */
function survivingChromium(profiles: string[]): string[] {
  return profiles.flatMap((profile) => {
    try {
      return execFileSync('pgrep', ['-f', profile], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
    } catch {
      return []; // pgrep exits 1 when nothing matches
    }
  });
}

/** Profiles named report-chromium-* in the temp folder right now (those of open browsers). */
const profilesNow = (): string[] =>
  readdirSync(tmpdir())
    .filter((name) => name.startsWith('report-chromium-'))
    .map((name) => join(tmpdir(), name));

const analysis = fixtureAnalysis();
let outDir: string;
let result: Awaited<ReturnType<typeof renderBriefing>>;
let pdf: { pages: PageText[]; info: Record<string, unknown> };

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'report-render-'));
  result = await renderBriefing(analysis, { outDir, fileStem: 'briefing' });
  pdf = await readPdf(new Uint8Array(readFileSync(result.pdf!)));
});

afterAll(() => {
  expect(browserPidsForTests()).toEqual([]);
});

describe('the PDF briefing', () => {
  it('writes both files and reports the page count', () => {
    expect(result.html).toBe(join(outDir, 'briefing.html'));
    expect(result.pdf).toBe(join(outDir, 'briefing.pdf'));
    expect(result.pages).toBe(pdf.pages.length);
    expect(result.warnings).toEqual([]);
    expect(readdirSync(outDir).sort()).toEqual(['briefing.html', 'briefing.pdf']);
  });

  it('contains the section titles in order', () => {
    const all = pdf.pages.slice(2).map((p) => p.text).join(' ');
    const titles = ['Timeline', 'Speakers', 'Themes', 'Who speaks on what', 'Position shifts', 'Foreign governments', 'Method and limits', 'Sources', 'Undated statements'];
    // Headings are set larger than body text: find each as a heading, in page order.
    const headingPages = titles.map((title) => pdf.pages.findIndex((page, i) => i > 1 && page.items.some((item) => item.str === title && item.size >= 14)));
    expect(headingPages.every((page) => page > 1)).toBe(true);
    expect([...headingPages].sort((a, b) => a - b)).toEqual(headingPages);
    expect(all).toContain('Key statements');
  });

  it('contains quotes, speaker names and the period on the cover', () => {
    const text = pdf.pages.map((p) => p.text).join(' ');
    expect(pdf.pages[0]!.text).toContain('1 Aug – 30 Nov 2024');
    expect(pdf.pages[0]!.text).toContain('Generated 1 Dec 2024, 09:30 UTC+05:00');
    for (const name of ['Farah Qureshi', 'Tariq Mengal', 'Kamal Haider', 'China', 'United States']) expect(text).toContain(name);
    expect(text).toContain('“We condemn this horrific attack and stand with the people of Pakistan.”');
  });

  it('numbers pages "Page X of N" after the cover, which has no header', () => {
    const n = pdf.pages.length;
    expect(pdf.pages[0]!.text).not.toMatch(/Page \d+ of/);
    for (let i = 1; i < n; i++) {
      expect(pdf.pages[i]!.text).toContain(`Page ${i + 1} of ${n}`);
      expect(pdf.pages[i]!.text).toContain('1 Aug – 30 Nov 2024');
    }
  });

  it('gives each contents entry the page its section actually starts on', () => {
    const html = readFileSync(result.html, 'utf8');
    const entries = [...html.matchAll(/<a href="#([a-z]+)"><span class="toc-title">([^<]+)<\/span><span class="toc-leader" aria-hidden="true"><\/span><span class="toc-page"><span data-toc-page="\1">(\d+)<\/span><\/span>/g)];
    expect(entries.length).toBe(10);
    for (const [, , title, page] of entries) {
      const heading = title === 'Key judgements' ? 'Key judgements' : title!;
      const actual = pdf.pages.findIndex((p) => p.items.some((item) => item.str === heading && item.size >= 14)) + 1;
      expect(`${title}: ${actual}`).toBe(`${title}: ${page}`);
    }
  });

  it('prints citations that resolve to numbered source entries', () => {
    const text = pdf.pages.map((p) => p.text).join(' ');
    const cited = new Set([...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
    expect(cited.size).toBeGreaterThan(5);
    const sourcesPage = pdf.pages.find((p) => p.items.some((item) => item.str === 'Sources' && item.size >= 14))!;
    for (const n of cited) {
      const entry = analysis.sources.find((s) => s.number === n)!;
      expect(entry).toBeDefined();
      expect(sourcesPage.text).toContain(entry.outlet!);
    }
  });

  it.skipIf(spawnSync('pdffonts', ['-v']).error !== undefined)('embeds only the fonts we ship (no system fallback)', () => {
    const listing = execFileSync('pdffonts', [result.pdf!], { encoding: 'utf8' });
    const names = listing.split('\n').slice(2).filter(Boolean).map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^(Inter|SourceSerif4)-/);
  });

  it('sets the document information', () => {
    expect(pdf.info.Title).toBe('Balochistan security statements');
    expect(pdf.info.Subject).toBe('Statements 1 Aug – 30 Nov 2024');
    expect(String(pdf.info.Keywords)).toContain('Military operation');
    expect(pdf.info.Creator).toMatch(/balochistan-briefing/);
  });
});

describe('the browser', () => {
  it('makes no request for hostile article text and shows it as text', async () => {
    const html = await renderHtml(hostileAnalysis());
    const blocked: string[] = [];
    const bytes = await withBrowser(async (session) => {
      const out = await session.renderPdf(html, { title: 't', subject: 's', onBlockedRequest: (url) => blocked.push(url) });
      expect(session.blockedRequests).toEqual([]);
      return out;
    });
    expect(blocked).toEqual([]);
    const text = (await readPdf(bytes)).pages.map((p) => p.text).join(' ');
    expect(text.replace(/\s+/g, '')).toContain(SCRIPT_PAYLOAD.replace(/\s+/g, ''));
  });

  it('blocks and counts requests a template makes (no network at all)', async () => {
    const html = '<!doctype html><html><head><title>x</title><link rel="stylesheet" href="https://fonts.example.com/a.css"></head>' +
      '<body><p>Hello</p><img src="https://tracker.example.com/pixel.png"><img src="other.png"></body></html>';
    const blocked = await withBrowser(async (session) => {
      await session.renderPdf(html, { title: 't', subject: 's' });
      return [...session.blockedRequests];
    });
    expect(blocked).toEqual(expect.arrayContaining(['https://fonts.example.com/a.css', 'https://tracker.example.com/pixel.png']));
    expect(blocked.some((url) => url.endsWith('/other.png'))).toBe(true);
  });

  it('rejects a bogus explicit browser path', () => {
    expect(() => findChromium('/nonexistent/chromium')).toThrow(ReportError);
    expect(() => findChromium('/nonexistent/chromium')).toThrow(/--chromium \/nonexistent\/chromium: no such browser executable; no Chromium or Chrome found/);
  });

  it('finds the system Chromium', () => {
    const previous = { p: process.env.PUPPETEER_EXECUTABLE_PATH, c: process.env.CHROME_PATH };
    delete process.env.PUPPETEER_EXECUTABLE_PATH;
    delete process.env.CHROME_PATH;
    try {
      expect(existsSync(findChromium())).toBe(true);
    } finally {
      if (previous.p !== undefined) process.env.PUPPETEER_EXECUTABLE_PATH = previous.p;
      if (previous.c !== undefined) process.env.CHROME_PATH = previous.c;
    }
  });

  it('leaves no Chromium behind when the work inside the browser fails', async () => {
    let profiles: string[] = [];
    const error = await withBrowser(async () => {
      profiles = browserProfilesForTests();
      expect(survivingChromium(profiles).length).toBeGreaterThan(0); // the check can see a live browser
      throw new Error('boom mid-render');
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe('boom mid-render');
    expect(profiles).toHaveLength(1);
    expect(survivingChromium(profiles)).toEqual([]);
    expect(existsSync(profiles[0]!)).toBe(false);
    expect(browserPidsForTests()).toEqual([]);
  });

  it('leaves no Chromium behind when a template helper throws during renderBriefing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-theme-'));
    writeFileSync(join(dir, 'briefing.hbs'), '<html><body>{{pluralize title "x"}}</body></html>');
    const before = profilesNow();
    const error = await renderBriefing(analysis, { outDir: mkdtempSync(join(tmpdir(), 'report-out-')), fileStem: 'b', templateDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).message).toMatch(/briefing\.hbs:1:\d+: helper "pluralize" failed/);
    expect(profilesNow().filter((p) => !before.includes(p))).toEqual([]);
    expect(browserPidsForTests()).toEqual([]);
  });

  it('reports a browser that cannot start, and leaves nothing behind', async () => {
    const fake = join(mkdtempSync(join(tmpdir(), 'report-fake-')), 'chromium');
    writeFileSync(fake, '#!/bin/sh\nexit 3\n', { mode: 0o755 });
    const before = profilesNow();
    const error = await renderBriefing(analysis, { outDir: mkdtempSync(join(tmpdir(), 'report-out-')), fileStem: 'b', chromiumPath: fake }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).kind).toBe('environment');
    expect((error as ReportError).message).toContain(`could not start ${fake}`);
    expect(profilesNow().filter((p) => !before.includes(p))).toEqual([]);
  });

  it('gives up on a browser that does not answer, with a clear message', async () => {
    const fake = join(mkdtempSync(join(tmpdir(), 'report-fake-')), 'chromium');
    writeFileSync(fake, '#!/bin/sh\nwhile :; do sleep 1; done\n', { mode: 0o755 });
    const error = await withBrowser(async () => 'never', { chromiumPath: fake, timeoutMs: 1500 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).message).toMatch(/^Chromium did not respond within 2 s while starting/);
    expect(survivingChromium([fake])).toEqual([]);
  });
});
