// The map's pan and zoom as box arithmetic (renderer/src/maps/zoom.ts): rules that must hold for every
// box, screen and point, checked with fast-check, and the country's own boxes (geo.ts) they work on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNTIES } from '../../../renderer/src/domain/units';
import { COUNTRY_BOX, SWEDEN_ASPECT, unitBoxes, unitView } from '../../../renderer/src/maps/geo';
import { clampView, contains, fitAspect, MAX_ZOOM, pad, panBy, shownBy, toMap, transformFor, union, viewOf, zoomAbout, zoomLevel, type Box } from '../../../renderer/src/maps/zoom';

const close = (a: number, b: number, eps = 1e-7) => Math.abs(a - b) <= eps * Math.max(1, Math.abs(a), Math.abs(b));

/** A box inside the country (map units), from a pixel down to all of it. */
const insideCountry = fc
  .record({ x: fc.double({ min: 0, max: 1, noNaN: true }), y: fc.double({ min: 0, max: 1, noNaN: true }), w: fc.double({ min: 0.001, max: 1, noNaN: true }), h: fc.double({ min: 0.001, max: 1, noNaN: true }) })
  .map(({ x, y, w, h }): Box => {
    const width = w * COUNTRY_BOX.width;
    const height = h * COUNTRY_BOX.height;
    return { x: x * (COUNTRY_BOX.width - width), y: y * (COUNTRY_BOX.height - height), width, height };
  });
/** A screen's shape (width ÷ height): from a phone held upright to a wide window. */
const aspect = fc.double({ min: 0.3, max: 4, noNaN: true });
/** A rectangle on screen, in pixels. */
const area = fc.record({
  x: fc.integer({ min: 0, max: 200 }),
  y: fc.integer({ min: 0, max: 200 }),
  width: fc.integer({ min: 50, max: 2400 }),
  height: fc.integer({ min: 50, max: 1400 }),
});
const apply = (t: { k: number; x: number; y: number }, [u, v]: readonly [number, number]) => [t.x + u * t.k, t.y + v * t.k] as const;

