// An exclusive lock on the store folder, so that two `report extract` runs cannot interleave their
// writes. The lock is a file created with O_EXCL holding the owner's pid and start time; a lock whose
// owner is gone (the pid is dead, or now belongs to a process started later) is stale and taken over.
import { promises as fs, readFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { ReportError } from '../errors.js';
import { LOCK_FILE, assertStoreDir, displayDir } from './files.js';

interface LockContent {
  pid: number;
  /** When the owning process started (ms since the epoch). */
  started: number;
  /** Random token so that a release removes only our own lock. */
  token: string;
}

/** How long an unreadable lock (caught between create and write) is presumed live. */
const UNREADABLE_GRACE_MS = 10_000;

export async function withStoreLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  await assertStoreDir(dir);
  const lockPath = path.join(dir, LOCK_FILE);
  const content: LockContent = { pid: process.pid, started: processStartTime(), token: Math.random().toString(36).slice(2) };
  const release = () => releaseSync(lockPath, content.token);
  const onSignal = (signal: NodeJS.Signals) => {
    release();
    removeSignalHandlers();
    // Without our handler the signal's usual effect applies: another handler (the CLI's) runs, or
    // the process ends as it would have.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const removeSignalHandlers = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', release);
  };
  // Registered before the lock file is created, so that no moment has a lock on disk that an
  // interrupt would leave behind (release only removes a lock holding our token).
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', release);
  try {
    await acquire(lockPath, content, dir);
    await removeStaleTemporaryFiles(dir);
    return await fn();
  } finally {
    removeSignalHandlers();
    release();
  }
}

/**
 * A run killed mid-save (SIGKILL, power cut) leaves its `FILE.tmp-PID` behind; the real FILE is intact
 * (writes are renamed into place). Holding the lock, we remove those whose writer is gone.
 */
async function removeStaleTemporaryFiles(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/\.tmp-(\d+)$/.exec(name)?.[1] ?? NaN);
    if (!Number.isInteger(pid) || pid === process.pid || isAlive({ pid, started: 0, token: '' })) continue;
    await fs.rm(path.join(dir, name), { force: true }).catch(() => undefined);
  }
}

async function acquire(lockPath: string, content: LockContent, dir: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      await fs.writeFile(lockPath, `${JSON.stringify(content)}\n`, { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new ReportError('environment', `${lockPath}: cannot create the store lock (${(error as Error).message})`, { cause: error });
      }
    }
    const holder = await readLock(lockPath);
    if (holder === 'gone') continue;
    if (holder === 'unreadable' || isAlive(holder)) {
      const pid = holder === 'unreadable' ? '?' : String(holder.pid);
      throw new ReportError(
        'busy',
        `${displayDir(dir)}: another \`report extract\` (pid ${pid}) is updating this store; wait for it or remove ${displayDir(dir)}${LOCK_FILE} if that process is gone`,
      );
    }
    // Stale: its owner is dead. Remove it only if it is still that same stale lock (another run may
    // have taken it over meanwhile), then retry.
    const again = await readLock(lockPath);
    if (typeof again === 'object' && again.pid === holder.pid && again.token === holder.token) {
      await fs.rm(lockPath, { force: true });
    }
  }
  throw new ReportError('busy', `${displayDir(dir)}: could not take the store lock (${LOCK_FILE} keeps reappearing); try again`);
}

async function readLock(lockPath: string): Promise<LockContent | 'gone' | 'unreadable'> {
  let text: string;
  let modified: number;
  try {
    text = await fs.readFile(lockPath, 'utf8');
    modified = (await fs.stat(lockPath)).mtimeMs;
  } catch {
    return 'gone';
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockContent>;
    if (typeof parsed.pid === 'number' && Number.isInteger(parsed.pid) && parsed.pid > 0) {
      return { pid: parsed.pid, started: typeof parsed.started === 'number' ? parsed.started : 0, token: String(parsed.token ?? '') };
    }
  } catch {
    // fall through
  }
  // A half-written lock of a live process looks like this for a moment; an old one is garbage.
  return Date.now() - modified < UNREADABLE_GRACE_MS
    ? 'unreadable'
    : { pid: 0, started: 0, token: '' };
}

function isAlive(holder: LockContent): boolean {
  if (holder.pid <= 0) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // The pid is in use; it is our lock's owner only if that process started when the lock says.
  const started = startTimeOf(holder.pid);
  if (started === null || holder.started === 0) return true;
  return Math.abs(started - holder.started) < 2_000;
}

function releaseSync(lockPath: string, token: string): void {
  try {
    const current = JSON.parse(readFileSync(lockPath, 'utf8')) as Partial<LockContent>;
    if (current.token === token) unlinkSync(lockPath);
  } catch {
    // already gone, or not ours
  }
}

function processStartTime(): number {
  return startTimeOf(process.pid) ?? Math.round(Date.now() - process.uptime() * 1000);
}

/** Start time of a process from /proc (Linux); null where /proc is not available. */
function startTimeOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const startTicks = Number(fields[19]);
    const bootTime = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    if (!Number.isFinite(startTicks) || !Number.isFinite(bootTime)) return null;
    // Clock ticks are 100 per second on Linux in practice (USER_HZ).
    return Math.round(bootTime * 1000 + (startTicks / 100) * 1000);
  } catch {
    return null;
  }
}
