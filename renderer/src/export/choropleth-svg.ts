// A choropleth map as one standalone SVG: optional title, the map, the legend beside it (next to southern
// Sweden, where the map leaves room) and an optional note, text in the app's embedded font. Pure: for the
// export buttons, the report pack, the command line and the tests (PNG through export/png.ts svgToPng).
import { escapeXml } from '../safe-text';
import { FONT_FAMILY, type TextMeasure } from './fonts';
import { BORDER_COLOUR, choropleth, legendItems, OUTLINE_COLOUR, SELECTED_COLOUR, type ClassBreaks, type MapLevel } from '../maps/choropleth';
import { SWEDEN_ASPECT } from '../maps/geo';

const PAD = 24;
const INK = '#1b2430';
const MUTED = '#5a6675';
const GAP = 20;
const SWATCH = 14;
const LEGEND_SIZE = 13;
const LEGEND_ROW = 22;

export interface ChoroplethSvgOptions {
  /** The box the map is fitted in; the map takes no more width than Sweden needs at that height. */
  width: number;
  height: number;
  breaks: ClassBreaks;
  format: (v: number) => string;
  noDataLabel: string;
  title?: string;
  /** Above the legend's items, e.g. what the values are ("Andel enheter som använder KOMET"). */
  legendTitle?: string;
  /** Below the map, small: source, n, remarks. */
  note?: string;
  selected?: string | null;
  /** @font-face rules with the embedded font (export/fonts.ts fontFaceCss); leave out for PNG (resvg gets the font). */
  fontCss?: string;
  /** Text widths in the export font (export/fonts.ts measureWith); without it they are estimated. */
  measure?: TextMeasure;
}

export interface RenderedMapSvg {
  svg: string;
  width: number;
  height: number;
  /** Where the map is drawn in the image (its features' coordinates are relative to x, y). */
  map: { x: number; y: number; width: number; height: number };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** About the width of Source Sans 3 (its average advance is near half the size), a little generous. */
const estimate: TextMeasure = { width: (text, size, bold = false) => text.length * size * (bold ? 0.56 : 0.52) };

function text(x: number, y: number, content: string, size: number, options: { bold?: boolean; fill?: string } = {}): string {
  const weight = options.bold ? ' font-weight="600"' : '';
  return `<text x="${round(x)}" y="${round(y)}" font-size="${size}"${weight} fill="${options.fill ?? INK}">${escapeXml(content)}</text>`;
}

export function choroplethSvg(level: MapLevel, values: ReadonlyMap<string, number>, options: ChoroplethSvgOptions): RenderedMapSvg {
  const { breaks, format, noDataLabel, title, legendTitle, note, selected, fontCss = '' } = options;
  const measure = options.measure ?? estimate;
  const mapHeight = options.height;
  const mapWidth = Math.min(options.width, Math.ceil(mapHeight * SWEDEN_ASPECT) + 8);
  const map = choropleth(level, values, { width: mapWidth, height: mapHeight, breaks });

  const parts: string[] = [];
  let y = PAD;
  if (title) {
    y += 20;
    parts.push(text(PAD, y, title, 20, { bold: true }));
    y += 14;
  }
  const mapTop = y;

  // The map.
  const unitStroke = level === 'county' ? 0.8 : 0.4;
  parts.push(`<g transform="translate(${PAD} ${mapTop})" stroke="${BORDER_COLOUR}" stroke-width="${unitStroke}" stroke-linejoin="round">`);
  for (const f of map.features) parts.push(`<path d="${f.path}" fill="${f.colour}"><title>${escapeXml(f.name)}</title></path>`);
  if (map.borders) parts.push(`<path d="${map.borders}" fill="none" stroke-width="1.6"/>`);
  parts.push(`<path d="${map.outline}" fill="none" stroke="${OUTLINE_COLOUR}" stroke-width="0.6"/>`);
  const picked = map.features.find((f) => f.id === selected);
  if (picked) parts.push(`<path d="${picked.path}" fill="none" stroke="${SELECTED_COLOUR}" stroke-width="2"/>`);
  parts.push('</g>');

  // The legend, bottom-aligned with the map.
  const items = legendItems(breaks, format, noDataLabel);
  const labelWidth = Math.max(0, ...items.map((i) => measure.width(i.label, LEGEND_SIZE)));
  const titleWidth = legendTitle ? measure.width(legendTitle, LEGEND_SIZE, true) : 0;
  const legendWidth = Math.ceil(Math.max(SWATCH + 8 + labelWidth, titleWidth));
  const legendX = PAD + mapWidth + GAP;
  const legendHeight = items.length * LEGEND_ROW + (legendTitle ? LEGEND_ROW : 0);
  let ly = mapTop + Math.max(0, mapHeight - legendHeight);
  if (legendTitle) {
    parts.push(text(legendX, ly + LEGEND_SIZE, legendTitle, LEGEND_SIZE, { bold: true }));
    ly += LEGEND_ROW;
  }
  for (const item of items) {
    parts.push(
      `<rect x="${round(legendX)}" y="${round(ly)}" width="${SWATCH}" height="${SWATCH}" fill="${item.colour}" stroke="#8a94a3" stroke-width="0.5"/>`,
      text(legendX + SWATCH + 8, ly + SWATCH - 2.5, item.label, LEGEND_SIZE),
    );
    ly += LEGEND_ROW;
  }

  y = mapTop + mapHeight;
  const width = Math.ceil(legendX + legendWidth + PAD);
  if (note) {
    y += 22;
    parts.push(text(PAD, y, note, 11, { fill: MUTED }));
  }
  const height = Math.ceil(y + PAD);

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img"${title ? ' aria-labelledby="title"' : ''} font-family="'${FONT_FAMILY}', sans-serif">`,
    title ? `<title id="title">${escapeXml(title)}</title>` : '',
    fontCss ? `<style>${fontCss}</style>` : '',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
  ]
    .filter(Boolean)
    .join('\n');
  return { svg, width, height, map: { x: PAD, y: mapTop, width: mapWidth, height: mapHeight } };
}

/** The same, as the SVG text alone. */
export function choroplethSvgString(level: MapLevel, values: ReadonlyMap<string, number>, options: ChoroplethSvgOptions): string {
  return choroplethSvg(level, values, options).svg;
}
