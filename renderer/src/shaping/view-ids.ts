// The analysis views, in tab order, with their names in the UI.
import type { MessageKey } from '../i18n/translate';

export const VIEWS = ['overview', 'interventions', 'tools', 'satisfaction', 'knowledge', 'counties', 'map', 'coverage', 'trends', 'changes'] as const;
export type ViewId = (typeof VIEWS)[number];

export const VIEW_KEYS: Record<ViewId, MessageKey> = {
  overview: 'viewOverview',
  interventions: 'viewInterventions',
  tools: 'viewTools',
  satisfaction: 'viewSatisfaction',
  knowledge: 'viewKnowledge',
  counties: 'viewCounties',
  map: 'viewMap',
  coverage: 'viewCoverage',
  trends: 'viewTrends',
  changes: 'viewChanges',
};
