// Likert answers as diverging stacked bars: the negative steps left of the centre line, the positive
// right, the neutral step split across it; one bar per question, each with its own N.
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

export function DivergingBars({ rows, steps, label }: { rows: readonly DivergingRow[]; steps: readonly string[]; label: string }) {
  const { lang, t } = useI18n();
  const colours = scaleColours(steps.length);
  return (
    <div className="diverging">
      <ul className="legend" aria-hidden="true">
        {steps.map((step, i) => (
          <li key={step}>
            <span className="swatch" style={{ background: colours[i] }} />
            {step}
          </li>
        ))}
      </ul>
      {rows.map((row) => (
        <div className="diverging-row" key={row.question}>
          <p className="diverging-question">{row.question}</p>
          <div className="diverging-bar">
            <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${row.question}: ${row.headline}`} preserveAspectRatio="none">
              {layout(row.segments.map((s) => s.share)).map((box, i) => (
                <rect key={steps[i]} x={box.x} y={0} width={box.width} height={HEIGHT} fill={colours[i]}>
                  <title>{`${steps[i]}: ${formatPercent(row.segments[i]!.share, lang)} (${row.segments[i]!.n})`}</title>
                </rect>
              ))}
              <line x1={WIDTH / 2} x2={WIDTH / 2} y1={0} y2={HEIGHT} stroke="#1b2430" strokeWidth={1.5} />
            </svg>
            <span className="diverging-headline">{row.headline}</span>
          </div>
        </div>
      ))}
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
