// Län: methods × counties side by side as a heat map of shares; a county's units listed. Clicking a
// county sets the county filter for every view.
import { ChartFrame } from '../charts/ChartFrame';
import { HeatMap } from '../charts/HeatMap';
import { methodById } from '../domain/methods';
import { useI18n } from '../i18n/i18n';
import { countyHeatSpec } from '../shaping/specs';
import { CountyMultiples } from './CountyMultiples';
import { useQuery } from './use-query';
import { fromSample, METHOD_USE, namesWith, type ViewProps } from '../shaping/view-props';

export function CountiesView({ engine, filters, dataVersion, sources, onFilters }: ViewProps) {
  const { lang, t } = useI18n();
  const shares = useQuery(engine, 'county_method_share', filters, dataVersion);
  const units = useQuery(engine, 'county_units', filters, dataVersion);
  if (!shares || !units) return null;
  if (shares.length === 0) return <p className="empty">{t('noData')}</p>;
  const counties = [...new Map(shares.map((r) => [String(r.county_code), String(r.county_name)]))].map(([id, label]) => ({ id, label: label.replace(/ län$/, '') }));
  const methods = [...new Set(shares.map((r) => String(r.method_id)))].map((id) => {
    const method = methodById(id);
    return { id, label: method ? (lang === 'sv' ? method.name : method.nameEn) : id };
  });
  const files = namesWith(sources, METHOD_USE);
  const spec = countyHeatSpec(shares, { lang, t, files, sample: fromSample(sources, files) }, filters.method);
  const index = new Map(shares.map((r) => [`${String(r.method_id)}|${String(r.county_code)}`, r]));
  const shownCounty = filters.county ?? counties[0]?.id ?? null;
  const countyUnits = units.filter((u) => u.county_code === shownCounty);
  const countyName = countyUnits[0]?.county_name ?? '';
  return (
    <div className="view-body">
      <ChartFrame id={spec.id} title={spec.text.title} question={spec.text.subtitle} count={spec.text.count} spec={spec}>
        <HeatMap
          label={t('questionCounties')}
          rows={methods}
          columns={counties}
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
