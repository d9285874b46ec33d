// A ChartSpec drawn as one standalone SVG: title, question, n/N, legend, the chart, note, source and
// byline on the image (above the title, where they are, that the figures are sample data), text in the
// app's embedded font. Pure: the same function serves the app's export button, the report pack and the
// command line. Two sizes: A4 text width (height follows the content) and a 16:9 slide (the chart fills
// the slide).
import { inkOn, shareColour } from './palette';
import { choroplethSvg } from './choropleth-svg';
import { escapeXml } from '../safe-text';
import { spokenAlt, type BarDatum, type ChangeDatum, type ChartBody, type ChartSpec, type DivergingDatum, type HeatDatum, type LineSeries } from './chart-spec';
import { CHANGE } from './palette';
import { FONT_FAMILY, type TextMeasure } from './fonts';

export type ExportSize = 'a4' | 'slide';

/** CSS px at 1×: A4's text width at 96 dpi (17 cm), and a 16:9 slide. */
const SIZES: Record<ExportSize, { width: number; height?: number }> = {
  a4: { width: 640 },
  slide: { width: 960, height: 540 },
};

const PAD = 24;
const INK = '#1b2430';
const MUTED = '#5a6675';
const GRID = '#e5e9ef';
/** Sample data's mark: the brown of the app's sample badge, 6.8:1 on white. */
const SAMPLE = '#8a4b00';

export interface RenderedSvg {
  svg: string;
  width: number;
  height: number;
}

/** Greedy word wrap in the export font; a word longer than the line stands alone. */
export function wrap(text: string, width: number, size: number, measure: TextMeasure, bold = false): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && measure.width(candidate, size, bold) > width) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

/** Collects SVG elements and the y where the next block starts. */
class Canvas {
  parts: string[] = [];
  y = PAD;
  constructor(
    readonly width: number,
    readonly measure: TextMeasure,
  ) {}

  text(x: number, y: number, text: string, size: number, options: { bold?: boolean; fill?: string; anchor?: 'start' | 'middle' | 'end'; transform?: string } = {}) {
    const attrs = [
      `x="${round(x)}"`,
      `y="${round(y)}"`,
      `font-size="${size}"`,
      options.bold ? 'font-weight="600"' : '',
      `fill="${options.fill ?? INK}"`,
      options.anchor && options.anchor !== 'start' ? `text-anchor="${options.anchor}"` : '',
      options.transform ? `transform="${options.transform}"` : '',
    ].filter(Boolean);
    this.parts.push(`<text ${attrs.join(' ')}>${escapeXml(text)}</text>`);
  }

  /** A wrapped block of text across the content width; moves y below it. */
  block(text: string, size: number, options: { bold?: boolean; fill?: string; gap?: number } = {}) {
    const lineHeight = size * 1.3;
    for (const line of wrap(text, this.width - 2 * PAD, size, this.measure, options.bold)) {
      this.y += lineHeight;
      this.text(PAD, this.y - lineHeight * 0.28, line, size, options);
    }
    this.y += options.gap ?? 0;
  }

  rect(x: number, y: number, width: number, height: number, fill: string, extra = '') {
    this.parts.push(`<rect x="${round(x)}" y="${round(y)}" width="${round(Math.max(0, width))}" height="${round(height)}" fill="${fill}"${extra ? ` ${extra}` : ''}/>`);
  }

  circle(cx: number, cy: number, r: number, fill: string) {
    this.parts.push(`<circle cx="${round(cx)}" cy="${round(cy)}" r="${round(r)}" fill="${fill}"/>`);
  }

