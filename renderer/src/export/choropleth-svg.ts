// A choropleth map as one standalone SVG: optional title, the map, the legend beside it (next to southern
// Sweden, where the map leaves room) and an optional note, text in the app's embedded font. A municipality
// map of the whole country has the insets of the Stockholm, Göteborg and Malmö areas above the legend, as
// on screen; a map zoomed in (`view`, the box the screen shows) is drawn framed, its units named where
// the names fit, the legend beside or below it, whichever leaves the map larger. Pure: for the export
// buttons, the report pack, the command line and the tests (PNG through export/png.ts svgToPng).
import { escapeXml } from '../safe-text';
import { FONT_FAMILY, type TextMeasure } from './fonts';
import { BORDER_COLOUR, choropleth, legendItems, OUTLINE_COLOUR, SELECTED_COLOUR, type ChoroplethLayout, type ClassBreaks, type LegendItem, type MapLevel } from '../maps/choropleth';
import { COUNTRY_BOX, SWEDEN_ASPECT, unitBoxes } from '../maps/geo';
import { INSET_AREAS, insetBounds } from '../maps/insets';
import { placeLabels } from '../maps/labels';
import { fitAspect, transformFor, type Box } from '../maps/zoom';

const PAD = 24;
const INK = '#1b2430';
const MUTED = '#5a6675';
const FRAME = '#8a94a3';
const GAP = 20;
const SWATCH = 14;
const LEGEND_SIZE = 13;
const LEGEND_ROW = 22;
const LABEL_SIZE = 10.5;
const INSET_CAPTION = 18;
const INSET_GAP = 12;

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
  /**
   * Only this box of the country (map units, maps/zoom.ts), as the screen shows it zoomed in; the map
   * and its legend then take the whole width. Without it, the whole country.
   */
  view?: Box;
  /** The insets of a municipality map of the whole country (default true). */
  insets?: boolean;
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

function text(x: number, y: number, content: string, size: number, options: { bold?: boolean; fill?: string; halo?: boolean; anchor?: 'middle' } = {}): string {
  const weight = options.bold ? ' font-weight="600"' : '';
  const anchor = options.anchor ? ` text-anchor="${options.anchor}"` : '';
  const halo = options.halo ? ' stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"' : '';
  return `<text x="${round(x)}" y="${round(y)}" font-size="${size}"${weight}${anchor}${halo} fill="${options.fill ?? INK}">${escapeXml(content)}</text>`;
}

/** The units, borders, coast and the selected unit's outline of a layout, at `x`, `y`; `titled` gives each unit its name as <title>. */
function drawLayout(map: ChoroplethLayout, level: MapLevel, x: number, y: number, selected: string | null | undefined, titled: boolean): string[] {
  const parts: string[] = [];
  const unitStroke = level === 'county' ? 0.8 : 0.4;
  parts.push(`<g transform="translate(${round(x)} ${round(y)})" stroke="${BORDER_COLOUR}" stroke-width="${unitStroke}" stroke-linejoin="round">`);
  for (const f of map.features) parts.push(titled ? `<path d="${f.path}" fill="${f.colour}"><title>${escapeXml(f.name)}</title></path>` : `<path d="${f.path}" fill="${f.colour}"/>`);
  if (map.borders) parts.push(`<path d="${map.borders}" fill="none" stroke-width="1.6"/>`);
  parts.push(`<path d="${map.outline}" fill="none" stroke="${OUTLINE_COLOUR}" stroke-width="0.6"/>`);
  const picked = map.features.find((f) => f.id === selected);
  if (picked) parts.push(`<path d="${picked.path}" fill="none" stroke="${SELECTED_COLOUR}" stroke-width="2"/>`);
  parts.push('</g>');
  return parts;
}

