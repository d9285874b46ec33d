// Every chart states the question asked, n and N, and the files it comes from.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

interface Props {
  id: string;
  title: string;
  question?: string;
  count?: string;
  sources: readonly string[];
  children: ReactNode;
}

export function ChartFrame({ id, title, question, count, sources, children }: Props) {
  const { t } = useI18n();
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption>
        <h3 id={`${id}-title`}>{title}</h3>
        {question && <p className="question">{question}</p>}
        {count && <p className="count">{count}</p>}
      </figcaption>
      {children}
      {sources.length > 0 && <p className="source">{t('sourceLine', { files: sources.join(', ') })}</p>}
    </figure>
  );
}
