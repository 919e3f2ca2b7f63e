// The `report` use case: store → filter → analysis → HTML and PDF. Validates every request field
// before anything is written, so a bad speaker or theme leaves no file behind.
// The store, the analysis and the HTML renderer are imported when needed, not with this module: a PDF
// run starts Chromium first (see buildBriefing), and the ~0.3 s those imports cost runs while it starts.
import type { Analysis } from '../analyze/types.js';
import type { IsoDate } from '../types.js';
import { type BrowserSession, withBrowserStarting } from './browser.js';

export interface BriefingRequest {
  storeDir: string;
  from: IsoDate;
  to: IsoDate;
  /** Speaker ids or aliases; empty means every speaker. */
  speakers: string[];
  /** Theme ids or labels; empty means every theme. */
  themes: string[];
  title?: string;
  templateDir?: string;
  /** Statement count from which the briefing is set compact (the renderer's default when absent). */
  compactFrom?: number;
  outDir: string;
  htmlOnly: boolean;
  chromiumPath?: string;
  now?: Date;
}

export interface BriefingResult {
  html: string;
  pdf: string | null;
  pages: number | null;
  statements: number;
  warnings: string[];
}

export const DEFAULT_TITLE = 'Balochistan security briefing';

export async function prepareAnalysis(request: Omit<BriefingRequest, 'outDir' | 'htmlOnly'>): Promise<Analysis> {
  // Straight from the modules, not store/index.js: that one also brings the extractor (chrono-node…).
  const [{ loadStore }, { effectiveStatements, filterStatements, resolveSpeaker, resolveTheme }, { analyze, loadStances }] = await Promise.all([
    import('../store/load.js'),
    import('../store/query.js'),
    import('../analyze/index.js'),
  ]);
  const store = await loadStore(request.storeDir);
  const speakers = request.speakers.map((name) => resolveSpeaker(store.registry, name, request.storeDir).id);
  const themes = request.themes.map((name) => resolveTheme(store.registry, name, request.storeDir).id);
  const statements = filterStatements(effectiveStatements(store), {
    from: request.from,
    to: request.to,
    speakers,
    themes,
  });
  return analyze({
    statements,
    registry: store.registry,
    period: { from: request.from, to: request.to },
    title: request.title ?? DEFAULT_TITLE,
    stances: loadStances(request.storeDir, store.registry.themes),
    now: request.now,
  });
}

export async function buildBriefing(request: BriefingRequest): Promise<BriefingResult> {
  if (request.htmlOnly) return briefingFrom(await prepareAnalysis(request), request);
  // Chromium starts while the store loads and the analysis runs (it is another process: on two cores
  // its start costs us little); a store error still comes first, and the browser is closed.
  return withBrowserStarting(async (browser) => briefingFrom(await prepareAnalysis(request), request, browser), {
    chromiumPath: request.chromiumPath,
  });
}

async function briefingFrom(analysis: Analysis, request: BriefingRequest, browser?: Promise<BrowserSession>): Promise<BriefingResult> {
  const warnings: string[] = [];
  if (analysis.counts.statements === 0) {
    warnings.push(`no statements between ${request.from} and ${request.to} match; the briefing says so`);
  }
  const { renderBriefing } = await import('./index.js');
  const written = await renderBriefing(analysis, {
    outDir: request.outDir,
    templateDir: request.templateDir,
    compactFrom: request.compactFrom,
    htmlOnly: request.htmlOnly,
    chromiumPath: request.chromiumPath,
    fileStem: `briefing-${request.from}_${request.to}`,
    browser,
  });
  return {
    html: written.html,
    pdf: written.pdf,
    pages: written.pages,
    statements: analysis.counts.statements,
    warnings: [...warnings, ...written.warnings],
  };
}
