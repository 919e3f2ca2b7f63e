// The Handlebars helpers every theme gets. Helpers are ours, in code: a user's theme supplies templates
// and CSS only. Helpers return plain strings (escaped by Handlebars) unless they build markup
// themselves, in which case they escape every piece of data and return a SafeString.
import Handlebars from 'handlebars';
import type { HelperDelegate, HelperOptions } from 'handlebars';
import type { Period, SpeakerThemeMatrix, WeekBucket } from '../analyze/types.js';
import type { Speaker } from '../types.js';
import { matrixTable, weeklyStackedBars } from './charts.js';
import { formatDate, formatPeriod, formatShortDate, formatTimestamp, pluralize } from './format.js';

const esc = (value: unknown): string => Handlebars.escapeExpression(String(value));

/** The attribute that marks the page numbers {{tocPage}} writes (see src/render/index.ts). */
export const TOC_PAGE_ATTRIBUTE = 'data-toc-page';

/** Thrown by a helper given the wrong kind of value; the theme loader adds file, line and helper name. */
class HelperArgumentError extends Error {}

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;

function expectString(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new HelperArgumentError(`expected ${what}, got ${describe(value)}`);
  return value;
}

function expectNumber(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new HelperArgumentError(`expected ${what}, got ${describe(value)}`);
  return value;
}

function expectArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new HelperArgumentError(`expected ${what}, got ${describe(value)}`);
  return value;
}

/** Handlebars passes its options object last; the real arguments come before it. */
const argsOf = (args: unknown[]): unknown[] => args.slice(0, -1);
const rootOf = (args: unknown[]): Record<string, unknown> =>
  ((args.at(-1) as HelperOptions | undefined)?.data?.root ?? {}) as Record<string, unknown>;

/** CSS string literal, safe inside a <style> element (no quote, backslash, newline or `<` survives raw). */
export function cssString(value: string): string {
  return `"${value.replace(/[\\"'<>&\n\r\f]/g, (ch) => `\\${ch.charCodeAt(0).toString(16)} `)}"`;
}

/** The first `count` words of `text`, and "…" when some were cut. */
export function firstWords(text: string, count: number): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length <= count) return words.join(' ');
  return `${words.slice(0, Math.max(1, count)).join(' ').replace(/[,;:–—-]+$/, '')}…`;
}

const GROUP_LABELS: Record<string, string> = {
  'federal-government': 'Federal government',
  'provincial-government': 'Provincial government',
  military: 'Military',
  'foreign-government': 'Foreign government',
  'international-organisation': 'International organisation',
  'militant-group': 'Militant group',
  'political-party': 'Political party',
  'civil-society': 'Civil society',
  analyst: 'Analyst',
  media: 'Media',
  other: 'Other',
};

