// unit_method_use rows → the share of units using a method per county or municipality, for the map.
// A city district counts as one unit of its municipality, so Stockholm's value is the share of its
// responding districts; the districts themselves are listed one click away.
import type { Row } from '../db/engine';
import type { MapLevel } from './geo';

export interface AreaShare {
  share: number;
  n: number;
  total: number;
}

export function mapShares(rows: readonly Row[], level: MapLevel, method: string): Map<string, AreaShare> {
  const counts = new Map<string, { n: number; total: number }>();
  for (const row of rows) {
    if (row.method_id !== method) continue;
    const code = String(level === 'county' ? row.county_code : row.municipality_code);
    const entry = counts.get(code) ?? { n: 0, total: 0 };
    entry.total += 1;
    if (row.is_using) entry.n += 1;
    counts.set(code, entry);
  }
  return new Map([...counts].map(([code, { n, total }]) => [code, { share: n / total, n, total }]));
}

/** The responding units of one municipality (itself, or its districts) and whether each uses the method. */
export function unitsOf(rows: readonly Row[], municipality: string, method: string): { label: string; isUsing: boolean }[] {
  return rows.filter((r) => r.municipality_code === municipality && r.method_id === method).map((r) => ({ label: String(r.unit_label), isUsing: Boolean(r.is_using) }));
}

/** The catalogue methods the rows have, in the rows' (catalogue) order. */
export function methodsIn(rows: readonly Row[]): string[] {
  return [...new Set(rows.map((r) => String(r.method_id)))];
}

export interface Comparison {
  id: 'unit' | 'county' | 'group' | 'similar' | 'all';
  share: number;
  n: number;
  total: number;
}

/**
 * A municipality against its county, its SKR municipality group and every loaded unit, as Kolada
 * readers compare: the share of responding units using the method in each. `groupOf` gives a
 * municipality code's SKR group (the register); groups and counties count their units the same way.
 */
export function compareMunicipality(
  rows: readonly Row[],
  municipality: string,
  method: string,
  groupOf: (code: string) => string | undefined,
  similar: readonly string[] = [],
): Comparison[] {
  const ofMethod = rows.filter((r) => r.method_id === method);
  const own = ofMethod.find((r) => r.municipality_code === municipality);
  if (!own) return [];
  const group = groupOf(municipality);
  const tally = (id: Comparison['id'], keep: (r: Row) => boolean): Comparison => {
    const units = ofMethod.filter(keep);
    const n = units.filter((r) => r.is_using).length;
    return { id, share: units.length > 0 ? n / units.length : 0, n, total: units.length };
  };
  return [
    tally('unit', (r) => r.municipality_code === municipality),
    tally('county', (r) => r.county_code === own.county_code),
    ...(group ? [tally('group', (r) => groupOf(String(r.municipality_code)) === group)] : []),
    ...(similar.length > 0 ? [tally('similar', (r) => similar.includes(String(r.municipality_code)))] : []),
    tally('all', () => true),
  ];
}

/**
 * The same comparison in children with the method per 10,000 aged 0–17 (population_rate rows): each
 * group's rate sums the municipalities in it that have both figures. `share` is the rate, `n` the
 * average monthly count, `total` the children. Empty when the municipality has no rate.
 */
export function compareRates(
  rows: readonly Row[],
  municipality: string,
  method: string,
  groupOf: (code: string) => string | undefined,
  similar: readonly string[] = [],
): Comparison[] {
  const ofMethod = rows.filter((r) => r.method_id === method);
  const own = ofMethod.find((r) => r.municipality_code === municipality);
  if (!own) return [];
  const group = groupOf(municipality);
  const rate = (id: Comparison['id'], keep: (r: Row) => boolean): Comparison => {
    const kept = ofMethod.filter(keep);
    const perMonth = kept.reduce((sum, r) => sum + Number(r.per_month), 0);
    const children = kept.reduce((sum, r) => sum + Number(r.children), 0);
    return { id, share: children > 0 ? (perMonth * 10_000) / children : 0, n: perMonth, total: children };
  };
  return [
    rate('unit', (r) => r.municipality_code === municipality),
    rate('county', (r) => r.county_code === own.county_code),
    ...(group ? [rate('group', (r) => groupOf(String(r.municipality_code)) === group)] : []),
    ...(similar.length > 0 ? [rate('similar', (r) => similar.includes(String(r.municipality_code)))] : []),
    rate('all', () => true),
  ];
}

/** population_rate rows → children with the method per 10,000 aged 0–17, per county or municipality. */
export function mapRates(rows: readonly Row[], level: MapLevel, method: string): Map<string, { rate: number; perMonth: number; children: number }> {
  const sums = new Map<string, { perMonth: number; children: number }>();
  for (const row of rows) {
    if (row.method_id !== method) continue;
    const code = String(level === 'county' ? row.county_code : row.municipality_code);
    const entry = sums.get(code) ?? { perMonth: 0, children: 0 };
    entry.perMonth += Number(row.per_month);
    entry.children += Number(row.children);
    sums.set(code, entry);
  }
  return new Map([...sums].map(([code, s]) => [code, { ...s, rate: (s.perMonth * 10_000) / s.children }]));
}

/**
 * The municipalities most like this one: the same SKR group, nearest in children aged 0–17 (a
 * population file), among those with data. Empty without a population figure for it.
 */
export function similarMunicipalities(children: ReadonlyMap<string, number>, municipality: string, groupOf: (code: string) => string | undefined, count = 3): string[] {
  const own = children.get(municipality);
  const group = groupOf(municipality);
  if (own === undefined || !group) return [];
  return [...children]
    .filter(([code]) => code !== municipality && groupOf(code) === group)
    .sort((a, b) => Math.abs(a[1] - own) - Math.abs(b[1] - own))
    .slice(0, count)
    .map(([code]) => code);
}
