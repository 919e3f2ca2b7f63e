// The shapes of the store files, as zod schemas over the snake_case file form, and the wording of
// their errors: every message is `FIELD: what is wrong (what would be valid)`.
import { z } from 'zod';
import { SPEAKER_GROUPS } from '../types.js';

type Issue = { code?: string; input?: unknown; keys?: string[] };

/** A value, short, as the user wrote it. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a mapping';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…"` : text;
}

const expected = (what: string) => (issue: Issue) =>
  issue.input === undefined ? `missing (expected ${what})` : `expected ${what}, got ${showValue(issue.input)}`;

const oneOf = (values: readonly string[]) => (issue: Issue) =>
  issue.input === undefined
    ? `missing (use ${values.join(' or ')})`
    : `${showValue(issue.input)} is not valid (use ${values.join(' or ')})`;

const realDates = new Map<string, boolean>();

/** True for a `YYYY-MM-DD` string naming a day that exists. Remembered: a store has few distinct days. */
export function isRealDate(value: string): boolean {
  let known = realDates.get(value);
  if (known === undefined) {
    known = checkRealDate(value);
    if (realDates.size < 100_000) realDates.set(value, known);
  }
  return known;
}

function checkRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const text = (what = 'text') => z.string({ error: expected(what) });
const nullableText = (what = 'text or null') => z.string({ error: expected(what) }).nullable();
const nonEmptyText = (what: string) =>
  z.string({ error: expected(what) }).refine((value) => value.trim() !== '', { error: () => `is empty (expected ${what})` });
const isoDate = z
  .string({ error: expected('a date YYYY-MM-DD') })
  .refine(isRealDate, { error: (issue) => `${showValue(issue.input)} is not a real date (use YYYY-MM-DD)` });
const nullableDate = z
  .string({ error: expected('a date YYYY-MM-DD or null') })
  .refine(isRealDate, { error: (issue) => `${showValue(issue.input)} is not a real date (use YYYY-MM-DD)` })
  .nullable();
const offset = z
  .number({ error: expected('a whole number ≥ 0') })
  .refine((value) => Number.isInteger(value) && value >= 0, {
    error: (issue) => `expected a whole number ≥ 0, got ${showValue(issue.input)}`,
  });
const textList = (what: string) => z.array(text(what), { error: expected(`a list of ${what}s`) });
/** Ids: kebab-case or similar, no spaces, so they are easy to type on a command line. */
export const idPattern = /^[\p{Ll}\p{N}][\p{Ll}\p{N}._-]*$/u;
const id = (what: string) =>
  z
    .string({ error: expected(what) })
    .refine((value) => idPattern.test(value), {
      error: (issue) => `${showValue(issue.input)} is not a valid ${what} (lower-case letters, digits and dashes)`,
    });
const statementId = z
  .string({ error: expected('a statement id') })
  .refine((value) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value), {
    error: (issue) => `${showValue(issue.input)} is not a valid statement id (letters, digits and dashes, e.g. st-0123456789)`,
  });
const mapping = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.strictObject(shape, { error: expected('a mapping of fields') });
/** `key:` with nothing after it is null in YAML; read it as an empty list. */
const listOrEmpty = <T extends z.ZodType>(item: T, what: string) =>
  z
    .array(item, { error: expected(`a list of ${what}`) })
    .nullable()
    .transform((value) => value ?? []);

export const KINDS = ['direct', 'indirect'] as const;
export const DATE_BASES = ['explicit', 'relative', 'published'] as const;
export const REVIEW_STATUSES = ['accepted', 'rejected'] as const;

const kind = z.enum(KINDS, { error: oneOf(KINDS) });

export const sourceRefSchema = mapping({
  file: nonEmptyText('the article file'),
  outlet: nullableText(),
  title: nullableText(),
  url: nullableText(),
  published: nullableDate,
  start: offset,
  end: offset,
});

export const reviewSchema = mapping({
  status: z.enum(REVIEW_STATUSES, { error: oneOf(REVIEW_STATUSES) }).optional(),
  speaker: id('speaker id').optional(),
  date: nullableDate.optional(),
  themes: textList('theme id').optional(),
  kind: kind.optional(),
  text: nonEmptyText('the corrected words').optional(),
  note: text().optional(),
});

export const statementSchema = mapping({
  id: statementId,
  speaker: id('speaker id'),
  voice: nullableText('a name or null'),
  kind,
  verb: nullableText('the reporting verb or null').optional(),
  text: nonEmptyText('the words said'),
  date: nullableDate,
  date_basis: z.enum(DATE_BASES, { error: oneOf(DATE_BASES) }),
  themes: listOrEmpty(text('theme id'), 'theme ids'),
  sources: listOrEmpty(sourceRefSchema, 'sources'),
  review: reviewSchema.nullable().optional(),
});

export const statementFileSchema = mapping({
  statements: listOrEmpty(statementSchema, 'statements'),
});

const roleSchema = mapping({
  title: nonEmptyText('a role title'),
  aliases: textList('role alias').optional(),
  from: nullableDate.optional(),
  to: nullableDate.optional(),
});

