// Shared helpers for the store tests: temporary copies of the fixture stores.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'store');

/** A fresh copy of a fixture store (default: the valid one) in a temporary folder. */
export function copyStore(name = 'valid'): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'store-test-')), 'statements');
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

export function read(dir: string, file: string): string {
  return readFileSync(path.join(dir, file), 'utf8');
}

export function write(dir: string, file: string, content: string): void {
  writeFileSync(path.join(dir, file), content);
}

/** Replaces `from` by `to` in a store file; fails the test if `from` is not there. */
export function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const before = read(dir, file);
  const after = before.replace(from, to);
  if (after === before) throw new Error(`edit: ${String(from)} not found in ${file}`);
  write(dir, file, after);
}
