// Trender: units with recorded use of each method per month, from usage extracts.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../charts/ChartFrame';
import { CATEGORY } from '../charts/palette';
import { methodById } from '../domain/methods';
import { formatNumber } from '../format';
import { useI18n } from '../i18n/i18n';
import { useQuery } from './use-query';
import { namesWith, type ViewProps } from './view-props';

/** More lines than this stop being readable: the most used methods are shown. */
const MAX_LINES = 6;

export function TrendsView({ engine, filters, dataVersion, sources }: ViewProps) {
  const { lang, t } = useI18n();
  const rows = useQuery(engine, 'usage_trend', filters, dataVersion);
  if (!rows) return null;
  if (rows.length === 0) return <p className="empty">{t('noData')}</p>;
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(String(r.method_id), (totals.get(String(r.method_id)) ?? 0) + Number(r.units_using));
  // The most used methods, and the one clicked in another view whatever its rank.
  const ranked = [...totals].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  const chosen = filters.method !== null && totals.has(filters.method) ? [filters.method] : [];
  const methods = [...chosen, ...ranked.filter((id) => !chosen.includes(id))].slice(0, MAX_LINES);
  const periods = [...new Set(rows.map((r) => String(r.period)))].sort();
  const data = periods.map((period) => ({
    period,
    ...Object.fromEntries(methods.map((id) => [id, Number(rows.find((r) => r.period === period && r.method_id === id)?.units_using ?? 0)])),
  }));
  const name = (id: string) => (lang === 'sv' ? methodById(id)?.name : methodById(id)?.nameEn) ?? id;
  return (
    <div className="view-body">
      <ChartFrame id="trends" title={t('viewTrends')} question={t('questionTrends')} count={t('unitsInExtract', { total: Number(rows[0]!.units_total) })} sources={namesWith(sources, ['count'])}>
        <div role="img" aria-label={t('questionTrends')} style={{ width: '100%', height: 360 }}>
          <ResponsiveContainer>
            <LineChart data={data} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
              <CartesianGrid stroke="#e5e9ef" />
              <XAxis dataKey="period" tick={{ fontSize: 12 }} minTickGap={24} />
              <YAxis allowDecimals={false} tick={{ fontSize: 12 }} tickFormatter={(v: number) => formatNumber(v, lang)} />
              <Tooltip formatter={(v) => formatNumber(Number(v), lang)} />
              <Legend />
              {methods.map((id, i) => (
                <Line key={id} dataKey={id} name={name(id)} stroke={CATEGORY[i % CATEGORY.length]} strokeWidth={id === filters.method ? 4 : 2} dot={false} isAnimationActive={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
        <table className="sr-only" data-testid="trend-table">
          <caption>{t('questionTrends')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('period')}</th>
              {methods.map((id) => (
                <th scope="col" key={id}>
                  {name(id)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.map((point) => (
              <tr key={point.period}>
                <th scope="row">{point.period}</th>
                {methods.map((id) => (
                  <td key={id}>{formatNumber(Number(point[id as keyof typeof point]), lang)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ChartFrame>
    </div>
  );
}
