// Helpers for the hardening tests: run the built CLI (to completion, or started and then signalled),
// snapshot folders byte for byte, find Chromium processes by the temporary folder a run was given.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, emptyStoreWithRegistry, report, scratch, type CliResult } from '../cli/helpers.js';

export { BIN, ROOT, emptyStoreWithRegistry, report, scratch, type CliResult };

export const FIXTURES = join(ROOT, 'test/fixtures/hardening');
export const ARTICLES = join(FIXTURES, 'articles');

/** Every file under `dir` (relative path → bytes as base64), to compare a folder before and after. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const name of readdirSync(join(dir, sub)).sort()) {
      const rel = sub ? `${sub}/${name}` : name;
      const info = lstatSync(join(dir, rel));
      if (info.isDirectory()) walk(rel);
      else if (info.isSymbolicLink()) out[rel] = `symlink`;
      else if (info.isFile()) out[rel] = readFileSync(join(dir, rel)).toString('base64');
      else out[rel] = 'special'; // a socket Chromium left, for one
    }
  };
  if (existsSync(dir)) walk('');
  return out;
}

/** The one line a failing run prints, checked to be exactly one line starting with `report: `. */
export function oneLine(result: CliResult): string {
  const lines = result.stderr.trimEnd().split('\n');
  if (lines.length !== 1 || !lines[0]!.startsWith('report: ')) {
    throw new Error(`expected one "report: …" line on stderr, got:\n${result.stderr}`);
  }
  return lines[0]!;
}

/** A store with the project's registry and the hardening fixture articles extracted into it. */
export async function storeWithStatements(work: string): Promise<string> {
  const store = emptyStoreWithRegistry(join(work, 'statements'));
  const result = await report(['extract', join(ARTICLES, 'good'), '--store', store]);
  if (result.code !== 0) throw new Error(`extract failed: ${result.stderr}`);
  return store;
}

export interface Running {
  child: ChildProcess;
  /** Resolves when the process has ended: its exit code, or the signal that ended it. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts the CLI without waiting for it. `tmp` becomes its TMPDIR, so its Chromium profiles are findable. */
export function start(args: string[], tmp: string, env: NodeJS.ProcessEnv = {}): Running {
  mkdirSync(tmp, { recursive: true });
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, TMPDIR: tmp, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Runs the CLI with TMPDIR set to `tmp` and waits for it. */
export async function runIn(tmp: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  return start(args, tmp, env).done;
}

/** Polls `check` every 20 ms until it is true or `limitMs` passes; returns whether it became true. */
export async function waitFor(check: () => boolean, limitMs = 20_000): Promise<boolean> {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return check();
}

/** Pids of processes whose command line mentions `marker` (e.g. a run's TMPDIR, which holds its Chromium profile). */
export function processesMentioning(marker: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (cmdline.includes(marker)) pids.push(Number(name));
    } catch {
      // ended meanwhile
    }
  }
  return pids;
}

/** Waits (bounded) until no process mentions `marker`; returns those still there. */
export async function survivorsAfter(marker: string, limitMs = 15_000): Promise<number[]> {
  await waitFor(() => processesMentioning(marker).length === 0, limitMs);
  return processesMentioning(marker);
}

/** Kills processes a failed test left behind (only those naming our own temporary folder). */
export function killLeftovers(marker: string): void {
  for (const pid of processesMentioning(marker)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
}

/** A fake browser: a shell script written into `dir`. */
export function fakeBrowser(dir: string, name: string, script: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${script}\n`, { mode: 0o755 });
  return file;
}

/** Text of a PDF (poppler's pdftotext); throws when the file is not a complete PDF. */
export function pdfTextSync(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Loads a store folder in a separate process, as `report themes` does; returns its exit code and stderr. */
export async function storeLoads(store: string): Promise<{ ok: boolean; stderr: string }> {
  const result = await report(['themes', '--store', store]);
  return { ok: result.code === 0, stderr: result.stderr };
}

export const PERIOD = ['--from', '2024-08-01', '--to', '2024-11-30'];
export const STEM = 'briefing-2024-08-01_2024-11-30';

