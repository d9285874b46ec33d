// The map boundaries the app ships: one feature for every unit of the register and none outside it,
// generated from the current source files, wound so that d3-geo fills the unit (not the world around
// it), and projected with north up and the whole country inside the box.
import { geoArea, geoPath } from 'd3-geo';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { COUNTIES, MUNICIPALITIES } from '../../../renderer/src/domain/units';
import { choropleth, classBreaks, type MapLevel } from '../../../renderer/src/maps/choropleth';
import { COUNTY_BORDERS, COUNTY_FEATURES, featuresOf, MUNICIPALITY_FEATURES, SWEDEN_ASPECT, swedenProjection } from '../../../renderer/src/maps/geo';
import { buildGeo, GEO_FILE } from '../../../scripts/build-geo';

/** Register codes without a feature, feature codes outside the register, and codes drawn twice. */
function join(register: readonly { code: string }[], features: readonly { id: string }[]) {
  const ids = features.map((f) => f.id);
  const codes = new Set(register.map((u) => u.code));
  return {
    withoutFeature: register.filter((u) => !ids.includes(u.code)).map((u) => u.code),
    outsideRegister: ids.filter((id) => !codes.has(id)),
    twice: ids.filter((id, i) => ids.indexOf(id) !== i),
  };
}

describe('map boundaries', () => {
  it('has exactly one feature for each of the 290 municipalities, and none outside the register', () => {
    expect(MUNICIPALITIES).toHaveLength(290);
    expect(join(MUNICIPALITIES, MUNICIPALITY_FEATURES)).toEqual({ withoutFeature: [], outsideRegister: [], twice: [] });
    expect(MUNICIPALITY_FEATURES).toHaveLength(290);
  });

  it('has exactly one feature for each of the 21 counties, and none outside the register', () => {
    expect(COUNTIES).toHaveLength(21);
    expect(join(COUNTIES, COUNTY_FEATURES)).toEqual({ withoutFeature: [], outsideRegister: [], twice: [] });
    expect(COUNTY_FEATURES).toHaveLength(21);
  });

  it("names every feature as the register does, with the code as the feature's id", () => {
    for (const m of MUNICIPALITIES) expect(MUNICIPALITY_FEATURES.find((f) => f.id === m.code)?.properties.name).toBe(m.name);
    for (const c of COUNTIES) expect(COUNTY_FEATURES.find((f) => f.id === c.code)?.properties.name).toBe(c.name);
    expect(MUNICIPALITY_FEATURES.find((f) => f.id === '0180')?.properties.name).toBe('Stockholm');
    expect(COUNTY_FEATURES.find((f) => f.id === '20')?.properties.name).toBe('Dalarnas län');
    expect(featuresOf('county')).toBe(COUNTY_FEATURES);
    expect(featuresOf('municipality')).toBe(MUNICIPALITY_FEATURES);
  });

  it('winds every unit so that it covers itself, not the rest of the globe', () => {
    // Sweden is about 450,000 km² = 0.011 sr of the Earth's 4π; a unit wound the wrong way is ~4π.
    const sr = (km2: number) => km2 / 6371 ** 2;
    const total = (features: typeof COUNTY_FEATURES) => features.reduce((sum, f) => sum + geoArea(f), 0);
    for (const f of [...MUNICIPALITY_FEATURES, ...COUNTY_FEATURES]) expect(geoArea(f), f.id).toBeGreaterThan(0);
    for (const f of [...MUNICIPALITY_FEATURES, ...COUNTY_FEATURES]) expect(geoArea(f), f.id).toBeLessThan(sr(120_000));
    expect(total(COUNTY_FEATURES)).toBeGreaterThan(sr(400_000));
    expect(total(COUNTY_FEATURES)).toBeLessThan(sr(480_000));
    expect(total(MUNICIPALITY_FEATURES)).toBeCloseTo(total(COUNTY_FEATURES), 6);
    // Norrbotten is the largest county, Kiruna the largest municipality (~20,000 km²).
    const largest = (features: typeof COUNTY_FEATURES) => [...features].sort((a, b) => geoArea(b) - geoArea(a))[0]!.id;
    expect(largest(COUNTY_FEATURES)).toBe('25');
    expect(largest(MUNICIPALITY_FEATURES)).toBe('2584');
    expect(COUNTY_BORDERS.coordinates.length).toBeGreaterThan(20);
  });

  it('puts each municipality inside its own county', () => {
    const projection = swedenProjection(400, 960);
    const path = geoPath(projection);
    for (const m of MUNICIPALITY_FEATURES) {
      const [[x0, y0], [x1, y1]] = path.bounds(COUNTY_FEATURES.find((c) => c.id === m.id.slice(0, 2))!);
      const [[mx0, my0], [mx1, my1]] = path.bounds(m);
      expect(mx0 >= x0 - 0.01 && my0 >= y0 - 0.01 && mx1 <= x1 + 0.01 && my1 <= y1 + 0.01, m.id).toBe(true);
    }
  });

  it('is generated from the current boundary files', async () => {
    const { json } = await buildGeo();
    const committed = await readFile(new URL(`../../../renderer/src/maps/data/${GEO_FILE}`, import.meta.url), 'utf8');
    expect(committed === json, `${GEO_FILE} is stale: run npx tsx scripts/build-geo.ts`).toBe(true);
    expect(Buffer.byteLength(committed)).toBeLessThan(120_000);
  });
});

