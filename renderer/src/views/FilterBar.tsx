// The filters that apply to every view: county, SKR municipality group, unit type, the year of the
// usage extracts (when one is loaded), the survey wave (when two or more are loaded), and the method
// chosen by clicking a bar. Choosing a year chooses that year's wave too.
import type { Engine } from '../db/engine';
import { methodById } from '../domain/methods';
import { COUNTIES, SKR_GROUPS } from '../domain/units';
import { useI18n } from '../i18n/i18n';
import { hasFilters, NO_FILTERS, type Filters, type UnitType } from '../shaping/filters';
import { waveOfYear, wavesOf } from '../domain/waves';
import { isSurvey, type LoadedFile } from '../shaping/view-props';
import { useQuery } from './use-query';

interface Props {
  engine: () => Promise<Engine>;
  dataVersion: number;
  filters: Filters;
  onChange: (filters: Filters) => void;
  sources: readonly LoadedFile[];
}

export function FilterBar({ engine, dataVersion, filters, onChange, sources }: Props) {
  const { lang, t } = useI18n();
  const years = (useQuery(engine, 'usage_periods', NO_FILTERS, dataVersion) ?? []).map((r) => String(r.year));
  const surveys = sources.filter(isSurvey);
  const waves = wavesOf(surveys.map((s) => s.wave));
  // Surveys without a wave beside two or more waves count in none of them: said, with where to fix it.
  const withoutWave = waves.length >= 2 ? surveys.filter((s) => s.wave === null).length : 0;
  const choosePeriod = (period: string | null) => onChange({ ...filters, period, wave: (period !== null && waveOfYear(period, waves)) || filters.wave });
  const method = filters.method ? methodById(filters.method) : undefined;
  // Each filter in force as a chip that removes it: what the figures are filtered by, at a glance.
  const chips = [
    { key: 'county', label: t('filterCounty'), value: COUNTIES.find((c) => c.code === filters.county)?.name },
    { key: 'skrGroup', label: t('filterSkrGroup'), value: SKR_GROUPS.find((g) => g.code === filters.skrGroup)?.name },
    { key: 'unitType', label: t('filterUnitType'), value: filters.unitType ? t(filters.unitType === 'district' ? 'unitTypeDistrict' : 'unitTypeMunicipality') : undefined },
    { key: 'period', label: t('filterPeriod'), value: filters.period ?? undefined },
  ].filter((chip): chip is { key: 'county' | 'skrGroup' | 'unitType' | 'period'; label: string; value: string } => chip.value !== undefined);
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
        <select value={filters.skrGroup ?? ''} onChange={(e) => onChange({ ...filters, skrGroup: e.target.value || null })} data-testid="filter-skr-group">
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
        <select value={filters.unitType ?? ''} onChange={(e) => onChange({ ...filters, unitType: (e.target.value || null) as UnitType | null })} data-testid="filter-unit-type">
          <option value="">{t('filterAll')}</option>
          <option value="municipality">{t('unitTypeMunicipality')}</option>
          <option value="district">{t('unitTypeDistrict')}</option>
        </select>
      </label>
      {years.length > 0 && (
        <label>
          {t('filterPeriod')}
          <select value={filters.period ?? ''} onChange={(e) => choosePeriod(e.target.value || null)} data-testid="filter-period">
            <option value="">{t('filterAll')}</option>
            {years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </label>
      )}
      {waves.length >= 2 && (
        <label>
          {t('filterWave')}
          <select value={filters.wave ?? waves.at(-1)} onChange={(e) => onChange({ ...filters, wave: e.target.value })} data-testid="filter-wave">
            {waves.map((wave) => (
              <option key={wave} value={wave}>
                {wave}
              </option>
            ))}
          </select>
        </label>
      )}
      {withoutWave > 0 && (
        <p className="filter-warning" role="status" data-testid="waves-without">
          {t('wavesWithout', { count: withoutWave })}
        </p>
      )}
      {chips.map(({ key, label, value }) => (
        <button type="button" className="chip" key={key} onClick={() => onChange({ ...filters, [key]: null })} aria-label={t('removeFilter', { filter: t('activeFilter', { label, value }) })}>
          {t('activeFilter', { label, value })} <span aria-hidden="true">×</span>
        </button>
      ))}
      {filters.method && (
        <button type="button" className="chip" onClick={() => onChange({ ...filters, method: null })} data-testid="chosen-method">
          {t('chosenMethod', { method: method ? (lang === 'sv' ? method.name : method.nameEn) : filters.method })} <span aria-hidden="true">×</span>
        </button>
      )}
      {hasFilters(filters) && (
        <button type="button" className="ghost" onClick={() => onChange(NO_FILTERS)}>
          {t('clearFilters')}
        </button>
      )}
    </fieldset>
  );
}
