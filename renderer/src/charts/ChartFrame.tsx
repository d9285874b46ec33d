// Every chart states the question asked, n and N, and the files it comes from (and, where they are the
// bundled samples, that its figures are sample data), and offers its export.
import type { ReactNode } from 'react';
import type { ChartSpec } from '../export/chart-spec';
import { useExport } from '../export/export-context';
import { useI18n } from '../i18n/i18n';

interface Props {
  id: string;
  title: string;
  question?: string;
  count?: string;
  /** The chart as data, for the export dialog; its source line (and sample mark) are shown under the chart. */
  spec: ChartSpec;
  /** What the figures rest on, said under the chart (the population behind a rate). */
  note?: string;
  children: ReactNode;
}

export function ChartFrame({ id, title, question, count, spec, note, children }: Props) {
  const { t } = useI18n();
  const { openExport } = useExport();
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption>
        <div className="chart-head">
          <h3 id={`${id}-title`}>{title}</h3>
          <button type="button" className="secondary small" onClick={() => openExport(spec)} aria-label={t('exportButtonLabel', { title })}>
            {t('exportButton')}
          </button>
        </div>
        {spec.text.sample && <p className="tag sample">{spec.text.sample}</p>}
        {question && <p className="question">{question}</p>}
        {count && <p className="count">{count}</p>}
      </figcaption>
      {children}
      {note && (
        <p className="note" data-testid={`${id}-note`}>
          {note}
        </p>
      )}
      {spec.text.source && <p className="source">{spec.text.source}</p>}
    </figure>
  );
}
