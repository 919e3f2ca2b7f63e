// Ctrl-C (SIGINT) and SIGTERM during `report` and `report extract`: one line on stderr and exit code
// 130 (SIGINT) or 143 (SIGTERM), after the store lock and the browser have cleaned up after themselves.
//
// Those two install their own handlers while they are active (src/store/lock.ts releases the lock;
// src/render/browser.ts kills Chromium, removes its profile, then raises the signal again). Ours is
// registered first, so it runs first: it waits for the others instead of exiting on the spot.
import { browserProfilesForTests as openBrowserProfiles } from '../render/browser.js';

/** How long to wait for the browser's clean-up to raise the signal again before leaving anyway. */
const BROWSER_CLEANUP_GRACE_MS = 5_000;

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type HandledSignal = keyof typeof EXIT_CODES;

let installed = false;
let stopping = false;
let finished = false;

export function exitCleanlyOnInterrupt(): void {
  if (installed) return;
  installed = true;
  for (const signal of Object.keys(EXIT_CODES) as HandledSignal[]) {
    process.on(signal, () => onSignal(signal));
  }
}

function onSignal(signal: HandledSignal): void {
  if (stopping) {
    // Raised again by the browser's clean-up (or a second Ctrl-C): everything that could be tidied is.
    finish(signal);
    return;
  }
  stopping = true;
  // The other handlers run in this same emit, after ours; look once they have.
  setImmediate(() => {
    if (openBrowserProfiles().length === 0) finish(signal);
  });
  setTimeout(() => finish(signal), BROWSER_CLEANUP_GRACE_MS);
}

function finish(signal: HandledSignal): void {
  if (finished) return;
  finished = true;
  process.stderr.write(`report: interrupted by ${signal}; no file was left half-written\n`);
  process.exit(EXIT_CODES[signal]);
}