describe('zoom arithmetic', () => {
  it('fits a box to a shape: the same centre, the shape asked, all of the box', () => {
    fc.assert(
      fc.property(insideCountry, aspect, (box, a) => {
        const fitted = fitAspect(box, a);
        expect(contains(fitted, box)).toBe(true);
        expect(close(fitted.width / fitted.height, a)).toBe(true);
        expect(close(fitted.x + fitted.width / 2, box.x + box.width / 2)).toBe(true);
        expect(close(fitted.y + fitted.height / 2, box.y + box.height / 2)).toBe(true);
        // No larger than it must be: one side is the box's own.
        expect(close(fitted.width, box.width) || close(fitted.height, box.height)).toBe(true);
      }),
    );
  });

  it('shows all of a view inside the screen area, centred, and what the area shows holds the view', () => {
    fc.assert(
      fc.property(insideCountry, area, (view, rect) => {
        const t = transformFor(view, rect);
        const [x0, y0] = apply(t, [view.x, view.y]);
        const [x1, y1] = apply(t, [view.x + view.width, view.y + view.height]);
        expect(contains(rect, { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, 1e-6)).toBe(true);
        expect(close(x0 - rect.x, rect.x + rect.width - x1, 1e-6) || close(y0 - rect.y, rect.y + rect.height - y1, 1e-6)).toBe(true);
        const shown = shownBy(t, rect);
        expect(contains(shown, view, 1e-9)).toBe(true);
        expect(close(shown.width / shown.height, rect.width / rect.height)).toBe(true);
        // Screen → map → screen is the identity.
        const p: [number, number] = [rect.x + rect.width / 3, rect.y + rect.height / 4];
        const back = apply(t, toMap(t, p));
        expect(close(back[0], p[0], 1e-9) && close(back[1], p[1], 1e-9)).toBe(true);
      }),
    );
  });

  it('zooms about a point that keeps its place on the screen', () => {
    fc.assert(
      fc.property(insideCountry, area, fc.double({ min: 0.2, max: 5, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (box, rect, factor, fx, fy) => {
        const view = fitAspect(box, rect.width / rect.height);
        const at: [number, number] = [view.x + fx * view.width, view.y + fy * view.height];
        const before = apply(transformFor(view, rect), at);
        const zoomed = zoomAbout(view, factor, at);
        const after = apply(transformFor(zoomed, rect), at);
        expect(close(before[0], after[0], 1e-6) && close(before[1], after[1], 1e-6)).toBe(true);
        expect(close(zoomed.width, view.width / factor)).toBe(true);
      }),
    );
  });

  it('keeps every view within the limits: the screen’s shape, no further out than the country, no further in than MAX_ZOOM, never off it', () => {
    const anyBox = fc.record({
      x: fc.double({ min: -3, max: 3, noNaN: true }),
      y: fc.double({ min: -3, max: 3, noNaN: true }),
      width: fc.double({ min: 1e-6, max: 5, noNaN: true }),
      height: fc.double({ min: 1e-6, max: 5, noNaN: true }),
    });
    fc.assert(
      fc.property(anyBox, aspect, (box, a) => {
        const view = clampView(box, COUNTRY_BOX, a);
        const whole = fitAspect(COUNTRY_BOX, a);
        expect(close(view.width / view.height, a)).toBe(true);
        expect(contains(whole, view, 1e-9)).toBe(true);
        const level = zoomLevel(view, COUNTRY_BOX, a);
        expect(level).toBeGreaterThanOrEqual(1 - 1e-9);
        expect(level).toBeLessThanOrEqual(MAX_ZOOM * (1 + 1e-9));
        // Clamping twice changes nothing.
        const again = clampView(view, COUNTRY_BOX, a);
        expect(close(again.x, view.x, 1e-9) && close(again.y, view.y, 1e-9) && close(again.width, view.width, 1e-9)).toBe(true);
      }),
    );
  });

  it('zooms to a box (a county, an inset’s area) so that all of it is in view, on any screen', () => {
    fc.assert(
      fc.property(insideCountry, aspect, (bounds, a) => {
        const view = viewOf(bounds, COUNTRY_BOX, a);
        // All of it, unless it is smaller than the deepest zoom shows (then it is in the middle of it).
        expect(contains(view, bounds, 1e-9)).toBe(true);
        expect(close(view.width / view.height, a)).toBe(true);
      }),
    );
  });

  it('pans by the distance asked, and no further than the country once clamped', () => {
    fc.assert(
      fc.property(insideCountry, aspect, fc.double({ min: -2, max: 2, noNaN: true }), (box, a, d) => {
        const view = clampView(box, COUNTRY_BOX, a);
        const moved = panBy(view, d, -d);
        expect(close(moved.x, view.x + d) && close(moved.y, view.y - d)).toBe(true);
        expect(contains(fitAspect(COUNTRY_BOX, a), clampView(moved, COUNTRY_BOX, a), 1e-9)).toBe(true);
      }),
    );
  });

  it('pads and unites boxes', () => {
    expect(pad({ x: 0, y: 0, width: 2, height: 1 }, 0.1)).toEqual({ x: -0.2, y: -0.2, width: 2.4, height: 1.4 });
    expect(union([{ x: 0, y: 0, width: 1, height: 1 }, { x: 2, y: -1, width: 1, height: 1 }])).toEqual({ x: 0, y: -1, width: 3, height: 2 });
  });
});

describe('the country in map units', () => {
  it('is SWEDEN_ASPECT wide and one high, and its counties fill it', () => {
    expect(COUNTRY_BOX).toEqual({ x: 0, y: 0, width: SWEDEN_ASPECT, height: 1 });
    const all = union([...unitBoxes('county').values()]);
    for (const [got, want] of [
      [all.x, 0],
      [all.y, 0],
      [all.width, SWEDEN_ASPECT],
      [all.height, 1],
    ] as const)
      expect(got).toBeCloseTo(want, 6);
    expect(unitBoxes('municipality').size).toBe(290);
  });

  it('zooms to every county so that all of it shows, with a margin', () => {
    for (const county of COUNTIES) {
      const box = unitBoxes('county').get(county.code)!;
      const view = unitView('county', county.code)!;
      expect(contains(view, box), county.name).toBe(true);
      for (const a of [0.5, 1, 1.6, 2.5]) expect(contains(viewOf(view, COUNTRY_BOX, a), box, 1e-9), `${county.name} at ${a}`).toBe(true);
    }
    expect(unitView('county', '99')).toBeNull();
    // Stockholms län is about a tenth of the country's height: zoomed to it, about seven times in.
    const stockholm = viewOf(unitView('county', '01')!, COUNTRY_BOX, 1.5);
    expect(zoomLevel(stockholm, COUNTRY_BOX, 1.5)).toBeGreaterThan(6);
  });
});
