// Likert answers as diverging stacked bars: the negative steps left of the centre line, the positive
// right, the neutral step split across it; one bar per question, each with its own N. The chart is one
// Tab stop (a roving tabindex, as the map and the share bars): Left and Right move between the answers
// (on to the next question at a bar's end), Up and Down to the same answer of the question above or
// below, Home and End to a bar's ends; the focused segment gets the focus ring, and its name (the
// answer, its share and n of N) is said by a screen reader and shown on hover.
import { useState, type FocusEvent, type KeyboardEvent } from 'react';
import { formatPercent } from '../format';
import { useI18n } from '../i18n/i18n';
import { scaleColours } from '../export/palette';

export interface DivergingRow {
  question: string;
  total: number;
  segments: { answer: string; share: number; n: number }[];
  headline: string;
}

const WIDTH = 600;
const HEIGHT = 22;

/** x-offsets of each segment around the centre (at WIDTH / 2); half the width is 100 %. */
function layout(shares: readonly number[]): { x: number; width: number }[] {
  const steps = shares.length;
  const half = WIDTH / 2;
  const middle = steps % 2 === 1 ? Math.floor(steps / 2) : -1;
  const negative = shares.slice(0, Math.floor(steps / 2)).reduce((a, b) => a + b, 0) + (middle >= 0 ? shares[middle]! / 2 : 0);
  let x = half - negative * half;
  return shares.map((share) => {
    const segment = { x, width: share * half };
    x += segment.width;
    return segment;
  });
}

interface Cell {
  row: number;
  step: number;
}

/** Where a key moves the focus among `rows` bars of `steps` segments each; null for any other key. */
function cellForKey({ row, step }: Cell, key: string, rows: number, steps: number): Cell | null {
  const at = row * steps + step;
  const cell = (i: number): Cell => {
    const wrapped = (i + rows * steps) % (rows * steps);
    return { row: Math.floor(wrapped / steps), step: wrapped % steps };
  };
  if (key === 'ArrowRight') return cell(at + 1);
  if (key === 'ArrowLeft') return cell(at - 1);
  if (key === 'ArrowDown') return { row: (row + 1) % rows, step };
  if (key === 'ArrowUp') return { row: (row - 1 + rows) % rows, step };
  if (key === 'Home') return { row, step: 0 };
  if (key === 'End') return { row, step: steps - 1 };
  return null;
}

export function DivergingBars({ rows, steps, label }: { rows: readonly DivergingRow[]; steps: readonly string[]; label: string }) {
  const { lang, t } = useI18n();
  const colours = scaleColours(steps.length);
  // The focused segment, and whether the keyboard brought focus there (the ring shows only then).
  const [focused, setFocused] = useState<(Cell & { isVisible: boolean }) | null>(null);
  const tabStop: Cell = focused ?? { row: 0, step: 0 };
  const onKeyDown = (event: KeyboardEvent<SVGRectElement>, from: Cell) => {
    const to = cellForKey(from, event.key, rows.length, steps.length);
    if (!to) return;
    event.preventDefault();
    event.currentTarget.closest('.diverging')?.querySelector<SVGRectElement>(`[data-cell="${to.row}-${to.step}"]`)?.focus();
  };
  const onFocus = (event: FocusEvent<SVGRectElement>, cell: Cell) => setFocused({ ...cell, isVisible: event.currentTarget.matches(':focus-visible') });
  return (
    <div className="diverging" role="group" aria-label={label}>
      <ul className="legend" aria-hidden="true">
        {steps.map((step, i) => (
          <li key={step}>
            <span className="swatch" style={{ background: colours[i] }} />
            {step}
          </li>
        ))}
      </ul>
      {rows.map((row, r) => {
        const boxes = layout(row.segments.map((s) => s.share));
        const ring = focused?.isVisible && focused.row === r ? boxes[focused.step] : undefined;
        return (
          <div className="diverging-row" key={row.question}>
            <p className="diverging-question">{row.question}</p>
            <div className="diverging-bar">
              <div className="diverging-track">
                <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label={`${row.question}: ${row.headline}`} preserveAspectRatio="none">
                  {boxes.map((box, i) => (
                    <rect
                      key={steps[i]}
                      x={box.x}
                      y={0}
                      width={box.width}
                      height={HEIGHT}
                      fill={colours[i]}
                      role="img"
                      tabIndex={tabStop.row === r && tabStop.step === i ? 0 : -1}
                      data-cell={`${r}-${i}`}
                      onKeyDown={(event) => onKeyDown(event, { row: r, step: i })}
                      onFocus={(event) => onFocus(event, { row: r, step: i })}
                      onBlur={() => setFocused(null)}
                    >
                      <title>{`${steps[i]}: ${formatPercent(row.segments[i]!.share, lang)} (${t('countOf', { n: row.segments[i]!.n, total: row.total })})`}</title>
                    </rect>
                  ))}
                  <line x1={WIDTH / 2} x2={WIDTH / 2} y1={0} y2={HEIGHT} stroke="#1b2430" strokeWidth={1.5} aria-hidden="true" />
                </svg>
                {ring && <span className="segment-focus" aria-hidden="true" style={{ left: `${(ring.x / WIDTH) * 100}%`, width: `${(ring.width / WIDTH) * 100}%` }} />}
              </div>
              <span className="diverging-headline">{row.headline}</span>
            </div>
          </div>
        );
      })}
      <table className="sr-only">
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col" />
            {steps.map((step) => (
              <th scope="col" key={step}>
                {step}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.question}>
              <th scope="row">{row.question}</th>
              {row.segments.map((s, i) => (
                <td key={steps[i]}>{`${formatPercent(s.share, lang)} (${t('countOf', { n: s.n, total: row.total })})`}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
