import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportError } from '../../src/errors.js';
import { withStoreLock } from '../../src/store/index.js';
import { copyStore } from './helpers.js';

/** A pid that is certainly not running: a child process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('withStoreLock', () => {
  it('holds statements/.lock while the function runs and removes it after', async () => {
    const dir = copyStore();
    const lock = path.join(dir, '.lock');
    const seen = await withStoreLock(dir, async () => JSON.parse(readFileSync(lock, 'utf8')) as { pid: number });
    expect(seen.pid).toBe(process.pid);
    expect(existsSync(lock)).toBe(false);
  });

  it('releases the lock when the function throws', async () => {
    const dir = copyStore();
    await expect(withStoreLock(dir, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(path.join(dir, '.lock'))).toBe(false);
  });

  it('turns a second locker away with a busy error naming the holder', async () => {
    const dir = copyStore();
    let inner: unknown;
    await withStoreLock(dir, async () => {
      inner = await withStoreLock(dir, async () => 'should not run').catch((error: unknown) => error);
    });
    expect(inner).toBeInstanceOf(ReportError);
    expect((inner as ReportError).kind).toBe('busy');
    expect((inner as ReportError).message).toBe(
      `${dir}/: another \`report extract\` (pid ${process.pid}) is updating this store; wait for it or remove ${dir}/.lock if that process is gone`,
    );
  });

  it('takes over a stale lock whose process is gone', async () => {
    const dir = copyStore();
    writeFileSync(path.join(dir, '.lock'), JSON.stringify({ pid: deadPid(), started: 1, token: 'old' }));
    expect(await withStoreLock(dir, async () => 'ran')).toBe('ran');
    expect(existsSync(path.join(dir, '.lock'))).toBe(false);
  });

  it('treats a lock of a live pid with another start time as stale (pid reused)', async () => {
    const dir = copyStore();
    writeFileSync(path.join(dir, '.lock'), JSON.stringify({ pid: process.pid, started: 1000, token: 'old' }));
    expect(await withStoreLock(dir, async () => 'ran')).toBe('ran');
  });
});
