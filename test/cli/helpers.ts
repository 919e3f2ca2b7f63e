// Runs the built `report` command as a user does, in a scratch folder with a store of its own.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/report.js');
export const FIXTURE_ARTICLES = join(ROOT, 'test/fixtures/cli/articles');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function report(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

export function scratch(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `report-${prefix}-`));
}

/** Statement files are the store's content; everything else in statements/ is registry data. */
const STATEMENT_FILE = /^(\d{4}-\d{2}|undated|sources)\.ya?ml$/;

/** A store holding the project's registry (speakers, themes, …) and no statements yet. */
export function emptyStoreWithRegistry(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(join(ROOT, 'statements'))) {
    if (name.endsWith('.yaml') && !STATEMENT_FILE.test(name)) copyFileSync(join(ROOT, 'statements', name), join(dir, name));
  }
  return dir;
}

export async function pdfText(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', file, '-']);
  return stdout;
}

export function listFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}
