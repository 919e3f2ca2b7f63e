// The environment going wrong under `report`: no browser, a browser that crashes or hangs, Ctrl-C.
// Every case: one actionable line, the right exit code (4 environment, 2 usage, 130/143 interrupted),
// the previous briefing in --out untouched, and no Chromium process or profile of the run left.
// Each run gets its own TMPDIR, where Chromium's profile lives, so its processes can be told apart.
// test/render/pdf.test.ts covers the same at the library level (findChromium, withBrowser).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PERIOD,
  STEM,
  fakeBrowser,
  killLeftovers,
  oneLine,
  processesMentioning,
  runIn,
  scratch,
  snapshot,
  start,
  storeWithStatements,
  survivorsAfter,
  waitFor,
} from './helpers.js';

let work: string;
let store: string;
let runs = 0;

beforeAll(async () => {
  work = scratch('hard-env');
  store = await storeWithStatements(work);
});

afterAll(() => killLeftovers(work));

/** An --out folder holding a previous briefing, and a fresh TMPDIR for the run. */
function prepare(name: string): { out: string; tmp: string; before: Record<string, string> } {
  runs += 1;
  const out = join(work, `out-${name}-${runs}`);
  mkdirSync(out);
  writeFileSync(join(out, `${STEM}.html`), '<html>previous briefing</html>');
  writeFileSync(join(out, `${STEM}.pdf`), '%PDF-1.7 previous briefing %%EOF');
  return { out, tmp: join(work, `tmp-${name}-${runs}`), before: snapshot(out) };
}

/** Nothing of the run is left: the old briefing as it was, no process, no profile folder. */
async function expectNothingLeft(out: string, tmp: string, before: Record<string, string>): Promise<void> {
  expect(snapshot(out)).toEqual(before);
  expect(await survivorsAfter(tmp)).toEqual([]);
  expect(Object.keys(snapshot(tmp)).filter((name) => name.startsWith('report-chromium-'))).toEqual([]);
}

const lineOf = (result: { code: number | null; stdout: string; stderr: string }) =>
  oneLine({ code: result.code ?? 1, stdout: result.stdout, stderr: result.stderr });

/** Runs the real Chromium, then crashes (KILL) or freezes (STOP) it once the briefing page is being loaded. */
function chromiumThat(action: 'crashes' | 'hangs', dir: string): string {
  const act = action === 'crashes' ? 'kill -KILL $child' : 'kill -STOP $child; pkill -STOP -P $child';
  return fakeBrowser(
    dir,
    `chromium-that-${action}`,
    [
      'for arg in "$@"; do case "$arg" in --user-data-dir=*) profile="${arg#--user-data-dir=}";; esac; done',
      '/usr/bin/chromium "$@" &',
      'child=$!',
      // renderPdf writes briefing-N.html into the profile just before loading it.
      'while ! ls "$profile"/briefing-*.html >/dev/null 2>&1; do sleep 0.05; kill -0 $child 2>/dev/null || exit 1; done',
      act,
      'wait $child',
    ].join('\n'),
  );
}

describe('no browser', () => {
  it('--chromium /nonexistent: exit 4, says what to install or set and that --html-only works', async () => {
    const { out, tmp, before } = prepare('no-chromium');
    const result = await runIn(tmp, [...PERIOD, '--store', store, '--out', out, '--chromium', '/nonexistent/chromium']);
    expect(result.code, result.stderr).toBe(4);
    expect(lineOf(result)).toMatch(
      /^report: --chromium \/nonexistent\/chromium: no such browser executable; .*apt-get install chromium.*PUPPETEER_EXECUTABLE_PATH.*`--html-only` writes the HTML preview without a browser$/,
    );
    await expectNothingLeft(out, tmp, before);
  });

  it('PUPPETEER_EXECUTABLE_PATH pointing nowhere: exit 4, names the variable', async () => {
    const { out, tmp, before } = prepare('env-nowhere');
    const result = await runIn(tmp, [...PERIOD, '--store', store, '--out', out], { PUPPETEER_EXECUTABLE_PATH: '/nowhere/chrome' });
    expect(result.code, result.stderr).toBe(4);
    expect(lineOf(result)).toMatch(/^report: PUPPETEER_EXECUTABLE_PATH=\/nowhere\/chrome: no such browser executable; /);
    await expectNothingLeft(out, tmp, before);
  });

  it('the documented way out, --html-only, works without any browser', async () => {
    const { out, tmp } = prepare('html-only');
    const result = await runIn(tmp, [...PERIOD, '--store', store, '--out', out, '--html-only'], { PUPPETEER_EXECUTABLE_PATH: '/nowhere/chrome' });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(out, `${STEM}.html`), 'utf8')).toContain('Our men on the road cannot wait for help that never hears them');
  });

  it('a --chromium that is not a program (a text file): exit 4, no such browser executable', async () => {
    const { out, tmp, before } = prepare('not-a-program');
    const text = join(work, 'chromium.txt');
    writeFileSync(text, 'not a browser');
    const result = await runIn(tmp, [...PERIOD, '--store', store, '--out', out, '--chromium', text]);
    expect(result.code, result.stderr).toBe(4);
    expect(lineOf(result)).toMatch(/^report: --chromium .*chromium\.txt: no such browser executable; /);
    await expectNothingLeft(out, tmp, before);
  });

  it('REPORT_BROWSER_TIMEOUT_MS that is not a number: exit 2, says what is valid', async () => {
    const { out, tmp, before } = prepare('bad-timeout');
    const result = await runIn(tmp, [...PERIOD, '--store', store, '--out', out], { REPORT_BROWSER_TIMEOUT_MS: 'soon' });
    expect(result.code, result.stderr).toBe(2);
    expect(lineOf(result)).toBe('report: REPORT_BROWSER_TIMEOUT_MS=soon: expected a positive number of milliseconds');
    await expectNothingLeft(out, tmp, before);
  });
});

