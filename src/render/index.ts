// Public interface of the render stage: Analysis → HTML preview and PDF briefing, and the preview server.
import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { access, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Analysis } from '../analyze/types.js';
import { ReportError } from '../errors.js';
import { withBrowser } from './browser.js';
import { formatPeriod } from './format.js';
import { briefingSections, renderHtml } from './html.js';
import { readLayout } from './pdf-pages.js';

export { renderHtml, briefingSections } from './html.js';
export type { RenderHtmlOptions, SectionEntry } from './html.js';
export {
  browserPidsForTests,
  browserProfilesForTests,
  findChromium,
  renderPdf,
  withBrowser,
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
      await mkdir(dir, { recursive: true });
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
  return dir;
}

/** Writes through a temporary file in the same folder and renames it, so a reader never sees half a file. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = resolve(path, '..');
  const temp = join(dir, `.report-${randomBytes(6).toString('hex')}.tmp`);
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

/**
 * Renders the HTML preview and (unless htmlOnly) the PDF. The PDF is rendered, the page each section
 * starts on is read back, and it is rendered again with those numbers in the table of contents; if the
 * numbers moved the sections (a longer contents page), once more.
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

  // Render the HTML once before starting a browser: a template error should not cost a Chromium launch.
  let tocPages: Record<string, number> = {};
  let html = await renderHtml(analysis, { templateDir: opts.templateDir, tocPages });
  const ids = briefingSections(analysis).map((s) => s.id);
  const meta = {
    title: analysis.title,
    subject: `Statements ${formatPeriod(analysis.period)}`,
    keywords: ['Balochistan', 'statements', ...analysis.themes.map((t) => t.theme.label)],
    author: 'balochistan-briefing',
  };

  const { pdf, pages } = await withBrowser(
    async (session) => {
      let pdf = await session.renderPdf(html, meta);
      let layout = await readLayout(pdf, ids);
      for (let pass = 0; pass < 2; pass++) {
        if (pass > 0 && sameStarts(tocPages, layout.starts)) break;
        tocPages = layout.starts;
        html = await renderHtml(analysis, { templateDir: opts.templateDir, tocPages });
        pdf = await session.renderPdf(html, meta);
        layout = await readLayout(pdf, ids);
      }
      if (!sameStarts(tocPages, layout.starts)) {
        warnings.push('the page numbers in the contents may be off by a page: the layout did not settle after three passes');
      }
      const missing = ids.filter((id) => id !== 'cover' && id !== 'contents' && html.includes(`id="${id}"`) && !(id in layout.starts));
      if (missing.length > 0) warnings.push(`no page number found for section(s) ${missing.join(', ')} (not linked from the contents?)`);
      if (session.blockedRequests.length > 0) {
        warnings.push(
          `blocked ${session.blockedRequests.length} request(s) from the template (briefings render offline): ${[...new Set(session.blockedRequests)].slice(0, 3).join(', ')}`,
        );
      }
      return { pdf, pages: layout.pages };
    },
    { chromiumPath: opts.chromiumPath },
  );

  await writeFileAtomic(htmlPath, html);
  await writeFileAtomic(pdfPath, pdf);
  return { html: htmlPath, pdf: pdfPath, pages, warnings };
}
