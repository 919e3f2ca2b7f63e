#!/usr/bin/env node
// `npm run eval`: extracts the shared corpus (../shared/corpus/seeds and dev) with `report extract --json`
// and scores it with ../shared/eval/score.mjs against the quality bar; exits non-zero below it.
// Then scores our own held-out sets (test/fixtures/heldout*), which are articles written for this
// project and never used to tune the extractor: figures only, no bar. `--verbose` lists every miss.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const shared = resolve(process.env.SHARED_DIR ?? '../shared');
const corpora = ['seeds', 'dev'].map((name) => join(shared, 'corpus', name));
const scorer = join(shared, 'eval', 'score.mjs');
if (!existsSync(scorer) || !corpora.every((dir) => existsSync(dir))) {
  console.error(`eval: the shared corpus is not at ${shared} (set SHARED_DIR to its folder)`);
  process.exit(2);
}
const BAR = { '--min-f1': 0.85, '--min-speaker': 0.92, '--min-date': 0.9, '--min-tracked': 0.85 };
const verbose = process.argv.includes('--verbose');
const work = mkdtempSync(join(tmpdir(), 'report-eval-'));

/** Extracts `dirs` and scores them; returns the scorer's exit status. */
function score(name, dirs, bar) {
  const predictions = execFileSync(process.execPath, ['bin/report.js', 'extract', ...dirs, '--json'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const predFile = join(work, `${name.replace(/[^\w-]+/g, '_')}.json`);
  writeFileSync(predFile, predictions);
  const args = [scorer, ...dirs.flatMap((dir) => ['--gold', dir]), '--pred', predFile];
  if (verbose) args.push('--verbose');
  for (const [flag, value] of Object.entries(bar)) args.push(flag, String(value));
  console.log(`== ${name}`);
  try {
    execFileSync(process.execPath, args, { stdio: 'inherit' });
    return 0;
  } catch (error) {
    return typeof error.status === 'number' ? error.status : 1;
  }
}

try {
  process.exitCode = score('shared corpus (seeds + dev), against the bar', corpora, BAR);
  const fixtures = 'test/fixtures';
  for (const name of readdirSync(fixtures).filter((entry) => entry.startsWith('heldout')).sort()) {
    score(`${fixtures}/${name} (held out, figures only)`, [join(fixtures, name)], {});
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
