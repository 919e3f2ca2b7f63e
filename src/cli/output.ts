// Printing and exiting: the only place that does either.
import { ReportError } from '../errors.js';

export function fail(error: unknown): never {
  if (error instanceof ReportError) {
    process.stderr.write(`report: ${error.message}\n`);
    process.exit(error.exitCode);
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`report: internal error: ${detail}\n`);
  process.exit(1);
}

export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function warn(line: string): void {
  process.stderr.write(`report: warning: ${line}\n`);
}
