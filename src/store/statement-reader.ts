// A statement file as saveStore writes it, read straight into Statement objects. Loading a store of
// 100,000 statements through the general YAML subset reader, then the schema, then the domain mapping
// made three sets of objects per statement and most of the load time went to building and collecting
// them. This reader knows the layout (two-space indents, `- ` items, the fields of a statement, of a
// source and of a review) and checks what quickStatementFile checks. On anything else — another
// layout, an unknown or repeated field, a value of the wrong type or an invalid one — it returns null
// and the file is read the general way (parseYaml + the schema), which also words the error. So it
// never decides alone what a file means: it gives what the general path would give, or declines.
import type { Review, SourceRef, Statement } from '../types.js';
import { DATE_BASES, KINDS, REVIEW_STATUSES, STATEMENT_ID, idPattern, isDateOrNull, isOffset } from './schema.js';
import { OutsideSubset, Reader, readValue } from './yaml-fast.js';

class Decline extends Error {}

const decline = (): never => {
  throw new Decline();
};

/** The statements of a statement file in the store's own layout, or null to read it the general way. */
export function readStatementFile(source: string): Statement[] | null {
  if (source.charCodeAt(0) === 0xfeff || source.includes('\t') || source.includes('\r')) return null;
  try {
    return readDocument(new Reader(source));
  } catch (error) {
    if (error instanceof Decline || error instanceof OutsideSubset) return null;
    throw error;
  }
}

function readDocument(reader: Reader): Statement[] {
  if (reader.body === undefined || reader.indent !== 0 || !isBlockKey(reader.body, 'statements')) decline();
  reader.advance();
  const statements: Statement[] = [];
  while (reader.body !== undefined) {
    if (reader.indent !== 2 || !reader.body.startsWith('- ')) decline();
    statements.push(readStatement(reader));
  }
  return statements;
}

/** `key:` with nothing (or a comment) after it: the value is on the following lines. */
function isBlockKey(body: string, key: string): boolean {
  if (!body.startsWith(key) || body.charCodeAt(key.length) !== 58 /* : */) return false;
  return isEmptyRest(body, key.length + 1);
}

function isEmptyRest(body: string, from: number): boolean {
  let index = from;
  while (index < body.length && body.charCodeAt(index) === 32) index += 1;
  return index === body.length || (index > from && body.charCodeAt(index) === 35 /* # */);
}

/** Splits `key: value` / `key:`; declines anything else. */
function splitKeyLine(body: string): { key: string; valueAt: number } {
  const colon = body.indexOf(':');
  if (colon <= 0) decline();
  const after = body.charCodeAt(colon + 1);
  if (colon + 1 < body.length && after !== 32) decline();
  return { key: body.slice(0, colon), valueAt: colon + 1 };
}

/** The value after `key:` on the line (null when it is a block on the next lines). */
function inlineValue(body: string, valueAt: number): { value: unknown } | null {
  if (isEmptyRest(body, valueAt)) return null;
  return { value: readValue(body.slice(valueAt + 1)) };
}

/** The fields of a mapping, by position in its key list; ABSENT where the file has no such key. */
const ABSENT = Symbol('absent');
type Fields = unknown[];

const keyIndex = (keys: readonly string[]) => new Map(keys.map((key, index) => [key, index]));
const STATEMENT_KEYS = keyIndex(['id', 'speaker', 'voice', 'kind', 'verb', 'text', 'date', 'date_basis', 'themes', 'sources', 'review']);
const SOURCE_KEYS = keyIndex(['file', 'outlet', 'title', 'url', 'published', 'start', 'end']);
const REVIEW_KEYS = keyIndex(['status', 'speaker', 'date', 'themes', 'kind', 'text', 'note']);
const [ID, SPEAKER, VOICE, KIND, VERB, TEXT, DATE, DATE_BASIS, THEMES, SOURCES, REVIEW] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
const [R_STATUS, R_SPEAKER, R_DATE, R_THEMES, R_KIND, R_TEXT, R_NOTE] = [0, 1, 2, 3, 4, 5, 6] as const;

/**
 * Reads `key: value` lines of one mapping: the first is `firstBody` (after its `- `), the others sit
 * at `indent`. `block(key)` reads a value written on the following lines.
 */
function readFields(
  reader: Reader,
  firstBody: string,
  indent: number,
  allowed: ReadonlyMap<string, number>,
  block: (key: string) => unknown,
): Fields {
  const fields: Fields = new Array<unknown>(allowed.size).fill(ABSENT);
  let body: string | undefined = firstBody;
  for (;;) {
    const { key, valueAt } = splitKeyLine(body);
    const slot = allowed.get(key);
    if (slot === undefined || fields[slot] !== ABSENT) decline();
    const inline = inlineValue(body, valueAt);
    fields[slot as number] = inline === null ? block(key) : inline.value;
    body = reader.body;
    if (body === undefined || reader.indent < indent) return fields;
    if (reader.indent > indent || body.startsWith('- ') || body === '-') decline();
    reader.advance();
  }
}

