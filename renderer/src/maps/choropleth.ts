// Choropleth maps of Sweden, pure: values by register code → classes → colours → projected SVG paths.
// No React and no DOM, so the same code draws the app's map, the exported SVG/PNG and the tests' maps.
import { geoPath } from 'd3-geo';
import { COUNTY_BORDERS, featuresOf, SWEDEN_OUTLINE, swedenProjection, unitBoxes, viewProjection, type MapLevel } from './geo';
import { intersects, type Box } from './zoom';

export type { MapLevel } from './geo';

export type ClassMethod = 'quantile' | 'equal' | 'fixed';

/**
 * Classes of values and their colours. A value v is in class i when breaks[i-1] ≤ v < breaks[i]
 * (class 0 below breaks[0], the last class from the last break up): `breaks.length = colours.length - 1`.
 * `domain` is the [lowest, highest] value the breaks were made from, where there were any.
 */
export interface ClassBreaks {
  method: ClassMethod;
  breaks: number[];
  colours: string[];
  domain?: [number, number];
}

/**
 * ColorBrewer's sequential Blues (Cynthia Brewer, Apache 2.0), light → dark: colour-blind safe, ordered
 * in greyscale print, the same blues as the heat map (palette.ts shareColour). For n classes, Brewer's
 * scheme for n + 1 without its lightest step: the lowest class must not fade into the white page, the
 * white borders and the lakes. Index = number of classes.
 */
const BLUES: Record<number, readonly string[]> = {
  1: ['#6baed6'],
  2: ['#9ecae1', '#3182bd'],
  3: ['#bdd7e7', '#6baed6', '#2171b5'],
  4: ['#bdd7e7', '#6baed6', '#3182bd', '#08519c'],
  5: ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'],
  6: ['#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594'],
  7: ['#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594'],
  8: ['#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'],
  9: ['#eff3ff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'],
};

/** Units without a value: a neutral grey, darker than the lightest blue so it never reads as "low". */
export const NO_DATA_COLOUR = '#bdbdbd';

/** Borders between units, and around the selected one. */
export const BORDER_COLOUR = '#ffffff';
/** The coast, lake shores and national border, so pale units keep their shape on a white page. */
export const OUTLINE_COLOUR = '#8a94a3';
export const SELECTED_COLOUR = '#1b2430';

const MIN_CLASSES = 3;
const MAX_CLASSES = 7;

/** The sequential colours for `classes` classes (1–9), light → dark. */
export function classColours(classes: number): string[] {
  const colours = BLUES[classes];
  if (!colours) throw new RangeError(`no colour scheme for ${classes} classes (1–9)`);
  return [...colours];
}

/** Breaks printed as computed: 0.6 stays 0.6, not 0.6000000000000001 (which would move 0.6 down a class). */
const tidy = (n: number) => Number(n.toPrecision(12));

/** R's type 7 (as d3.quantileSorted, Excel's PERCENTILE.INC) on ascending values. */
function quantileSorted(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return a + (h - lo) * (b - a);
}

/**
 * Class breaks for `values` (non-finite values are left out):
 * - `quantile`: about as many units in each class (breaks at the k/classes quantiles);
 * - `equal`: classes of equal width from the lowest to the highest value;
 * - `fixed`: the breaks given in `fixed` (strictly increasing; `classes` is then `fixed.length + 1`).
 * `classes` is 3–7. Ties can leave fewer classes than asked (quantile breaks that coincide, or one that
 * falls on the lowest value and would leave an empty class below it): those are merged, never shown
 * empty. No values at all give one class and no breaks.
 */
export function classBreaks(values: readonly number[], method: ClassMethod, classes: number, fixed?: readonly number[]): ClassBreaks {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const domain: [number, number] | undefined = sorted.length ? [sorted[0]!, sorted[sorted.length - 1]!] : undefined;
  const withDomain = (breaks: number[]): ClassBreaks => ({
    method,
    breaks,
    colours: classColours(breaks.length + 1),
    ...(domain ? { domain } : {}),
  });

  if (method === 'fixed') {
    const given = [...(fixed ?? [])];
    if (given.length < 1 || given.length > 8) throw new RangeError(`fixed breaks: ${given.length} given, 1–8 expected`);
    if (!given.every((b, i) => Number.isFinite(b) && (i === 0 || b > given[i - 1]!))) throw new RangeError(`fixed breaks must increase: ${given.join(', ')}`);
    return withDomain(given);
  }
  if (!Number.isInteger(classes) || classes < MIN_CLASSES || classes > MAX_CLASSES) {
    throw new RangeError(`classes: ${classes}, expected ${MIN_CLASSES}–${MAX_CLASSES}`);
  }
  if (!domain) return withDomain([]);

  const [min, max] = domain;
  const raw: number[] = [];
  for (let k = 1; k < classes; k++) {
    raw.push(tidy(method === 'quantile' ? quantileSorted(sorted, k / classes) : min + ((max - min) * k) / classes));
  }
  const breaks = raw.filter((b, i) => b > min && (i === 0 || b > raw[i - 1]!));
  return withDomain(breaks);
}

