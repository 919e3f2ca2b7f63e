// The one module that owns the browser (the shape of marp-cli's src/browser/): find an installed
// Chromium or Chrome, launch it with a throw-away profile, render HTML to PDF with no network and
// no script, and always close it — on success, on error, on timeout and on Ctrl-C.
import { accessSync, constants as fsConstants, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
// Puppeteer is loaded when a browser is launched (it costs ~0.2 s to import): commands that never print
// a PDF do not pay for it, and `report` starts Chromium before it loads the rest of the program.
import type { Browser, HTTPRequest, Page, PDFOptions } from 'puppeteer';
import { ReportError } from '../errors.js';
import { setPdfInfo } from './pdf-info.js';

const NO_BROWSER_MESSAGE =
  "no Chromium or Chrome found: install Debian's `chromium` (apt-get install chromium), or set " +
  'PUPPETEER_EXECUTABLE_PATH, or run `npx puppeteer browsers install chrome`; `--html-only` writes the ' +
  'HTML preview without a browser';

const STANDARD_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

const isExecutableFile = (path: string): boolean => {
  try {
    // Executable too: spawning a file without the x bit fails outside Puppeteer's error handling
    // (over a pipe), which would end the process with an unhandled 'error' event.
    accessSync(path, fsConstants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

const importPuppeteer = () => import('puppeteer');
type PuppeteerModule = Awaited<ReturnType<typeof importPuppeteer>>;
let loadedPuppeteer: PuppeteerModule | undefined;

/** Puppeteer, imported on first use. */
export async function loadPuppeteer(): Promise<PuppeteerModule> {
  const loaded = loadedPuppeteer ?? (await importPuppeteer());
  loadedPuppeteer = loaded;
  return loaded;
}

/**
 * Puppeteer's own cache (`npx puppeteer browsers install chrome`), if a browser was put there. Looked
 * at once Puppeteer is loaded, which a launch does before it looks for the browser.
 */
function puppeteerCachePath(): string | null {
  if (loadedPuppeteer === undefined) return null;
  try {
    const path = loadedPuppeteer.executablePath();
    return path && isExecutableFile(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * Locates a Chromium or Chrome: the explicit path (a CLI flag) first, then the environment, then
 * Puppeteer's cache, then the standard install paths. An explicit path that does not exist is an
 * error rather than a silent fallback, so a typo in `--chromium` is noticed.
 */
export function findChromium(explicit?: string): string {
  if (explicit !== undefined && explicit !== '') {
    if (isExecutableFile(explicit)) return explicit;
    throw new ReportError('environment', `--chromium ${explicit}: no such browser executable; ${NO_BROWSER_MESSAGE}`);
  }
  for (const variable of ['PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH'] as const) {
    const value = process.env[variable];
    if (!value) continue;
    if (isExecutableFile(value)) return value;
    throw new ReportError('environment', `${variable}=${value}: no such browser executable; ${NO_BROWSER_MESSAGE}`);
  }
  const cached = puppeteerCachePath();
  if (cached) return cached;
  const found = STANDARD_PATHS.find(isExecutableFile);
  if (found) return found;
  throw new ReportError('environment', NO_BROWSER_MESSAGE);
}

/**
 * Chromium's sandbox needs user namespaces, which containers usually withhold, and Chromium refuses
 * to start as root with the sandbox on. Only in those two cases is it switched off; the page has
 * JavaScript disabled and no network either way, so the sandbox guards against little here.
 */
export function needsNoSandbox(): boolean {
  if (typeof process.getuid === 'function' && process.getuid() === 0) return true;
  if (existsSync('/.dockerenv') || existsSync('/run/.containerenv')) return true;
  try {
    return /docker|kubepods|containerd|lxc|libpod/.test(readFileSync('/proc/1/cgroup', 'utf8'));
  } catch {
    return false;
  }
}

export function browserTimeoutMs(): number {
  const raw = process.env.REPORT_BROWSER_TIMEOUT_MS;
  if (raw === undefined || raw === '') return 60_000;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new ReportError('usage', `REPORT_BROWSER_TIMEOUT_MS=${raw}: expected a positive number of milliseconds`);
  }
  return value;
}

const timeoutError = (ms: number, what: string): ReportError =>
  new ReportError(
    'environment',
    `Chromium did not respond within ${Math.round(ms / 1000)} s while ${what}; raise REPORT_BROWSER_TIMEOUT_MS ` +
      'or check that the browser starts (`chromium --headless --dump-dom about:blank`)',
  );

/** Resolves with the promise, or rejects with `onTimeout()` after `ms`. */
async function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

// Processes we launched and have not yet seen closed: tests check none survives.
const livePids = new Set<number>();
const liveProfiles = new Set<string>();

/** Process ids of Chromium instances started by this module that are still open. */
export function browserPidsForTests(): number[] {
  return [...livePids];
}

/** Temporary profile folders of browsers that are still open (a test can `pgrep -f` them). */
export function browserProfilesForTests(): string[] {
  return [...liveProfiles];
}

export interface BrowserOptions {
  chromiumPath?: string;
  /** Launch and per-render timeout; default REPORT_BROWSER_TIMEOUT_MS or 60 s. */
  timeoutMs?: number;
}

export interface PdfMetadata {
  title: string;
  /** The period the briefing covers, e.g. "1 Aug – 30 Nov 2024". */
  subject: string;
  keywords?: string[];
  author?: string;
}

export interface LoadOptions {
  /** Called for every request the page tried and we refused (anything but the document and data: URLs). */
  onBlockedRequest?: (url: string) => void;
}

export interface PrintOptions extends PdfMetadata {
  /**
   * true: a print only for reading the layout (page count, where named destinations land). Nothing is
   * painted (`visibility: hidden` changes no layout) and there is no tagged structure or outline, so it
   * costs a fraction of a full print; the pages break exactly as in the full print. Default false.
   */
  layoutOnly?: boolean;
}

export interface PdfRenderOptions extends PrintOptions, LoadOptions {}

/** One open browser. Obtained from withBrowser; do not keep it after the callback returns. */
export interface BrowserSession {
  /** Loads `html` and prints it: load + print. */
  renderPdf(html: string, opts: PdfRenderOptions): Promise<Uint8Array>;
  /** Loads `html` into the session's page, replacing the document there; fonts are ready when it resolves. */
  load(html: string, opts?: LoadOptions): Promise<void>;
  /** Prints the loaded document to PDF (A4 unless its CSS says otherwise). */
  print(opts: PrintOptions): Promise<Uint8Array>;
  /**
   * Sets the text of every element of the loaded document that carries `attribute` to
   * `texts[its value]` (elements whose value has no entry are left alone), without reloading it.
   */
  setTexts(attribute: string, texts: Record<string, string>): Promise<void>;
  /** Every URL refused so far in this session. */
  readonly blockedRequests: readonly string[];
  readonly executablePath: string;
  /** Closes the session's page (withBrowser does this; the browser itself is closed by withBrowser). */
  close(): Promise<void>;
}

/** An A4 sheet in CSS pixels (96 per inch). */
const A4_WIDTH_PX = 794;
const A4_HEIGHT_PX = 1123;

const LAUNCH_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--mute-audio',
];

/** Kills the browser if `close()` does not finish quickly (a hung renderer must not outlive us). */
async function closeBrowser(browser: Browser): Promise<void> {
  const child = browser.process();
  try {
    await withTimeout(browser.close(), 5_000, () => new Error('close timed out'));
  } catch {
    // fall through to the kill below
  }
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/**
 * Kills any process whose command line names our profile folder. Puppeteer gives up on a browser that
 * never answers but only kills it 5 s later, after we have returned; this sweep makes "withBrowser
 * returned" mean "no browser of ours is left". Linux only (/proc); elsewhere Puppeteer's own kill stands.
 */
function killProcessesUsingProfile(profile: string): void {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return;
  }
  const marker = `--user-data-dir=${profile}`;
  for (const pid of entries) {
    try {
      // Chromium's helpers (zygotes, utilities) rewrite their title: one string with spaces, not NUL-separated args.
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
      if (args.includes(marker)) process.kill(Number(pid), 'SIGKILL');
    } catch {
      // gone already, or not ours to read
    }
  }
}

function killNow(browser: Browser | undefined): void {
  const child = browser?.process();
  if (child && child.exitCode === null) child.kill('SIGKILL');
}

/**
 * Runs `fn` with an open browser and closes it afterwards whatever happens. While the browser is open,
 * SIGINT/SIGTERM kill it and remove its profile, then the signal is raised again so the program ends
 * the way it would have.
 */
export async function withBrowser<T>(fn: (session: BrowserSession) => Promise<T>, opts: BrowserOptions = {}): Promise<T> {
  return withBrowserStarting(async (starting) => fn(await starting), opts);
}

/**
 * Like withBrowser, but `fn` is called at once with the browser still starting, so that other work
 * (loading the store, the analysis) overlaps Chromium's start. A failure to find or start the browser
 * surfaces where `fn` awaits the session, so errors found before that (a bad store) come first.
 */
export async function withBrowserStarting<T>(
  fn: (session: Promise<BrowserSession>) => Promise<T>,
  opts: BrowserOptions = {},
): Promise<T> {
  let browser: Browser | undefined;
  let profile: string | undefined;
  let interruptedBy: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals): void => {
    interruptedBy = signal;
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    const child = browser?.process();
    killNow(browser);
    if (profile !== undefined) killProcessesUsingProfile(profile);
    // Wait (briefly) for the browser to exit so it stops writing into its profile, remove the profile,
    // then raise the signal again so the program ends as it would have without us.
    const exited = new Promise<void>((resolve) => {
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      setTimeout(resolve, 2_000).unref();
    });
    const removing = profile;
    void exited
      .then(() => (removing === undefined ? undefined : rm(removing, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })))
      .catch(() => undefined)
      .finally(() => {
        if (removing !== undefined) liveProfiles.delete(removing);
        process.kill(process.pid, signal);
      });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const launch = async (): Promise<BrowserSession> => {
    const { default: puppeteer, TimeoutError } = await loadPuppeteer();
    const executablePath = findChromium(opts.chromiumPath);
    const timeoutMs = opts.timeoutMs ?? browserTimeoutMs();
    profile = await mkdtemp(join(tmpdir(), 'report-chromium-'));
    liveProfiles.add(profile);
    const args = [...LAUNCH_ARGS, `--user-data-dir=${profile}`];
    if (needsNoSandbox()) args.push('--no-sandbox');
    const launching = puppeteer.launch({
      executablePath,
      headless: true,
      args,
      timeout: timeoutMs,
      // A long briefing's print is one protocol call: our timeout governs it, not Puppeteer's 180 s.
      protocolTimeout: timeoutMs + 5_000,
      // Talk to Chromium over a pipe rather than a port: if this process dies without a chance to
      // clean up (SIGKILL, OOM), the pipe closes and Chromium exits instead of living on.
      pipe: true,
      // We handle signals ourselves (above); Puppeteer's handlers would call process.exit.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    try {
      browser = await withTimeout(launching, timeoutMs + 1_000, () => timeoutError(timeoutMs, 'starting'));
    } catch (error) {
      // A launch that finishes after we gave up must still be closed.
      launching.then(closeBrowser, () => undefined);
      if (error instanceof ReportError) throw error;
      if (error instanceof TimeoutError) throw timeoutError(timeoutMs, 'starting');
      const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new ReportError('environment', `could not start ${executablePath}: ${detail}`, { cause: error });
    }
    const pid = browser.process()?.pid;
    if (pid !== undefined) livePids.add(pid);
    // Puppeteer drops its listeners on the DevTools pipe when it disconnects; a reset arriving after
    // that (a killed Chromium) would otherwise be an unhandled 'error' event that ends the process.
    for (const stream of browser.process()?.stdio.slice(3) ?? []) stream?.on('error', () => undefined);
    return createSession(browser, executablePath, profile, timeoutMs);
  };

  const starting = launch();
  // Not awaited when `fn` fails first: the failure is the one to report, this one is handled below.
  starting.catch(() => undefined);
  try {
    return await fn(starting);
  } catch (error) {
    // The browser was killed under the work: say so, rather than report it as a crash.
    if (interruptedBy) throw new ReportError('interrupted', `interrupted by ${interruptedBy}`, { cause: error });
    throw error;
  } finally {
    // Let a launch still under way finish, so that what it started is closed below.
    await starting.then(
      (session) => session.close(),
      () => undefined,
    );
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    if (browser) {
      const pid = browser.process()?.pid;
      await closeBrowser(browser);
      if (pid !== undefined) livePids.delete(pid);
    }
    if (profile !== undefined) {
      killProcessesUsingProfile(profile);
      await rm(profile, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
      liveProfiles.delete(profile);
    }
  }
}

/** Puppeteer's errors when Chromium dies under a render ("Target closed", "frame was detached") → one clear line. */
function asBrowserFailure(error: unknown, timeoutMs: number): unknown {
  if (error instanceof ReportError) return error;
  if (loadedPuppeteer !== undefined && error instanceof loadedPuppeteer.TimeoutError) return timeoutError(timeoutMs, 'rendering the PDF');
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new ReportError(
    'environment',
    `Chromium stopped while rendering the PDF (${detail}); run the command again, and check that \`chromium --headless --dump-dom about:blank\` works`,
    { cause: error },
  );
}

// Injected for a layout-only print: hides every box without moving one (visibility never changes layout).
const LAYOUT_ONLY_STYLE_ID = 'report-layout-only';
const hideEverything = (id: string) =>
  `(() => { const style = document.createElement('style'); style.id = ${JSON.stringify(id)}; ` +
  `style.textContent = 'html, html * { visibility: hidden !important; }'; document.head.append(style); return true; })()`;
const unhide = (id: string) => `(() => { document.getElementById(${JSON.stringify(id)})?.remove(); return true; })()`;
const setTextsScript = (attribute: string, texts: Record<string, string>) =>
  `(() => { const texts = ${JSON.stringify(texts)}; const name = ${JSON.stringify(attribute)}; ` +
  'for (const element of document.querySelectorAll(`[${name}]`)) { const key = element.getAttribute(name); ' +
  'if (Object.hasOwn(texts, key)) element.textContent = texts[key]; } return true; })()';

function createSession(browser: Browser, executablePath: string, profile: string, timeoutMs: number): BrowserSession {
  const blocked: string[] = [];
  let counter = 0;
  // One page for every render: a new page costs a renderer start and the interception set-up again.
  let pagePromise: Promise<Page> | null = null;
  let documentUrl = '';
  let onBlocked: ((url: string) => void) | undefined;
  const openPage = async (): Promise<Page> => {
    const page = await browser.newPage();
    page.setDefaultTimeout(timeoutMs);
    await page.setJavaScriptEnabled(false);
    // Laid out for print from the start, at the width of an A4 sheet: every print otherwise switches the
    // whole document from screen to print layout and back, which costs a third of a print (measured:
    // 1,463 pages 73 s → 52 s; the PDF is the same — print always uses the page box, not the viewport).
    await page.emulateMediaType('print');
    await page.setViewport({ width: A4_WIDTH_PX, height: A4_HEIGHT_PX });
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      const url = request.url();
      if (url === documentUrl || url.startsWith('data:')) {
        void request.continue();
        return;
      }
      blocked.push(url);
      onBlocked?.(url);
      void request.abort('blockedbyclient');
    });
    return page;
  };
  const closePage = async (): Promise<void> => {
    const page = pagePromise;
    pagePromise = null;
    // Bounded: closing a page in a hung renderer would otherwise wait for Puppeteer's 180 s protocol timeout.
    if (page) await withTimeout(page.then((p) => p.close()), 5_000, () => new Error('page close timed out')).catch(() => undefined);
  };
  // A browser that dies can leave a Puppeteer call waiting for an event that never comes (a page being
  // created, say): every call also ends when the connection does, so a crash is told as a crash.
  const gone = new Promise<never>((_, reject) => {
    browser.once('disconnected', () => reject(new Error('the browser closed the connection')));
  });
  gone.catch(() => undefined);
  const untilGone = <T>(promise: Promise<T>): Promise<T> => Promise.race([promise, gone]);
  /** Runs `work` on the page within the timeout; a failure closes the page (it may be stuck) and is explained. */
  const onPage = async <T>(what: string, work: (page: Page) => Promise<T>): Promise<T> => {
    try {
      pagePromise ??= openPage();
      const page = await withTimeout(untilGone(pagePromise), timeoutMs, () => timeoutError(timeoutMs, 'opening a page'));
      return await withTimeout(untilGone(work(page)), timeoutMs, () => timeoutError(timeoutMs, what));
    } catch (error) {
      void closePage();
      throw asBrowserFailure(error, timeoutMs);
    }
  };
  const session: BrowserSession = {
    executablePath,
    blockedRequests: blocked,
    close: closePage,
    async load(html, opts = {}) {
      // The document is loaded from a file so that it has a real URL we can allow and nothing else.
      const documentPath = join(profile, `briefing-${++counter}.html`);
      await writeFile(documentPath, html, 'utf8');
      onBlocked = opts.onBlockedRequest;
      try {
        await onPage('rendering the PDF', async (page) => {
          documentUrl = pathToFileURL(documentPath).href;
          await page.goto(documentUrl, { waitUntil: 'load' });
          await page.evaluate('document.fonts.ready.then(() => true)');
        });
      } finally {
        onBlocked = undefined;
        await rm(documentPath, { force: true }).catch(() => undefined);
      }
    },
    async print(opts) {
      const layoutOnly = opts.layoutOnly ?? false;
      const pdf = await onPage('rendering the PDF', async (page) => {
        const pdfOptions: PDFOptions = {
          format: 'A4',
          printBackground: !layoutOnly,
          preferCSSPageSize: true,
          tagged: !layoutOnly,
          outline: !layoutOnly,
          timeout: timeoutMs,
        };
        if (!layoutOnly) return await page.pdf(pdfOptions);
        await page.evaluate(hideEverything(LAYOUT_ONLY_STYLE_ID));
        try {
          return await page.pdf(pdfOptions);
        } finally {
          await page.evaluate(unhide(LAYOUT_ONLY_STYLE_ID));
        }
      });
      if (layoutOnly) return pdf;
      return setPdfInfo(pdf, {
        Title: opts.title,
        Subject: opts.subject,
        Keywords: (opts.keywords ?? []).join(', '),
        Author: opts.author ?? '',
        Creator: 'balochistan-briefing (Handlebars + Chromium)',
      });
    },
    async setTexts(attribute, texts) {
      await onPage('updating the document', (page) => page.evaluate(setTextsScript(attribute, texts)));
    },
    async renderPdf(html, opts) {
      await session.load(html, opts);
      return session.print(opts);
    },
  };
  return session;
}

/**
 * Opens a browser, renders one PDF, closes the browser. For several renders use withBrowser.
 */
export async function renderPdf(html: string, opts: PdfRenderOptions & BrowserOptions): Promise<Uint8Array> {
  return withBrowser((session) => session.renderPdf(html, opts), opts);
}

