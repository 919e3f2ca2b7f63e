// Analysis → HTML: the view the templates see is the analysis itself plus a few things only the
// renderer knows (section list, page numbers, colours, the stylesheet with inlined fonts).
import Handlebars from 'handlebars';
import type { Analysis } from '../analyze/types.js';
import { speakerSeries } from './charts.js';
import { fontFaceCss } from './fonts.js';
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

export interface RenderHtmlOptions {
  templateDir?: string;
  /** Section id → PDF page where it starts (filled in on the second pass). */
  tocPages?: Record<string, number>;
}

/** The context a template renders against. */
export function templateContext(analysis: Analysis, tocPages: Record<string, number>, css: string): Record<string, unknown> {
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
    // The theme's stylesheet plus our fonts. Not data from articles, so it is passed unescaped.
    styles: new Handlebars.SafeString(css),
  };
}

/** Renders the briefing's HTML: one self-contained file (fonts inlined, no script, no external request). */
export async function renderHtml(analysis: Analysis, opts: RenderHtmlOptions = {}): Promise<string> {
  return htmlRenderer(analysis, opts.templateDir)(opts.tocPages ?? {});
}

/**
 * The theme loaded and compiled once, for rendering the same analysis with different page numbers
 * (each print pass of a briefing). Template errors are thrown here or on the first call.
 */
export function htmlRenderer(analysis: Analysis, templateDir?: string): (tocPages: Record<string, number>) => string {
  const theme = loadTheme(templateDir);
  const render = compileTheme(theme);
  const css = `${fontFaceCss()}\n${theme.css.text}`;
  return (tocPages) => render(templateContext(analysis, tocPages, css));
}
