// A fast path for the store's own YAML. js-yaml reads about 10 MB/s on a small machine, too slow for
// a store of 100,000 statements (~65 MB), so the store writes a plain subset of YAML (block mappings
// and sequences, one scalar per line, flow lists of scalars) and reads that subset with the small
// parser below. Anything outside the subset (anchors, multi-line scalars, tags, odd indentation…)
// makes the fast parser give up, and the file is read by js-yaml instead, which also reports the
// syntax errors. So the fast parser never decides what a file means on its own: on any input it
// either returns exactly what js-yaml would, or declines.

/** Thrown when a line is outside the subset; the caller falls back to js-yaml. */
export class OutsideSubset extends Error {}

// --- writing ------------------------------------------------------------------------------------

/** Scalars that the core schema would read as something other than a string. */
const NON_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.?[0-9].*|\.(?:inf|Inf|INF))|\.(?:nan|NaN|NAN))$/;
/** Characters YAML does not allow raw in a double-quoted scalar, or that some readers take as line breaks. */
const NEEDS_ESCAPE = /[\u007f-\u009f\u2028\u2029\ufeff]/g;
/** Plain (unquoted) is used only for text whose meaning cannot change: conservative on purpose. */
const SAFE_PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^\t\n\r\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]*$/;

function isSafePlain(value: string, inFlow: boolean): boolean {
  if (!SAFE_PLAIN.test(value) || NON_STRING.test(value)) return false;
  if (value.endsWith(' ') || value.endsWith(':') || value.includes(': ') || value.includes(' #')) return false;
  if (inFlow && /[,[\]{}]/.test(value)) return false;
  return true;
}