const helpers: Record<string, (...args: unknown[]) => unknown> = {
  /** {{date statement.date}} → "27 Aug 2024" (or "undated"). */
  date(...args) {
    const [value] = argsOf(args);
    if (value === null || value === undefined) return 'undated';
    return formatDate(expectString(value, 'a YYYY-MM-DD date'));
  },
  shortDate(...args) {
    return formatShortDate(expectString(argsOf(args)[0], 'a YYYY-MM-DD date'));
  },
  /** {{period period}} → "1 Aug – 30 Nov 2024". */
  period(...args) {
    const [value] = argsOf(args);
    const period = value as Period | null;
    if (!period || typeof period !== 'object') throw new HelperArgumentError(`expected a period {from, to}, got ${describe(value)}`);
    return formatPeriod({ from: expectString(period.from, 'period.from'), to: expectString(period.to, 'period.to') });
  },
  /** {{timestamp generatedAt}} → "30 Nov 2024, 14:05 UTC+05:00". */
  timestamp(...args) {
    return formatTimestamp(expectString(argsOf(args)[0], 'an ISO timestamp'));
  },
  /** {{pluralize n "statement"}} or {{pluralize n "country" "countries"}}. */
  pluralize(...args) {
    const [count, singular, plural] = argsOf(args);
    return pluralize(
      expectNumber(count, 'a count'),
      expectString(singular, 'a singular noun'),
      typeof plural === 'string' ? plural : undefined,
    );
  },
  /** {{join list ", "}}; a list of objects joins their `name` or `label`. */
  join(...args) {
    const [list, separator] = argsOf(args);
    const items = expectArray(list ?? [], 'a list').map((item) => {
      if (item && typeof item === 'object') {
        const named = item as { name?: unknown; label?: unknown };
        return String(named.name ?? named.label ?? '');
      }
      return String(item);
    });
    return items.join(typeof separator === 'string' ? separator : ', ');
  },
  eq: (...args) => argsOf(args)[0] === argsOf(args)[1],
  ne: (...args) => argsOf(args)[0] !== argsOf(args)[1],
  gt: (...args) => expectNumber(argsOf(args)[0], 'a number') > expectNumber(argsOf(args)[1], 'a number'),
  lt: (...args) => expectNumber(argsOf(args)[0], 'a number') < expectNumber(argsOf(args)[1], 'a number'),
  and: (...args) => argsOf(args).every(Boolean),
  or: (...args) => argsOf(args).some(Boolean),
  not: (...args) => !argsOf(args)[0],
  add: (...args) => argsOf(args).reduce<number>((sum, n) => sum + expectNumber(n, 'a number'), 0),
  /** {{len list}}: the number of items (0 for a missing list). */
  len(...args) {
    const [list] = argsOf(args);
    return list === null || list === undefined ? 0 : expectArray(list, 'a list').length;
  },
  /** {{cite citations}} → linked "[1] [4]" pointing at the numbered source entries. */
  cite(...args) {
    const numbers = expectArray(argsOf(args)[0], 'a list of source numbers');
    const links = numbers.map((n) => {
      const number = expectNumber(n, 'a source number');
      return `<a class="cite" href="#source-${esc(number)}">[${esc(number)}]</a>`;
    });
    return new Handlebars.SafeString(links.join(''));
  },
  /**
   * {{firstWords text 12}}: the first 12 words, with "…" when there were more (the one-line
   * cross-references of a compact briefing). A trailing comma or colon before the cut is dropped.
   */
  firstWords(...args) {
    const [value, count] = argsOf(args);
    return firstWords(expectString(value, 'a text'), expectNumber(count, 'a word count'));
  },
  /** {{hostname url}} → "www.dawn.com" (empty when not a URL). */
  hostname(...args) {
    const [value] = argsOf(args);
    if (typeof value !== 'string') return '';
    try {
      return new URL(value).hostname;
    } catch {
      return '';
    }
  },
  /** {{safeUrl url}}: the URL if it is http(s), else empty — a javascript: link in the data never becomes a link. */
  safeUrl(...args) {
    const [value] = argsOf(args);
    if (typeof value !== 'string') return '';
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '';
    } catch {
      return '';
    }
  },
  /** {{themeLabel "military-operation"}} → the theme's label from the taxonomy. */
  themeLabel(...args) {
    const id = expectString(argsOf(args)[0], 'a theme id');
    const labels = (rootOf(args).themeLabels ?? {}) as Record<string, string>;
    return labels[id] ?? id;
  },
  /** {{speakerColour speaker.id}}: the colour that speaker has in the charts (grey if none). */
  speakerColour(...args) {
    const id = expectString(argsOf(args)[0], 'a speaker id');
    const colours = (rootOf(args).speakerColours ?? {}) as Record<string, string>;
    return colours[id] ?? '#BBBBBB';
  },
  /**
   * {{tocPage "timeline"}}: the PDF page a section starts on (empty in the HTML preview), in a
   * <span data-toc-page="timeline"> so that the renderer can correct the number in place when it has
   * read where the section landed, instead of loading the whole document again.
   */
  tocPage(...args) {
    const id = expectString(argsOf(args)[0], 'a section id');
    const pages = (rootOf(args).tocPages ?? {}) as Record<string, number>;
    return new Handlebars.SafeString(`<span ${TOC_PAGE_ATTRIBUTE}="${esc(id)}">${esc(pages[id] ?? '')}</span>`);
  },
  /** {{#with (statementById id)}}…{{/with}}: a statement of the briefing by its id (undefined if absent). */
  statementById(...args) {
    const id = expectString(argsOf(args)[0], 'a statement id');
    const statements = (rootOf(args).statements ?? []) as { id: string }[];
    return statements.find((statement) => statement.id === id);
  },
  /** {{groupLabel speaker.group}}: "federal-government" → "Federal government". */
  groupLabel(...args) {
    const group = expectString(argsOf(args)[0], 'a speaker group');
    return GROUP_LABELS[group] ?? group.replace(/-/g, ' ');
  },
  /** {{weeksChart weeks speakers}}: stacked bars of statements per week by speaker (inline SVG). */
  weeksChart(...args) {
    const [weeks, speakers] = argsOf(args);
    expectArray(weeks, 'the list of weeks');
    const speakerList = expectArray(speakers, 'the list of speakers').map((s) =>
      s && typeof s === 'object' && 'speaker' in s ? (s as { speaker: Speaker }).speaker : (s as Speaker),
    );
    return new Handlebars.SafeString(weeklyStackedBars(weeks as WeekBucket[], speakerList));
  },
  /** {{matrixTable matrix}}: the speaker × theme heatmap. */
  matrixTable(...args) {
    const [matrix] = argsOf(args);
    if (!matrix || typeof matrix !== 'object' || !Array.isArray((matrix as SpeakerThemeMatrix).counts)) {
      throw new HelperArgumentError(`expected the speaker × theme matrix, got ${describe(matrix)}`);
    }
    return new Handlebars.SafeString(matrixTable(matrix as SpeakerThemeMatrix));
  },
  /** {{cssString title}}: a quoted CSS string for `content:` in @page margin boxes. */
  cssString(...args) {
    return new Handlebars.SafeString(cssString(String(argsOf(args)[0] ?? '')));
  },
};

export const HELPER_NAMES = Object.keys(helpers);

/**
 * Registers the helpers on a Handlebars environment, each wrapped so that a failure names the helper,
 * the template and the line: `templates/partials/x.hbs:12:4: helper "date" failed: expected …`.
 */
export function registerHelpers(
  hb: typeof Handlebars,
  describeFailure: (helper: string, options: HelperOptions | undefined, error: unknown) => Error,
): void {
  for (const [name, fn] of Object.entries(helpers)) {
    const wrapped: HelperDelegate = function (this: unknown, ...args: unknown[]) {
      try {
        return fn.apply(this, args);
      } catch (error) {
        throw describeFailure(name, args.at(-1) as HelperOptions | undefined, error);
      }
    };
    hb.registerHelper(name, wrapped);
  }
}
