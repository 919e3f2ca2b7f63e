// Errors the core raises. The core never prints or exits: the CLI prints `message` once and exits
// with `exitCode`; library callers get the exception.

export type ErrorKind =
  | 'usage' // a bad flag or argument
  | 'input' // a bad file: store, article, template
  | 'environment' // no browser, browser crashed or hung, disk not writable
  | 'busy' // the store is locked by another run
  | 'interrupted';

const EXIT_CODES: Record<ErrorKind, number> = {
  usage: 2,
  input: 3,
  environment: 4,
  busy: 5,
  interrupted: 130,
};

export class ReportError extends Error {
  readonly kind: ErrorKind;
  readonly exitCode: number;

  constructor(kind: ErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ReportError';
    this.kind = kind;
    this.exitCode = EXIT_CODES[kind];
  }
}

export const usageError = (message: string): ReportError => new ReportError('usage', message);
export const inputError = (message: string, cause?: unknown): ReportError =>
  new ReportError('input', message, { cause });
export const environmentError = (message: string, cause?: unknown): ReportError =>
  new ReportError('environment', message, { cause });
