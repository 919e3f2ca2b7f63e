// Analysis → HTML: the view the templates see is the analysis itself plus a few things only the
// renderer knows (section list, page numbers, colours, the stylesheet with inlined fonts).
import Handlebars from 'handlebars';
import type { Analysis } from '../analyze/types.js';
import { speakerSeries } from './charts.js';
import { fontFaceCss } from './fonts.js';
import { ReportError } from '../errors.js';
import { formatPeriod } from './format.js';
import { compileTheme, loadTheme } from './theme.js';

export interface SectionEntry {
  id: string;
  title: string;
  /** Listed in the table of contents. */
  inContents: boolean;
}

/** The briefing's sections in order. The ids are the `<section id>`s the templates must use. */
export function briefingSections(analysis: Analysis): SectionEntry[] {
  const sections: SectionEntry[] = [
    { id: 'cover', title: 'Cover', inContents: false },
    { id: 'summary', title: 'Key judgements', inContents: true },
    { id: 'contents', title: 'Contents', inContents: false },
    { id: 'timeline', title: 'Timeline', inContents: true },
    { id: 'speakers', title: 'Speakers', inContents: true },
    { id: 'themes', title: 'Themes', inContents: true },
    { id: 'matrix', title: 'Who speaks on what', inContents: true },
    { id: 'shifts', title: 'Position shifts', inContents: true },
    { id: 'foreign', title: 'Foreign governments', inContents: true },
    { id: 'method', title: 'Method and limits', inContents: true },
    { id: 'sources', title: 'Sources', inContents: true },
  ];
  if (analysis.undated.length > 0) sections.push({ id: 'undated', title: 'Undated statements', inContents: true });
  return sections;
}

/**
 * Briefings with at least this many statements are set compact by default (see BriefingLayout).
 * Chromium's print time grows with how much is laid out and painted: at 10,000 statements the full
 * layout is ~1,460 A4 pages, a third of them the same statements printed again under each theme and
 * under "Foreign governments"; compact, it is ~860 pages and prints in about two thirds of the time.
 * Below a thousand statements the full layout stays under ~170 pages and prints in a few seconds.
 */
export const DEFAULT_COMPACT_FROM = 1000;

/**
 * How the templates lay the briefing out; templates read it as `layout.*`.
 * - `compact`: the themes, foreign-government and undated sections list each statement as a one-line
 *   cross-reference (date or speaker · first words, linked to the full entry under its speaker) instead of
 *   printing it again in full, and the text is set without kerning and ligatures (<body class="compact">).
 *   Every statement is still printed in full once, under "Speakers".
 * - `compactFrom`: the statement count from which `compact` is on (RenderHtmlOptions.compactFrom,
 *   DEFAULT_COMPACT_FROM unless given; 0 makes every briefing compact, Infinity none).
 * - `xrefWords`: how many words of a statement a cross-reference shows.
 */
export interface BriefingLayout {
  compact: boolean;
  compactFrom: number;
  xrefWords: number;
}

export interface LayoutOptions {
  /** Statement count from which the briefing is set compact (default DEFAULT_COMPACT_FROM). */
  compactFrom?: number;
}

/** Words of a statement shown in a cross-reference: enough to recognise it on one line. */
const XREF_WORDS = 12;

export function briefingLayout(analysis: Analysis, opts: LayoutOptions = {}): BriefingLayout {
  const compactFrom = opts.compactFrom ?? DEFAULT_COMPACT_FROM;
  if (Number.isNaN(compactFrom) || compactFrom < 0) {
    throw new ReportError('usage', `compactFrom ${compactFrom}: expected a statement count of 0 or more`);
  }
  return { compact: analysis.counts.statements >= compactFrom, compactFrom, xrefWords: XREF_WORDS };
}

export interface RenderHtmlOptions extends LayoutOptions {
  templateDir?: string;
  /** Section id → PDF page where it starts (filled in on the second pass). */
  tocPages?: Record<string, number>;
}

/** The context a template renders against. */
export function templateContext(
  analysis: Analysis,
  tocPages: Record<string, number>,
  css: string,
  layout: BriefingLayout = briefingLayout(analysis),
): Record<string, unknown> {
  const sections = briefingSections(analysis);
  const { series } = speakerSeries(
    analysis.speakers.map((profile) => profile.speaker),
    analysis.weeks,
  );
  const themeLabels: Record<string, string> = {};
  for (const theme of analysis.matrix.themes) themeLabels[theme.id] = theme.label;
  for (const section of analysis.themes) themeLabels[section.theme.id] = section.theme.label;
  const dateBasisCounts = { explicit: 0, relative: 0, published: 0 };
  for (const statement of analysis.statements) {
    if (statement.date !== null) dateBasisCounts[statement.dateBasis] += 1;
  }
  return {
    ...analysis,
    datedCount: analysis.weeks.reduce((sum, week) => sum + week.total, 0),
    reviewedCount: analysis.statements.filter((s) => s.reviewed).length,
    singleSourceCount: analysis.statements.filter((s) => s.singleSource).length,
    dateBasisCounts,
    periodLabel: formatPeriod(analysis.period),
    sections,
    sectionTitles: Object.fromEntries(sections.map((s) => [s.id, s.title])),
    contents: sections.filter((s) => s.inContents),
    tocPages,
    hasPageNumbers: Object.keys(tocPages).length > 0,
    themeLabels,
    speakerColours: Object.fromEntries(series.map((s) => [s.id, s.colour])),
    layout,
    // The theme's stylesheet plus our fonts. Not data from articles, so it is passed unescaped.
    styles: new Handlebars.SafeString(css),
  };
}

/** Renders the briefing's HTML: one self-contained file (fonts inlined, no script, no external request). */
export async function renderHtml(analysis: Analysis, opts: RenderHtmlOptions = {}): Promise<string> {
  return htmlRenderer(analysis, opts.templateDir, opts)(opts.tocPages ?? {});
}

/**
 * The theme loaded and compiled once, for rendering the same analysis with different page numbers
 * (each print pass of a briefing). Template errors are thrown here or on the first call.
 */
export function htmlRenderer(
  analysis: Analysis,
  templateDir?: string,
  layoutOptions: LayoutOptions = {},
): (tocPages: Record<string, number>) => string {
  const layout = briefingLayout(analysis, layoutOptions);
  const theme = loadTheme(templateDir);
  const render = compileTheme(theme);
  const css = `${fontFaceCss()}\n${theme.css.text}`;
  return (tocPages) => render(templateContext(analysis, tocPages, css, layout));
}
