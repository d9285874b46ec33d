// The municipality map's insets (renderer/src/maps/insets.ts) and the names on the map
// (renderer/src/maps/labels.ts): where they go, for every stage and every set of units.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MUNICIPALITIES } from '../../../renderer/src/domain/units';
import { choropleth, classBreaks } from '../../../renderer/src/maps/choropleth';
import { COUNTRY_BOX, SWEDEN_ASPECT, unitBoxes, unitView } from '../../../renderer/src/maps/geo';
import { INSET_AREAS, insetBounds, MAP_PADDING, placeInsets } from '../../../renderer/src/maps/insets';
import { placeLabels } from '../../../renderer/src/maps/labels';
import { contains, fitAspect, intersects, transformFor, viewOf, type Box } from '../../../renderer/src/maps/zoom';

const stage = { x: 0, y: 0 };
const breaks = classBreaks([], 'equal', 3);

describe('insets', () => {
  it('show the Stockholm, Göteborg and Malmö areas, each holding all of its municipalities', () => {
    const boxes = unitBoxes('municipality');
    const names = (codes: readonly string[]) => codes.map((code) => MUNICIPALITIES.find((m) => m.code === code)?.name);
    expect(INSET_AREAS.map((a) => a.id)).toEqual(['stockholm', 'goteborg', 'malmo']);
    expect(names(INSET_AREAS[0]!.codes)).toContain('Sundbyberg');
    expect(names(INSET_AREAS[1]!.codes)).toContain('Göteborg');
    expect(names(INSET_AREAS[2]!.codes)).toContain('Burlöv');
    for (const area of INSET_AREAS) {
      expect(names(area.codes).every(Boolean), area.id).toBe(true);
      const bounds = insetBounds(area, boxes);
      for (const code of area.codes) expect(contains(bounds, boxes.get(code)!), `${area.id} ${code}`).toBe(true);
    }
  });

  it('make the smallest municipalities large enough to point at: Sundbyberg 10+ px in a 250 × 160 inset, not 2 on the whole map', () => {
    const boxes = unitBoxes('municipality');
    const sundbyberg = boxes.get('0183')!;
    const inset = fitAspect(insetBounds(INSET_AREAS[0]!, boxes), 250 / 160);
    const k = transformFor(inset, { x: 0, y: 0, width: 250, height: 160 }).k;
    expect(Math.min(sundbyberg.width, sundbyberg.height) * k).toBeGreaterThan(10);
    const country = transformFor(COUNTRY_BOX, { x: 0, y: 0, width: 400, height: 600 }).k;
    expect(Math.max(sundbyberg.width, sundbyberg.height) * country).toBeLessThan(2);
    // Drawn: Sundbyberg is in the inset, Kiruna is not.
    const drawn = choropleth('municipality', new Map(), { width: 250, height: 160, breaks, view: inset });
    expect(drawn.features.some((f) => f.id === '0183')).toBe(true);
    expect(drawn.features.some((f) => f.id === '2584')).toBe(false);
    for (const f of drawn.features) expect(f.path, f.name).toMatch(/^M/);
  });

  it('go beside the country or below it, on the stage, clear of each other and of the map', () => {
    fc.assert(
      fc.property(fc.integer({ min: 320, max: 3000 }), fc.integer({ min: 320, max: 1600 }), fc.integer({ min: 0, max: 3 }), (width, height, count) => {
        const { map, insets } = placeInsets(width, height, SWEDEN_ASPECT, count);
        expect(insets).toHaveLength(count);
        const whole: Box = { ...stage, width, height };
        expect(contains(whole, map, 1e-9)).toBe(true);
        insets.forEach((inset, i) => {
          expect(contains(whole, inset, 1e-9)).toBe(true);
          expect(inset.width).toBeGreaterThan(0);
          expect(inset.height).toBeGreaterThan(0);
          expect(intersects(inset, map)).toBe(false);
          insets.slice(i + 1).forEach((other) => expect(intersects(inset, other)).toBe(false));
        });
        // Beside the map, the whole country still fits at the stage's full height.
        if (count > 0 && insets[0]!.y < map.y + map.height && map.height === height) {
          expect(map.width + 1e-9).toBeGreaterThanOrEqual((height - 2 * MAP_PADDING) * SWEDEN_ASPECT + 2 * MAP_PADDING);
        }
      }),
    );
  });

  it('go in a column at the right on a laptop’s map, bottom-aligned', () => {
    const { map, insets } = placeInsets(950, 510, SWEDEN_ASPECT, 3);
    expect(insets.every((inset) => inset.x > map.x + map.width)).toBe(true);
    expect(insets.at(-1)!.y + insets.at(-1)!.height).toBeCloseTo(510, 6);
    expect(insets[0]!.width).toBeGreaterThanOrEqual(150);
  });
});

describe('names on the map', () => {
  const unit = fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    name: fc.string({ minLength: 1, maxLength: 16 }),
    x: fc.double({ min: -100, max: 900, noNaN: true }),
    y: fc.double({ min: -100, max: 700, noNaN: true }),
    width: fc.double({ min: 1, max: 400, noNaN: true }),
    height: fc.double({ min: 1, max: 300, noNaN: true }),
    fx: fc.double({ min: 0, max: 1, noNaN: true }),
    fy: fc.double({ min: 0, max: 1, noNaN: true }),
  });

  it('never overlap, never leave the map, never cross out of their unit', () => {
    fc.assert(
      fc.property(fc.uniqueArray(unit, { selector: (u) => u.id, maxLength: 40 }), (units) => {
        const area: Box = { x: 0, y: 0, width: 800, height: 600 };
        const candidates = units.map((u) => ({ id: u.id, name: u.name, at: [u.x + u.fx * u.width, u.y + u.fy * u.height] as const, box: { x: u.x, y: u.y, width: u.width, height: u.height } }));
        const labels = placeLabels(candidates, area, 12, (text) => text.length * 6.5);
        labels.forEach((label, i) => {
          const own = candidates.find((c) => c.id === label.id)!;
          expect(label.text).toBe(own.name);
          expect(contains(area, label.box, 1e-9)).toBe(true);
          expect(contains(own.box, label.box, 1e-9)).toBe(true);
          labels.slice(i + 1).forEach((other) => expect(intersects(label.box, other.box)).toBe(false));
        });
      }),
    );
  });

  it('name the municipalities of Stockholms län when the map is zoomed to it, and few on the whole country', () => {
    const named = (view: Box, width: number, height: number) => {
      const map = choropleth('municipality', new Map(), { width, height, breaks, view: fitAspect(view, width / height) });
      return placeLabels(
        map.features.map((f) => ({ id: f.id, name: f.name, at: f.centroid, box: f.box })),
        { x: 0, y: 0, width, height },
        12,
        (text) => text.length * 12 * 0.56,
      ).map((label) => label.text);
    };
    const county = named(viewOf(unitView('county', '01')!, COUNTRY_BOX, 900 / 560), 900, 560);
    expect(county).toEqual(expect.arrayContaining(['Norrtälje', 'Haninge', 'Värmdö', 'Ekerö', 'Sigtuna', 'Österåker']));
    expect(named(COUNTRY_BOX, 250, 600).length).toBeLessThan(20);
  });
});