describe('projection', () => {
  const breaks = classBreaks([], 'quantile', 5);
  const centroid = (level: MapLevel, code: string, width: number, height: number) =>
    choropleth(level, new Map(), { width, height, breaks }).features.find((f) => f.id === code)!.centroid;

  it.each([
    [300, 720],
    [400, 400],
    [800, 300],
  ])('keeps all of Sweden inside %i × %i', (width, height) => {
    for (const level of ['county', 'municipality'] as const) {
      const map = choropleth(level, new Map(), { width, height, breaks });
      const [[x0, y0], [x1, y1]] = geoPath(swedenProjection(width, height, 4)).bounds({ type: 'FeatureCollection', features: [...featuresOf(level)] });
      expect(x0).toBeGreaterThanOrEqual(3.99);
      expect(y0).toBeGreaterThanOrEqual(3.99);
      expect(x1).toBeLessThanOrEqual(width - 3.99);
      expect(y1).toBeLessThanOrEqual(height - 3.99);
      // It fills the box along its tighter side.
      expect(Math.max((x1 - x0) / (width - 8), (y1 - y0) / (height - 8))).toBeCloseTo(1, 3);
      for (const f of map.features) {
        const [x, y] = f.centroid;
        expect(x > 0 && x < width && y > 0 && y < height, `${f.id} at ${x},${y}`).toBe(true);
        expect(f.path).toMatch(/^M[\d.]+,[\d.]+L/);
      }
    }
  });

  it('draws north above south and west left of east', () => {
    const [kirunaX, kirunaY] = centroid('municipality', '2584', 300, 720);
    const [malmoX, malmoY] = centroid('municipality', '1280', 300, 720);
    expect(kirunaY).toBeLessThan(malmoY);
    expect(kirunaY).toBeLessThan(720 * 0.2);
    expect(malmoY).toBeGreaterThan(720 * 0.9);
    expect(centroid('municipality', '1486', 300, 720)[0]).toBeLessThan(centroid('municipality', '2583', 300, 720)[0]); // Strömstad, Haparanda
    expect(centroid('municipality', '0980', 300, 720)[0]).toBeGreaterThan(malmoX); // Gotland lies east of Malmö
    expect(centroid('county', '25', 300, 720)[1]).toBeLessThan(centroid('county', '12', 300, 720)[1]); // Norrbotten, Skåne
    expect(kirunaX).toBeGreaterThan(0);
  });

  it("has Sweden's tall shape", () => {
    expect(SWEDEN_ASPECT).toBeGreaterThan(0.35);
    expect(SWEDEN_ASPECT).toBeLessThan(0.5);
  });
});
