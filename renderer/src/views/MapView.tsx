// Karta: a method's share of responding units on a map of Sweden, by county or municipality, with the
// classes the user chooses. A county click filters every view, and the map zooms to the county
// filtered; a municipality click lists its units (the city districts that roll up to it). The map can be
// zoomed and panned; an export draws what it shows, or the whole country, as the user chooses.
import { useState } from 'react';
import { ChartFrame } from '../charts/ChartFrame';
import { formatPercent, formatRate } from '../format';
import { useI18n } from '../i18n/i18n';
import { ChoroplethMap } from '../maps/ChoroplethMap';
import { classBreaks, type ClassMethod } from '../maps/choropleth';
import { MUNICIPALITY_FEATURES, unitView, type MapLevel } from '../maps/geo';
import type { Box } from '../maps/zoom';
import { compareMunicipality, compareRates, mapRates, mapShares, methodsIn, rateYear, similarMunicipalities, unitsOf, type RateBasis } from '../maps/map-data';
import { ShareBars } from '../charts/ShareBars';
import { BAR } from '../export/palette';
import { COUNTIES, MUNICIPALITIES, SKR_GROUPS } from '../domain/units';
import { mapSpec, methodName, rateBase, rateMapSpec } from '../shaping/specs';
import { SMALL_BASE, SMALL_MARK } from '../domain/waves';
import { useQuery } from './use-query';
import { fromSample, METHOD_USE, namesWith, type ViewProps } from '../shaping/view-props';

/** Shares in steps of a fifth: the same classes on every map, so maps can be compared. */
const FIFTHS = [0.2, 0.4, 0.6, 0.8];

