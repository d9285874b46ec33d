// The filters every analysis view applies, and their order as query parameters ($1, $2, $3).
export type UnitType = 'municipality' | 'district';

export interface Filters {
  county: string | null;
  skrGroup: string | null;
  unitType: UnitType | null;
}

export const NO_FILTERS: Filters = { county: null, skrGroup: null, unitType: null };

export function filterParams(filters: Filters): (string | null)[] {
  return [filters.county, filters.skrGroup, filters.unitType];
}

export function hasFilters(filters: Filters): boolean {
  return filters.county !== null || filters.skrGroup !== null || filters.unitType !== null;
}
