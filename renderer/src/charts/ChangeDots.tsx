// Two waves' shares per method (a dumbbell): a grey dot for the earlier wave, a blue one for the later,
// a line between them, and beside it the shares and the difference in words. Drawn as plain SVG to the
// width it is given; one image for a screen reader, with its figures in a table beside it.
import { useLayoutEffect, useRef, useState } from 'react';
import type { ChangeDatum } from '../export/chart-spec';
import { CHANGE } from '../export/palette';

interface Props {
  rows: readonly ChangeDatum[];
  fromLabel: string;
  toLabel: string;
  formatTick: (share: number) => string;
  /** The chart's name and what it shows (its alt text). */
  label: string;
}

const ROW = 30;
const LABEL = 250;
const TEXT = 300;
const AXIS = 26;

export function ChangeDots({ rows, fromLabel, toLabel, formatTick, label }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(900);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(Math.max(480, Math.floor(entry.contentRect.width))));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const plot = Math.max(120, width - LABEL - TEXT);
  const x = (share: number) => LABEL + share * plot;
  const height = rows.length * ROW + AXIS;
  return (
    <div className="change-dots" ref={box}>
      <ul className="bar-legend" aria-hidden="true">
        <li>
          <span className="swatch dot" style={{ background: CHANGE.from }} />
          {fromLabel}
        </li>
        <li>
          <span className="swatch dot" style={{ background: CHANGE.to }} />
          {toLabel}
        </li>
      </ul>
      <svg width={width} height={height} role="img" aria-label={label}>
        {[0, 0.25, 0.5, 0.75, 1].map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={0} y2={rows.length * ROW} stroke="#e5e9ef" />
            <text x={x(tick)} y={rows.length * ROW + 17} fontSize={12} fill="#5a6675" textAnchor="middle">
              {formatTick(tick)}
            </text>
          </g>
        ))}
        {rows.map((row, i) => {
          const y = i * ROW + ROW / 2;
          const [a, b] = [row.from === null ? null : x(row.from), row.to === null ? null : x(row.to)];
          return (
            <g key={row.label} data-change={row.label}>
              <text x={LABEL - 8} y={y} dy={4} fontSize={13} fill="#1b2430" textAnchor="end">
                {row.label}
              </text>
              {a !== null && b !== null && <line x1={a} x2={b} y1={y} y2={y} stroke={CHANGE.line} strokeWidth={4} />}
              {a !== null && <circle cx={a} cy={y} r={6} fill={CHANGE.from} />}
              {b !== null && <circle cx={b} cy={y} r={6} fill={CHANGE.to} />}
              <text x={LABEL + plot + 14} y={y} dy={4} fontSize={12} fill="#1b2430">
                {row.text}
              </text>
            </g>
          );
        })}
        <line x1={LABEL} x2={LABEL} y1={0} y2={rows.length * ROW} stroke="#5a6675" />
      </svg>
      <table className="sr-only">
        <caption>{label}</caption>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{row.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