export function MapView({ engine, filters, dataVersion, sources, onFilters }: ViewProps) {
  const { lang, t } = useI18n();
  const rows = useQuery(engine, 'unit_method_use', filters, dataVersion);
  const rateRows = useQuery(engine, 'population_rate', filters, dataVersion);
  const [measure, setMeasure] = useState<'share' | 'rate'>('share');
  const [level, setLevel] = useState<MapLevel>('county');
  const [chosen, setChosen] = useState<string | null>(null);
  const [classing, setClassing] = useState<ClassMethod>('fixed');
  const [classes, setClasses] = useState(5);
  const [municipality, setMunicipality] = useState<string | null>(null);
  // What the map shows (null: the whole country), zoomed to the county in the filter when it changes.
  const [view, setView] = useState<Box | null>(() => (filters.county ? unitView('county', filters.county) : null));
  const [zoomedTo, setZoomedTo] = useState(filters.county);
  if (zoomedTo !== filters.county) {
    setZoomedTo(filters.county);
    setView(filters.county ? unitView('county', filters.county) : null);
  }
  const [exportWhole, setExportWhole] = useState(false);
  if (!rows || !rateRows) return null;
  const methods = methodsIn(rows);
  if (methods.length === 0) return <p className="empty">{t('noData')}</p>;
  const method = [chosen, filters.method].find((m): m is string => m !== null && methods.includes(m)) ?? methods[0]!;
  // A rate only where a population file gives the children: never invented. One year at a time, each
  // on its own population: the year chosen, else the latest of the extracts, said under the map.
  const rated = rateYear(rateRows, filters.period);
  const yearRows = rated?.rows ?? [];
  const isRate = measure === 'rate' && rated !== null;
  const basis: RateBasis = rated?.basis ?? { band: '0-17', year: 0, populationYears: [], file: '', latest: true };
  const { year } = basis;
  const base = rateBase(basis.band, t);
  const shares = mapShares(rows, level, method);
  const rates = mapRates(yearRows, level, method);
  const values = isRate ? new Map([...rates].map(([code, a]) => [code, a.rate])) : new Map([...shares].map(([code, a]) => [code, a.share]));
  // Steps of 20 % are for shares; a rate has no natural top, so it is offered equal or quantile classes.
  const classMethod = isRate && classing === 'fixed' ? 'equal' : classing;
  const breaks = classBreaks([...values.values()], classMethod, classes, classMethod === 'fixed' ? FIFTHS : undefined);
  // A rate comes from the extracts and the one population file it rests on.
  const files = isRate ? [...namesWith(sources, ['count'], filters, t), basis.file] : namesWith(sources, METHOD_USE, filters, t);
  const ctx = { lang, t, files, sample: fromSample(sources, files) };
  const exportView = exportWhole ? undefined : (view ?? undefined);
  const spec = isRate ? rateMapSpec(rates, level, method, breaks, ctx, basis, exportView) : mapSpec(shares, level, method, breaks, ctx, exportView);
  // A share over fewer than SMALL_BASE units carries the mark wherever the map says it (the note explains it).
  const format = isRate
    ? (rate: number) => formatRate(rate, lang)
    : (share: number, code?: string) => `${formatPercent(share, lang)}${code !== undefined && (shares.get(code)?.total ?? SMALL_BASE) < SMALL_BASE ? SMALL_MARK : ''}`;
  const select = (code: string) => {
    if (level === 'county') onFilters({ ...filters, county: filters.county === code ? null : code });
    else setMunicipality(municipality === code ? null : code);
  };
  const units = municipality ? unitsOf(rows, municipality, method) : [];
  const municipalityName = MUNICIPALITY_FEATURES.find((f) => f.id === municipality)?.properties.name ?? '';
  const register = municipality ? MUNICIPALITIES.find((m) => m.code === municipality) : undefined;
  const groupOf = (code: string) => MUNICIPALITIES.find((m) => m.code === code)?.skrGroup;
  const childrenOf = new Map(yearRows.map((r) => [String(r.municipality_code), Number(r.children)]));
  const similar = municipality ? similarMunicipalities(childrenOf, municipality, groupOf) : [];
  const comparisonLabel = {
    unit: municipalityName,
    county: COUNTIES.find((c) => c.code === register?.countyCode)?.name ?? '',
    similar: t('comparisonSimilar', { units: similar.map((code) => MUNICIPALITIES.find((m) => m.code === code)?.name ?? code).join(', ') }),
    group: t('comparisonGroup', { group: `${register?.skrGroup ?? ''} ${SKR_GROUPS.find((g) => g.code === register?.skrGroup)?.name ?? ''}`.trim() }),
    all: t(isRate ? 'comparisonAllRate' : 'comparisonAll'),
  };
  // Compared in the map's measure: shares of units, or children per 10,000.
  const compared = !municipality ? [] : isRate ? compareRates(yearRows, municipality, method, groupOf, similar) : compareMunicipality(rows, municipality, method, groupOf, similar);
  const comparison = compared.map((c) => ({ ...c, label: comparisonLabel[c.id], colour: c.id === 'unit' ? BAR.recommended : BAR.other }));
  const comparisonHeading = t(isRate ? 'comparisonHeadingRate' : 'comparisonHeading', { method: methodName(method, lang), base, year: String(year) });
  const rateMeasure = { text: (bar: { share: number }) => format(bar.share) };
  return (
    <div className="view-body">
      <fieldset className="filters map-controls">
        <legend className="sr-only">{t('viewMap')}</legend>
        <label>
          {t('mapLevel')}
          <select value={level} onChange={(e) => setLevel(e.target.value as MapLevel)} data-testid="map-level">
            <option value="county">{t('levelCounty')}</option>
            <option value="municipality">{t('levelMunicipality')}</option>
          </select>
        </label>
        {yearRows.length > 0 && (
          <label>
            {t('mapMeasure')}
            <select value={measure} onChange={(e) => setMeasure(e.target.value as 'share' | 'rate')} data-testid="map-measure">
              <option value="share">{t('measureShare')}</option>
              <option value="rate">{t('measureRate', { base })}</option>
            </select>
          </label>
        )}
        <label>
          {t('mapMethod')}
          <select value={method} onChange={(e) => setChosen(e.target.value)} data-testid="map-method">
            {methods.map((id) => (
              <option key={id} value={id}>
                {methodName(id, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('mapClassing')}
          <select value={classMethod} onChange={(e) => setClassing(e.target.value as ClassMethod)} data-testid="map-classing">
            {!isRate && <option value="fixed">{t('classFixed')}</option>}
            <option value="equal">{t('classEqual')}</option>
            <option value="quantile">{t('classQuantile')}</option>
          </select>
        </label>
        {classMethod !== 'fixed' && (
          <label>
            {t('mapClasses')}
            <select value={classes} onChange={(e) => setClasses(Number(e.target.value))}>
              {[3, 4, 5, 6, 7].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        )}
      </fieldset>
      <ChartFrame id="map" title={spec.text.title} question={spec.text.subtitle} count={spec.text.count} spec={spec} note={spec.text.note}>
        <ChoroplethMap
          level={level}
          values={values}
          breaks={breaks}
          format={format}
          label={spec.text.subtitle ?? spec.text.title}
          noDataLabel={t(isRate ? 'noPopulation' : 'noDataLabel')}
          hint={t('mapHint')}
          legendTitle={spec.body.kind === 'map' ? spec.body.legendTitle : undefined}
          scaleMax={isRate ? undefined : 1}
          selected={level === 'county' ? filters.county : municipality}
          onSelect={select}
          view={view}
          onViewChange={setView}
          tools={
            <label className="map-export-choice">
              {t('mapExportView')}
              <select value={exportWhole ? 'country' : 'shown'} onChange={(e) => setExportWhole(e.target.value === 'country')} data-testid="map-export-view">
                <option value="shown">{t('mapExportShown')}</option>
                <option value="country">{t('mapExportCountry')}</option>
              </select>
            </label>
          }
        />
        <div className="map-wrap">
          {municipality && (
            <section className="map-units" aria-live="polite">
              <h4>{t('mapUnitsIn', { municipality: municipalityName })}</h4>
              {units.length === 0 ? (
                <p className="muted">{t('noDataLabel')}</p>
              ) : (
                <table className="data-table" data-testid="map-units">
                  <tbody>
                    {units.map((unit) => (
                      <tr key={unit.label}>
                        <th scope="row">{unit.label}</th>
                        <td>{t(unit.isUsing ? 'usesMethod' : 'notUsingMethod')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {comparison.length > 0 && (
                <div className="map-comparison" data-testid="map-comparison">
                  <h4>{comparisonHeading}</h4>
                  <ShareBars bars={comparison} label={comparisonHeading} measure={isRate ? rateMeasure : undefined} />
                </div>
              )}
            </section>
          )}
        </div>
        <table className="sr-only">
          <caption>{spec.text.subtitle}</caption>
          <tbody>
            {spec.table.rows.map((row) => (
              <tr key={String(row[1])}>
                <th scope="row">{String(row[0])}</th>
                <td>{isRate ? format(Number(row[4])) : t('shareOfUnits', { share: format(Number(row[4])), n: Number(row[2]), total: Number(row[3]) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartFrame>
    </div>
  );
}
