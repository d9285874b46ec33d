// One analysis view under one compact, sticky toolbar: the filters, then the actions every tab repeats
// (suppression, report pack); the view ids are the tabs of the app.
import type { ReactNode } from 'react';
import { AdoptionView } from './AdoptionView';
import { ChangeView } from './ChangeView';
import { CountiesView } from './CountiesView';
import { CoverageView } from './CoverageView';
import { FilterBar } from './FilterBar';
import { MapView } from './MapView';
import { OverviewView } from './OverviewView';
import { ScaleQuestions } from './ScaleQuestions';
import { TrendsView } from './TrendsView';
import type { ViewId } from '../shaping/view-ids';
import type { ViewProps } from '../shaping/view-props';
import { useQueriesRunning, useQueryFailures } from './query-activity';
import { useI18n } from '../i18n/i18n';

function View({ view, ...props }: ViewProps & { view: ViewId }) {
  switch (view) {
    case 'overview':
      return <OverviewView {...props} />;
    case 'interventions':
      return <AdoptionView kind="intervention" {...props} />;
    case 'tools':
      return <AdoptionView kind="tool" {...props} />;
    case 'satisfaction':
      return (
        <div className="view-body">
          <ScaleQuestions {...props} scales={['satisfaction', 'extent']} />
        </div>
      );
    case 'knowledge':
      return (
        <div className="view-body">
          <ScaleQuestions {...props} scales={['knowledge', 'frequency']} withOthers />
        </div>
      );
    case 'counties':
      return <CountiesView {...props} />;
    case 'map':
      return <MapView {...props} />;
    case 'coverage':
      return <CoverageView {...props} />;
    case 'trends':
      return <TrendsView {...props} />;
    case 'changes':
      return <ChangeView {...props} />;
  }
}

export function AnalysisView({ actions, ...props }: ViewProps & { view: ViewId; actions?: ReactNode }) {
  const { t } = useI18n();
  const isBusy = useQueriesRunning();
  const failures = useQueryFailures();
  return (
    <section className="analysis" id={`panel-${props.view}`} role="tabpanel" aria-labelledby={`tab-${props.view}`} aria-busy={isBusy}>
      <div className="toolbar" role="region" aria-label={t('toolbarLabel')}>
        <FilterBar engine={props.engine} dataVersion={props.dataVersion} filters={props.filters} onChange={props.onFilters} sources={props.sources} />
        {actions}
      </div>
      {failures.size > 0 && (
        <div className="error" role="alert" data-testid="query-failure">
          <div>
            <strong>{t('queryFailedTitle')}</strong>
            {[...failures].map(([id, message]) => (
              <p key={id}>{t('queryFailed', { query: id, message })}</p>
            ))}
          </div>
        </div>
      )}
      <View {...props} />
    </section>
  );
}
