// Översikt: how many units and counties the figures rest on, the most and least used interventions,
// and which files they come from; each key figure links to the view that shows it in full.
import type { MessageKey } from '../i18n/translate';
import { SHAPE_KEYS } from '../components/MappingView';
import type { Shape } from '../domain/shape-detect';
import { formatNumber, formatPercent } from '../format';
import { useI18n } from '../i18n/i18n';
import { hasFilters } from '../shaping/filters';
import { useQuery } from './use-query';
import type { ViewProps } from '../shaping/view-props';
import type { ViewId } from '../shaping/view-ids';
import { methodName } from '../shaping/specs';
import type { Row } from '../db/engine';

/** The counts, each with the view that shows it in full. */
const FIGURES: [string, MessageKey, ViewId][] = [
  ['units', 'overviewUnits', 'map'],
  ['municipalities', 'overviewMunicipalities', 'map'],
  ['districts', 'overviewDistricts', 'map'],
  ['counties', 'overviewCounties', 'counties'],
];

const RECOMMENDED = new Set(['parenting-programme', 'cbt-skills-group', 'family-treatment', 'tfco', 'individual-cbt']);

/**
 * The most used intervention, and the least used of the recommended ones (what the pilot spreads): each
 * with every method that shares its share, so a tie is never shown as one method.
 */
function mostAndLeast(rows: readonly Row[]): { most: Row[]; least: Row[] } {
  const interventions = rows.filter((r) => r.kind === 'intervention');
  const recommended = interventions.filter((r) => RECOMMENDED.has(String(r.recommendation)));
  const at = (list: Row[], pick: (shares: number[]) => number) => {
    if (list.length === 0) return [];
    const share = pick(list.map((r) => Number(r.share)));
    return list.filter((r) => Number(r.share) === share);
  };
  return { most: at(interventions, (shares) => Math.max(...shares)), least: at(recommended, (shares) => Math.min(...shares)) };
}

export function OverviewView({ engine, filters, dataVersion, sources, invited, onInvited, onView }: ViewProps) {
  const { lang, t } = useI18n();
  const changeInvited = (text: string) => {
    const value = Math.floor(Number(text));
    onInvited(Number.isFinite(value) && value > 0 ? value : null);
  };
  const overview = useQuery(engine, 'overview', filters, dataVersion);
  const files = useQuery(engine, 'overview_sources', filters, dataVersion);
  const adoption = useQuery(engine, 'method_adoption', filters, dataVersion);
  if (!overview || !files || !adoption) return null;
  const { most, least } = mostAndLeast(adoption);
  /** A key figure's name, as a link to its view where the app can open one. */
  const linked = (key: MessageKey, view: ViewId) =>
    onView ? (
      <button type="button" className="link" onClick={() => onView(view)}>
        {t(key)}
      </button>
    ) : (
      t(key)
    );
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
        {FIGURES.map(([column, key, view]) => (
          <div key={column}>
            <dt>{linked(key, view)}</dt>
            <dd data-testid={`overview-${column}`}>{formatNumber(Number(figures[column]), lang)}</dd>
          </div>
        ))}
        {(
          [
            ['most', 'overviewMostUsed', most],
            ['least', 'overviewLeastUsed', least],
          ] as const
        ).map(([id, key, tied]) =>
          tied.length > 0 ? (
            <div key={id}>
              <dt>{linked(key, 'interventions')}</dt>
              <dd data-testid={`overview-${id}`}>{formatPercent(Number(tied[0]!.share), lang)}</dd>
              <dd className="sub" data-testid={`overview-${id}-methods`}>
                {tied.length <= 2
                  ? tied.map((r) => methodName(String(r.id), lang)).join(lang === 'sv' ? ' och ' : ' and ')
                  : t('andMore', { names: methodName(String(tied[0]!.id), lang), n: tied.length - 1 })}
              </dd>
            </div>
          ) : null,
        )}
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
