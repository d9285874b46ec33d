// Översikt: how many units and counties the figures rest on, and which files they come from.
import type { MessageKey } from '../../../electron/shared/strings';
import { SHAPE_KEYS } from '../components/MappingView';
import type { Shape } from '../domain/shape-detect';
import { formatNumber } from '../format';
import { useI18n } from '../i18n/i18n';
import { useQuery } from './use-query';
import type { ViewProps } from './view-props';

const FIGURES: [string, MessageKey][] = [
  ['units', 'overviewUnits'],
  ['municipalities', 'overviewMunicipalities'],
  ['districts', 'overviewDistricts'],
  ['counties', 'overviewCounties'],
];

export function OverviewView({ engine, filters, dataVersion }: ViewProps) {
  const { lang, t } = useI18n();
  const overview = useQuery(engine, 'overview', filters, dataVersion);
  const files = useQuery(engine, 'overview_sources', filters, dataVersion);
  if (!overview || !files) return null;
  const [figures] = overview;
  if (!figures || Number(figures.units) === 0) return <p className="empty">{t('noData')}</p>;
  return (
    <div className="view-body">
      <dl className="key-figures">
        {FIGURES.map(([column, key]) => (
          <div key={column}>
            <dt>{t(key)}</dt>
            <dd data-testid={`overview-${column}`}>{formatNumber(Number(figures[column]), lang)}</dd>
          </div>
        ))}
      </dl>
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
                <td>{String(file.file_name)}</td>
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
