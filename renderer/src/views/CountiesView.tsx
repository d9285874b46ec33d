// Län: methods × counties side by side as a heat map of shares; a county's units listed. Clicking a
// county sets the county filter for every view.
import { useState } from 'react';
import { ChartFrame } from '../charts/ChartFrame';
import { HeatMap } from '../charts/HeatMap';
import { methodById } from '../domain/methods';
import { COUNTIES } from '../domain/units';
import { useI18n } from '../i18n/i18n';
import { countyHeatSpec } from '../shaping/specs';
import { CountyMultiples } from './CountyMultiples';
import { useQuery } from './use-query';
import type { Row } from '../db/engine';
import { fromSample, METHOD_USE, namesWith, type ViewProps } from '../shaping/view-props';

export function CountiesView({ engine, filters, dataVersion, sources, onFilters }: ViewProps) {
  const { lang, t } = useI18n();
  const [order, setOrder] = useState<HeatOrder>('catalogue');
  const shares = useQuery(engine, 'county_method_share', filters, dataVersion);
  const units = useQuery(engine, 'county_units', filters, dataVersion);
  if (!shares || !units) return null;
  if (shares.length === 0) return <p className="empty">{t('noData')}</p>;
  // Short county names head the columns so that 21 counties fit the width; the full name is their title.
  const counties = [...new Map(shares.map((r) => [String(r.county_code), String(r.county_name)]))].map(([id, name]) => ({
    id,
    label: COUNTIES.find((c) => c.code === id)?.shortName ?? name.replace(/ län$/, ''),
    title: name,
  }));
  const methods = [...new Set(shares.map((r) => String(r.method_id)))].map((id) => {
    const method = methodById(id);
    return { id, label: method ? (lang === 'sv' ? method.name : method.nameEn) : id };
  });
  const sorted = sortHeat(order, methods, counties, shares);
  const files = namesWith(sources, METHOD_USE, filters, t);
  const spec = countyHeatSpec(shares, { lang, t, files, sample: fromSample(sources, files) }, filters.method);
  const index = new Map(shares.map((r) => [`${String(r.method_id)}|${String(r.county_code)}`, r]));
  const shownCounty = filters.county ?? counties[0]?.id ?? null;
  const countyUnits = units.filter((u) => u.county_code === shownCounty);
  const countyName = countyUnits[0]?.county_name ?? '';
  return (
    <div className="view-body">
      <ChartFrame id={spec.id} title={spec.text.title} question={spec.text.subtitle} count={spec.text.count} spec={spec} note={spec.text.note}>
        <label className="inline heat-order">
          {t('heatOrder')}
          <select value={order} onChange={(e) => setOrder(e.target.value as HeatOrder)} data-testid="heat-order">
            <option value="catalogue">{t('heatOrderCatalogue')}</option>
            <option value="methods">{t('heatOrderMethods')}</option>
            <option value="counties">{t('heatOrderCounties')}</option>
          </select>
        </label>
        <HeatMap
          label={t('questionCounties')}
          rows={sorted.methods}
          columns={sorted.counties}
          selectedColumn={filters.county}
          selectedRow={filters.method}
          onColumn={(county) => onFilters({ ...filters, county: filters.county === county ? null : county })}
          cell={(method, county) => {
            const row = index.get(`${method}|${county}`);
            return row ? { share: Number(row.share), n: Number(row.units_using), total: Number(row.units_total) } : undefined;
          }}
        />
      </ChartFrame>
      <CountyMultiples shares={shares} />
      {shownCounty && (
        <section className="chart">
          <h3>{t('countyUnits', { county: String(countyName) })}</h3>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('unitColumn')}</th>
                <th scope="col">{t('methodsUsed')}</th>
              </tr>
            </thead>
            <tbody>
              {countyUnits.map((u) => (
                <tr key={String(u.unit_label)}>
                  <td>{String(u.unit_label)}</td>
                  <td>
                    {String(u.methods ?? '') === ''
                      ? t('noneUsed')
                      : String(u.methods)
                          .split(',')
                          .map((id) => methodById(id.trim())?.name ?? id)
                          .join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}

type HeatOrder = 'catalogue' | 'methods' | 'counties';

/** Mean share per key, over the cells the rows give (a missing cell counts as no answer, not as 0). */
function meanShare(shares: readonly Row[], key: 'method_id' | 'county_code'): Map<string, number> {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const r of shares) {
    const entry = sums.get(String(r[key])) ?? { sum: 0, n: 0 };
    sums.set(String(r[key]), { sum: entry.sum + Number(r.share), n: entry.n + 1 });
  }
  return new Map([...sums].map(([id, { sum, n }]) => [id, sum / n]));
}

/** The heat map's rows and columns in the order chosen: the catalogue's (as the report), or most used first. */
function sortHeat<M extends { id: string }, C extends { id: string }>(order: HeatOrder, methods: M[], counties: C[], shares: readonly Row[]): { methods: M[]; counties: C[] } {
  if (order === 'catalogue') return { methods, counties };
  const key = order === 'methods' ? 'method_id' : 'county_code';
  const mean = meanShare(shares, key);
  const byShare = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (mean.get(b.id) ?? 0) - (mean.get(a.id) ?? 0));
  return order === 'methods' ? { methods: byShare(methods), counties } : { methods, counties: byShare(counties) };
}
