// Charts drawn in code as inline SVG/HTML from the analysis: no script in the page, identical in the
// HTML preview and the PDF. Every mark carries data-* attributes with the count it shows, so tests
// (and curious readers of the source) can check the picture against the numbers.
import Handlebars from 'handlebars';
import type { SpeakerThemeMatrix, WeekBucket } from '../analyze/types.js';
import type { Speaker } from '../types.js';
import { formatDate, formatShortDate, pluralize } from './format.js';

const esc = (value: string | number): string => Handlebars.escapeExpression(String(value));

/** Paul Tol's "bright" scheme: distinguishable with the common colour-vision deficiencies and in greyscale order. */
export const PALETTE = ['#4477AA', '#EE6677', '#228833', '#CCBB44', '#66CCEE', '#AA3377'] as const;
export const OTHER_COLOUR = '#BBBBBB';
export const OTHER_ID = '__other__';

export interface SeriesKey {
  id: string;
  name: string;
  colour: string;
}

/**
 * One colour per speaker, in briefing order; speakers past the palette share "Other speakers".
 * Only speakers that appear in the weeks get a series, so the legend shows nothing unused.
 */
export function speakerSeries(speakers: Speaker[], weeks: WeekBucket[]): { series: SeriesKey[]; seriesOf: (speakerId: string) => SeriesKey } {
  const present = new Set(weeks.flatMap((week) => Object.keys(week.bySpeaker)));
  const ordered = speakers.filter((speaker) => present.has(speaker.id));
  // Speakers missing from the list (should not happen) still get counted, under "Other".
  const named = ordered.slice(0, PALETTE.length).map((speaker, i) => ({ id: speaker.id, name: speaker.name, colour: PALETTE[i]! }));
  const namedIds = new Set(named.map((s) => s.id));
  const hasOther = [...present].some((id) => !namedIds.has(id));
  const other: SeriesKey = { id: OTHER_ID, name: 'Other speakers', colour: OTHER_COLOUR };
  const series = hasOther ? [...named, other] : named;
  const byId = new Map(named.map((s) => [s.id, s]));
  return { series, seriesOf: (speakerId) => byId.get(speakerId) ?? other };
}

/** Integer tick step giving at most ~5 gridlines. */
function tickStep(max: number): number {
  const rough = Math.max(1, max / 5);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  for (const factor of [1, 2, 5, 10]) {
    if (factor * magnitude >= rough) return Math.max(1, factor * magnitude);
  }
  return Math.ceil(rough);
}

/**
 * Stacked bars: statements per ISO week (Monday start), one colour per speaker, with a legend.
 * Returns SVG followed by an HTML legend.
 */