describe('a browser that crashes or hangs', () => {
  it('exits at once (exit status 3): exit 4, could not start', async () => {
    const { out, tmp, before } = prepare('exits');
    const fake = fakeBrowser(join(work, 'fakes'), 'chromium-exits', 'exit 3');
    const result = await runIn(tmp, [...PERIOD, '--store', store, '--out', out, '--chromium', fake]);
    expect(result.code, result.stderr).toBe(4);
    expect(lineOf(result)).toMatch(/^report: could not start .*chromium-exits: /);
    await expectNothingLeft(out, tmp, before);
  });

  it('segfaults at start: exit 4, could not start', async () => {
    const { out, tmp, before } = prepare('segv');
    const fake = fakeBrowser(join(work, 'fakes'), 'chromium-segv', 'kill -SEGV $$');
    const result = await runIn(tmp, [...PERIOD, '--store', store, '--out', out, '--chromium', fake]);
    expect(result.code, result.stderr).toBe(4);
    expect(lineOf(result)).toMatch(/^report: could not start .*chromium-segv: /);
    await expectNothingLeft(out, tmp, before);
  });

  it('never answers at start: exit 4 after REPORT_BROWSER_TIMEOUT_MS, says which variable to raise', async () => {
    const { out, tmp, before } = prepare('silent');
    const fake = fakeBrowser(join(work, 'fakes'), 'chromium-silent', 'while :; do sleep 1; done');
    const result = await runIn(tmp, [...PERIOD, '--store', store, '--out', out, '--chromium', fake], { REPORT_BROWSER_TIMEOUT_MS: '1500' });
    expect(result.code, result.stderr).toBe(4);
    expect(lineOf(result)).toMatch(/^report: Chromium did not respond within 2 s while starting; raise REPORT_BROWSER_TIMEOUT_MS /);
    await expectNothingLeft(out, tmp, before);
  });

  it('crashes while rendering the PDF: exit 4, one line (not a stack trace)', async () => {
    const { out, tmp, before } = prepare('crash');
    const result = await runIn(tmp, [...PERIOD, '--store', store, '--out', out, '--chromium', chromiumThat('crashes', join(work, 'fakes'))]);
    expect(result.code, result.stderr).toBe(4);
    expect(lineOf(result)).toMatch(/^report: Chromium stopped while rendering the PDF \(.*\); run the command again/);
    await expectNothingLeft(out, tmp, before);
  });

  it('freezes while rendering the PDF: exit 4 after the timeout, every frozen process killed', async () => {
    const { out, tmp, before } = prepare('freeze');
    const result = await runIn(tmp, [...PERIOD, '--store', store, '--out', out, '--chromium', chromiumThat('hangs', join(work, 'fakes'))], {
      REPORT_BROWSER_TIMEOUT_MS: '3000',
    });
    expect(result.code, result.stderr).toBe(4);
    expect(lineOf(result)).toMatch(/^report: Chromium did not respond within 3 s while (rendering the PDF|opening a page); raise REPORT_BROWSER_TIMEOUT_MS/);
    await expectNothingLeft(out, tmp, before);
  });
});

