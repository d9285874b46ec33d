// Lines over time (Trender), one per method. The chart is one Tab stop with a name: the arrow keys move
// between the periods (Home and End to the first and the last), a line marks the period and dots its
// values, and the figures are written under the chart in a live region, so a screen reader says them
// as they change. The legend writes the names in the ink beside a swatch of each line's colour: text in
// the series colours was 2.2:1 on white (WCAG asks 4.5:1).
import { useId, useState, type KeyboardEvent } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LineSeries } from '../export/chart-spec';
import { useI18n } from '../i18n/i18n';

interface Props {
  periods: readonly string[];
  series: readonly LineSeries[];
  /** The chart's name (its title). */
  label: string;
  /** What it shows, in words (the export's alt text). */
  description: string;
  format: (value: number) => string;
}

const INK = '#1b2430';

/** The period a key moves to among `count`, from `at`; null for any other key. */
function periodForKey(at: number, key: string, count: number): number | null {
  if (key === 'ArrowRight' || key === 'ArrowDown') return Math.min(at + 1, count - 1);
  if (key === 'ArrowLeft' || key === 'ArrowUp') return Math.max(at - 1, 0);
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

export function TrendLines({ periods, series, label, description, format }: Props) {
  const { t } = useI18n();
  const [point, setPoint] = useState(0);
  const [isFocused, setIsFocused] = useState(false);
  const hint = useId();
  const at = Math.min(point, periods.length - 1);
  const period = periods[at];
  const key = (i: number) => `s${i}`;
  const data = periods.map((p, j) => ({ period: p, ...Object.fromEntries(series.map((s, i) => [key(i), s.values[j]])) }));
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = periodForKey(at, event.key, periods.length);
    if (next === null) return;
    event.preventDefault();
    setPoint(next);
  };
  return (
    <>
      {/* Above the lines, so the names are read before the chart and stay on the first screen. */}
      <ul className="series-legend">
        {series.map((s) => (
          <li key={s.label}>
            <span className="line-swatch" style={{ background: s.colour, height: s.emphasis ? 5 : 3 }} aria-hidden="true" />
            {s.label}
          </li>
        ))}
      </ul>
      <div
        className="chart-keys"
        role="group"
        tabIndex={0}
        aria-label={label}
        aria-describedby={hint}
        onKeyDown={onKeyDown}
        onFocus={() => setIsFocused(true)}
        onBlur={() => setIsFocused(false)}
        style={{ width: '100%', height: 360 }}
      >
        <ResponsiveContainer>
          {/* Recharts' own keyboard layer would add a Tab stop without a name (svg role="application"). */}
          <LineChart data={data} margin={{ top: 8, right: 24, bottom: 8, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#e5e9ef" />
            <XAxis dataKey="period" tick={{ fontSize: 12 }} minTickGap={24} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12 }} tickFormatter={format} />
            <Tooltip formatter={(v) => format(Number(v))} />
            {series.map((s, i) => (
              <Line key={s.label} dataKey={key(i)} name={s.label} stroke={s.colour} strokeWidth={s.emphasis ? 4 : 2} dot={false} isAnimationActive={false} />
            ))}
            {isFocused && period !== undefined && <ReferenceLine x={period} stroke={INK} strokeWidth={2} strokeDasharray="4 3" />}
            {isFocused &&
              period !== undefined &&
              series.map((s) => <ReferenceDot key={s.label} x={period} y={s.values[at]} r={5} fill={s.colour} stroke={INK} strokeWidth={1.5} />)}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <p id={hint} className="sr-only">
        {description} {t('chartKeysPeriods')}
      </p>
      <p className="chart-readout" aria-live="polite" aria-atomic="true" data-testid="chart-readout">
        {isFocused && period !== undefined && (
          <>
            <strong>{period}</strong>:{' '}
            {series.map((s, i) => (
              <span className="series" key={s.label}>
                <span className="line-swatch" style={{ background: s.colour, height: s.emphasis ? 5 : 3 }} aria-hidden="true" /> {s.label} {format(s.values[at] ?? 0)}
                {i < series.length - 1 ? ',' : ''}
              </span>
            ))}
          </>
        )}
      </p>
    </>
  );
}
