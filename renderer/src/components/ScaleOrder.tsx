// Answers that look like an ordered scale no named scale knows ("Aldrig / Någon gång / Varje vecka"):
// the proposed order, lowest first, for the user to correct and confirm. Until confirmed the column is
// not used: an order is never applied unasked.
import { useRef, useState } from 'react';
import { customScale, type ScaleId } from '../domain/likert';
import { useI18n } from '../i18n/i18n';

interface Props {
  column: string;
  proposal: readonly string[];
  onConfirm: (scale: ScaleId) => void;
}

export function ScaleOrder({ column, proposal, onConfirm }: Props) {
  const { t } = useI18n();
  const [steps, setSteps] = useState([...proposal]);
  const list = useRef<HTMLOListElement>(null);
  const move = (from: number, to: number) => {
    const next = [...steps];
    const [step] = next.splice(from, 1);
    next.splice(to, 0, step!);
    setSteps(next);
    // Focus stays with the step moved, on a button that can still move it (never lost to the page).
    requestAnimationFrame(() => {
      const buttons = list.current?.children[to]?.querySelectorAll('button');
      const wanted = buttons?.[to < from ? 0 : 1];
      (wanted && !wanted.disabled ? wanted : [...(buttons ?? [])].find((b) => !b.disabled))?.focus();
    });
  };
  return (
    <section className="scale-order" aria-label={t('scaleOrderHeading', { column })}>
      <h4>{t('scaleOrderHeading', { column })}</h4>
      <p className="muted">{t('scaleOrderHint')}</p>
      <ol ref={list}>
        {steps.map((step, i) => (
          <li key={step}>
            <span>{step}</span>
            <button type="button" className="ghost" aria-label={t('scaleMoveUp', { step })} disabled={i === 0} onClick={() => move(i, i - 1)}>
              ↑
            </button>
            <button type="button" className="ghost" aria-label={t('scaleMoveDown', { step })} disabled={i === steps.length - 1} onClick={() => move(i, i + 1)}>
              ↓
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="primary" onClick={() => onConfirm(customScale(steps))}>
        {t('scaleConfirm')}
      </button>
    </section>
  );
}