export const speakerSchema = mapping({
  id: id('speaker id'),
  name: nonEmptyText('a display name'),
  group: z.enum(SPEAKER_GROUPS, { error: oneOf(SPEAKER_GROUPS) }),
  country: nullableText('a country code or null').optional().transform((value) => value ?? null),
  aliases: listOrEmpty(text('alias'), 'aliases').optional().transform((value) => value ?? []),
  roles: listOrEmpty(roleSchema, 'roles').optional().transform((value) => value ?? []),
  tracked: z.boolean({ error: expected('true or false') }).optional(),
});

export const speakersFileSchema = mapping({ speakers: listOrEmpty(speakerSchema, 'speakers') });

export const themeSchema = mapping({
  id: id('theme id'),
  label: nonEmptyText('a label'),
  description: text().optional().transform((value) => value ?? ''),
  cues: listOrEmpty(
    mapping({ cue: nonEmptyText('a cue word or phrase'), weight: z.number({ error: expected('a number') }) }),
    'cues',
  )
    .optional()
    .transform((value) => value ?? []),
});

export const themesFileSchema = mapping({
  /** The cue score a theme needs; the classifier's default when absent. */
  threshold: z
    .number({ error: expected('a number > 0') })
    .refine((value) => value > 0, { error: (issue) => `expected a number > 0, got ${showValue(issue.input)}` })
    .optional(),
  themes: listOrEmpty(themeSchema, 'themes'),
});

export const sourceRecordSchema = mapping({
  file: nonEmptyText('the article file'),
  hash: nonEmptyText('the sha256 of the article file'),
  outlet: nullableText(),
  title: nullableText(),
  url: nullableText(),
  published: nullableDate,
});

export const sourcesFileSchema = mapping({ sources: listOrEmpty(sourceRecordSchema, 'sources') });

// --- the fast path -------------------------------------------------------------------------------
// zod compiles plain object schemas into fast code, but refinements and transforms keep it on the
// slow path (~10x). Statement files are checked first with plain shapes plus a hand loop for what
// shapes cannot say (real dates, id syntax, offsets); only a file that fails is checked again with
// the full schema above, whose first issue becomes the message.

const plainSource = z.strictObject({
  file: z.string(),
  outlet: z.string().nullable(),
  title: z.string().nullable(),
  url: z.string().nullable(),
  published: z.string().nullable(),
  start: z.number(),
  end: z.number(),
});
const plainStatement = z.strictObject({
  id: z.string(),
  speaker: z.string(),
  voice: z.string().nullable(),
  kind: z.enum(KINDS),
  verb: z.string().nullable().optional(),
  text: z.string(),
  date: z.string().nullable(),
  date_basis: z.enum(DATE_BASES),
  themes: z.array(z.string()),
  sources: z.array(plainSource),
  review: z
    .strictObject({
      status: z.enum(REVIEW_STATUSES).optional(),
      speaker: z.string().optional(),
      date: z.string().nullable().optional(),
      themes: z.array(z.string()).optional(),
      kind: z.enum(KINDS).optional(),
      text: z.string().optional(),
      note: z.string().optional(),
    })
    .optional(),
});
const plainStatementFile = z.strictObject({ statements: z.array(plainStatement) });

export const STATEMENT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const isOffset = (value: number) => Number.isInteger(value) && value >= 0;
export const isDateOrNull = (value: string | null | undefined) => value === null || value === undefined || isRealDate(value);

/**
 * The statements of a file when it passes the quick checks, else null (then validate with
 * statementFileSchema for the message). On success the input already has the output's shape.
 */
export function quickStatementFile(data: unknown): StatementFileForm[] | null {
  const result = plainStatementFile.safeParse(data);
  if (!result.success) return null;
  for (const statement of result.data.statements) {
    if (!STATEMENT_ID.test(statement.id) || !idPattern.test(statement.speaker)) return null;
    if (statement.text.trim() === '' || !isDateOrNull(statement.date)) return null;
    for (const source of statement.sources) {
      if (source.file.trim() === '' || !isDateOrNull(source.published) || !isOffset(source.start) || !isOffset(source.end)) {
        return null;
      }
    }
    const review = statement.review;
    if (review) {
      if (!isDateOrNull(review.date)) return null;
      if (review.speaker !== undefined && !idPattern.test(review.speaker)) return null;
      if (review.text !== undefined && review.text.trim() === '') return null;
    }
  }
  return result.data.statements as StatementFileForm[];
}

export type StatementFileForm = z.output<typeof statementSchema>;
export type SpeakerFileForm = z.output<typeof speakerSchema>;
export type ThemeFileForm = z.output<typeof themeSchema>;
export type SourceRecordFileForm = z.output<typeof sourceRecordSchema>;

/** `statements[3].date` from zod's path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/**
 * The first problem zod found, as `FIELD: what is wrong`. Unknown keys are named in the path
 * (`statements[3].reveiw: unknown field`) since a misspelt key would otherwise silently drop a
 * reviewer's decision.
 */
export function describeFirstIssue(error: z.ZodError, allowedKeys: (path: readonly PropertyKey[]) => string[]): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid content';
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const allowed = allowedKeys(issue.path);
    const where = formatPath([...issue.path, key]);
    return `${where}: unknown field${allowed.length > 0 ? ` (expected one of: ${allowed.join(', ')})` : ''}`;
  }
  const where = formatPath(issue.path);
  return where === '' ? issue.message : `${where}: ${issue.message}`;
}
