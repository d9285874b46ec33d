// Trender: units with recorded use of each method per month, from usage extracts; and the counts
// per year, which concern children: small ones are suppressed.
import { ChartFrame } from '../charts/ChartFrame';
import { TrendLines } from '../charts/TrendLines';
import { useExport } from '../export/export-context';
import { formatNumber } from '../format';
import { useI18n } from '../i18n/i18n';
import { methodName, trendShape, trendSpec, yearlyCounts } from '../shaping/specs';
import { useQuery } from './use-query';
import { fromSample, namesWith, type ViewProps } from '../shaping/view-props';

export function TrendsView({ engine, filters, dataVersion, sources }: ViewProps) {
  const { lang, t } = useI18n();
  const { suppression } = useExport();
  const rows = useQuery(engine, 'usage_trend', filters, dataVersion);
  if (!rows) return null;
  if (rows.length === 0) return <p className="empty">{t('noData')}</p>;
  const files = namesWith(sources, ['count'], filters, t);
  const ctx = { lang, t, files, sample: fromSample(sources, files), suppression };
  const shape = trendShape(rows, filters.method);
  const spec = trendSpec(shape, ctx, filters.method);
  const counts = yearlyCounts(rows, ctx);
  const show = (value: number | string | null) => (typeof value === 'number' ? formatNumber(value, lang) : (value ?? ''));
  return (
    <div className="view-body">
      <ChartFrame id={spec.id} title={spec.text.title} question={spec.text.subtitle} count={spec.text.count} spec={spec}>
        {spec.body.kind === 'lines' && <TrendLines periods={spec.body.periods} series={spec.body.series} label={`${spec.text.title}: ${spec.text.subtitle ?? ''}`} description={spec.alt} format={(v) => formatNumber(v, lang)} />}
        <table className="sr-only" data-testid="trend-table">
          <caption>{t('questionTrends')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('period')}</th>
              {shape.methods.map((id) => (
                <th scope="col" key={id}>
                  {methodName(id, lang)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shape.periods.map((period, j) => (
              <tr key={period}>
                <th scope="row">{period}</th>
                {shape.methods.map((id, i) => (
                  <td key={id}>{formatNumber(shape.values[i]![j]!, lang)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ChartFrame>
      {counts.methods.length > 0 && (
        <section className="chart">
          <h3>{t('yearlyCountsHeading')}</h3>
          <table className="data-table" data-testid="yearly-counts">
            <thead>
              <tr>
                <th scope="col">{t('columnMethod')}</th>
                {counts.years.map((year) => (
                  <th scope="col" className="num" key={year}>
                    {year}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('columnTotal')}
                </th>
              </tr>
            </thead>
            <tbody>
              {counts.methods.map((id, i) => (
                <tr key={id}>
                  <th scope="row">{methodName(id, lang)}</th>
                  {counts.cells[i]!.map((value, j) => (
                    <td className="num" key={counts.years[j]}>
                      {show(value)}
                    </td>
                  ))}
                  <td className="num">{show(counts.rowTotals[i] ?? null)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {counts.footnote && <p className="footnote">{counts.footnote}</p>}
          {spec.text.source && <p className="source">{spec.text.source}</p>}
        </section>
      )}
    </div>
  );
}
