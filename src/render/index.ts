// Public interface of the render stage: Analysis → HTML preview and PDF briefing, and the preview server.
import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { access, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Analysis } from '../analyze/types.js';
import { ReportError } from '../errors.js';
import { type BrowserSession, withBrowser } from './browser.js';
import { formatPeriod } from './format.js';
import he from 'he';
import { TOC_PAGE_ATTRIBUTE } from './helpers.js';
import { briefingSections, htmlRenderer, renderHtml } from './html.js';
import { type PdfLayout, readLayout } from './pdf-pages.js';

export { renderHtml, briefingSections } from './html.js';
export type { RenderHtmlOptions, SectionEntry } from './html.js';
export {
  browserPidsForTests,
  browserProfilesForTests,
  findChromium,
  renderPdf,
  withBrowser,
  withBrowserStarting,
} from './browser.js';
export type { BrowserOptions, BrowserSession, LoadOptions, PdfMetadata, PdfRenderOptions, PrintOptions } from './browser.js';
export { startPreviewServer } from './server.js';
export type { PreviewServer, PreviewServerOptions } from './server.js';
export { loadTheme, DEFAULT_THEME_DIR } from './theme.js';

export interface RenderBriefingOptions {
  outDir: string;
  /** Output file name without extension: writes `<fileStem>.html` and `<fileStem>.pdf`. */
  fileStem: string;
  templateDir?: string;
  /** Statement count from which the briefing is set compact (default DEFAULT_COMPACT_FROM). */
  compactFrom?: number;
  htmlOnly?: boolean;
  chromiumPath?: string;
  /** A browser already starting (withBrowserStarting); without it one is started here. */
  browser?: Promise<BrowserSession>;
}

export interface RenderBriefingResult {
  html: string;
  pdf: string | null;
  pages: number | null;
  warnings: string[];
}

/** Creates the output folder, or explains why it cannot be used. */
async function prepareOutDir(outDir: string): Promise<string> {
  const dir = resolve(outDir);
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new ReportError('usage', `--out ${outDir}: is a file, not a folder`);
  } catch (error) {
    if (error instanceof ReportError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') throw new ReportError('usage', `--out ${outDir}: a parent of this path is a file, not a folder`);
    if (code !== 'ENOENT') throw new ReportError('usage', `--out ${outDir}: cannot be used (${code ?? String(error)})`);
    try {
      await makeFolders(dir);
    } catch (mkdirError) {
      const mkdirCode = (mkdirError as NodeJS.ErrnoException).code;
      throw new ReportError('usage', `--out ${outDir}: cannot create the folder (${mkdirCode ?? String(mkdirError)})`);
    }
  }
  try {
    await access(dir, fsConstants.W_OK);
  } catch {
    throw new ReportError('usage', `--out ${outDir}: the folder is not writable`);
  }
  await removeStaleTemporaryFiles(dir);
  return dir;
}

/**
 * `mkdir -p` one level at a time. Node's own `mkdir(…, { recursive: true })` spins forever where a
 * parent exists but refuses children with ENOENT (under /proc, for one); here that is an error.
 */
async function makeFolders(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let current = dir; ; current = dirname(current)) {
    const exists = await stat(current).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    if (exists || dirname(current) === current) break;
    missing.unshift(current);
  }
  for (const folder of missing) await mkdir(folder);
}

/** Temporary files of earlier runs that were killed mid-write (their process is gone). */
async function removeStaleTemporaryFiles(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(/^\.report-(\d+)-[0-9a-f]+\.tmp$/.exec(name)?.[1] ?? NaN);
    if (!Number.isInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    await rm(join(dir, name), { force: true }).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Writes through a temporary file in the same folder and renames it, so a reader never sees half a file. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = resolve(path, '..');
  const temp = join(dir, `.report-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReportError('environment', `cannot write ${path}: ${code ?? String(error)}`, { cause: error });
  }
}

const sameStarts = (a: Record<string, number>, b: Record<string, number>): boolean =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([id, page]) => b[id] === page);

// The page numbers a briefing was printed with are kept in its HTML, so that the next run of the same
// briefing can try them first and, when they are still right, print once instead of twice.
const TOC_MARK = '<!-- report:toc-pages ';

function withTocMark(html: string, tocPages: Record<string, number>): string {
  return `${html}${html.endsWith('\n') ? '' : '\n'}${TOC_MARK}${JSON.stringify(tocPages)} -->\n`;
}

/** The page numbers recorded in an earlier briefing at `htmlPath`, or {} (absent, unreadable, foreign). */
async function previousTocPages(htmlPath: string): Promise<Record<string, number>> {
  let text: string;
  try {
    text = await readFile(htmlPath, 'utf8');
  } catch {
    return {};
  }
  const at = text.lastIndexOf(TOC_MARK);
  if (at < 0) return {};
  try {
    const parsed: unknown = JSON.parse(text.slice(at + TOC_MARK.length, text.indexOf(' -->', at)));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const entries = Object.entries(parsed).filter(([, page]) => Number.isInteger(page) && (page as number) > 0);
    return Object.fromEntries(entries) as Record<string, number>;
  } catch {
    return {};
  }
}

/** The page-number spans {{tocPage}} writes: id (as written in the HTML) → the number shown. */
const TOC_PAGE_SPAN = new RegExp(`<span ${TOC_PAGE_ATTRIBUTE}="([^"<>]*)">([^<]*)</span>`, 'g');

/** `html` with every {{tocPage}} number set from `pages` (empty where a section has no page). */
function fillTocPages(html: string, pages: Record<string, number>): string {
  return html.replace(TOC_PAGE_SPAN, (_span, id: string) => {
    const page = pages[he.decode(id)];
    return `<span ${TOC_PAGE_ATTRIBUTE}="${id}">${page === undefined ? '' : String(page)}</span>`;
  });
}

/** The texts BrowserSession.setTexts needs to turn the loaded document into fillTocPages(html, pages). */
function tocPageTexts(html: string, pages: Record<string, number>): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const match of html.matchAll(TOC_PAGE_SPAN)) {
    const id = he.decode(match[1] ?? '');
    texts[id] = pages[id] === undefined ? '' : String(pages[id]);
  }
  return texts;
}

