// Template and HTML behaviour without a browser: sections, escaping, charts, theme folders, errors.
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportError } from '../../src/errors.js';
import { cssString } from '../../src/render/helpers.js';
import { formatDate, formatPeriod, formatTimestamp } from '../../src/render/format.js';
import { DEFAULT_THEME_DIR, renderHtml } from '../../src/render/index.js';
import { fixtureAnalysis } from '../fixtures/render/analysis.js';
import { hostileAnalysis, IMG_PAYLOAD, JS_URL, SCRIPT_PAYLOAD } from '../fixtures/render/hostile.js';
import { all, byClass, byTag, parse, text } from './dom.js';

const SECTION_ORDER = ['cover', 'summary', 'contents', 'timeline', 'speakers', 'themes', 'matrix', 'shifts', 'foreign', 'method', 'sources', 'undated'];

function themeDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-theme-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

async function renderError(promise: Promise<unknown>): Promise<ReportError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReportError);
  return error as ReportError;
}

describe('formatting', () => {
  it('writes dates, periods and timestamps the way a briefing reads', () => {
    expect(formatDate('2024-08-27')).toBe('27 Aug 2024');
    expect(formatDate(null)).toBe('undated');
    expect(formatPeriod({ from: '2024-08-01', to: '2024-11-30' })).toBe('1 Aug – 30 Nov 2024');
    expect(formatPeriod({ from: '2023-12-01', to: '2024-01-31' })).toBe('1 Dec 2023 – 31 Jan 2024');
    expect(formatPeriod({ from: '2024-11-01', to: '2024-11-30' })).toBe('1–30 Nov 2024');
    expect(formatTimestamp('2024-12-01T09:30:00+05:00')).toBe('1 Dec 2024, 09:30 UTC+05:00');
    expect(formatTimestamp('2024-12-01T09:30:00Z')).toBe('1 Dec 2024, 09:30 UTC');
  });

  it('makes CSS strings that cannot leave a <style> element', () => {
    const css = cssString('a"b\\c</style><script>');
    expect(css).not.toMatch(/<|"b|\\c/);
    expect(css.startsWith('"') && css.endsWith('"')).toBe(true);
  });
});

describe('renderHtml with the default theme', () => {
  const analysis = fixtureAnalysis();

  it('has every section, in order, each a <section id>', async () => {
    const doc = parse(await renderHtml(analysis));
    const ids = all(doc, byTag('section')).map((el) => el.attribs.id);
    expect(ids).toEqual(SECTION_ORDER);
  });

  it('leaves the undated section out when nothing is undated', async () => {
    const rows = (await import('../fixtures/render/analysis.js')).ROWS.filter((row) => row.date !== null);
    const doc = parse(await renderHtml(fixtureAnalysis({ rows })));
    expect(all(doc, byTag('section')).map((el) => el.attribs.id)).toEqual(SECTION_ORDER.filter((id) => id !== 'undated'));
  });

  it('is self-contained and script-free: fonts inlined, no external URL, no <script>', async () => {
    const html = await renderHtml(analysis);
    expect(html).toContain('data:font/woff2;base64,');
    expect(html).toMatch(/font-family:'Inter'/);
    expect(html).toMatch(/font-family:'Source Serif 4'/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\ssrc="(?!data:)/i); // links to sources are fine; nothing is loaded
    expect(html).not.toMatch(/url\((?!data:)/); // CSS loads nothing but data: URLs
    const doc = parse(html);
    expect(all(doc, byTag('link'))).toHaveLength(0);
  });

  it('shows quotes as quotes and reported speech as labelled paraphrase, with speaker, role, date and citations', async () => {
    const doc = parse(await renderHtml(analysis));
    const timeline = all(doc, (el) => el.attribs.id === 'timeline')[0]!;
    const statements = all(timeline, byClass('statement'));
    const direct = statements.find((el) => text(el).includes('There will be no talks'.toLowerCase()) || text(el).includes('no talks with them'))!;
    expect(text(direct)).toContain('“Those who attacked travellers on the highway will be hunted down; there will be no talks with them.”');
    expect(text(direct)).toContain('Farah Qureshi');
    expect(text(direct)).toContain('Interior Minister');
    const reported = statements.find((el) => text(el).includes('clearance actions'))!;
    expect(all(reported, byClass('paraphrase'))).toHaveLength(1);
    expect(text(reported)).not.toContain('“security forces');
    expect(text(reported)).toContain('Reported');
    expect(text(reported)).toContain('Kamal Haider');
  });

  it('points every internal link at an element that exists', async () => {
    const doc = parse(await renderHtml(analysis));
    const ids = new Set(all(doc, (el) => el.attribs.id !== undefined).map((el) => el.attribs.id));
    const internal = all(doc, (el) => el.name === 'a' && (el.attribs.href ?? '').startsWith('#'));
    expect(internal.length).toBeGreaterThan(20);
    for (const link of internal) expect(ids.has(link.attribs.href!.slice(1)), link.attribs.href).toBe(true);
  });

  it('links every citation [n] to a numbered source entry that exists', async () => {
    const doc = parse(await renderHtml(analysis));
    const cites = all(doc, byClass('cite'));
    expect(cites.length).toBeGreaterThan(10);
    const entries = new Set(all(doc, (el) => /^source-\d+$/.test(el.attribs.id ?? '')).map((el) => el.attribs.id));
    expect(entries.size).toBe(analysis.sources.length);
    for (const cite of cites) {
      const n = /^\[(\d+)\]$/.exec(text(cite))?.[1];
      expect(n).toBeDefined();
      expect(cite.attribs.href).toBe(`#source-${n}`);
      expect(entries.has(`source-${n}`)).toBe(true);
    }
  });

  it('marks single-source statements and only those', async () => {
    const doc = parse(await renderHtml(analysis));
    const speakers = all(doc, (el) => el.attribs.id === 'speakers')[0]!;
    const statements = all(speakers, byClass('statement'));
    expect(statements).toHaveLength(analysis.statements.length);
    for (const el of statements) {
      const statement = analysis.statements.find((s) => el.attribs.id === `st-${s.id}`)!;
      expect(all(el, byClass('single')).length).toBe(statement.singleSource ? 1 : 0);
    }
  });

  it('draws one bar segment per speaker and week whose data-count matches the analysis, heights proportional', async () => {
    const doc = parse(await renderHtml(analysis));
    const weeks = all(doc, byClass('week'));
    expect(weeks).toHaveLength(analysis.weeks.length);
    let unit: number | null = null;
    for (const [i, week] of analysis.weeks.entries()) {
      const group = weeks[i]!;
      expect(group.attribs['data-week']).toBe(week.weekStart);
      const bars = all(group, byClass('bar'));
      const shown = Object.fromEntries(bars.map((bar) => [bar.attribs['data-speaker'], Number(bar.attribs['data-count'])]));
      expect(shown).toEqual(Object.fromEntries(Object.entries(week.bySpeaker).filter(([, n]) => n > 0)));
      const height = bars.reduce((sum, bar) => sum + Number(bar.attribs.height), 0);
      if (week.total > 0) {
        unit ??= height / week.total;
        expect(height / week.total).toBeCloseTo(unit, 0);
      }
    }
    const svg = all(doc, byClass('chart-weeks'))[0]!;
    expect(Number(svg.attribs['data-total'])).toBe(analysis.weeks.reduce((sum, w) => sum + w.total, 0));
    expect(all(svg, byTag('title'))[0] && text(all(svg, byTag('title'))[0]!)).toMatch(/n = 15/);
  });

  it('fills the speaker × theme matrix with the counts', async () => {
    const doc = parse(await renderHtml(analysis));
    const cells = all(doc, byClass('cell'));
    expect(cells).toHaveLength(analysis.matrix.speakers.length * analysis.matrix.themes.length);
    for (const cell of cells) {
      const i = analysis.matrix.speakers.findIndex((s) => s.id === cell.attribs['data-speaker']);
      const j = analysis.matrix.themes.findIndex((t) => t.id === cell.attribs['data-theme']);
      expect(Number(cell.attribs['data-count'])).toBe(analysis.matrix.counts[i]![j]);
      expect(text(cell)).toBe(String(analysis.matrix.counts[i]![j]));
    }
  });

  it('shows the shift side by side, and "no shift detected" when there is none', async () => {
    const doc = parse(await renderHtml(analysis));
    const shift = all(doc, byClass('shift'))[0]!;
    expect(text(shift)).toContain('against a major operation');
    expect(text(shift)).toContain('for a comprehensive operation');
    expect(all(shift, byClass('shift-side'))).toHaveLength(2);
    const none = await renderHtml(fixtureAnalysis({ withShift: false }));
    expect(none).toContain('No shift detected');
  });

  it('shows why a statement is filed under a theme (its matched cues)', async () => {
    const doc = parse(await renderHtml(analysis));
    const section = all(doc, (el) => el.attribs.id === 'theme-foreign-nationals')[0]!;
    expect(text(section)).toMatch(/Filed here for:\s*foreign workers,\s*projects/);
  });
});

describe('escaping of article-derived text', () => {
  it('renders scripts, event handlers and javascript: links from the data as text', async () => {
    const html = await renderHtml(hostileAnalysis());
    const doc = parse(html);
    expect(all(doc, byTag('script'))).toHaveLength(0);
    expect(all(doc, byTag('img'))).toHaveLength(0);
    expect(all(doc, (el) => Object.keys(el.attribs).some((name) => name.startsWith('on')))).toHaveLength(0);
    expect(all(doc, (el) => /^\s*javascript:/i.test(el.attribs.href ?? ''))).toHaveLength(0);
    // The words are still there for the reader.
    const body = text(all(doc, byTag('body'))[0]!);
    expect(body).toContain(SCRIPT_PAYLOAD);
    expect(body).toContain(IMG_PAYLOAD);
    expect(body).toContain(JS_URL);
    // The title cannot close the <style> element it is written into.
    const styles = all(doc, byTag('style'));
    expect(styles).toHaveLength(2);
    expect(text(styles[1]!)).not.toContain('</style>');
  });

  it('never uses triple-stash in the default theme', () => {
    const files = [join(DEFAULT_THEME_DIR, 'briefing.hbs'), ...readdirSync(join(DEFAULT_THEME_DIR, 'partials')).map((f) => join(DEFAULT_THEME_DIR, 'partials', f))];
    for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toContain('{{{');
  });
});

describe('theme folders', () => {
  const analysis = fixtureAnalysis();

  it('takes a user file where present and the default elsewhere', async () => {
    const dir = themeDir({
      'style.css': 'body { color: rebeccapurple }',
      'partials/method.hbs': '<section id="method"><h2>How we worked</h2><p>Custom method for {{periodLabel}}.</p></section>',
    });
    const html = await renderHtml(analysis, { templateDir: dir });
    expect(html).toContain('color: rebeccapurple');
    expect(html).not.toContain('--accent: #1f4e8c');
    expect(html).toContain('Custom method for 1 Aug – 30 Nov 2024.');
    expect(html).toContain('id="timeline"'); // default partial still used
  });

  it('reports a syntax error as FILE:LINE:COLUMN', async () => {
    const dir = themeDir({ 'partials/summary.hbs': '<section id="summary">\n  <h2>{{title}</h2>\n</section>\n' });
    const error = await renderError(renderHtml(analysis, { templateDir: dir }));
    expect(error.kind).toBe('input');
    expect(error.message).toMatch(new RegExp(`${join(dir, 'partials', 'summary.hbs').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:\\d+: syntax error`));
    expect(error.message.split('\n')).toHaveLength(1);
  });

  it('reports a block mismatch with its line', async () => {
    const dir = themeDir({ 'partials/cover.hbs': '<section id="cover">\n{{#if title}}\n<h1>{{title}}</h1>\n{{/each}}\n</section>' });
    const error = await renderError(renderHtml(analysis, { templateDir: dir }));
    expect(error.message).toMatch(/partials\/cover\.hbs:2:\d+: if doesn't match each/);
  });

  it('reports a missing partial with the partials that exist', async () => {
    const dir = themeDir({ 'partials/summary.hbs': '<section id="summary">\n{{> keyFacts}}\n</section>' });
    const error = await renderError(renderHtml(analysis, { templateDir: dir }));
    expect(error.kind).toBe('input');
    expect(error.message).toMatch(/partials\/summary\.hbs:2:1: partial "keyFacts" not found \(available: .*cover.*timeline/);
  });

  it('names the helper and the template when a helper fails', async () => {
    const dir = themeDir({ 'partials/cover.hbs': '<section id="cover">\n  <p>{{date counts}}</p>\n</section>' });
    const error = await renderError(renderHtml(analysis, { templateDir: dir }));
    expect(error.kind).toBe('input');
    expect(error.message).toMatch(/partials\/cover\.hbs:2:6: helper "date" failed: expected a YYYY-MM-DD date, got an object/);
  });

  it('names an unknown helper', async () => {
    const dir = themeDir({ 'briefing.hbs': '<html><body>\n{{shout title}}\n</body></html>' });
    const error = await renderError(renderHtml(analysis, { templateDir: dir }));
    expect(error.message).toMatch(/briefing\.hbs:2:1: unknown helper "shout" \(available: date, /);
  });

  it('rejects a template folder that does not exist', async () => {
    const error = await renderError(renderHtml(analysis, { templateDir: '/nonexistent/theme' }));
    expect(error.kind).toBe('usage');
    expect(error.message).toMatch(/^--template \/nonexistent\/theme: not a folder/);
  });
});
