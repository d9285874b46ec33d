// The map's numbers from unit_method_use rows: districts roll up to their municipality, and a
// municipality compares with its county, its SKR group and all loaded units.
import { describe, expect, it } from 'vitest';
import { compareMunicipality, compareRates, mapShares, similarMunicipalities, unitsOf } from '../../../renderer/src/maps/map-data';

const row = (county: string, municipality: string, district: string | null, label: string, method: string, isUsing: boolean) => ({
  county_code: county,
  municipality_code: municipality,
  district,
  unit_label: label,
  method_id: method,
  is_using: isUsing,
});

const ROWS = [
  row('01', '0180', 'Farsta', 'Stockholm – Farsta', 'komet', true),
  row('01', '0180', 'Skärholmen', 'Stockholm – Skärholmen', 'komet', false),
  row('01', '0126', null, 'Huddinge', 'komet', true),
  row('20', '2080', null, 'Falun', 'komet', true),
  row('20', '2081', null, 'Borlänge', 'komet', false),
  row('20', '2080', null, 'Falun', 'fft', true),
];
const GROUPS: Record<string, string> = { '0180': 'A1', '0126': 'A2', '2080': 'B3', '2081': 'B3' };

describe('map data', () => {
  it('rolls districts up to their municipality and units up to their county', () => {
    expect([...mapShares(ROWS, 'municipality', 'komet')]).toEqual([
      ['0180', { share: 0.5, n: 1, total: 2 }],
      ['0126', { share: 1, n: 1, total: 1 }],
      ['2080', { share: 1, n: 1, total: 1 }],
      ['2081', { share: 0, n: 0, total: 1 }],
    ]);
    expect(mapShares(ROWS, 'county', 'komet').get('01')).toEqual({ share: 2 / 3, n: 2, total: 3 });
    expect(mapShares(ROWS, 'county', 'fft').get('01')).toBeUndefined();
    expect(unitsOf(ROWS, '0180', 'komet')).toEqual([
      { label: 'Stockholm – Farsta', isUsing: true },
      { label: 'Stockholm – Skärholmen', isUsing: false },
    ]);
  });

  it('compares a municipality with its county, its SKR group and all units', () => {
    expect(compareMunicipality(ROWS, '2081', 'komet', (code) => GROUPS[code])).toEqual([
      { id: 'unit', share: 0, n: 0, total: 1 },
      { id: 'county', share: 0.5, n: 1, total: 2 },
      { id: 'group', share: 0.5, n: 1, total: 2 },
      { id: 'all', share: 0.6, n: 3, total: 5 },
    ]);
    expect(compareMunicipality(ROWS, '9999', 'komet', (code) => GROUPS[code])).toEqual([]);
  });

  it('compares rates per 10,000 children the same way, each group summing its municipalities', () => {
    const rate = (county: string, municipality: string, method: string, perMonth: number, children: number) => ({
      county_code: county,
      municipality_code: municipality,
      method_id: method,
      per_month: perMonth,
      children,
    });
    const rates = [rate('20', '2080', 'komet', 3, 10_000), rate('20', '2081', 'komet', 0, 10_000), rate('01', '0126', 'komet', 6, 20_000), rate('20', '2080', 'fft', 9, 10_000)];
    expect(compareRates(rates, '2081', 'komet', (code) => GROUPS[code], ['2080'])).toEqual([
      { id: 'unit', share: 0, n: 0, total: 10_000 },
      { id: 'county', share: 1.5, n: 3, total: 20_000 },
      { id: 'group', share: 1.5, n: 3, total: 20_000 },
      { id: 'similar', share: 3, n: 3, total: 10_000 },
      { id: 'all', share: 2.25, n: 9, total: 40_000 },
    ]);
    // No rate for the municipality (no population figure or not in the extracts): nothing to compare.
    expect(compareRates(rates, '0180', 'komet', (code) => GROUPS[code])).toEqual([]);
  });

  it('finds the most similar municipalities: same SKR group, nearest in children', () => {
    const children = new Map([['2080', 13000], ['2081', 11000], ['2082', 4000], ['2083', 12500], ['0126', 13100]]);
    const group = (code: string) => ({ '2080': 'B3', '2081': 'B3', '2082': 'B3', '2083': 'B3', '0126': 'A2' })[code];
    expect(similarMunicipalities(children, '2080', group, 2)).toEqual(['2083', '2081']);
    expect(similarMunicipalities(children, '9999', group)).toEqual([]);
    const rows = [...ROWS, row('20', '2083', null, 'Rättvik', 'komet', true)];
    expect(compareMunicipality(rows, '2081', 'komet', (code) => group(code), ['2083']).find((c) => c.id === 'similar')).toEqual({ id: 'similar', share: 1, n: 1, total: 1 });
  });
});