function scalar(value: unknown, inFlow = false): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} to YAML`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value !== 'string') throw new Error(`cannot write a ${typeof value} as a YAML scalar`);
  if (isSafePlain(value, inFlow)) return value;
  return JSON.stringify(value).replace(NEEDS_ESCAPE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const isScalar = (value: unknown) => value === null || typeof value !== 'object';

/**
 * YAML for a document of mappings, lists and scalars, in the subset the fast parser reads: block
 * style, two-space indents, lists of scalars in flow style (`themes: [a, b]`), keys in the order given.
 */
export function emitYaml(document: Record<string, unknown>): string {
  const lines: string[] = [];
  emitMapping(document, '', lines);
  return lines.length === 0 ? '{}\n' : `${lines.join('\n')}\n`;
}

function emitMapping(mapping: Record<string, unknown>, indent: string, lines: string[], firstPrefix?: string): void {
  let first = true;
  for (const [key, value] of Object.entries(mapping)) {
    if (value === undefined) continue;
    if (!/^[a-z_][a-z0-9_]*$/.test(key)) throw new Error(`cannot write key ${JSON.stringify(key)}`);
    const lead = first && firstPrefix !== undefined ? firstPrefix : indent;
    first = false;
    emitValue(key, value, lead, indent, lines);
  }
  if (first && firstPrefix !== undefined) lines.push(`${firstPrefix}{}`);
}

function emitValue(key: string, value: unknown, lead: string, indent: string, lines: string[]): void {
  if (isScalar(value)) {
    lines.push(`${lead}${key}: ${scalar(value)}`);
  } else if (Array.isArray(value)) {
    if (value.every(isScalar)) {
      lines.push(`${lead}${key}: [${value.map((item) => scalar(item, true)).join(', ')}]`);
      return;
    }
    lines.push(`${lead}${key}:`);
    for (const item of value) {
      if (isScalar(item) || Array.isArray(item)) throw new Error('cannot write a mixed list');
      emitMapping(item as Record<string, unknown>, `${indent}    `, lines, `${indent}  - `);
    }
  } else {
    const entries = Object.values(value as Record<string, unknown>).filter((item) => item !== undefined);
    if (entries.length === 0) {
      lines.push(`${lead}${key}: {}`);
      return;
    }
    lines.push(`${lead}${key}:`);
    emitMapping(value as Record<string, unknown>, `${indent}  `, lines);
  }
}

// --- reading ------------------------------------------------------------------------------------

const KEY_LINE = /^[A-Za-z_][\w-]*:( |$)/;

/**
 * Walks the content lines (blank and comment lines left out) one at a time: `indent` and `body` are
 * those of the current line, `body` undefined at the end. Lines are cut as they are reached so that
 * they die young (holding all of a 65 MB store's lines at once made garbage collection the main cost).
 */
export class Reader {
  indent = -1;
  body: string | undefined;
  private position = 0;

  constructor(private readonly source: string) {
    this.advance();
  }

  advance(): void {
    const source = this.source;
    while (this.position < source.length) {
      let end = source.indexOf('\n', this.position);
      if (end === -1) end = source.length;
      let first = this.position;
      while (first < end && source.charCodeAt(first) === 32) first += 1;
      const start = this.position;
      this.position = end + 1;
      if (first < end && source.charCodeAt(first) !== 35) {
        this.indent = first - start;
        this.body = source.slice(first, end);
        return;
      }
    }
    this.indent = -1;
    this.body = undefined;
  }
}

/**
 * Reads text in the subset. Returns undefined for a file with no content (blank and comment lines
 * only), like js-yaml. Throws OutsideSubset for anything it does not handle.
 */
export function parseSubset(source: string): unknown {
  if (source.includes('\t') || source.includes('\r')) throw new OutsideSubset('tab or CR');
  const reader = new Reader(source);
  if (reader.body === undefined) return undefined;
  if (reader.indent !== 0) throw new OutsideSubset('indented first line');
  const document = readMapping(reader, 0);
  if (reader.body !== undefined) throw new OutsideSubset('content after the document');
  return document;
}

/** A block mapping whose keys sit at column `indent`; `firstBody` is a key line that followed `- `. */
function readMapping(reader: Reader, indent: number, firstBody?: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let body = firstBody;
  for (;;) {
    if (body === undefined) {
      if (reader.body === undefined || reader.indent < indent) break;
      body = reader.body;
      if (reader.indent > indent || body.startsWith('- ') || body === '-') throw new OutsideSubset('unexpected line');
      reader.advance();
    }
    if (!KEY_LINE.test(body)) throw new OutsideSubset('not a key: value line');
    const colon = body.indexOf(':');
    const key = body.slice(0, colon);
    if (key === '__proto__' || Object.prototype.hasOwnProperty.call(out, key)) throw new OutsideSubset('duplicate or special key');
    const rest = body.slice(colon + 1);
    let value: unknown;
    if (rest === '' || /^ +(#.*)?$/.test(rest)) {
      // The value is on the next lines: a list (possibly at the key's own column), a mapping, or null.
      const nextIndent = reader.indent;
      const nextBody = reader.body ?? '';
      if (nextIndent >= indent && (nextBody.startsWith('- ') || nextBody === '-')) value = readSequence(reader, nextIndent);
      else if (nextIndent > indent) value = readMapping(reader, nextIndent);
      else value = null;
    } else {
      value = readValue(rest.slice(1));
    }
    out[key] = value;
    body = undefined;
  }
  return out;
}

function readSequence(reader: Reader, indent: number): unknown[] {
  const items: unknown[] = [];
  for (;;) {
    const line = reader.body;
    if (line === undefined || reader.indent !== indent || !line.startsWith('- ')) break;
    reader.advance();
    const body = line.slice(2);
    if (body.startsWith(' ') || body === '') throw new OutsideSubset('unusual list item');
    items.push(KEY_LINE.test(body) ? readMapping(reader, indent + 2, body) : readValue(body));
  }
  if (reader.indent > indent) throw new OutsideSubset('unexpected indent after a list');
  return items;
}

/** One scalar or flow value after `key: ` (throws OutsideSubset for what the subset does not cover). */
export function readValue(text: string): unknown {
  // The common case first: a word or words of letters, digits, spaces and a few signs that cannot
  // mean anything but a string (no `:`, `#`, quotes, brackets or commas; no trailing space).
  if (PLAIN_WORDS.test(text) && !KEYWORD.test(text)) return text;
  if (text.startsWith('"')) return readDoubleQuoted(text);
  if (text.startsWith("'")) return readSingleQuoted(text);
  if (text.startsWith('[')) return readFlowList(text);
  const value = text.includes(' #') ? text.replace(/ +#.*$/, '') : text;
  if (value === '{}') return {};
  return readPlain(value, false);
}

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}$/;
const PLAIN_WORDS = /^[A-Za-z](?:[\w .()/-]*[\w.()/-])?$/;
const KEYWORD = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;

