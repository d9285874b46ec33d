// The scale questions of the loaded surveys, one chart per scale: satisfaction, extent, frequency,
// knowledge; each question with its own N and the headline share the report quotes.
import type { MessageKey } from '../../../electron/shared/strings';
import { ChartFrame } from '../charts/ChartFrame';
import { DivergingBars } from '../charts/DivergingBars';
import { SCALES, type ScaleId } from '../domain/likert';
import { formatPercent } from '../format';
import { useI18n } from '../i18n/i18n';
import { scaleQuestions } from './shape-scales';
import { useQuery } from './use-query';
import { namesWith, type ViewProps } from './view-props';

const HEADLINE: Record<ScaleId, MessageKey> = {
  satisfaction: 'shareSatisfied',
  extent: 'shareHighExtent',
  frequency: 'shareAlwaysOften',
  knowledge: 'shareOfUnits',
};

const TITLES: Record<ScaleId, { sv: string; en: string }> = {
  satisfaction: { sv: 'Nöjdhet med pilotens aktiviteter', en: "Satisfaction with the pilot's activities" },
  extent: { sv: 'I vilken utsträckning pilotens mål nåddes', en: "To what extent the pilot's aims were met" },
  frequency: { sv: 'Arbetssätt – hur ofta', en: 'Ways of working – how often' },
  knowledge: { sv: 'Kunskap om RBM-modellen före piloten', en: 'Knowledge of the RBM model before the pilot' },
};

interface Props extends ViewProps {
  scales: readonly ScaleId[];
  /** Only questions whose text matches (the tools view shows the tool-use question only). */
  questionFilter?: RegExp;
}

export function ScaleQuestions({ engine, filters, dataVersion, sources, scales, questionFilter }: Props) {
  const { lang, t } = useI18n();
  const rows = useQuery(engine, 'scale_answers', filters, dataVersion);
  if (rows === null) return null;
  const questions = scaleQuestions(rows).filter((q) => !questionFilter || questionFilter.test(q.question));
  const charts = scales.map((scale) => ({ scale, questions: questions.filter((q) => q.scale === scale) })).filter((c) => c.questions.length > 0);
  if (charts.length === 0) return questionFilter ? null : <p className="empty">{t('noData')}</p>;
  return (
    <>
      {charts.map(({ scale, questions: list }) => (
        <ChartFrame
          key={scale}
          id={`scale-${scale}`}
          title={TITLES[scale][lang]}
          count={t('unitsN', { total: Math.max(...list.map((q) => q.total)) })}
          sources={namesWith(sources, ['likert'])}
        >
          <DivergingBars
            label={TITLES[scale][lang]}
            steps={SCALES[scale]}
            rows={list.map((q) => ({
              question: q.question,
              total: q.total,
              segments: q.segments,
              headline:
                scale === 'knowledge'
                  ? [
                      ...SCALES.knowledge.map((step, i) => `${step.toLowerCase()} ${formatPercent(q.segments[i]!.share, lang)}`),
                      ...(q.unrated > 0 ? [t('shareUnrated', { share: formatPercent(q.unrated / q.total, lang) })] : []),
                    ].join(' · ') + ` (N = ${q.total})`
                  : `${t(HEADLINE[scale], { share: formatPercent(q.topShare, lang) })} (${t('countOf', { n: q.topCount, total: q.total })})`,
            }))}
          />
        </ChartFrame>
      ))}
    </>
  );
}
