// Public interface of the render stage: Analysis → HTML preview and PDF briefing, and the preview server.
import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { access, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Analysis } from '../analyze/types.js';
import { ReportError } from '../errors.js';
import { type BrowserSession, withBrowser } from './browser.js';
import { formatPeriod } from './format.js';
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
export type { BrowserOptions, BrowserSession, PdfMetadata, PdfRenderOptions } from './browser.js';
export { startPreviewServer } from './server.js';
export type { PreviewServer, PreviewServerOptions } from './server.js';
export { loadTheme, DEFAULT_THEME_DIR } from './theme.js';

export interface RenderBriefingOptions {
  outDir: string;
  /** Output file name without extension: writes `<fileStem>.html` and `<fileStem>.pdf`. */
  fileStem: string;
  templateDir?: string;
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

/**
 * Renders the HTML preview and (unless htmlOnly) the PDF. The table of contents needs the page each
 * section starts on, which only the printed PDF tells: the briefing is printed with the numbers of the
 * previous run of the same briefing (if any), the pages are read back, and when they differ it is
 * printed again with the numbers read (at most three prints). Without earlier numbers the first print
 * only reads the layout, so it skips the tagged structure.
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
    await writeFileAtomic(htmlPath, await renderHtml(analysis, { templateDir: opts.templateDir }));
    return { html: htmlPath, pdf: null, pages: null, warnings };
  }

  // Render the HTML once before using the browser (with the page numbers of the previous run, if any):
  // a template error should stop us before a print. The theme is compiled once for every pass.
  const renderPass = htmlRenderer(analysis, opts.templateDir);
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
    let html = '';
    let pdf: Uint8Array = new Uint8Array();
    let layout: PdfLayout = { pages: 0, starts: {} };
    let settled = false;
    for (let pass = 0; pass < 3 && !settled; pass++) {
      // Without numbers to try, the first print cannot be the final one: it only reads the layout.
      const final = pass > 0 || Object.keys(guess).length > 0;
      const body = pass === 0 ? firstHtml : renderPass(tocPages);
      html = withTocMark(body, tocPages);
      pdf = await session.renderPdf(html, { ...meta, tagged: final });
      layout = await readLayout(pdf, ids);
      settled = final && sameStarts(tocPages, layout.starts);
      tocPages = layout.starts;
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
    return { html, pdf, pages: layout.pages };
  };
  const { html, pdf, pages } = opts.browser
    ? await print(await opts.browser)
    : await withBrowser(print, { chromiumPath: opts.chromiumPath });

  await writeFileAtomic(htmlPath, html);
  await writeFileAtomic(pdfPath, pdf);
  return { html: htmlPath, pdf: pdfPath, pages, warnings };
}