/** A list of mappings at `indent` (`- key: value` lines, their other keys two columns further in). */
function readItems<T>(reader: Reader, indent: number, readItem: (firstBody: string) => T): T[] {
  const items: T[] = [];
  while (reader.body !== undefined && reader.indent === indent) {
    const body = reader.body;
    if (!body.startsWith('- ') || body.charCodeAt(2) === 32) decline();
    reader.advance();
    items.push(readItem(body.slice(2)));
  }
  if (reader.body !== undefined && reader.indent > indent) decline();
  return items;
}

function readStatement(reader: Reader): Statement {
  const first = (reader.body as string).slice(2);
  reader.advance();
  const fields = readFields(reader, first, 4, STATEMENT_KEYS, (key) => {
    if (key === 'sources' && reader.body !== undefined && reader.indent === 6) return readItems(reader, 6, (body) => readSource(reader, body));
    if (key === 'review' && reader.body !== undefined && reader.indent === 6) return readReview(reader);
    return decline();
  });
  const [id, speaker, voice, kind, verb, text, date, dateBasis, themes, sources, review] = [
    fields[ID],
    fields[SPEAKER],
    fields[VOICE],
    fields[KIND],
    fields[VERB],
    fields[TEXT],
    fields[DATE],
    fields[DATE_BASIS],
    fields[THEMES],
    fields[SOURCES],
    fields[REVIEW],
  ];
  if (typeof id !== 'string' || !STATEMENT_ID.test(id)) decline();
  if (typeof speaker !== 'string' || !idPattern.test(speaker)) decline();
  if (!isTextOrNull(voice) || !isOneOf(kind, KINDS) || !isOneOf(dateBasis, DATE_BASES)) decline();
  if (verb !== ABSENT && !isTextOrNull(verb)) decline();
  if (typeof text !== 'string' || text.trim() === '') decline();
  if (!isDate(date) || !isTextList(themes) || !Array.isArray(sources)) decline();
  const statement: Statement = {
    id: id as string,
    speaker: speaker as string,
    voice: voice as string | null,
    kind: kind as Statement['kind'],
    ...(verb === ABSENT ? {} : { verb: verb as string | null }),
    text: text as string,
    date: date as string | null,
    dateBasis: dateBasis as Statement['dateBasis'],
    themes: themes as string[],
    sources: sources as SourceRef[],
  };
  if (review !== ABSENT) {
    // `review: {}` is no review; anything but a mapping is the general path's to word.
    if (review instanceof ReviewBlock) {
      const read = reviewFrom(review.fields);
      if (Object.keys(read).length > 0) statement.review = read;
    } else if (review === null || typeof review !== 'object' || Array.isArray(review) || Object.keys(review).length > 0) {
      decline();
    }
  }
  return statement;
}

function readSource(reader: Reader, firstBody: string): SourceRef {
  const fields = readFields(reader, firstBody, 8, SOURCE_KEYS, decline);
  if (fields.includes(ABSENT)) decline();
  const [file, outlet, title, url, published, start, end] = fields;
  if (typeof file !== 'string' || file.trim() === '') decline();
  if (!isTextOrNull(outlet) || !isTextOrNull(title) || !isTextOrNull(url) || !isDate(published)) decline();
  if (typeof start !== 'number' || !isOffset(start) || typeof end !== 'number' || !isOffset(end)) decline();
  return {
    file: file as string,
    outlet: outlet as string | null,
    title: title as string | null,
    url: url as string | null,
    published: published as string | null,
    start: start as number,
    end: end as number,
  };
}

/** A review written as a block (its fields on the following lines). */
class ReviewBlock {
  constructor(readonly fields: Fields) {}
}

function readReview(reader: Reader): ReviewBlock {
  const first = reader.body as string;
  reader.advance();
  return new ReviewBlock(readFields(reader, first, 6, REVIEW_KEYS, decline));
}

function reviewFrom(fields: Fields): Review {
  const review: Review = {};
  const [status, speaker, date, themes, kind, text, note] = [
    fields[R_STATUS],
    fields[R_SPEAKER],
    fields[R_DATE],
    fields[R_THEMES],
    fields[R_KIND],
    fields[R_TEXT],
    fields[R_NOTE],
  ];
  if (status !== ABSENT) review.status = isOneOf(status, REVIEW_STATUSES) ? (status as Review['status']) : decline();
  if (speaker !== ABSENT) review.speaker = typeof speaker === 'string' && idPattern.test(speaker) ? speaker : decline();
  if (date !== ABSENT) review.date = isDate(date) ? (date as string | null) : decline();
  if (themes !== ABSENT) review.themes = isTextList(themes) ? (themes as string[]) : decline();
  if (kind !== ABSENT) review.kind = isOneOf(kind, KINDS) ? (kind as Review['kind']) : decline();
  if (text !== ABSENT) review.text = typeof text === 'string' && text.trim() !== '' ? text : decline();
  if (note !== ABSENT) review.note = typeof note === 'string' ? note : decline();
  return review;
}

const isTextOrNull = (value: unknown): boolean => value === null || typeof value === 'string';
const isDate = (value: unknown): boolean => value === null || (typeof value === 'string' && isDateOrNull(value));
const isTextList = (value: unknown): boolean => Array.isArray(value) && value.every((item) => typeof item === 'string');
const isOneOf = (value: unknown, allowed: readonly string[]): boolean => typeof value === 'string' && allowed.includes(value);
