// Översikt: how many units and counties the figures rest on, and which files they come from.
import type { MessageKey } from '../i18n/translate';
import { SHAPE_KEYS } from '../components/MappingView';
import type { Shape } from '../domain/shape-detect';
import { formatNumber, formatPercent } from '../format';
import { useI18n } from '../i18n/i18n';
import { hasFilters } from '../shaping/filters';
import { useQuery } from './use-query';
import type { ViewProps } from '../shaping/view-props';

const FIGURES: [string, MessageKey][] = [
  ['units', 'overviewUnits'],
  ['municipalities', 'overviewMunicipalities'],
  ['districts', 'overviewDistricts'],
  ['counties', 'overviewCounties'],
];

export function OverviewView({ engine, filters, dataVersion, sources, invited, onInvited }: ViewProps) {
  const { lang, t } = useI18n();
  const changeInvited = (text: string) => {
    const value = Math.floor(Number(text));
    onInvited(Number.isFinite(value) && value > 0 ? value : null);
  };
  const overview = useQuery(engine, 'overview', filters, dataVersion);
  const files = useQuery(engine, 'overview_sources', filters, dataVersion);
  if (!overview || !files) return null;
  const [figures] = overview;
  if (!figures || Number(figures.units) === 0) return <p className="empty">{t('noData')}</p>;
  const units = Number(figures.units);
  // The invitation covers the whole pilot: a rate for a filtered part of it would be wrong.
  const showRate = invited !== null && !hasFilters(filters);
  // The bundled samples' files: the figures say they are sample data, and so does each file's row.
  const samples = new Set(sources.flatMap((s) => (s.sample ? [s.name] : [])));
  return (
    <div className="view-body">
      {files.some((file) => samples.has(String(file.file_name))) && <p className="tag sample">{t('chartSample')}</p>}
      <dl className="key-figures">
        {FIGURES.map(([column, key]) => (
          <div key={column}>
            <dt>{t(key)}</dt>
            <dd data-testid={`overview-${column}`}>{formatNumber(Number(figures[column]), lang)}</dd>
          </div>
        ))}
        {showRate && (
          <div>
            <dt>{t('overviewResponseRate')}</dt>
            <dd data-testid="overview-response-rate">{formatPercent(units / invited, lang)}</dd>
            <dd className="sub">{t('responseRate', { share: formatPercent(units / invited, lang), n: formatNumber(units, lang), total: formatNumber(invited, lang) })}</dd>
          </div>
        )}
      </dl>
      <label className="invited">
        {t('overviewInvited')}
        <input type="number" min={1} inputMode="numeric" value={invited ?? ''} onChange={(e) => changeInvited(e.target.value)} data-testid="invited" />
        <span className="muted">{t('overviewInvitedHint')}</span>
      </label>
      <section className="chart">
        <h3>{t('overviewFiles')}</h3>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('overviewFile')}</th>
              <th scope="col">{t('overviewShape')}</th>
              <th scope="col">{t('overviewUnitsInFile')}</th>
            </tr>
          </thead>
          <tbody>
            {files.map((file) => (
              <tr key={String(file.file_name)}>
                <td>
                  {String(file.file_name)}
                  {samples.has(String(file.file_name)) && <span className="badge sample">{t('sampleBadge')}</span>}
                </td>
                <td>{t(SHAPE_KEYS[String(file.shape) as Shape] ?? 'shapeUnknown')}</td>
                <td className="num">{formatNumber(Number(file.units), lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
