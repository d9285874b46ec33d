// Classes, colours and the legend of the choropleth maps: values land in the classes their breaks say,
// a higher value is never drawn lighter than a lower one, and units without a value are grey.
import { describe, expect, it } from 'vitest';
import { MUNICIPALITIES } from '../../../renderer/src/domain/units';
import {
  choropleth,
  classBreaks,
  classColours,
  classIndex,
  colourOf,
  legendItems,
  NO_DATA_COLOUR,
  type ClassBreaks,
  type ClassMethod,
} from '../../../renderer/src/maps/choropleth';

/** Relative luminance (WCAG) of '#rrggbb': lower is darker. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

const percent = (v: number) => `${Math.round(v * 100)} %`;

/** A fixed pseudo-random sequence, the same on every run. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe('classBreaks', () => {
  const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const cases: { name: string; values: number[]; method: ClassMethod; classes: number; fixed?: number[]; breaks: number[]; classOf: [number, number][] }[] = [
    {
      name: 'quantile, 1–10 in 5 classes: two values each',
      values: ten,
      method: 'quantile',
      classes: 5,
      breaks: [2.8, 4.6, 6.4, 8.2],
      classOf: [[1, 0], [2, 0], [3, 1], [4, 1], [5, 2], [6, 2], [7, 3], [8, 3], [9, 4], [10, 4]],
    },
    {
      name: 'quantile, order of the input does not matter',
      values: [10, 3, 7, 1, 9, 2, 8, 6, 4, 5],
      method: 'quantile',
      classes: 5,
      breaks: [2.8, 4.6, 6.4, 8.2],
      classOf: [[1, 0], [10, 4]],
    },
    {
      name: 'quantile, 1–9 in 3 classes: a value on a break goes up',
      values: [1, 2, 3, 4, 5, 6, 7, 8, 9],
      method: 'quantile',
      classes: 3,
      breaks: [3.66666666667, 6.33333333333],
      classOf: [[3, 0], [4, 1], [6, 1], [7, 2], [9, 2]],
    },
    {
      name: 'quantile, shares with many zeros: no empty class below the lowest value, tied breaks merged',
      values: [0, 0, 0, 0, 0, 0, 0.5, 1, 1, 1],
      method: 'quantile',
      classes: 4,
      breaks: [0.875],
      classOf: [[0, 0], [0.5, 0], [0.875, 1], [1, 1]],
    },
    {
      name: 'equal, 0–1 in 5 classes: breaks printed as 0.6, not 0.6000000000000001',
      values: [0, 0.1, 0.35, 0.6, 0.79, 1],
      method: 'equal',
      classes: 5,
      breaks: [0.2, 0.4, 0.6, 0.8],
      classOf: [[0, 0], [0.1, 0], [0.2, 1], [0.35, 1], [0.6, 3], [0.79, 3], [0.8, 4], [1, 4]],
    },
    {
      name: 'equal, 10–40 in 3 classes',
      values: [40, 10, 25],
      method: 'equal',
      classes: 3,
      breaks: [20, 30],
      classOf: [[10, 0], [19.9, 0], [20, 1], [25, 1], [30, 2], [40, 2]],
    },
    {
      name: 'equal, every value the same: one class',
      values: [0.5, 0.5, 0.5],
      method: 'equal',
      classes: 5,
      breaks: [],
      classOf: [[0.5, 0]],
    },
    {
      name: 'equal, non-finite values left out',
      values: [0, NaN, 3, Infinity, -Infinity],
      method: 'equal',
      classes: 3,
      breaks: [1, 2],
      classOf: [[0, 0], [1.5, 1], [3, 2]],
    },
    {
      name: 'fixed breaks as given; classes follows them',
      values: [0.05, 0.95],
      method: 'fixed',
      classes: 5,
      fixed: [0.25, 0.5, 0.75],
      breaks: [0.25, 0.5, 0.75],
      classOf: [[0, 0], [0.25, 1], [0.49, 1], [0.5, 2], [0.75, 3], [1, 3]],
    },
  ];

  it.each(cases)('$name', ({ values, method, classes, fixed, breaks, classOf }) => {
    const result = classBreaks(values, method, classes, fixed);
    expect(result.method).toBe(method);
    expect(result.breaks).toEqual(breaks);
    expect(result.colours).toHaveLength(breaks.length + 1);
    for (const [value, index] of classOf) {
      expect(classIndex(value, result), `class of ${value}`).toBe(index);
      expect(colourOf(value, result), `colour of ${value}`).toBe(result.colours[index]);
    }
  });

  it('gives quantile classes about equal numbers of units', () => {
    const random = seeded(7);
    const values = Array.from({ length: 290 }, () => random());
    for (const classes of [3, 4, 5, 6, 7]) {
      const result = classBreaks(values, 'quantile', classes);
      expect(result.colours).toHaveLength(classes);
      const counts = new Array<number>(classes).fill(0);
      for (const v of values) counts[classIndex(v, result)]!++;
      for (const n of counts) expect(Math.abs(n - 290 / classes)).toBeLessThanOrEqual(1);
    }
  });

  it('keeps the range of the values', () => {
    expect(classBreaks([3, 1, 2], 'quantile', 3).domain).toEqual([1, 3]);
    expect(classBreaks([], 'quantile', 3)).toEqual({ method: 'quantile', breaks: [], colours: [classColours(1)[0]] });
  });

  it('refuses class counts outside 3–7 and fixed breaks that do not increase', () => {
    expect(() => classBreaks([1, 2], 'quantile', 2)).toThrow(RangeError);
    expect(() => classBreaks([1, 2], 'equal', 8)).toThrow(RangeError);
    expect(() => classBreaks([1, 2], 'equal', 4.5)).toThrow(RangeError);
    expect(() => classBreaks([1, 2], 'fixed', 3)).toThrow(RangeError);
    expect(() => classBreaks([1, 2], 'fixed', 3, [0.5, 0.5])).toThrow(RangeError);
    expect(() => classBreaks([1, 2], 'fixed', 3, [0.5, NaN])).toThrow(RangeError);
  });
});

describe('colours', () => {
  it('go from light to dark in every scheme, and no class is grey', () => {
    for (let n = 1; n <= 9; n++) {
      const colours = classColours(n);
      expect(colours).toHaveLength(n);
      for (let i = 1; i < n; i++) expect(luminance(colours[i]!), `${n} classes, class ${i}`).toBeLessThan(luminance(colours[i - 1]!));
      expect(colours).not.toContain(NO_DATA_COLOUR);
    }
  });

  it('never give a higher value a lighter colour than a lower one', () => {
    const random = seeded(42);
    const values = Array.from({ length: 200 }, () => Math.round(random() * 1000) / 10);
    for (const method of ['quantile', 'equal'] as const) {
      for (const classes of [3, 5, 7]) {
        const breaks = classBreaks(values, method, classes);
        const sorted = [...values].sort((a, b) => a - b);
        for (let i = 1; i < sorted.length; i++) {
          expect(luminance(colourOf(sorted[i], breaks)), `${method}/${classes}: ${sorted[i - 1]} → ${sorted[i]}`).toBeLessThanOrEqual(
            luminance(colourOf(sorted[i - 1], breaks)),
          );
        }
        expect(colourOf(sorted[0], breaks)).toBe(breaks.colours[0]);
        expect(colourOf(sorted[sorted.length - 1], breaks)).toBe(breaks.colours[breaks.colours.length - 1]);
      }
    }
  });

  it('are grey for no value', () => {
    const breaks = classBreaks([0, 1], 'equal', 3);
    expect(colourOf(null, breaks)).toBe(NO_DATA_COLOUR);
    expect(colourOf(undefined, breaks)).toBe(NO_DATA_COLOUR);
    expect(colourOf(NaN, breaks)).toBe(NO_DATA_COLOUR);
    expect(NO_DATA_COLOUR).toMatch(/^#([0-9a-f]{2})\1\1$/); // a true grey
  });
});

describe('choropleth', () => {
  it('colours each unit by its value and leaves units without one grey with value null', () => {
    const values = new Map([
      ['0180', 0.9],
      ['2080', 0.1],
      ['1280', 0.5],
      ['2584', NaN],
      ['9999', 1], // not a unit: ignored
    ]);
    const breaks = classBreaks([...values.values()], 'equal', 3);
    const map = choropleth('municipality', values, { width: 300, height: 700, breaks });
    expect(map.width).toBe(300);
    expect(map.height).toBe(700);
    expect(map.features.map((f) => f.id).sort()).toEqual(MUNICIPALITIES.map((m) => m.code).sort());
    const byId = new Map(map.features.map((f) => [f.id, f]));
    expect(byId.get('0180')).toMatchObject({ name: 'Stockholm', value: 0.9, colour: breaks.colours[2] });
    expect(byId.get('2080')).toMatchObject({ name: 'Falun', value: 0.1, colour: breaks.colours[0] });
    expect(byId.get('1280')).toMatchObject({ name: 'Malmö', value: 0.5, colour: breaks.colours[1] });
    expect(byId.get('2584')).toMatchObject({ name: 'Kiruna', value: null, colour: NO_DATA_COLOUR });
    const grey = map.features.filter((f) => f.colour === NO_DATA_COLOUR);
    expect(grey).toHaveLength(290 - 3);
    for (const f of grey) expect(f.value).toBeNull();
    expect(map.borders).toMatch(/^M/);
  });

  it('draws the 21 counties without county borders on top', () => {
    const breaks = classBreaks([1, 2, 3], 'equal', 3);
    const map = choropleth('county', new Map([['01', 3]]), { width: 300, height: 700, breaks });
    expect(map.features).toHaveLength(21);
    expect(map.features.find((f) => f.id === '01')).toMatchObject({ name: 'Stockholms län', value: 3, colour: breaks.colours[2] });
    expect(map.features.filter((f) => f.value === null)).toHaveLength(20);
    expect(map.borders).toBe('');
  });

  it('gives each call its own features (a caller may change them)', () => {
    const breaks = classBreaks([1], 'equal', 3);
    const a = choropleth('county', new Map(), { width: 200, height: 480, breaks });
    a.features[0]!.centroid[0] = -1;
    const b = choropleth('county', new Map(), { width: 200, height: 480, breaks });
    expect(b.features[0]!.centroid[0]).toBeGreaterThan(0);
  });
});

describe('legendItems', () => {
  it('labels each class by its breaks, light to dark, then no data', () => {
    const breaks: ClassBreaks = classBreaks([], 'fixed', 4, [0.25, 0.5, 0.75]);
    expect(legendItems(breaks, percent, 'Uppgift saknas')).toEqual([
      { colour: breaks.colours[0], label: '< 25 %' },
      { colour: breaks.colours[1], label: '25 %–50 %' },
      { colour: breaks.colours[2], label: '50 %–75 %' },
      { colour: breaks.colours[3], label: '≥ 75 %' },
      { colour: NO_DATA_COLOUR, label: 'Uppgift saknas' },
    ]);
  });

  it('shows the range of a single class, and only "no data" without values', () => {
    expect(legendItems(classBreaks([0.5, 0.5], 'equal', 3), percent, 'No data').map((i) => i.label)).toEqual(['50 %', 'No data']);
    expect(legendItems(classBreaks([0.2, 0.2, 0.2, 0.6], 'quantile', 3), percent, 'No data').map((i) => i.label)).toEqual(['20 %–60 %', 'No data']);
    expect(legendItems(classBreaks([0.2, 0.2, 0.2, 0.6, 1], 'quantile', 3), percent, 'No data').map((i) => i.label)).toEqual(['< 47 %', '≥ 47 %', 'No data']);
    expect(legendItems(classBreaks([], 'equal', 3), percent, 'No data')).toEqual([{ colour: NO_DATA_COLOUR, label: 'No data' }]);
  });
});
