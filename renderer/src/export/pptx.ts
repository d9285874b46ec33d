// Charts as PowerPoint slides a report writer can edit: one 16:9 slide per chart, with a native chart
// (the figures inside, editable in PowerPoint, restyled by the county's template), its title, question,
// n/N, note and source line, the alt text on the chart, and a cover like the PDF's. Bars for shares,
// stacked bars for scales, lines for trends and waves, paired bars for the change between two waves; the
// heat map as a native table with shaded cells; a map as its picture (PowerPoint has no choropleth).
// Written with pptxgenjs, in the app (loaded only when asked for) and on the command line alike.
import PptxGenJS from 'pptxgenjs';
import type { Lang } from '../../../electron/shared/ipc-contract';
import { spokenAlt, type ChartSpec } from './chart-spec';
import { CHANGE, inkOn, shareColour } from './palette';
import type { PdfImage } from './pdf';

/** One chart as a slide takes it: its (edited) spec, and for a map the picture of the map alone (slideMapPicture). */
export interface SlideChart {
  spec: ChartSpec;
  mapPicture?: PdfImage;
}

export interface OfficeCover {
  title: string;
  subtitle: string;
  created: string;
  warning?: string;
  lines: string[];
}

const FONT = 'Calibri';
const INK = '1B2430';
const MUTED = '5A6675';
const SAMPLE = '8A4B00';
// LAYOUT_WIDE: 13.333 × 7.5 inches, 16:9.
const WIDTH = 13.333;
const MARGIN = 0.5;
const CONTENT = WIDTH - 2 * MARGIN;
/** Shares as PowerPoint writes them in Swedish: whole per cent with a space (`41 %`); the data are per cent. */
const PERCENT = '0" %"';

const hex = (colour: string) => colour.replace('#', '').toUpperCase();
const percent = (share: number | null) => (share === null ? null : share * 100);

/** The slides' words that are not the charts' own. */
const WORDS: Record<Lang, { created: string }> = { sv: { created: 'Skapad' }, en: { created: 'Created' } };

/** The presentation, as bytes: the cover (when given), then a slide per chart. */
export async function chartsPptx(charts: readonly SlideChart[], lang: Lang, cover?: OfficeCover): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.author = 'Metodkartan';
  pptx.title = cover?.title ?? charts[0]?.spec.text.title ?? 'Metodkartan';
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  if (cover) coverSlide(pptx, cover, lang);
  for (const chart of charts) chartSlide(pptx, chart);
  const bytes = await pptx.write({ outputType: 'uint8array', compression: true });
  return bytes as Uint8Array;
}

function coverSlide(pptx: PptxGenJS, cover: OfficeCover, lang: Lang): void {
  const slide = pptx.addSlide();
  slide.addText(cover.title, { x: MARGIN, y: 0.6, w: CONTENT, h: 0.8, fontFace: FONT, fontSize: 32, bold: true, color: INK });
  let y = 1.45;
  if (cover.warning) {
    slide.addText(cover.warning, { x: MARGIN, y, w: CONTENT, h: 0.45, fontFace: FONT, fontSize: 16, bold: true, color: SAMPLE });
    y += 0.5;
  }
  slide.addText(cover.subtitle, { x: MARGIN, y, w: CONTENT, h: 0.45, fontFace: FONT, fontSize: 18, color: INK });
  slide.addText(`${WORDS[lang].created}: ${cover.created}`, { x: MARGIN, y: y + 0.45, w: CONTENT, h: 0.4, fontFace: FONT, fontSize: 14, color: MUTED });
  slide.addText(
    cover.lines.map((line) => ({ text: line, options: { breakLine: true } })),
    { x: MARGIN, y: y + 1.05, w: CONTENT, h: 7.5 - (y + 1.05) - 0.4, fontFace: FONT, fontSize: 12, color: INK, valign: 'top', fit: 'shrink' },
  );
}

