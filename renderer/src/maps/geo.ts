// Sweden's municipalities and counties as GeoJSON features, from the TopoJSON file the app ships
// (renderer/src/maps/data/sweden.topo.json, made by scripts/build-geo.ts from SCB's boundaries), and the
// projection the maps are drawn in. Everything is local: no tiles, no network.
import { geoPath, geoTransverseMercator, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import sweden from './data/sweden.topo.json';
import { FIT_MARGIN, pad, transformFor, type Box } from './zoom';

export type MapLevel = 'county' | 'municipality';

interface UnitProperties {
  name: string;
}

/** One unit's boundary: `id` is the register code ('0180' for a municipality, '01' for a county). */
export type UnitFeature = Feature<Polygon | MultiPolygon, UnitProperties> & { id: string };

type SwedenTopology = Topology<{ municipalities: GeometryCollection<UnitProperties>; counties: GeometryCollection<UnitProperties> }>;

const topology = sweden as unknown as SwedenTopology;

function features(object: GeometryCollection<UnitProperties>): readonly UnitFeature[] {
  return feature(topology, object).features.map((f) => ({ ...f, id: String(f.id) }) as UnitFeature);
}

/** The 290 municipalities, by code. */
export const MUNICIPALITY_FEATURES: readonly UnitFeature[] = features(topology.objects.municipalities);
/** The 21 counties, by code (dissolved from the municipalities: their borders coincide). */
export const COUNTY_FEATURES: readonly UnitFeature[] = features(topology.objects.counties);

/** The borders between counties, to draw over a municipality map. */
export const COUNTY_BORDERS: MultiLineString = mesh(topology, topology.objects.counties, (a, b) => a !== b);

/** Sweden's coast, lake shores and national border (the edges no two counties share). */
export const SWEDEN_OUTLINE: MultiLineString = mesh(topology, topology.objects.counties, (a, b) => a === b);

export function featuresOf(level: MapLevel): readonly UnitFeature[] {
  return level === 'county' ? COUNTY_FEATURES : MUNICIPALITY_FEATURES;
}

const SWEDEN: FeatureCollection<Polygon | MultiPolygon, UnitProperties> = { type: 'FeatureCollection', features: [...COUNTY_FEATURES] };

/**
 * Transverse Mercator on 15° E, as SWEREF 99 TM (Lantmäteriet's national grid): north up, Sweden's
 * shape as Swedish maps show it. Fitted so the whole country fills `width` × `height` less `padding`
 * (centred along the looser side).
 */
export function swedenProjection(width: number, height: number, padding = 0): GeoProjection {
  return geoTransverseMercator()
    .rotate([-15, 0])
    .fitExtent(
      [
        [padding, padding],
        [Math.max(padding + 1, width - padding), Math.max(padding + 1, height - padding)],
      ],
      SWEDEN,
    );
}

/** Width ÷ height of Sweden in that projection: a map `h` high needs about `h * SWEDEN_ASPECT` across. */
export const SWEDEN_ASPECT: number = (() => {
  const [[x0, y0], [x1, y1]] = geoPath(geoTransverseMercator().rotate([-15, 0])).bounds(SWEDEN);
  return (x1 - x0) / (y1 - y0);
})();

/** Sweden's extent in map units (zoom.ts): as wide as SWEDEN_ASPECT, one high, north-west corner at 0, 0. */
export const COUNTRY_BOX: Box = { x: 0, y: 0, width: SWEDEN_ASPECT, height: 1 };

/** The projection in map units: SWEDEN fitted exactly to COUNTRY_BOX. */
const UNIT_PROJECTION = geoTransverseMercator()
  .rotate([-15, 0])
  .fitExtent(
    [
      [0, 0],
      [SWEDEN_ASPECT, 1],
    ],
    SWEDEN,
  );

/**
 * The projection that draws `view` (map units) as large as fits in `width` × `height` pixels, centred,
 * cut at the edges of that box: what a zoomed map, an inset and a zoomed export draw.
 */
export function viewProjection(view: Box, width: number, height: number): GeoProjection {
  const t = transformFor(view, { x: 0, y: 0, width, height });
  const [x, y] = UNIT_PROJECTION.translate();
  return geoTransverseMercator()
    .rotate([-15, 0])
    .scale(UNIT_PROJECTION.scale() * t.k)
    .translate([x * t.k + t.x, y * t.k + t.y])
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
}

const unitBoxCache = new Map<MapLevel, ReadonlyMap<string, Box>>();

/** Each unit's extent in map units, by register code. */
export function unitBoxes(level: MapLevel): ReadonlyMap<string, Box> {
  let boxes = unitBoxCache.get(level);
  if (!boxes) {
    const path = geoPath(UNIT_PROJECTION);
    boxes = new Map(
      featuresOf(level).map((f) => {
        const [[x0, y0], [x1, y1]] = path.bounds(f);
        return [f.id, { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }];
      }),
    );
    unitBoxCache.set(level, boxes);
  }
  return boxes;
}

/** What to show to see one unit (a county filtered or clicked): its extent with a margin; null for an unknown code. */
export function unitView(level: MapLevel, code: string): Box | null {
  const box = unitBoxes(level).get(code);
  return box ? pad(box, FIT_MARGIN) : null;
}
