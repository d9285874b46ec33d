// Pan and zoom as plain box arithmetic, with no React, DOM or projection: the map's view is a box in
// map units (Sweden's projected extent is [0, SWEDEN_ASPECT] × [0, 1], north up, x east; geo.ts
// COUNTRY_BOX), independent of how many pixels show it. The screen, the insets and the export each fit
// that box into their own rectangle. Every rule here is property-tested (test/unit/maps/zoom.test.ts).

/** A rectangle: in map units for a view, in pixels for an area of the screen or of an image. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Map units → pixels: a point (u, v) is drawn at (x + u·k, y + v·k). */
export interface Transform {
  k: number;
  x: number;
  y: number;
}

/** How far in one can zoom, as a multiple of the whole country. */
export const MAX_ZOOM = 48;

/** The margin kept around what is zoomed to (a county, an inset's area), as a share of its larger side. */
export const FIT_MARGIN = 0.06;

const centreOf = (box: Box): [number, number] => [box.x + box.width / 2, box.y + box.height / 2];

/** `a` holds all of `b` (to within a rounding error). */
export function contains(a: Box, b: Box, tolerance = 1e-9): boolean {
  return b.x >= a.x - tolerance && b.y >= a.y - tolerance && b.x + b.width <= a.x + a.width + tolerance && b.y + b.height <= a.y + a.height + tolerance;
}

export function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The smallest box holding all of them. */
export function union(boxes: readonly Box[]): Box {
  const x0 = Math.min(...boxes.map((b) => b.x));
  const y0 = Math.min(...boxes.map((b) => b.y));
  const x1 = Math.max(...boxes.map((b) => b.x + b.width));
  const y1 = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** `box` grown by `margin` × its larger side on every side. */
export function pad(box: Box, margin: number): Box {
  const m = Math.max(box.width, box.height) * margin;
  return { x: box.x - m, y: box.y - m, width: box.width + 2 * m, height: box.height + 2 * m };
}

/** The smallest box of `aspect` (width ÷ height) with the same centre that holds `box`. */
export function fitAspect(box: Box, aspect: number): Box {
  const [cx, cy] = centreOf(box);
  const width = Math.max(box.width, box.height * aspect);
  const height = width / aspect;
  return { x: cx - width / 2, y: cy - height / 2, width, height };
}

/** The transform that shows all of `view` in `area`, as large as fits and centred (as SVG's "meet"). */
export function transformFor(view: Box, area: Box): Transform {
  const k = Math.min(area.width / view.width, area.height / view.height);
  return { k, x: area.x + (area.width - view.width * k) / 2 - view.x * k, y: area.y + (area.height - view.height * k) / 2 - view.y * k };
}

/** What `area` shows under `t`, in map units: the view itself, widened to the area's shape. */
export function shownBy(t: Transform, area: Box): Box {
  return { x: (area.x - t.x) / t.k, y: (area.y - t.y) / t.k, width: area.width / t.k, height: area.height / t.k };
}

/** A point on screen → map units. */
export function toMap(t: Transform, [px, py]: readonly [number, number]): [number, number] {
  return [(px - t.x) / t.k, (py - t.y) / t.k];
}

/** `box` scaled by 1/`factor` about `at` (map units): the point stays where it is on screen. */
export function zoomAbout(box: Box, factor: number, at: readonly [number, number] = centreOf(box)): Box {
  const [ax, ay] = at;
  return { x: ax - (ax - box.x) / factor, y: ay - (ay - box.y) / factor, width: box.width / factor, height: box.height / factor };
}

export function panBy(box: Box, dx: number, dy: number): Box {
  return { ...box, x: box.x + dx, y: box.y + dy };
}

/**
 * The box at the shape of the screen (`aspect`) and within the limits: no larger than `whole` (the
 * whole country as that screen shows it, which is also how far one can pan), no smaller than
 * `whole` / MAX_ZOOM; a box smaller than `whole` is moved (never shrunk) to lie inside it.
 */
export function clampView(box: Box, whole: Box, aspect: number): Box {
  const shaped = fitAspect(box, aspect);
  const wholeShaped = fitAspect(whole, aspect);
  const width = Math.min(wholeShaped.width, Math.max(wholeShaped.width / MAX_ZOOM, shaped.width));
  const height = width / aspect;
  const [cx, cy] = centreOf(shaped);
  const inside = (centre: number, size: number, start: number, span: number) => Math.min(Math.max(centre - size / 2, start), start + span - size);
  return { x: inside(cx, width, wholeShaped.x, wholeShaped.width), y: inside(cy, height, wholeShaped.y, wholeShaped.height), width, height };
}

/** The view that shows `bounds` (a county, an inset's area) with a margin, on a screen of `aspect`. */
export function viewOf(bounds: Box, whole: Box, aspect: number): Box {
  return clampView(pad(bounds, FIT_MARGIN), whole, aspect);
}

/** How many times the view magnifies the whole country (1 = all of it). */
export function zoomLevel(view: Box, whole: Box, aspect: number): number {
  return fitAspect(whole, aspect).width / fitAspect(view, aspect).width;
}