/** The names that fit on a drawn map (maps/labels.ts), at `x`, `y`. */
function drawLabels(map: ChoroplethLayout, x: number, y: number, size: number, measure: TextMeasure): string[] {
  const labels = placeLabels(
    map.features.map((f) => ({ id: f.id, name: f.name, at: f.centroid, box: f.box })),
    { x: 0, y: 0, width: map.width, height: map.height },
    size,
    (name) => measure.width(name, size, true),
  );
  return labels.map((label) => text(x + label.x, y + label.y + size * 0.35, label.text, size, { bold: true, halo: true, anchor: 'middle' }));
}

const frame = (x: number, y: number, width: number, height: number) =>
  `<rect x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${round(height)}" fill="none" stroke="${FRAME}" stroke-width="0.8"/>`;

/** The legend's items in rows across `width` (a zoomed map's legend below it): their positions and the rows' count. */
function flowLegend(items: readonly LegendItem[], width: number, measure: TextMeasure): { at: [number, number][]; rows: number } {
  const at: [number, number][] = [];
  let x = 0;
  let row = 0;
  for (const item of items) {
    const w = SWATCH + 8 + measure.width(item.label, LEGEND_SIZE) + 18;
    if (x > 0 && x + w > width) {
      x = 0;
      row += 1;
    }
    at.push([x, row]);
    x += w;
  }
  return { at, rows: row + 1 };
}

