// One chart as a file: PNG at 1×, 2× or 3×, SVG with its font, PDF, or its figures as CSV or XLSX.
// The app and the report pack make them the same way; `assets` says where fonts and wasm come from.
import { exportText } from '../safe-text';
import { spokenAlt, type ChartSpec } from './chart-spec';
import { chartSvg, mapPictureSvg, SLIDE_MAP_SIZE, type ExportSize } from './chart-svg';
import { fontFaceCss, measureWith, type FontFiles, type TextMeasure } from './fonts';
import { chartPdf, type PdfImage } from './pdf';
import { svgToPng } from './png';
import { dataTableToCsv, dataTableToXlsx, type CsvOptions, type DataTable } from './table-export';

type ChartFormat = 'png' | 'svg' | 'pdf' | 'pptx' | 'csv' | 'xlsx';

export interface ExportAssets {
  fonts: () => Promise<FontFiles>;
  wasm: () => Promise<Uint8Array | URL | string>;
}

export interface ChartFileOptions {
  format: ChartFormat;
  size: ExportSize;
  /** PNG only: 1, 2 or 3. */
  scale?: number;
  csv?: CsvOptions;
  lang: 'sv' | 'en';
}

const measures = new WeakMap<FontFiles, TextMeasure>();
function measureOf(fonts: FontFiles): TextMeasure {
  let measure = measures.get(fonts);
  if (!measure) measures.set(fonts, (measure = measureWith(fonts)));
  return measure;
}

/**
 * "Strukturerad familjebehandling (12–17 år)" → "strukturerad-familjebehandling-12-17-ar". Only a-z, 0-9
 * and "-" remain; bidi controls and other hidden characters are dropped first, so they neither reorder
 * the name nor split a word ("ab<U+200E>cd" → "abcd", not "ab-cd").
 */
export function fileSlug(text: string): string {
  const slug = exportText(text)
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'diagram';
}

/**
 * A map chart's picture for a slide: the map and legend alone, drawn to the slide's chart area at 2×
 * (the slide gives the texts); none for other charts, which PowerPoint draws natively.
 */
export async function slideMapPicture(spec: ChartSpec, fonts: FontFiles, wasm: () => Promise<Uint8Array | URL | string>): Promise<PdfImage | undefined> {
  if (spec.body.kind !== 'map') return undefined;
  const drawn = mapPictureSvg(spec.body, SLIDE_MAP_SIZE.width, SLIDE_MAP_SIZE.height, measureOf(fonts));
  return { png: await svgToPng(drawn.svg, 2, fonts, wasm), width: drawn.width, height: drawn.height };
}

export function chartFileName(spec: ChartSpec, options: Pick<ChartFileOptions, 'format' | 'scale'>): string {
  const suffix = options.format === 'png' && (options.scale ?? 1) > 1 ? `@${options.scale}x` : '';
  return `${fileSlug(spec.text.title)}${suffix}.${options.format}`;
}

/** A chart's figures (its own table, or one it shows beside it) as saved: from sample data, they say so first below the table. */
export function figuresOf(spec: ChartSpec, table: DataTable = spec.table): DataTable {
  return spec.text.sample ? { ...table, footnotes: [spec.text.sample, ...(table.footnotes ?? [])] } : table;
}

/** The SVG as the user sees it in the preview and saves it: with its font inside. */
export async function chartSvgFile(spec: ChartSpec, size: ExportSize, assets: ExportAssets) {
  const fonts = await assets.fonts();
  return chartSvg(spec, size, measureOf(fonts), fontFaceCss(fonts));
}

export async function chartFile(spec: ChartSpec, options: ChartFileOptions, assets: ExportAssets): Promise<{ name: string; bytes: Uint8Array }> {
  const name = chartFileName(spec, options);
  switch (options.format) {
    case 'csv':
      return { name, bytes: dataTableToCsv(figuresOf(spec), options.csv) };
    case 'xlsx':
      return { name, bytes: await dataTableToXlsx(figuresOf(spec)) };
    case 'svg':
      return { name, bytes: new TextEncoder().encode((await chartSvgFile(spec, options.size, assets)).svg) };
    case 'png':
    case 'pdf': {
      const fonts = await assets.fonts();
      const drawn = chartSvg(spec, options.size, measureOf(fonts));
      const png = await svgToPng(drawn.svg, options.format === 'pdf' ? 3 : (options.scale ?? 1), fonts, assets.wasm);
      if (options.format === 'png') return { name, bytes: png };
      const pdf = await chartPdf({ png, width: drawn.width, height: drawn.height }, { title: spec.text.title, alt: spokenAlt(spec), lang: options.lang }, fonts);
      return { name, bytes: pdf };
    }
    case 'pptx': {
      // One slide with the chart native in PowerPoint (a map as its picture); pptxgenjs is loaded only now.
      const mapPicture = await slideMapPicture(spec, await assets.fonts(), assets.wasm);
      const { chartsPptx } = await import('./pptx');
      return { name, bytes: await chartsPptx([{ spec, ...(mapPicture ? { mapPicture } : {}) }], options.lang) };
    }
  }
}
