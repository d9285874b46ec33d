// Täckning: for every unit, which of the five recommended intervention types it covers; the gaps;
// and for each gap the units in the same county that offer it (candidates for avtalssamverkan).
import { ChartFrame } from '../charts/ChartFrame';
import { RECOMMENDATIONS, type RecommendationId } from '../domain/methods';
import { useI18n } from '../i18n/i18n';
import { coverageSpec } from '../shaping/specs';
import { useQuery } from './use-query';
import { fromSample, METHOD_USE, namesWith, type ViewProps } from '../shaping/view-props';

const TYPES: readonly RecommendationId[] = ['parenting-programme', 'cbt-skills-group', 'family-treatment', 'tfco', 'individual-cbt'];

export function CoverageView({ engine, filters, dataVersion, sources }: ViewProps) {
  const { lang, t } = useI18n();
  const rows = useQuery(engine, 'coverage_gaps', filters, dataVersion);
  if (!rows) return null;
  if (rows.length === 0) return <p className="empty">{t('noData')}</p>;
  const units = [...new Set(rows.map((r) => String(r.unit_label)))];
  const at = new Map(rows.map((r) => [`${String(r.unit_label)}|${String(r.recommendation)}`, r]));
  const typeName = (id: RecommendationId) => (lang === 'sv' ? RECOMMENDATIONS[id].name : RECOMMENDATIONS[id].nameEn);
  const files = namesWith(sources, METHOD_USE, filters, t);
  const spec = coverageSpec(rows, { lang, t, files, sample: fromSample(sources, files) });
  const gaps = rows.filter((r) => !r.is_covered && r.offered_nearby);
  return (
    <div className="view-body">
      <ChartFrame id={spec.id} title={spec.text.title} question={spec.text.subtitle} count={spec.text.count} spec={spec}>
        <div className="heat-wrap" tabIndex={0} role="region" aria-label={t('questionCoverage')}>
          <table className="coverage">
            <thead>
              <tr>
                <th scope="col">{t('unitColumn')}</th>
                {TYPES.map((type) => (
                  <th scope="col" key={type}>
                    {typeName(type)} <span className="muted">({RECOMMENDATIONS[type].ageBand})</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {units.map((unit) => (
                <tr key={unit}>
                  <th scope="row">{unit}</th>
                  {TYPES.map((type) => {
                    const isCovered = Boolean(at.get(`${unit}|${type}`)?.is_covered);
                    return (
                      <td key={type} className={isCovered ? 'covered' : 'gap'}>
                        <span aria-hidden="true">{isCovered ? '●' : '○'}</span> {t(isCovered ? 'covered' : 'gap')}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ChartFrame>
      {gaps.length > 0 && (
        <section className="chart">
          <h3>{t('gapsHeading')}</h3>
          <ul className="gaps">
            {gaps.map((gap) => (
              <li key={`${String(gap.unit_label)}|${String(gap.recommendation)}`}>
                <strong>{String(gap.unit_label)}</strong> – {typeName(gap.recommendation as RecommendationId)}:{' '}
                {t('offeredNearby', { units: String(gap.offered_nearby) })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