function chartSlide(pptx: PptxGenJS, chart: SlideChart): void {
  const { spec } = chart;
  const { text } = spec;
  const slide = pptx.addSlide();
  let y = 0.3;
  if (text.sample) {
    slide.addText(text.sample, { x: MARGIN, y, w: CONTENT, h: 0.3, fontFace: FONT, fontSize: 12, bold: true, color: SAMPLE });
    y += 0.3;
  }
  slide.addText(text.title, { x: MARGIN, y, w: CONTENT, h: 0.55, fontFace: FONT, fontSize: 24, bold: true, color: INK, fit: 'shrink' });
  y += 0.55;
  if (text.subtitle) {
    slide.addText(text.subtitle, { x: MARGIN, y, w: CONTENT, h: 0.4, fontFace: FONT, fontSize: 15, color: INK, fit: 'shrink' });
    y += 0.4;
  }
  if (text.count) {
    slide.addText(text.count, { x: MARGIN, y, w: CONTENT, h: 0.32, fontFace: FONT, fontSize: 12, color: MUTED });
    y += 0.35;
  }
  const footer = [text.note, text.source, 'Diagram: Metodkartan'].filter((line): line is string => Boolean(line));
  const footerHeight = 0.26 * footer.length + (text.note && text.note.length > 140 ? 0.26 : 0);
  const box = { x: MARGIN, y: y + 0.05, w: CONTENT, h: 7.5 - 0.25 - footerHeight - (y + 0.05) };
  body(pptx, slide, spec, box, chart.mapPicture);
  slide.addText(
    footer.map((line, i) => ({ text: line, options: { breakLine: i < footer.length - 1, fontSize: line === text.note ? 11 : 10, color: line === text.note ? INK : MUTED } })),
    { x: MARGIN, y: 7.5 - 0.2 - footerHeight, w: CONTENT, h: footerHeight, fontFace: FONT, valign: 'bottom', fit: 'shrink' },
  );
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

type Slide = ReturnType<PptxGenJS['addSlide']>;

/** The chart itself: native where PowerPoint has the kind of chart, a picture where it has none. */
function body(pptx: PptxGenJS, slide: Slide, spec: ChartSpec, box: Box, mapPicture: PdfImage | undefined): void {
  const altText = spokenAlt(spec);
  const common = {
    ...box,
    altText,
    fontFace: FONT,
    catAxisLabelFontFace: FONT,
    valAxisLabelFontFace: FONT,
    catAxisLabelColor: INK,
    valAxisLabelColor: MUTED,
    legendFontFace: FONT,
    valGridLine: { color: 'E5E9EF', size: 0.75 },
    catGridLine: { style: 'none' as const },
  };
  /** A share axis: 0–100 % in quarters, as the app's charts have it. */
  const shareAxis = { valAxisMinVal: 0, valAxisMaxVal: 100, valAxisMajorUnit: 25, valAxisLabelFormatCode: PERCENT };
  const b = spec.body;
  switch (b.kind) {
    case 'bars': {
      // PowerPoint draws a bar chart's first category at the bottom: the bars go in last first, to read top down.
      // Each category says its n of N, as the bar's words do in the app ("FFT (23 av 56)").
      const bars = [...b.bars].reverse();
      const label = (bar: (typeof bars)[number]) => {
        const counts = /\([^()]*\)\s*$/.exec(bar.text)?.[0].trim();
        return counts ? `${bar.label} ${counts}` : bar.label;
      };
      slide.addChart(pptx.ChartType.bar, [{ name: spec.text.subtitle ?? spec.text.title, labels: bars.map(label), values: bars.map((bar) => bar.share * 100) }], {
        ...common,
        barDir: 'bar',
        chartColors: bars.map((bar) => hex(bar.colour)),
        showValue: true,
        dataLabelFormatCode: PERCENT,
        dataLabelFontSize: 11,
        dataLabelPosition: 'outEnd',
        ...shareAxis,
        catAxisLabelFontSize: fontFor(b.bars.length),
        showLegend: false,
        barGapWidthPct: 60,
      });
      return;
    }
    case 'diverging': {
      const rows = [...b.rows].reverse();
      slide.addChart(
        pptx.ChartType.bar,
        b.steps.map((step, i) => ({ name: step.label, labels: rows.map((row) => row.label), values: rows.map((row) => (row.shares[i] ?? 0) * 100) })),
        {
          ...common,
          barDir: 'bar',
          barGrouping: 'stacked',
            chartColors: b.steps.map((step) => hex(step.colour)),
          ...shareAxis,
          showValue: true,
          dataLabelFormatCode: PERCENT,
          dataLabelFontSize: 9,
          catAxisLabelFontSize: fontFor(b.rows.length),
          showLegend: true,
          legendPos: 'b',
          legendFontSize: 11,
          barGapWidthPct: 50,
        },
      );
      return;
    }
    case 'lines':
      slide.addChart(
        pptx.ChartType.line,
        b.series.map((series) => ({ name: series.label, labels: b.periods, values: series.values.map((v) => (b.shares ? v * 100 : v)) })),
        {
          ...common,
          chartColors: b.series.map((series) => hex(series.colour)),
          lineSize: 2,
          lineDataSymbol: b.periods.length <= 12 ? 'circle' : 'none',
          ...(b.shares ? shareAxis : { valAxisMinVal: 0, valAxisLabelFormatCode: '#,##0' }),
          catAxisLabelFontSize: 10,
          showLegend: true,
          legendPos: 'b',
          legendFontSize: 11,
        },
      );
      return;
    case 'change': {
      // Within a method, PowerPoint draws the first series lowest: the later wave first, so the earlier reads above it.
      const rows = [...b.rows].reverse();
      slide.addChart(
        pptx.ChartType.bar,
        [
          { name: b.toLabel, labels: rows.map((row) => row.label), values: rows.map((row) => percent(row.to) ?? 0) },
          { name: b.fromLabel, labels: rows.map((row) => row.label), values: rows.map((row) => percent(row.from) ?? 0) },
        ],
        {
          ...common,
          barDir: 'bar',
          barGrouping: 'clustered',
            chartColors: [hex(CHANGE.to), hex(CHANGE.from)],
          showValue: true,
          dataLabelFormatCode: PERCENT,
          dataLabelFontSize: 9,
          ...shareAxis,
          catAxisLabelFontSize: fontFor(b.rows.length),
          showLegend: true,
          legendPos: 'b',
          legendFontSize: 11,
        },
      );
      return;
    }
    case 'heat':
      heatTable(slide, b, box, b.withScale ?? true);
      return;
    case 'map': {
      // The map's picture, as large as the space allows at its own proportions.
      if (!mapPicture) throw new Error(`${spec.id}: a map's slide needs its picture`);
      const scale = Math.min(box.w / mapPicture.width, box.h / mapPicture.height);
      const [w, h] = [mapPicture.width * scale, mapPicture.height * scale];
      slide.addImage({ data: `data:image/png;base64,${base64(mapPicture.png)}`, x: box.x + (box.w - w) / 2, y: box.y, w, h, altText });
      return;
    }
  }
}

/** Category labels small enough for this many rows to fit the slide. */
function fontFor(rows: number): number {
  return rows > 20 ? 8 : rows > 14 ? 9 : rows > 8 ? 11 : 12;
}

/** The heat map as a native table: a row per method, a column per county, each cell shaded by its share. */
function heatTable(slide: Slide, b: Extract<ChartSpec['body'], { kind: 'heat' }>, box: Box, withScale: boolean): void {
  const columns = b.columns.length;
  const labelWidth = Math.min(2.6, box.w * 0.25);
  const cellWidth = (box.w - labelWidth) / Math.max(1, columns);
  const rowHeight = Math.min(0.32, box.h / (b.rows.length + 1));
  const size = Math.max(6, Math.min(11, Math.floor(rowHeight * 34), Math.floor(cellWidth * 20)));
  const header = [{ text: '' }, ...b.columns.map((name) => ({ text: name, options: { bold: true, fontSize: size, color: INK, align: 'center' as const } }))];
  const rows = b.rows.map((row) => [
    { text: row.label, options: { bold: true, fontSize: size, color: INK } },
    ...row.cells.map((cell) =>
      cell === null
        ? { text: '–', options: { fontSize: size, color: MUTED, align: 'center' as const } }
        : {
            text: cell.text,
            options: {
              fontSize: size,
              align: 'center' as const,
              ...(withScale ? { fill: { color: hex(shareColour(cell.share)) }, color: hex(inkOn(cell.share)) } : { color: INK }),
            },
          },
    ),
  ]);
  slide.addTable([header, ...rows], {
    x: box.x,
    y: box.y,
    w: box.w,
    colW: [labelWidth, ...Array.from({ length: columns }, () => cellWidth)],
    rowH: rowHeight,
    fontFace: FONT,
    border: { type: 'solid', pt: 0.5, color: 'FFFFFF' },
    valign: 'middle',
    margin: 0.02,
  });
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