function readPlain(value: string, inFlow: boolean): unknown {
  const trimmed = value.trimEnd();
  if (trimmed === '' || trimmed === '~' || trimmed === 'null' || trimmed === 'Null' || trimmed === 'NULL') return null;
  if (/^(true|True|TRUE)$/.test(trimmed)) return true;
  if (/^(false|False|FALSE)$/.test(trimmed)) return false;
  if (/^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/.test(trimmed) && trimmed.length < 16) return Number(trimmed);
  // The core schema has no timestamps: a bare date is a string.
  if (DATE_LIKE.test(trimmed)) return trimmed;
  if (!isSafePlain(trimmed, inFlow)) throw new OutsideSubset('plain scalar outside the safe set');
  return trimmed;
}

function readDoubleQuoted(text: string): string {
  // Without a backslash before the closing quote, the content is the text between the quotes.
  const end = text.indexOf('"', 1);
  const backslash = text.indexOf('\\');
  if (end !== -1 && (backslash === -1 || backslash > end)) {
    const inner = text.slice(1, end);
    if (!/[\u0000-\u001f]/.test(inner)) {
      assertOnlyComment(text.slice(end + 1));
      return inner;
    }
  }
  const close = findClosingDoubleQuote(text);
  if (close === -1) throw new OutsideSubset('double-quoted scalar goes on');
  assertOnlyComment(text.slice(close + 1));
  const inner = text.slice(0, close + 1);
  // YAML escapes that JSON does not know (\x, \U, \N, \e, …) and raw control characters fall back to js-yaml.
  if (/\\[^"\\/bfnrtu]/.test(inner.replace(/\\\\/g, '')) || /[\u0000-\u001f]/.test(inner)) {
    throw new OutsideSubset('YAML-only escape');
  }
  try {
    return JSON.parse(inner) as string;
  } catch {
    throw new OutsideSubset('not a JSON-compatible string');
  }
}

function findClosingDoubleQuote(text: string): number {
  for (let index = 1; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\\') index += 1;
    else if (char === '"') return index;
  }
  return -1;
}

/** Index of the quote closing a single-quoted scalar starting at 0 (`''` is an escaped quote). */
function findClosingSingleQuote(text: string): number {
  let index = 1;
  for (;;) {
    const next = text.indexOf("'", index);
    if (next === -1) return -1;
    if (text[next + 1] === "'") index = next + 2;
    else return next;
  }
}

function readSingleQuoted(text: string): string {
  const close = findClosingSingleQuote(text);
  if (close === -1) throw new OutsideSubset('single-quoted scalar goes on');
  assertOnlyComment(text.slice(close + 1));
  return text.slice(1, close).replace(/''/g, "'");
}

function assertOnlyComment(after: string): void {
  if (after !== '' && !/^ +(#.*)?$/.test(after)) throw new OutsideSubset('text after a value');
}

/** `[a, "b c", 'd']` on one line; nested collections fall back. */
function readFlowList(text: string): unknown[] {
  const items: unknown[] = [];
  let index = 1;
  const skipSpaces = () => {
    while (text[index] === ' ') index += 1;
  };
  skipSpaces();
  if (text[index] === ']') {
    assertOnlyComment(text.slice(index + 1));
    return items;
  }
  for (;;) {
    skipSpaces();
    const rest = text.slice(index);
    let length: number;
    if (rest.startsWith('"')) {
      length = findClosingDoubleQuote(rest) + 1;
      if (length === 0) throw new OutsideSubset('flow string goes on');
      items.push(readDoubleQuoted(rest.slice(0, length)));
    } else if (rest.startsWith("'")) {
      length = findClosingSingleQuote(rest) + 1;
      if (length === 0) throw new OutsideSubset('flow string goes on');
      items.push(readSingleQuoted(rest.slice(0, length)));
    } else {
      const raw = /^[^,\]]*/.exec(rest)?.[0] ?? '';
      if (raw.trim() === '' || /[[{}]/.test(raw)) throw new OutsideSubset('flow item');
      items.push(readPlain(raw.trim(), true));
      length = raw.length;
    }
    index += length;
    skipSpaces();
    if (text[index] === ',') {
      index += 1;
      continue;
    }
    if (text[index] === ']') break;
    throw new OutsideSubset('flow list syntax');
  }
  assertOnlyComment(text.slice(index + 1));
  return items;
}