/** At most this many prints per briefing (the layout of the contents page rarely moves anything). */
const MAX_PRINTS = 3;

/**
 * Renders the HTML preview and (unless htmlOnly) the PDF. The table of contents needs the page each
 * section starts on, which only the printed PDF tells. The briefing is loaded once; without page numbers
 * from a previous run of the same briefing, a layout-only print (nothing painted, a fraction of a full
 * print) reads where each section lands first. Then it is printed in full, the pages are read back, and
 * when the contents' numbers were wrong they are corrected and it is printed again. Numbers are corrected
 * in the loaded document when only the {{tocPage}} spans differ (otherwise the HTML is loaded again).
 */
export async function renderBriefing(analysis: Analysis, opts: RenderBriefingOptions): Promise<RenderBriefingResult> {
  if (!/^[^/\\\0]+$/.test(opts.fileStem) || opts.fileStem === '.' || opts.fileStem === '..') {
    throw new ReportError('usage', `output name "${opts.fileStem}": expected a plain file name without folders`);
  }
  const outDir = await prepareOutDir(opts.outDir);
  const htmlPath = join(outDir, `${opts.fileStem}.html`);
  const pdfPath = join(outDir, `${opts.fileStem}.pdf`);
  const warnings: string[] = [];

  if (opts.htmlOnly) {
    await writeFileAtomic(htmlPath, await renderHtml(analysis, { templateDir: opts.templateDir, compactFrom: opts.compactFrom }));
    return { html: htmlPath, pdf: null, pages: null, warnings };
  }

  // Render the HTML once before using the browser (with the page numbers of the previous run, if any):
  // a template error should stop us before a print. The theme is compiled once for every pass.
  const renderPass = htmlRenderer(analysis, opts.templateDir, { compactFrom: opts.compactFrom });
  const guess = await previousTocPages(htmlPath);
  const firstHtml = renderPass(guess);
  const ids = briefingSections(analysis).map((s) => s.id);
  const meta = {
    title: analysis.title,
    subject: `Statements ${formatPeriod(analysis.period)}`,
    keywords: ['Balochistan', 'statements', ...analysis.themes.map((t) => t.theme.label)],
    author: 'balochistan-briefing',
  };

  const print = async (session: BrowserSession) => {
    let tocPages = guess;
    let html = firstHtml;
    let prints = 0;
    /** Shows `pages` in the contents of the loaded document (in place when that is all that changes). */
    const showPages = async (pages: Record<string, number>): Promise<void> => {
      const next = renderPass(pages);
      if (fillTocPages(html, pages) === next) await session.setTexts(TOC_PAGE_ATTRIBUTE, tocPageTexts(html, pages));
      else await session.load(withTocMark(next, pages));
      html = next;
      tocPages = pages;
    };
    await session.load(withTocMark(html, tocPages));
    if (Object.keys(guess).length === 0) {
      prints += 1;
      await showPages((await readLayout(await session.print({ ...meta, layoutOnly: true }), ids)).starts);
    }
    let pdf: Uint8Array;
    let layout: PdfLayout;
    let settled = false;
    for (;;) {
      pdf = await session.print(meta);
      prints += 1;
      layout = await readLayout(pdf, ids);
      settled = sameStarts(tocPages, layout.starts);
      if (settled || prints >= MAX_PRINTS) break;
      await showPages(layout.starts);
    }
    if (!settled) {
      warnings.push('the page numbers in the contents may be off by a page: the layout did not settle after three passes');
    }
    const missing = ids.filter((id) => id !== 'cover' && id !== 'contents' && html.includes(`id="${id}"`) && !(id in layout.starts));
    if (missing.length > 0) warnings.push(`no page number found for section(s) ${missing.join(', ')} (not linked from the contents?)`);
    if (session.blockedRequests.length > 0) {
      warnings.push(
        `blocked ${session.blockedRequests.length} request(s) from the template (briefings render offline): ${[...new Set(session.blockedRequests)].slice(0, 3).join(', ')}`,
      );
    }
    return { html: withTocMark(html, tocPages), pdf, pages: layout.pages };
  };
  const { html, pdf, pages } = opts.browser
    ? await print(await opts.browser)
    : await withBrowser(print, { chromiumPath: opts.chromiumPath });

  await writeFileAtomic(htmlPath, html);
  await writeFileAtomic(pdfPath, pdf);
  return { html: htmlPath, pdf: pdfPath, pages, warnings };
}
