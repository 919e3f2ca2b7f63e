#!/usr/bin/env node
// `npm run eval`: extracts the shared corpus (../shared/corpus/seeds and dev) with `report extract --json`
// and scores it with ../shared/eval/score.mjs against the quality bar; exits non-zero below it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

const work = mkdtempSync(join(tmpdir(), 'report-eval-'));
try {
  const predictions = execFileSync(process.execPath, ['bin/report.js', 'extract', ...corpora, '--json'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const predFile = join(work, 'pred.json');
  writeFileSync(predFile, predictions);
  const args = [scorer, ...corpora.flatMap((dir) => ['--gold', dir]), '--pred', predFile];
  if (process.argv.includes('--verbose')) args.push('--verbose');
  for (const [flag, value] of Object.entries(BAR)) args.push(flag, String(value));
  execFileSync(process.execPath, args, { stdio: 'inherit' });
} catch (error) {
  process.exitCode = typeof error.status === 'number' ? error.status : 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
