// The filters every analysis view applies, and their order as query parameters ($1 … $5).
export type UnitType = 'municipality' | 'district';

export interface Filters {
  county: string | null;
  skrGroup: string | null;
  unitType: UnitType | null;
  /** A year of the usage extracts ('2023'); choosing one also chooses the survey wave of that year. */
  period: string | null;
  /**
   * The survey wave the figures are for ('2024'), with two or more loaded; null: the latest (the views
   * get it resolved, `withWave`). Not a filter one removes: every survey figure is of one wave.
   */
  wave: string | null;
  /** A method chosen by clicking its bar: the other views single it out. Not a query parameter. */
  method: string | null;
}

export const NO_FILTERS: Filters = { county: null, skrGroup: null, unitType: null, period: null, wave: null, method: null };

export function filterParams(filters: Filters): (string | null)[] {
  return [filters.county, filters.skrGroup, filters.unitType, filters.period, filters.wave];
}

/** Whether any filter one can remove is set (the wave is not one: it is always one of them). */
export function hasFilters(filters: Filters): boolean {
  return [filters.county, filters.skrGroup, filters.unitType, filters.period, filters.method].some((value) => value !== null);
}

/**
 * The filters as the queries get them: with two or more waves loaded, always one of them (the chosen one,
 * else the latest); with fewer, none (every survey counts: one wave, or workspaces saved before waves).
 * `waves` oldest first (wavesOf).
 */
export function withWave(filters: Filters, waves: readonly string[]): Filters {
  if (waves.length < 2) return filters.wave === null ? filters : { ...filters, wave: null };
  const wave = filters.wave !== null && waves.includes(filters.wave) ? filters.wave : waves.at(-1)!;
  return wave === filters.wave ? filters : { ...filters, wave };
}
