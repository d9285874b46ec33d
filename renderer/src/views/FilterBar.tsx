// The filters that apply to every view: county, SKR municipality group, unit type.
import { COUNTIES, SKR_GROUPS } from '../domain/units';
import { useI18n } from '../i18n/i18n';
import { hasFilters, NO_FILTERS, type Filters, type UnitType } from './filters';

export function FilterBar({ filters, onChange }: { filters: Filters; onChange: (filters: Filters) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="filters">
      <legend className="sr-only">{t('filtersLabel')}</legend>
      <label>
        {t('filterCounty')}
        <select value={filters.county ?? ''} onChange={(e) => onChange({ ...filters, county: e.target.value || null })} data-testid="filter-county">
          <option value="">{t('filterAll')}</option>
          {COUNTIES.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filterSkrGroup')}
        <select value={filters.skrGroup ?? ''} onChange={(e) => onChange({ ...filters, skrGroup: e.target.value || null })}>
          <option value="">{t('filterAll')}</option>
          {SKR_GROUPS.map((g) => (
            <option key={g.code} value={g.code}>
              {`${g.code} ${g.name}`}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filterUnitType')}
        <select value={filters.unitType ?? ''} onChange={(e) => onChange({ ...filters, unitType: (e.target.value || null) as UnitType | null })}>
          <option value="">{t('filterAll')}</option>
          <option value="municipality">{t('unitTypeMunicipality')}</option>
          <option value="district">{t('unitTypeDistrict')}</option>
        </select>
      </label>
      {hasFilters(filters) && (
        <button type="button" className="ghost" onClick={() => onChange(NO_FILTERS)}>
          {t('clearFilters')}
        </button>
      )}
    </fieldset>
  );
}