export function weeklyStackedBars(weeks: WeekBucket[], speakers: Speaker[]): string {
  const { series, seriesOf } = speakerSeries(speakers, weeks);
  const total = weeks.reduce((sum, week) => sum + week.total, 0);
  const width = 680;
  const height = 230;
  const margin = { top: 12, right: 8, bottom: 34, left: 34 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const maxTotal = Math.max(1, ...weeks.map((week) => week.total));
  const step = tickStep(maxTotal);
  const top = Math.ceil(maxTotal / step) * step;
  const unit = plotHeight / top;
  const band = weeks.length > 0 ? plotWidth / weeks.length : plotWidth;
  const barWidth = Math.max(2, Math.min(40, band * 0.72));
  const labelEvery = Math.max(1, Math.ceil(weeks.length / 12));

  const parts: string[] = [];
  const titleText = `Statements per week by speaker, ${formatDate(weeks[0]?.weekStart)} to ${formatDate(weeks.at(-1)?.weekStart)} (week starting), n = ${total}`;
  parts.push(
    `<svg class="chart chart-weeks" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-weeks-title" data-total="${total}">`,
    `<title id="chart-weeks-title">${esc(titleText)}</title>`,
  );
  for (let value = 0; value <= top; value += step) {
    const y = margin.top + plotHeight - value * unit;
    parts.push(
      `<line class="grid" x1="${margin.left}" x2="${width - margin.right}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="${value === 0 ? '#555' : '#e3e3e3'}" stroke-width="${value === 0 ? 0.8 : 0.6}"/>`,
      `<text class="tick" x="${margin.left - 6}" y="${(y + 3).toFixed(1)}" text-anchor="end" font-size="9" fill="#555">${value}</text>`,
    );
  }
  weeks.forEach((week, i) => {
    const x = margin.left + i * band + (band - barWidth) / 2;
    // Sum per series (several speakers may fall into "Other").
    const stacks = new Map<string, { key: SeriesKey; count: number; speakers: string[] }>();
    for (const [speakerId, count] of Object.entries(week.bySpeaker)) {
      if (count <= 0) continue;
      const key = seriesOf(speakerId);
      const entry = stacks.get(key.id) ?? { key, count: 0, speakers: [] };
      entry.count += count;
      entry.speakers.push(speakerId);
      stacks.set(key.id, entry);
    }
    let y = margin.top + plotHeight;
    parts.push(`<g class="week" data-week="${esc(week.weekStart)}" data-total="${week.total}">`);
    for (const key of series) {
      const stack = stacks.get(key.id);
      if (!stack) continue;
      const h = stack.count * unit;
      y -= h;
      parts.push(
        `<rect class="bar" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${h.toFixed(1)}" fill="${key.colour}" stroke="#fff" stroke-width="0.5" data-speaker="${esc(key.id)}" data-count="${stack.count}">` +
          `<title>${esc(`${key.name}: ${pluralize(stack.count, 'statement')}, week of ${formatDate(week.weekStart)}`)}</title></rect>`,
      );
    }
    parts.push('</g>');
    if (i % labelEvery === 0) {
      parts.push(
        `<text class="tick" x="${(margin.left + i * band + band / 2).toFixed(1)}" y="${height - margin.bottom + 14}" text-anchor="middle" font-size="9" fill="#555">${esc(formatShortDate(week.weekStart))}</text>`,
      );
    }
  });
  parts.push(
    `<text x="${margin.left + plotWidth / 2}" y="${height - 4}" text-anchor="middle" font-size="9" fill="#777">Week starting (Monday)</text>`,
    '</svg>',
  );
  const legend = series
    .map((key) => `<li><span class="swatch" style="background:${key.colour}"></span>${esc(key.name)}</li>`)
    .join('');
  parts.push(`<ul class="legend">${legend}</ul>`);
  return parts.join('\n');
}

/** Sequential single-hue ramp (light to dark blue), readable in greyscale. */
function shade(t: number): string {
  const from = [0xf4, 0xf7, 0xfb];
  const to = [0x1f, 0x4e, 0x8c];
  const mix = from.map((start, i) => Math.round(start + (to[i]! - start) * t));
  return `#${mix.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/** Speaker × theme heatmap as a shaded table: the numbers are the data, the shading helps the eye. */
export function matrixTable(matrix: SpeakerThemeMatrix): string {
  const max = Math.max(1, matrix.max);
  const head = matrix.themes.map((theme) => `<th scope="col"><span>${esc(theme.label)}</span></th>`).join('');
  const rows = matrix.speakers.map((speaker, i) => {
    const cells = matrix.themes.map((theme, j) => {
      const count = matrix.counts[i]?.[j] ?? 0;
      const t = count / max;
      const style = count === 0 ? '' : ` style="background:${shade(0.12 + 0.88 * t)};color:${t > 0.55 ? '#fff' : '#1a1a1a'}"`;
      return `<td class="cell${count === 0 ? ' zero' : ''}" data-speaker="${esc(speaker.id)}" data-theme="${esc(theme.id)}" data-count="${count}"${style}>${count}</td>`;
    });
    return `<tr><th scope="row">${esc(speaker.name)}</th>${cells.join('')}</tr>`;
  });
  const total = matrix.counts.flat().reduce((sum, n) => sum + n, 0);
  return (
    `<table class="matrix${matrix.themes.length > 5 ? ' wide' : ''}" data-total="${total}"><thead><tr><th scope="col" class="corner">Speaker</th>${head}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}
