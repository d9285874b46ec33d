// method_adoption rows → the groups the report shows: the five recommended intervention types with
// their age bands, the one advised against, and the unspecified ones apart; or the assessment tools.
import type { Lang } from '../../../electron/shared/ipc-contract';
import { BAR } from '../export/palette';
import type { ShareBar } from '../charts/ShareBars';
import type { Row } from '../db/engine';
import { methodById, RECOMMENDATIONS, type RecommendationId } from '../domain/methods';

export interface AdoptionGroup {
  /** `overview`: every method of the view in one chart (adoptionOverview). */
  recommendation: RecommendationId | 'local' | 'overview';
  title: string;
  ageBand: string | null;
  isRecommended: boolean;
  bars: ShareBar[];
}

const RECOMMENDED: readonly RecommendationId[] = ['parenting-programme', 'cbt-skills-group', 'family-treatment', 'tfco', 'individual-cbt'];
const INTERVENTION_ORDER: readonly (RecommendationId | 'local')[] = [...RECOMMENDED, 'advised-against', 'unspecified', 'local'];

function bar(row: Row, lang: Lang, colour: string): ShareBar {
  const id = String(row.id);
  const method = methodById(id);
  const label = method ? (lang === 'sv' ? method.name : method.nameEn) : id.replace(/^lokal:/, '');
  return { id, label, share: Number(row.share), n: Number(row.units_using), total: Number(row.units_total), colour };
}

function colourFor(recommendation: string): string {
  if (recommendation === 'advised-against') return BAR.advisedAgainst;
  if (recommendation === 'assessment') return BAR.tool;
  return RECOMMENDED.includes(recommendation as RecommendationId) ? BAR.recommended : BAR.other;
}

export function adoptionGroups(rows: readonly Row[], kind: 'intervention' | 'tool', lang: Lang): AdoptionGroup[] {
  const ofKind = rows.filter((row) => row.kind === kind);
  if (kind === 'tool') {
    const tools = RECOMMENDATIONS.assessment;
    return ofKind.length === 0
      ? []
      : // One chart of every tool, most used first (ties in the catalogue's order): the view's answer.
        [{ recommendation: 'assessment', title: lang === 'sv' ? tools.name : tools.nameEn, ageBand: null, isRecommended: false, bars: ofKind.map((r) => bar(r, lang, BAR.tool)).sort((a, b) => b.share - a.share) }];
  }
  return INTERVENTION_ORDER.map((recommendation) => {
    const members = ofKind.filter((row) => row.recommendation === recommendation);
    const info = recommendation === 'local' ? null : RECOMMENDATIONS[recommendation];
    return {
      recommendation,
      title: info ? (lang === 'sv' ? info.name : info.nameEn) : lang === 'sv' ? 'Lokala metoder' : 'Local methods',
      ageBand: info?.ageBand ?? null,
      isRecommended: RECOMMENDED.includes(recommendation as RecommendationId),
      bars: members.map((row) => bar(row, lang, colourFor(recommendation))),
    };
  }).filter((group) => group.bars.length > 0);
}

/**
 * Every method of the groups in one chart, most used first (ties by name): the view's answer in one
 * picture, above the per-type charts. Each bar keeps its type's colour, so the recommended ones show.
 */
export function adoptionOverview(groups: readonly AdoptionGroup[], title: string, lang: Lang): AdoptionGroup {
  const bars = groups.flatMap((group) => group.bars).sort((a, b) => b.share - a.share || a.label.localeCompare(b.label, lang));
  return { recommendation: 'overview', title, ageBand: null, isRecommended: false, bars };
}
