// Insatser and Bedömningsinstrument: share of units using each method, grouped as the report groups
// them, recommended ones marked, Scared Straight flagged as advised against.
import type { MessageKey } from '../../../electron/shared/strings';
import { ChartFrame } from '../charts/ChartFrame';
import { ShareBars } from '../charts/ShareBars';
import { useI18n } from '../i18n/i18n';
import { adoptionGroups } from './shape-adoption';
import { METHOD_USE, namesWith, type ViewProps } from './view-props';
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
  const question: MessageKey = kind === 'tool' ? 'questionTools' : 'questionInterventions';
  return (
    <div className="view-body">
      {groups.map((group) => (
        <ChartFrame
          key={group.recommendation}
          id={`adoption-${group.recommendation}`}
          title={`${group.title}${group.ageBand ? ` (${group.ageBand} år)` : ''}`}
          question={t(question)}
          count={t('unitsN', { total: Math.max(...group.bars.map((b) => b.total)) })}
          sources={namesWith(sources, METHOD_USE)}
        >
          {group.isRecommended && <p className="tag recommended">{t('recommended')}</p>}
          {group.recommendation === 'advised-against' && <p className="tag advised-against">{t('advisedAgainst')}</p>}
          <ShareBars
            bars={group.bars}
            label={`${group.title}: ${t(question)}`}
            selected={filters.method}
            onSelect={(id) => onFilters({ ...filters, method: filters.method === id ? null : id })}
          />
        </ChartFrame>
      ))}
      {kind === 'tool' && (
        <>
          <ScaleQuestions {...props} scales={['frequency']} questionFilter={/bedömningsmetod|bedömningsinstrument|instrument/i} />
          <TrainingTable {...props} />
        </>
      )}
    </div>
  );
}
