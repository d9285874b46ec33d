// Trender: units with recorded use of each method per month, from usage extracts; and the counts
// per year, which concern children: small ones are suppressed.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../charts/ChartFrame';
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
  const files = namesWith(sources, ['count']);
  const ctx = { lang, t, files, sample: fromSample(sources, files), suppression };
  const shape = trendShape(rows, filters.method);
  const spec = trendSpec(shape, ctx, filters.method);
  const data = shape.periods.map((period, j) => ({ period, ...Object.fromEntries(shape.methods.map((id, i) => [id, shape.values[i]![j]!])) }));
  const counts = yearlyCounts(rows, ctx);
  const show = (value: number | string | null) => (typeof value === 'number' ? formatNumber(value, lang) : (value ?? ''));
  return (
    <div className="view-body">
      <ChartFrame id={spec.id} title={spec.text.title} question={spec.text.subtitle} count={spec.text.count} spec={spec}>
        <div role="img" aria-label={spec.alt} style={{ width: '100%', height: 360 }}>
          <ResponsiveContainer>
            <LineChart data={data} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
              <CartesianGrid stroke="#e5e9ef" />
              <XAxis dataKey="period" tick={{ fontSize: 12 }} minTickGap={24} />
              <YAxis allowDecimals={false} tick={{ fontSize: 12 }} tickFormatter={(v: number) => formatNumber(v, lang)} />
              <Tooltip formatter={(v) => formatNumber(Number(v), lang)} />
              <Legend />
              {spec.body.kind === 'lines' &&
                spec.body.series.map((series, i) => (
                  <Line key={shape.methods[i]} dataKey={shape.methods[i]!} name={series.label} stroke={series.colour} strokeWidth={series.emphasis ? 4 : 2} dot={false} isAnimationActive={false} />
                ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
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
            {data.map((point, j) => (
              <tr key={point.period}>
                <th scope="row">{point.period}</th>
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
