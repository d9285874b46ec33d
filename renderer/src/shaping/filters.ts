// The filters every analysis view applies, and their order as query parameters ($1 … $4).
export type UnitType = 'municipality' | 'district';

export interface Filters {
  county: string | null;
  skrGroup: string | null;
  unitType: UnitType | null;
  /** A year of the usage extracts ('2023'); surveys are their own wave and are not narrowed. */
  period: string | null;
  /** A method chosen by clicking its bar: the other views single it out. Not a query parameter. */
  method: string | null;
}

export const NO_FILTERS: Filters = { county: null, skrGroup: null, unitType: null, period: null, method: null };

export function filterParams(filters: Filters): (string | null)[] {
  return [filters.county, filters.skrGroup, filters.unitType, filters.period];
}

export function hasFilters(filters: Filters): boolean {
  return filterParams(filters).some((value) => value !== null) || filters.method !== null;
}