export function choroplethSvg(level: MapLevel, values: ReadonlyMap<string, number>, options: ChoroplethSvgOptions): RenderedMapSvg {
  const { breaks, format, noDataLabel, title, legendTitle, note, selected, fontCss = '', view } = options;
  const measure = options.measure ?? estimate;

  const parts: string[] = [];
  let y = PAD;
  if (title) {
    y += 20;
    parts.push(text(PAD, y, title, 20, { bold: true }));
    y += 14;
  }
  const mapTop = y;

  const items = legendItems(breaks, format, noDataLabel);
  const labelWidth = Math.max(0, ...items.map((i) => measure.width(i.label, LEGEND_SIZE)));
  const titleWidth = legendTitle ? measure.width(legendTitle, LEGEND_SIZE, true) : 0;
  const legendWidth = Math.ceil(Math.max(SWATCH + 8 + labelWidth, titleWidth));
  const legendHeight = items.length * LEGEND_ROW + (legendTitle ? LEGEND_ROW : 0);
  const drawLegendColumn = (x: number, top: number) => {
    let ly = top;
    if (legendTitle) {
      parts.push(text(x, ly + LEGEND_SIZE, legendTitle, LEGEND_SIZE, { bold: true }));
      ly += LEGEND_ROW;
    }
    for (const item of items) {
      parts.push(
        `<rect x="${round(x)}" y="${round(ly)}" width="${SWATCH}" height="${SWATCH}" fill="${item.colour}" stroke="#8a94a3" stroke-width="0.5"/>`,
        text(x + SWATCH + 8, ly + SWATCH - 2.5, item.label, LEGEND_SIZE),
      );
      ly += LEGEND_ROW;
    }
  };

  let mapWidth: number;
  let mapHeight: number;
  let right: number;
  if (view) {
    // Zoomed in: the legend beside the map or in rows below it, whichever draws the view larger; the
    // map fills the rest of the box, showing around the view what that room holds (as a wide screen does).
    const budget = options.width - PAD;
    const flow = flowLegend(items, budget, measure);
    const belowHeight = flow.rows * LEGEND_ROW + (legendTitle ? LEGEND_ROW : 0);
    const beside = { width: budget - GAP - legendWidth, height: options.height };
    const under = { width: budget, height: options.height - GAP - belowHeight };
    const scale = (box: { width: number; height: number }) => Math.min(box.width / view.width, box.height / view.height);
    const below = scale(under) >= scale(beside);
    mapWidth = Math.floor((below ? under : beside).width);
    mapHeight = Math.floor((below ? under : beside).height);
    const map = choropleth(level, values, { width: mapWidth, height: mapHeight, breaks, view: fitAspect(view, mapWidth / mapHeight) });
    parts.push(...drawLayout(map, level, PAD, mapTop, selected, true), ...drawLabels(map, PAD, mapTop, LABEL_SIZE, measure), frame(PAD, mapTop, mapWidth, mapHeight));
    if (below) {
      let ly = mapTop + mapHeight + GAP;
      if (legendTitle) {
        parts.push(text(PAD, ly + LEGEND_SIZE, legendTitle, LEGEND_SIZE, { bold: true }));
        ly += LEGEND_ROW;
      }
      items.forEach((item, i) => {
        const [x, row] = flow.at[i]!;
        const iy = ly + row * LEGEND_ROW;
        parts.push(
          `<rect x="${round(PAD + x)}" y="${round(iy)}" width="${SWATCH}" height="${SWATCH}" fill="${item.colour}" stroke="#8a94a3" stroke-width="0.5"/>`,
          text(PAD + x + SWATCH + 8, iy + SWATCH - 2.5, item.label, LEGEND_SIZE),
        );
      });
      y = ly + flow.rows * LEGEND_ROW - (LEGEND_ROW - SWATCH);
      right = PAD + Math.max(mapWidth, ...items.map((item, i) => flow.at[i]![0] + SWATCH + 8 + measure.width(item.label, LEGEND_SIZE)), titleWidth);
    } else {
      drawLegendColumn(PAD + mapWidth + GAP, mapTop + Math.max(0, mapHeight - legendHeight));
      y = mapTop + mapHeight;
      right = PAD + mapWidth + GAP + legendWidth;
    }
  } else {
    mapHeight = options.height;
    mapWidth = Math.min(options.width, Math.ceil(mapHeight * SWEDEN_ASPECT) + 8);
    const map = choropleth(level, values, { width: mapWidth, height: mapHeight, breaks });
    parts.push(...drawLayout(map, level, PAD, mapTop, selected, true));
    const legendX = PAD + mapWidth + GAP;
    drawLegendColumn(legendX, mapTop + Math.max(0, mapHeight - legendHeight));
    right = legendX + legendWidth;
    // The insets, above the legend (bottom-aligned with the map), where they leave room for it.
    if (level === 'municipality' && options.insets !== false) {
      const room = { x: legendX, width: Math.min(260, Math.max(legendWidth, options.width - mapWidth - GAP)), height: mapHeight - legendHeight - GAP };
      const each = (room.height - INSET_GAP * (INSET_AREAS.length - 1)) / INSET_AREAS.length;
      if (each >= 100 && room.width >= 120) {
        const country = transformFor(COUNTRY_BOX, { x: 4, y: 4, width: mapWidth - 8, height: mapHeight - 8 });
        INSET_AREAS.forEach((area, i) => {
          const top = mapTop + i * (each + INSET_GAP);
          const box = { x: room.x, y: top + INSET_CAPTION, width: Math.floor(room.width), height: Math.floor(each - INSET_CAPTION) };
          const shown = fitAspect(insetBounds(area, unitBoxes('municipality')), box.width / box.height);
          const inset = choropleth(level, values, { width: box.width, height: box.height, breaks, view: shown });
          parts.push(
            text(box.x, top + 12, captionOf(area.id), 11.5, { bold: true }),
            ...drawLayout(inset, level, box.x, box.y, selected, false),
            ...drawLabels(inset, box.x, box.y, 9.5, measure),
            frame(box.x, box.y, box.width, box.height),
            // Where it is on the map.
            frame(PAD + country.x + shown.x * country.k, mapTop + country.y + shown.y * country.k, shown.width * country.k, shown.height * country.k).replace(`stroke="${FRAME}"`, `stroke="${INK}"`),
          );
        });
        right = Math.max(right, room.x + room.width);
      }
    }
    y = mapTop + mapHeight;
  }

  const width = Math.ceil(right + PAD);
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

/** The insets' captions are place names, the same in Swedish and English exports. */
function captionOf(id: string): string {
  return id === 'stockholm' ? 'Stockholm' : id === 'goteborg' ? 'Göteborg' : 'Malmö';
}

/** The same, as the SVG text alone. */
export function choroplethSvgString(level: MapLevel, values: ReadonlyMap<string, number>, options: ChoroplethSvgOptions): string {
  return choroplethSvg(level, values, options).svg;
}
