// Nothing lost when a run dies: `report extract` and `report` are killed with SIGKILL at random moments
// (on a store big enough that saving takes a while, so some kills land mid-write). Afterwards every
// store file is either as it was or as a complete run leaves it (never half-written), the store loads,
// a reviewer's edits are there, and the next run finishes and cleans up. Two extracts at once: the
// second is turned away (busy, exit 5). The save order itself is unit-tested in test/store/save.test.ts.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTICLES,
  PERIOD,
  STEM,
  emptyStoreWithRegistry,
  killLeftovers,
  oneLine,
  pdfTextSync,
  report,
  runIn,
  scratch,
  snapshot,
  start,
  survivorsAfter,
  waitFor,
} from './helpers.js';

let work: string;
/** The store before the run: extracted fixtures, a reviewer's edits, and many filler statements. */
let original: string;
/** The articles of the run: the fixtures with one changed, plus new ones. */
let articles: string;
/** The store as an uninterrupted run leaves it. */
let reference: Record<string, string>;

const REVIEWED_TEXT = 'Our men on the road cannot wait for help that never hears them';
const REVIEW_NOTE = 'checked against the video of the gathering';
const FILLER_PER_MONTH = 6_000;
/** How long a complete run takes from taking the lock to its end (measured in beforeAll). */
let runMs = 2_000;

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