  line(x1: number, y1: number, x2: number, y2: number, stroke: string, width = 1) {
    this.parts.push(`<line x1="${round(x1)}" y1="${round(y1)}" x2="${round(x2)}" y2="${round(y2)}" stroke="${stroke}" stroke-width="${width}"/>`);
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Draws the chart. `fontCss` is the @font-face rules with the embedded font (fontFaceCss), left out
 * only where the SVG is turned into PNG at once (resvg is handed the font itself).
 */
export function chartSvg(spec: ChartSpec, size: ExportSize, measure: TextMeasure, fontCss = ''): RenderedSvg {
  const { width, height: fixedHeight } = SIZES[size];
  const canvas = new Canvas(width, measure);
  const { text } = spec;
  if (text.sample) canvas.block(text.sample, 13, { bold: true, fill: SAMPLE, gap: 4 });
  canvas.block(text.title, size === 'slide' ? 24 : 20, { bold: true, gap: 2 });
  if (text.subtitle) canvas.block(text.subtitle, 14, { gap: 2 });
  if (text.count) canvas.block(text.count, 12.5, { fill: MUTED });
  canvas.y += 14;

  const footer = footerLines(spec, width, measure);
  const available = fixedHeight ? fixedHeight - canvas.y - footer.height - PAD : null;
  drawBody(canvas, spec.body, available);

  canvas.y += 12;
  for (const line of footer.lines) {
    canvas.y += line.size * 1.35;
    canvas.text(PAD, canvas.y - line.size * 0.35, line.text, line.size, { fill: line.fill });
  }
  const height = Math.ceil(Math.max(fixedHeight ?? 0, canvas.y + PAD));
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="title desc" font-family="'${FONT_FAMILY}', sans-serif">`,
    `<title id="title">${escapeXml(text.title)}</title>`,
    `<desc id="desc">${escapeXml(spokenAlt(spec))}</desc>`,
    fontCss ? `<style>${fontCss}</style>` : '',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...canvas.parts,
    '</svg>',
  ].join('\n');
  return { svg, width, height };
}

function footerLines(spec: ChartSpec, width: number, measure: TextMeasure) {
  const lines: { text: string; size: number; fill: string }[] = [];
  const add = (text: string | undefined, size: number, fill: string) => {
    if (text) for (const line of wrap(text, width - 2 * PAD, size, measure)) lines.push({ text: line, size, fill });
  };
  add(spec.text.note, 12, INK);
  add(spec.text.source, 11, MUTED);
  add('Diagram: Metodkartan', 11, MUTED);
  return { lines, height: 12 + lines.reduce((sum, l) => sum + l.size * 1.35, 0) };
}

function drawBody(canvas: Canvas, body: ChartBody, available: number | null) {
  switch (body.kind) {
    case 'bars':
      return drawBars(canvas, body.bars, body.formatTick, available);
    case 'diverging':
      return drawDiverging(canvas, body.steps, body.rows);
    case 'heat':
      return drawHeat(canvas, body.columns, body.rows, available, body.withScale ?? true);
    case 'lines':
      return drawLines(canvas, body.periods, body.series, body.formatTick, available);
    case 'map':
      return drawMap(canvas, body, available);
    case 'change':
      return drawChange(canvas, body.fromLabel, body.toLabel, body.rows, body.formatTick, available);
  }
}

/** Two waves' shares per method: a grey dot for the first, a blue one for the second, a line between. */
function drawChange(canvas: Canvas, fromLabel: string, toLabel: string, rows: readonly ChangeDatum[], formatTick: (share: number) => string, available: number | null) {
  drawLegend(canvas, [{ label: fromLabel, colour: CHANGE.from }, { label: toLabel, colour: CHANGE.to }], 'box');
  canvas.y += 6;
  shareRows(canvas, rows, formatTick, available, { labelShare: 0.34, valuePad: 16, reserved: 40 }, (row, { middle, rowHeight, x }) => {
    const radius = clamp(rowHeight * 0.2, 4, 7);
    const [a, b] = [row.from === null ? null : x(row.from), row.to === null ? null : x(row.to)];
    if (a !== null && b !== null) canvas.line(a, middle, b, middle, CHANGE.line, 3);
    if (a !== null) canvas.circle(a, middle, radius, CHANGE.from);
    if (b !== null) canvas.circle(b, middle, radius, CHANGE.to);
    canvas.text(x(1) + 12, middle + 4, row.text, 12);
  });
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

function drawBars(canvas: Canvas, bars: readonly BarDatum[], formatTick: (share: number) => string, available: number | null) {
  shareRows(canvas, bars, formatTick, available, { labelShare: 0.38, valuePad: 10, reserved: 0 }, (bar, { middle, rowHeight, x }) => {
    const barHeight = Math.min(20, rowHeight * 0.62);
    canvas.rect(x(0), middle - barHeight / 2, x(bar.share) - x(0), barHeight, bar.colour);
    canvas.text(x(bar.share) + 6, middle + 4, bar.text, 12);
  });
}

/**
 * Rows of shares on one axis from 0 to 100 %, as bars and the change between waves draw them: a column of
 * labels, the plot with its grid and ticks, the words beside each row (`valuePad` after the widest), and
 * `drawRow` for what stands on the axis; rows sized to fill `available` less `reserved` (a legend above).
 */
function shareRows<T extends { label: string; text: string }>(
  canvas: Canvas,
  rows: readonly T[],
  formatTick: (share: number) => string,
  available: number | null,
  layout: { labelShare: number; valuePad: number; reserved: number },
  drawRow: (row: T, at: { middle: number; rowHeight: number; x: (share: number) => number }) => void,
) {
  const { measure, width } = canvas;
  const axisHeight = 22;
  const rowHeight = available === null ? 28 : clamp((available - axisHeight - layout.reserved) / Math.max(1, rows.length), 16, 44);
  const labelSize = clamp(rowHeight * 0.48, 11, 14);
  const labelWidth = Math.min(width * layout.labelShare, Math.max(...rows.map((r) => measure.width(r.label, labelSize))) + 12);
  const valueWidth = Math.max(...rows.map((r) => measure.width(r.text, 12))) + layout.valuePad;
  const x0 = PAD + labelWidth;
  const plotWidth = width - 2 * PAD - labelWidth - valueWidth;
  const x = (share: number) => x0 + share * plotWidth;
  const top = canvas.y;
  const bottom = top + rowHeight * rows.length;
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    canvas.line(x(tick), top, x(tick), bottom, GRID);
    canvas.text(x(tick), bottom + 15, formatTick(tick), 11, { fill: MUTED, anchor: 'middle' });
  }
  rows.forEach((row, i) => {
    const middle = top + rowHeight * (i + 0.5);
    canvas.text(x0 - 8, middle + labelSize * 0.35, row.label, labelSize, { anchor: 'end' });
    drawRow(row, { middle, rowHeight, x });
  });
  canvas.line(x0, top, x0, bottom, MUTED);
  canvas.y = bottom + axisHeight;
}

function drawLegend(canvas: Canvas, items: readonly { label: string; colour: string }[], swatch: 'box' | 'line') {
  const { measure, width } = canvas;
  let x = PAD;
  canvas.y += 4;
  for (const item of items) {
    const itemWidth = 18 + measure.width(item.label, 12) + 16;
    if (x + itemWidth > width - PAD && x > PAD) {
      x = PAD;
      canvas.y += 18;
    }
    if (swatch === 'box') canvas.rect(x, canvas.y - 10, 12, 12, item.colour);
    else canvas.line(x, canvas.y - 4, x + 14, canvas.y - 4, item.colour, 3);
    canvas.text(x + 18, canvas.y, item.label, 12);
    x += itemWidth;
  }
  canvas.y += 14;
}

function drawDiverging(canvas: Canvas, steps: readonly { label: string; colour: string }[], rows: readonly DivergingDatum[]) {
  const { measure, width } = canvas;
  drawLegend(canvas, steps, 'box');
  const headlineWidth = Math.min(230, width * 0.3);
  const barWidth = width - 2 * PAD - headlineWidth - 12;
  const centre = PAD + barWidth / 2;
  for (const row of rows) {
    canvas.block(row.label, 12.5, { gap: 3 });
    const top = canvas.y;
    const barHeight = 18;
    canvas.rect(PAD, top, barWidth, barHeight, '#f4f6f8');
    const count = row.shares.length;
    const middle = count % 2 === 1 ? Math.floor(count / 2) : -1;
    const negative = row.shares.slice(0, Math.floor(count / 2)).reduce((a, b) => a + b, 0) + (middle >= 0 ? row.shares[middle]! / 2 : 0);
    let x = centre - negative * (barWidth / 2);
    row.shares.forEach((share, i) => {
      canvas.rect(x, top, share * (barWidth / 2), barHeight, steps[i]!.colour);
      x += share * (barWidth / 2);
    });
    canvas.line(centre, top - 2, centre, top + barHeight + 2, INK, 1.5);
    const headline = wrap(row.headline, headlineWidth, 12, measure);
    headline.forEach((line, i) => canvas.text(PAD + barWidth + 12, top + 13 + i * 15, line, 12));
    canvas.y = top + Math.max(barHeight, headline.length * 15) + 12;
  }
}

function drawHeat(canvas: Canvas, columns: readonly string[], rows: readonly HeatDatum[], available: number | null, withScale: boolean) {
  const { measure, width } = canvas;
  const labelWidth = Math.min(width * 0.3, Math.max(...rows.map((r) => measure.width(r.label, 12))) + 12);
  const plotWidth = width - 2 * PAD - labelWidth;
  // Column names stand at 45° when they do not fit their column; the last one then reaches past the
  // grid to the right, so the grid leaves room for it.
  const longest = Math.max(...columns.map((c) => measure.width(c, 12)));
  const isSlanted = longest > plotWidth / Math.max(1, columns.length) - 4;
  const cellWidth = (isSlanted ? plotWidth - longest * 0.72 : plotWidth) / Math.max(1, columns.length);
  const headerHeight = isSlanted ? longest * 0.72 + 12 : 20;
  const legendHeight = withScale ? 34 : 0;
  const rowHeight = available === null ? 22 : clamp((available - headerHeight - legendHeight) / Math.max(1, rows.length), 12, 30);
  const x0 = PAD + labelWidth;
  const top = canvas.y + headerHeight;
  columns.forEach((column, j) => {
    const x = x0 + cellWidth * (j + 0.5);
    if (isSlanted) canvas.text(x - 2, top - 6, column, 12, { transform: `rotate(-45 ${round(x - 2)} ${round(top - 6)})` });
    else canvas.text(x, top - 6, column, 12, { anchor: 'middle' });
  });
  const cellSize = clamp(Math.min(rowHeight * 0.5, cellWidth * 0.28), 8, 12);
  rows.forEach((row, i) => {
    const y = top + i * rowHeight;
    canvas.text(x0 - 8, y + rowHeight / 2 + 4, row.label, 12, { anchor: 'end' });
    row.cells.forEach((cell, j) => {
      const x = x0 + j * cellWidth;
      if (!cell) {
        canvas.rect(x + 1, y + 1, cellWidth - 2, rowHeight - 2, '#f4f6f8');
        canvas.text(x + cellWidth / 2, y + rowHeight / 2 + 4, '–', cellSize, { fill: MUTED, anchor: 'middle' });
        return;
      }
      canvas.rect(x + 1, y + 1, cellWidth - 2, rowHeight - 2, shareColour(cell.share));
      canvas.text(x + cellWidth / 2, y + rowHeight / 2 + cellSize * 0.35, cell.text, cellSize, { fill: inkOn(cell.share), anchor: 'middle' });
    });
  });
  // The colour scale, so a printed page can be read without the numbers.
  canvas.y = top + rows.length * rowHeight + 12;
  if (!withScale) return;
  const steps = 8;
  for (let k = 0; k < steps; k++) canvas.rect(x0 + k * 28, canvas.y, 28, 10, shareColour((k + 0.5) / steps));
  canvas.text(x0, canvas.y + 24, '0 %', 11, { fill: MUTED, anchor: 'middle' });
  canvas.text(x0 + steps * 28, canvas.y + 24, '100 %', 11, { fill: MUTED, anchor: 'middle' });
  canvas.y += legendHeight;
}

/** 0, 5, 10 … : tick steps of 1, 2 or 5 × 10^k, about five of them. */
export function niceTicks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  const ticks: number[] = [];
  for (let v = 0; v <= max + step * 0.001; v += step) ticks.push(v);
  if (ticks.at(-1)! < max) ticks.push(ticks.at(-1)! + step);
  return ticks;
}

function drawLines(canvas: Canvas, periods: readonly string[], series: readonly LineSeries[], formatTick: (value: number) => string, available: number | null) {
  const { measure, width } = canvas;
  drawLegend(canvas, series, 'line');
  const ticks = niceTicks(Math.max(0, ...series.flatMap((s) => s.values)));
  const top = canvas.y + 6;
  const plotHeight = available === null ? 240 : Math.max(120, available - (canvas.y - top) - 60);
  const axisWidth = Math.max(...ticks.map((t) => measure.width(formatTick(t), 11))) + 10;
  const x0 = PAD + axisWidth;
  const plotWidth = width - 2 * PAD - axisWidth - 8;
  const bottom = top + plotHeight;
  const maxTick = ticks.at(-1)!;
  const yOf = (v: number) => bottom - (v / maxTick) * plotHeight;
  const xOf = (i: number) => x0 + (periods.length <= 1 ? plotWidth / 2 : (i / (periods.length - 1)) * plotWidth);
  for (const tick of ticks) {
    canvas.line(x0, yOf(tick), x0 + plotWidth, yOf(tick), GRID);
    canvas.text(x0 - 6, yOf(tick) + 4, formatTick(tick), 11, { fill: MUTED, anchor: 'end' });
  }
  // As many period labels as fit, evenly spaced, the first always.
  const labelWidth = Math.max(...periods.map((p) => measure.width(p, 11))) + 14;
  const every = Math.max(1, Math.ceil((periods.length * labelWidth) / plotWidth));
  periods.forEach((period, i) => {
    if (i % every !== 0) return;
    canvas.line(xOf(i), bottom, xOf(i), bottom + 4, MUTED);
    canvas.text(xOf(i), bottom + 17, period, 11, { fill: MUTED, anchor: 'middle' });
  });
  canvas.line(x0, bottom, x0 + plotWidth, bottom, MUTED);
  for (const s of series) {
    const points = s.values.map((v, i) => `${round(xOf(i))},${round(yOf(v))}`).join(' ');
    canvas.parts.push(`<polyline points="${points}" fill="none" stroke="${s.colour}" stroke-width="${s.emphasis ? 4 : 2}" stroke-linejoin="round"/>`);
  }
  canvas.y = bottom + 26;
}

/** The map with its legend (choropleth-svg.ts), placed as a nested SVG in the frame. */
/** A slide's chart area in CSS px (12.3 × 5 inches at 96 px to the inch): the size a map's picture for a slide is drawn at. */
export const SLIDE_MAP_SIZE = { width: 1180, height: 480 } as const;

/**
 * A map chart's map and legend alone, at this size in CSS px: the picture a slide shows under its own
 * title, question and source (PowerPoint has no choropleth to draw natively).
 */
export function mapPictureSvg(body: Extract<ChartBody, { kind: 'map' }>, width: number, height: number, measure: TextMeasure): RenderedSvg {
  const drawn = choroplethSvg(body.level, new Map(body.values), {
    width,
    height,
    breaks: body.breaks,
    format: body.format,
    noDataLabel: body.noDataLabel,
    legendTitle: body.legendTitle,
    view: body.view,
    measure,
  });
  return { svg: drawn.svg.replace(/(<svg [^>]*>)/, `$1<rect width="100%" height="100%" fill="#ffffff"/>`), width: drawn.width, height: drawn.height };
}

function drawMap(canvas: Canvas, body: Extract<ChartBody, { kind: 'map' }>, available: number | null) {
  const height = available === null ? 620 : Math.max(240, available);
  const drawn = choroplethSvg(body.level, new Map(body.values), {
    width: canvas.width - 2 * PAD,
    height,
    breaks: body.breaks,
    format: body.format,
    noDataLabel: body.noDataLabel,
    legendTitle: body.legendTitle,
    view: body.view,
    measure: canvas.measure,
  });
  canvas.parts.push(drawn.svg.replace(/^<svg /, `<svg x="${PAD}" y="${round(canvas.y)}" `));
  canvas.y += drawn.height;
}
