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

type GroupOf = (code: string) => string | undefined;

/**
 * A municipality against its county, its SKR municipality group (`groupOf`, from the register), the
 * most similar municipalities and everything loaded, as Kolada readers compare: `measure` turns the
 * rows of each group into its figure. Empty when the municipality has no row for the method.
 */
function compare(
  rows: readonly Row[],
  municipality: string,
  method: string,
  groupOf: GroupOf,
  similar: readonly string[],
  measure: (rows: readonly Row[]) => Omit<Comparison, 'id'>,
): Comparison[] {
  const ofMethod = rows.filter((r) => r.method_id === method);
  const own = ofMethod.find((r) => r.municipality_code === municipality);
  if (!own) return [];
  const group = groupOf(municipality);
  const figure = (id: Comparison['id'], keep: (r: Row) => boolean): Comparison => ({ id, ...measure(ofMethod.filter(keep)) });
  return [
    figure('unit', (r) => r.municipality_code === municipality),
    figure('county', (r) => r.county_code === own.county_code),
    ...(group ? [figure('group', (r) => groupOf(String(r.municipality_code)) === group)] : []),
    ...(similar.length > 0 ? [figure('similar', (r) => similar.includes(String(r.municipality_code)))] : []),
    figure('all', () => true),
  ];
}

/** The comparison in shares of responding units using the method (unit_method_use rows). */
export function compareMunicipality(rows: readonly Row[], municipality: string, method: string, groupOf: GroupOf, similar: readonly string[] = []): Comparison[] {
  return compare(rows, municipality, method, groupOf, similar, (units) => {
    const n = units.filter((r) => r.is_using).length;
    return { share: units.length > 0 ? n / units.length : 0, n, total: units.length };
  });
}

/**
 * The comparison in children with the method per 10,000 aged 0–17 (population_rate rows): each
 * group's rate sums the municipalities in it that have both figures. `share` is the rate, `n` the
 * average monthly count, `total` the children.
 */
export function compareRates(rows: readonly Row[], municipality: string, method: string, groupOf: GroupOf, similar: readonly string[] = []): Comparison[] {
  return compare(rows, municipality, method, groupOf, similar, (kept) => {
    const perMonth = kept.reduce((sum, r) => sum + Number(r.per_month), 0);
    const children = kept.reduce((sum, r) => sum + Number(r.children), 0);
    return { share: children > 0 ? (perMonth * 10_000) / children : 0, n: perMonth, total: children };
  });
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

/** The population a rate map rests on: its band, the extracts' year, the population's years, its file. */
export interface RateBasis {
  band: string;
  year: number;
  populationYears: readonly number[];
  file: string;
  /** No year chosen: the map shows the latest year of the extracts. */
  latest: boolean;
}

/**
 * population_rate rows → the one year a rate map shows (the year chosen, else the latest of the
 * extracts), its rows, and the population they rest on. Null when there is no rate at all.
 */
export function rateYear(rows: readonly Row[], period: string | null): { rows: Row[]; basis: RateBasis } | null {
  if (rows.length === 0) return null;
  const year = period !== null ? Number(period.slice(0, 4)) : Math.max(...rows.map((r) => Number(r.year)));
  const kept = rows.filter((r) => Number(r.year) === year);
  if (kept.length === 0) return null;
  return {
    rows: kept,
    basis: {
      band: String(kept[0]!.age_band),
      year,
      populationYears: [...new Set(kept.map((r) => Number(r.population_year)))].sort((a, b) => a - b),
      file: String(kept[0]!.population_file),
      latest: period === null,
    },
  };
}
