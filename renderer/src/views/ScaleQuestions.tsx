// The scale questions of the loaded surveys, one chart per scale: satisfaction, extent, frequency,
// knowledge; each question with its own N and the headline share the report quotes.
import { ChartFrame } from '../charts/ChartFrame';
import { DivergingBars } from '../charts/DivergingBars';
import { scaleSteps, type ScaleId } from '../domain/likert';
import { useI18n } from '../i18n/i18n';
import { scaleHeadline, scaleSpec } from '../shaping/specs';
import { otherScales, scaleQuestions } from '../shaping/shape-scales';
import { useQuery } from './use-query';
import { fromSample, namesWith, type ViewProps } from '../shaping/view-props';

interface Props extends ViewProps {
  /** The scales shown, in order. */
  scales: readonly ScaleId[];
  /** Then every scale present beyond the pilot's own (the RBM day's, the survey tools' scales). */
  withOthers?: boolean;
  /** Only questions whose text matches (the tools view shows the tool-use question only). */
  questionFilter?: RegExp;
}

export function ScaleQuestions({ engine, filters, dataVersion, sources, scales, withOthers = false, questionFilter }: Props) {
  const { lang, t } = useI18n();
  const rows = useQuery(engine, 'scale_answers', filters, dataVersion);
  if (rows === null) return null;
  const questions = scaleQuestions(rows).filter((q) => !questionFilter || questionFilter.test(q.question));
  const ids = withOthers ? [...scales, ...otherScales(questions)] : scales;
  const charts = ids.map((scale) => ({ scale, questions: questions.filter((q) => q.scale === scale) })).filter((c) => c.questions.length > 0);
  if (charts.length === 0) return questionFilter ? null : <p className="empty">{t('noData')}</p>;
  const files = namesWith(sources, ['likert'], filters, t);
  const ctx = { lang, t, files, sample: fromSample(sources, files) };
  return (
    <>
      {charts.map(({ scale, questions: list }) => {
        const spec = scaleSpec(scale, list, ctx);
        return (
          <ChartFrame key={scale} id={spec.id} title={spec.text.title} count={spec.text.count} spec={spec}>
            <DivergingBars
              label={spec.text.title}
              steps={scaleSteps(scale)}
              rows={list.map((q) => ({ question: q.question, total: q.total, segments: q.segments, headline: scaleHeadline(q, ctx) }))}
            />
          </ChartFrame>
        );
      })}
    </>
  );
}