function fillerStatements(month: string, count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(
      `  - id: st-f${month.replace('-', '')}${String(i).padStart(6, '0')}`,
      '    speaker: sarfraz-bugti',
      '    voice: null',
      '    kind: indirect',
      `    text: the water scheme number ${i} in district ${i % 31} of the province would be finished by ${month}`,
      `    date: "${month}-${day}"`,
      '    date_basis: published',
      '    themes: []',
      '    sources:',
      `      - file: filler/${month}/${i}.txt`,
      '        outlet: null',
      '        title: null',
      '        url: null',
      `        published: "${month}-${day}"`,
      '        start: 0',
      '        end: 80',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Adds a review block to the statement whose text is `text`. */
function addReview(store: string, text: string): void {
  for (const name of readdirSync(store).filter((n) => /^\d{4}-\d{2}\.yaml$/.test(n))) {
    const path = join(store, name);
    const content = readFileSync(path, 'utf8');
    const at = content.indexOf(`    text: ${text}\n`);
    if (at < 0) continue;
    const next = content.indexOf('\n  - id: ', at);
    const end = next < 0 ? content.length : next + 1;
    const review = `    review:\n      status: accepted\n      note: ${REVIEW_NOTE}\n`;
    writeFileSync(path, content.slice(0, end) + review + content.slice(end));
    return;
  }
  throw new Error(`no statement "${text}" to review`);
}

function storeFiles(dir: string): Record<string, string> {
  return Object.fromEntries(Object.entries(snapshot(dir)).filter(([name]) => name.endsWith('.yaml')));
}

beforeAll(async () => {
  work = scratch('hard-killed');
  original = emptyStoreWithRegistry(join(work, 'original'));
  articles = join(work, 'articles');
  cpSync(join(ARTICLES, 'good'), articles, { recursive: true });
  expect((await report(['extract', articles, '--store', original])).code).toBe(0);
  addReview(original, REVIEWED_TEXT);
  for (const month of ['2024-08', '2024-10']) {
    writeFileSync(join(original, `${month}.yaml`), readFileSync(join(original, `${month}.yaml`), 'utf8') + fillerStatements(month, FILLER_PER_MONTH));
  }
  // The run: a changed article (its reviewed statement must stay) and new ones in the big months.
  const levies = join(articles, 'aug-levies.txt');
  writeFileSync(levies, `${readFileSync(levies, 'utf8')}\nDefence Minister Khawaja Asif said that the radios would be tested at Sibi first.\n`);
  writeFileSync(join(articles, 'aug-wells.txt'), 'Wells\n\nAugust 30, 2024\n\nChief Minister Sarfraz Bugti said on Thursday that forty wells in Kalat would be dug again.\n');
  writeFileSync(join(articles, 'oct-buses.txt'), 'Buses\n\nOctober 22, 2024\n\nPrime Minister Shehbaz Sharif said on Monday that new buses would run between Quetta and Sibi.\n');

  const complete = join(work, 'complete');
  cpSync(original, complete, { recursive: true });
  const run = start(['extract', articles, '--store', complete], join(work, 'tmp-complete'));
  await waitFor(() => existsSync(join(complete, '.lock')), 10_000);
  const locked = Date.now();
  const result = await run.done;
  runMs = Date.now() - locked;
  expect(result.code, result.stderr).toBe(0);
  reference = storeFiles(complete);
}, 120_000);

afterAll(() => killLeftovers(work));

describe('report extract killed with SIGKILL', () => {
  it('leaves every store file old or new (never half-written), the review kept; the next run completes it', async () => {
    const before = storeFiles(original);
    expect(Object.keys(reference)).toEqual(Object.keys(before));
    const changed = Object.keys(reference).filter((name) => reference[name] !== before[name]);
    expect(changed).toEqual(expect.arrayContaining(['2024-08.yaml', '2024-10.yaml', 'sources.yaml']));

    const next = random(20241121);
    const outcomes: string[] = [];
    for (let trial = 0; trial < 5; trial++) {
      const store = join(work, `killed-${trial}`);
      cpSync(original, store, { recursive: true });
      const tmp = join(work, `tmp-killed-${trial}`);
      const run = start(['extract', articles, '--store', store], tmp);
      // Once the lock is there the run is under way; the kill comes in the later part of a run's
      // length (loading comes first, saving last), at a different point each trial.
      await waitFor(() => existsSync(join(store, '.lock')), 10_000);
      await new Promise((resolve) => setTimeout(resolve, Math.round(runMs * (0.1 + 0.8 * next()))));
      run.child.kill('SIGKILL');
      const ended = await run.done;

      const after = storeFiles(store);
      const state = Object.keys(reference).map((name) => (after[name] === before[name] ? 'old' : after[name] === reference[name] ? 'new' : 'TORN'));
      const leftovers = readdirSync(store).filter((name) => name.includes('.tmp-') || name === '.lock');
      outcomes.push(`${ended.signal ?? ended.code}: ${state.join(' ')} ${leftovers.join(' ')}`);
      expect(state, `trial ${trial}: ${Object.keys(reference).join(' ')}`).not.toContain('TORN');
      expect(Object.keys(after).sort()).toEqual(Object.keys(reference).sort());
      expect(readFileSync(join(store, '2024-08.yaml'), 'utf8')).toContain(REVIEW_NOTE);

      // The next run takes over a stale lock, removes stale temporary files and ends where a clean run does.
      const again = await runIn(tmp, ['extract', articles, '--store', store]);
      expect(again.code, again.stderr).toBe(0);
      expect(storeFiles(store)).toEqual(reference);
      expect(readdirSync(store).filter((name) => name.includes('.tmp') || name === '.lock')).toEqual([]);
    }
    // For the record when a test fails (which kill landed where): visible with --reporter=verbose.
    console.info(`run ${runMs} ms after the lock; kills:\n${outcomes.join('\n')}`);
  }, 240_000);

  it('a reviewer’s edit is in the completed store with the changed article re-read', () => {
    expect(reference['2024-08.yaml']).toBeDefined();
    const august = Buffer.from(reference['2024-08.yaml']!, 'base64').toString('utf8');
    const at = august.indexOf(`text: ${REVIEWED_TEXT}`);
    expect(at).toBeGreaterThan(0);
    expect(august.slice(at, august.indexOf('\n  - id: ', at))).toContain(`note: ${REVIEW_NOTE}`);
    expect(august).toContain('the radios would be tested at Sibi first');
  });
});

describe('two extracts at once', () => {
  it('the second is turned away with the busy message (exit 5); the first completes; the store is as one run leaves it', async () => {
    const store = join(work, 'concurrent');
    cpSync(original, store, { recursive: true });
    const first = start(['extract', articles, '--store', store], join(work, 'tmp-first'));
    expect(await waitFor(() => existsSync(join(store, '.lock')), 10_000)).toBe(true);
    const second = await report(['extract', articles, '--store', store]);
    const done = await first.done;
    expect(done.code, done.stderr).toBe(0);
    if (second.code === 0) return; // the first had already finished: nothing was concurrent
    expect(second.code).toBe(5);
    expect(oneLine(second)).toMatch(/^report: .*concurrent\/: another `report extract` \(pid \d+\) is updating this store; wait for it or remove .*\.lock if that process is gone$/);
    expect(storeFiles(store)).toEqual(reference);
  }, 60_000);
});

describe('report killed with SIGKILL', () => {
  it('leaves the previous briefing, or a complete new one; no Chromium survives; the next run cleans up', async () => {
    // A store of readable size (the filler store makes a PDF of thousands of pages).
    const store = emptyStoreWithRegistry(join(work, 'small'));
    expect((await report(['extract', articles, '--store', store])).code).toBe(0);
    const out = join(work, 'briefings');
    mkdirSync(out);
    const first = await report([...PERIOD, '--store', store, '--out', out, '--title', 'Old briefing']);
    expect(first.code, first.stderr).toBe(0);
    let previous = snapshot(out);

    const next = random(7);
    const outcomes: string[] = [];
    for (let trial = 0; trial < 5; trial++) {
      const tmp = join(work, `tmp-report-${trial}`);
      const title = `New briefing ${trial}`;
      const run = start([...PERIOD, '--store', store, '--out', out, '--title', title], tmp);
      await new Promise((resolve) => setTimeout(resolve, 300 + Math.round(next() * 3500)));
      run.child.kill('SIGKILL');
      const ended = await run.done;
      // Chromium talks to us over a pipe: with us gone it exits by itself.
      expect(await survivorsAfter(tmp), `trial ${trial}`).toEqual([]);

      // Each file is as the previous run left it, or complete from this run (the title tells).
      const now = snapshot(out);
      const htmlState = now[`${STEM}.html`] === previous[`${STEM}.html`] ? 'old' : 'new';
      const pdfState = now[`${STEM}.pdf`] === previous[`${STEM}.pdf`] ? 'old' : 'new';
      outcomes.push(`${ended.signal ?? ended.code}: html ${htmlState}, pdf ${pdfState}; ${Object.keys(now).filter((n) => n.endsWith('.tmp')).length} temporary file(s)`);
      if (htmlState === 'new') {
        const html = readFileSync(join(out, `${STEM}.html`), 'utf8');
        expect(html.includes(title), `trial ${trial}: the new HTML is this run's`).toBe(true);
        // Complete: the document closes (a trailing comment with the page numbers may follow).
        expect(/<\/html>\s*(<!--[^]*-->)?$/.test(html.trimEnd()), `trial ${trial}: the HTML is complete`).toBe(true);
      }
      if (pdfState === 'new') {
        const text = pdfTextSync(join(out, `${STEM}.pdf`));
        expect(text.includes(title), `trial ${trial}: the new PDF is this run's`).toBe(true);
        expect(text).toContain('Our men on the road cannot wait');
      }
      const pdf = readFileSync(join(out, `${STEM}.pdf`));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.subarray(-8).toString()).toContain('%%EOF');
      previous = now;
    }
    console.info(outcomes.join('\n'));

    const last = await report([...PERIOD, '--store', store, '--out', out, '--title', 'After the kills']);
    expect(last.code, last.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([`${STEM}.html`, `${STEM}.pdf`]);
    expect(pdfTextSync(join(out, `${STEM}.pdf`))).toContain('After the kills');
  }, 240_000);
});
