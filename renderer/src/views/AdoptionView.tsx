// Insatser and Bedömningsinstrument: share of units using each method, grouped as the report groups
// them, recommended ones marked, Scared Straight flagged as advised against.
import { ChartFrame } from '../charts/ChartFrame';
import { ShareBars } from '../charts/ShareBars';
import { useI18n } from '../i18n/i18n';
import { adoptionSpec, TOOL_QUESTION } from '../shaping/specs';
import { adoptionGroups, adoptionOverview, type AdoptionGroup } from '../shaping/shape-adoption';
import { BAR } from '../export/palette';
import { fromSample, METHOD_USE, namesWith, type ViewProps } from '../shaping/view-props';
import { useQuery } from './use-query';
import { TrainingTable } from './TrainingTable';
import { ScaleQuestions } from './ScaleQuestions';

export function AdoptionView({ kind, ...props }: ViewProps & { kind: 'intervention' | 'tool' }) {
  const { engine, filters, dataVersion, sources, onFilters } = props;
  const { lang, t } = useI18n();
  const rows = useQuery(engine, 'method_adoption', filters, dataVersion);
  if (rows === null) return null;
  const groups = adoptionGroups(rows, kind, lang);
  if (groups.length === 0) return <p className="empty">{t('noData')}</p>;
  const files = namesWith(sources, METHOD_USE, filters, t);
  const sample = fromSample(sources, files);
  // Several types: first one chart of every intervention, most used first, then a chart per type.
  const charts: AdoptionGroup[] = groups.length > 1 ? [adoptionOverview(groups, t('adoptionOverviewTitle'), lang), ...groups] : groups;
  return (
    <div className="view-body">
      {charts.map((group) => {
        const spec = adoptionSpec(group, kind, { lang, t, files, sample });
        return (
          <ChartFrame
            key={group.recommendation}
            id={spec.id}
            title={spec.text.title}
            question={spec.text.subtitle}
            count={spec.text.count}
            spec={spec}
          >
            {group.recommendation === 'overview' && (
              <ul className="bar-legend" aria-label={t('legend')}>
                {[
                  [BAR.recommended, t('recommended')],
                  [BAR.other, t('legendOtherInterventions')],
                  [BAR.advisedAgainst, t('advisedAgainst')],
                ]
                  .filter(([colour]) => group.bars.some((bar) => bar.colour === colour))
                  .map(([colour, label]) => (
                  <li key={label}>
                    <span className="swatch" style={{ background: colour }} aria-hidden="true" />
                    {label}
                  </li>
                ))}
              </ul>
            )}
            {group.isRecommended && <p className="tag recommended">{t('recommended')}</p>}
            {group.recommendation === 'advised-against' && <p className="tag advised-against">{t('advisedAgainst')}</p>}
            <ShareBars
              bars={group.bars}
              label={`${spec.text.title}: ${spec.text.subtitle ?? ''}`}
              selected={filters.method}
              onSelect={(id) => onFilters({ ...filters, method: filters.method === id ? null : id })}
            />
          </ChartFrame>
        );
      })}
      {kind === 'tool' && (
        <>
          <ScaleQuestions {...props} scales={['frequency']} questionFilter={TOOL_QUESTION} />
          <TrainingTable {...props} />
        </>
      )}
    </div>
  );
}