/** The class of `value`: the number of breaks at or below it. */
export function classIndex(value: number, breaks: ClassBreaks): number {
  let i = 0;
  while (i < breaks.breaks.length && value >= breaks.breaks[i]!) i++;
  return i;
}

/** The fill for a value; grey for no value. */
export function colourOf(value: number | null | undefined, breaks: ClassBreaks): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_DATA_COLOUR;
  return breaks.colours[Math.min(classIndex(value, breaks), breaks.colours.length - 1)]!;
}

export interface MapFeature {
  id: string;
  name: string;
  /** SVG path data in the map's pixel space. */
  path: string;
  colour: string;
  value: number | null;
  /** Where a label or tooltip points: the unit's centre of area, in pixels. */
  centroid: [number, number];
  /** The unit's extent in pixels (as drawn: cut at the edges of a zoomed map). */
  box: Box;
}

export interface ChoroplethLayout {
  features: MapFeature[];
  width: number;
  height: number;
  /** On a municipality map the county borders (SVG path data, no fill), drawn over the units; '' else. */
  borders: string;
  /** Sweden's coast, lake shores and national border (SVG path data, no fill), drawn over the units. */
  outline: string;
}

export interface ChoroplethOptions {
  width: number;
  height: number;
  breaks: ClassBreaks;
  /** Space kept free at the edges, in pixels (default 4); not used with `view`. */
  padding?: number;
  /**
   * Only this box of the country (map units, zoom.ts), as large as fits and centred, cut at the edges:
   * a zoomed map, an inset. Only the units inside it are drawn. Without it, the whole country.
   */
  view?: Box;
}

interface Shapes {
  units: { id: string; name: string; path: string; centroid: [number, number]; box: Box }[];
  borders: string;
  outline: string;
}

// Projecting the paths is the costly part and does not depend on the values: kept for a few sizes
// (the map, its insets, an export).
const shapeCache = new Map<string, Shapes>();
const round1 = (n: number) => Math.round(n * 10) / 10;

function shapes(level: MapLevel, width: number, height: number, padding: number, view: Box | undefined): Shapes {
  const key = `${level} ${width} ${height} ${view ? `${view.x} ${view.y} ${view.width} ${view.height}` : padding}`;
  const hit = shapeCache.get(key);
  if (hit) return hit;
  const path = geoPath(view ? viewProjection(view, width, height) : swedenProjection(width, height, padding)).digits(1);
  const boxes = unitBoxes(level);
  const made: Shapes = {
    units: featuresOf(level)
      .filter((f) => !view || intersects(view, boxes.get(f.id)!))
      .map((f) => {
        const [x, y] = path.centroid(f);
        const [[x0, y0], [x1, y1]] = path.bounds(f);
        const centroid: [number, number] = [round1(x), round1(y)];
        return { id: f.id, name: f.properties.name, path: path(f) ?? '', centroid, box: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } };
      })
      .filter((u) => u.path !== ''),
    borders: level === 'municipality' ? (path(COUNTY_BORDERS) ?? '') : '',
    outline: path(SWEDEN_OUTLINE) ?? '',
  };
  if (shapeCache.size >= 16) shapeCache.delete(shapeCache.keys().next().value!);
  shapeCache.set(key, made);
  return made;
}

/**
 * Every unit of `level` (or those inside `options.view`), coloured by its value in `values` (by register
 * code); units without one are grey.
 */
export function choropleth(level: MapLevel, values: ReadonlyMap<string, number>, options: ChoroplethOptions): ChoroplethLayout {
  const { width, height, breaks, padding = 4, view } = options;
  const { units, borders, outline } = shapes(level, width, height, padding, view);
  const features = units.map((u): MapFeature => {
    const raw = values.get(u.id);
    const value = raw !== undefined && Number.isFinite(raw) ? raw : null;
    return { ...u, centroid: [...u.centroid], box: { ...u.box }, colour: colourOf(value, breaks), value };
  });
  return { features, width, height, borders, outline };
}

export interface LegendItem {
  colour: string;
  label: string;
}

/**
 * One item a class, light → dark, then the grey no-data item: '< 20 %', '20 %–40 %', …, '≥ 80 %' (a
 * value on a break belongs to the class above it). One class shows its range of values. Without any
 * values only the no-data item is left.
 */
export function legendItems(breaks: ClassBreaks, format: (v: number) => string, noDataLabel: string): LegendItem[] {
  const b = breaks.breaks;
  const items: LegendItem[] = [];
  if (b.length === 0) {
    if (breaks.domain) {
      const [lo, hi] = breaks.domain;
      items.push({ colour: breaks.colours[0]!, label: lo === hi ? format(lo) : `${format(lo)}–${format(hi)}` });
    }
  } else {
    breaks.colours.forEach((colour, i) => {
      const label = i === 0 ? `< ${format(b[0]!)}` : i === b.length ? `≥ ${format(b[i - 1]!)}` : `${format(b[i - 1]!)}–${format(b[i]!)}`;
      items.push({ colour, label });
    });
  }
  items.push({ colour: NO_DATA_COLOUR, label: noDataLabel });
  return items;
}