describe('Ctrl-C', () => {
  it('SIGINT during `report` while Chromium runs: exit 130, one line, no browser, old briefing intact', async () => {
    const { out, tmp, before } = prepare('sigint-report');
    const run = start([...PERIOD, '--store', store, '--out', out], tmp);
    const browserUp = await waitFor(() => processesMentioning(join(tmp, 'report-chromium-')).length > 0);
    expect(browserUp).toBe(true);
    run.child.kill('SIGINT');
    const result = await run.done;
    expect(result.code, result.stderr).toBe(130);
    expect(lineOf(result)).toBe('report: interrupted by SIGINT; no file was left half-written');
    await expectNothingLeft(out, tmp, before);
  });

  it('SIGTERM during `report`: exit 143', async () => {
    const { out, tmp, before } = prepare('sigterm-report');
    const run = start([...PERIOD, '--store', store, '--out', out], tmp);
    expect(await waitFor(() => processesMentioning(join(tmp, 'report-chromium-')).length > 0)).toBe(true);
    run.child.kill('SIGTERM');
    const result = await run.done;
    expect(result.code, result.stderr).toBe(143);
    expect(lineOf(result)).toBe('report: interrupted by SIGTERM; no file was left half-written');
    await expectNothingLeft(out, tmp, before);
  });

  it('SIGINT during `extract` while it holds the lock: exit 130, lock released, store loads, the next run completes', async () => {
    const tmp = join(work, 'tmp-sigint-extract');
    const own = await storeWithStatements(join(work, 'sigint-extract'));
    const articles = join(work, 'sigint-articles');
    mkdirSync(articles);
    // Enough work that the run is still going when the lock is seen.
    for (let i = 0; i < 60; i++) {
      const body = Array.from({ length: 40 }, (_, k) => `Chief Minister Sarfraz Bugti said on Monday that well ${i}-${k} in Kalat would be repaired.`).join('\n\n');
      writeFileSync(join(articles, `wells-${i}.txt`), `Wells ${i}\n\nSeptember ${1 + (i % 28)}, 2024\n\n${body}\n`);
    }
    const run = start(['extract', articles, '--store', own], tmp);
    expect(await waitFor(() => existsSync(join(own, '.lock')))).toBe(true);
    run.child.kill('SIGINT');
    const result = await run.done;
    if (result.code === 0) return; // finished before the signal landed: nothing to check
    expect(result.code, result.stderr).toBe(130);
    expect(lineOf(result)).toBe('report: interrupted by SIGINT; no file was left half-written');
    expect(existsSync(join(own, '.lock'))).toBe(false);
    expect(Object.keys(snapshot(own)).filter((name) => name.includes('.tmp'))).toEqual([]);
    const again = await runIn(tmp, ['extract', articles, '--store', own]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^60 articles read/);
    expect(readFileSync(join(own, '2024-09.yaml'), 'utf8')).toContain('well 59-39 in Kalat would be repaired');
  });
});

describe('many runs with forced failures', () => {
  it('leaves no Chromium and no profile behind after any of them', async () => {
    const fakes = join(work, 'fakes');
    const crashing = chromiumThat('crashes', fakes);
    const badTheme = join(work, 'theme-helper-throws');
    mkdirSync(badTheme, { recursive: true });
    writeFileSync(join(badTheme, 'briefing.hbs'), '<html><body>{{pluralize title "x"}}</body></html>');
    const kinds = ['template error', 'crash', 'interrupt', 'success'] as const;
    const outcomes: string[] = [];
    for (let round = 0; round < 2; round++) {
      for (const kind of kinds) {
        const { out, tmp } = prepare(`loop-${kind.replace(' ', '-')}`);
        const args = [...PERIOD, '--store', store, '--out', out];
        let code: number | null;
        if (kind === 'interrupt') {
          const run = start(args, tmp);
          await waitFor(() => processesMentioning(join(tmp, 'report-chromium-')).length > 0);
          run.child.kill('SIGINT');
          code = (await run.done).code;
        } else {
          const extra = kind === 'template error' ? ['--template', badTheme] : kind === 'crash' ? ['--chromium', crashing] : [];
          code = (await runIn(tmp, [...args, ...extra])).code;
        }
        outcomes.push(`${kind}: ${code}`);
        expect(await survivorsAfter(tmp), `${kind} (round ${round})`).toEqual([]);
        expect(Object.keys(snapshot(tmp)).filter((name) => name.startsWith('report-chromium-'))).toEqual([]);
      }
    }
    expect(outcomes).toEqual([...kinds, ...kinds].map((kind) => `${kind}: ${{ 'template error': 3, crash: 4, interrupt: 130, success: 0 }[kind]}`));
  }, 180_000);
});
