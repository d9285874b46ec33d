// Horizontal bars of shares, each labelled with its share and n of N; props in, SVG out. The chart is
// one Tab stop, as the map is (a roving tabindex): the arrow keys move between its bars (Home, End and
// a letter too), the focused bar's row gets the focus ring and its label and value are its name, which
// a screen reader says. When bars can be chosen, each bar is a button: Enter or Space (or a click)
// chooses it, so the mouse is never required.
import { useState, type KeyboardEvent } from 'react';
import { Bar, BarChart, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatNumber, formatPercent } from '../format';
import { useI18n } from '../i18n/i18n';
import { isSelectKey, itemForKey } from '../roving-keys';
import { FocusRing } from './FocusRing';

export interface ShareBar {
  id: string;
  label: string;
  share: number;
  n: number;
  total: number;
  colour: string;
}

interface Props {
  bars: readonly ShareBar[];
  /** Describes the chart for screen readers. */
  label: string;
  selected?: string | null;
  onSelect?: (id: string) => void;
  /** Bars of another measure than a share of units (a rate): its text beside each bar; the axis from 0 up. */
  measure?: { text: (bar: ShareBar) => string };
}

const ROW_HEIGHT = 30;
const LABEL_WIDTH = 250;

interface TickProps {
  x?: number | string;
  y?: number | string;
  index?: number;
  payload?: { value?: string };
}

export function ShareBars({ bars, label, selected, onSelect, measure }: Props) {
  const { lang, t } = useI18n();
  const [focused, setFocused] = useState<string | null>(null);
  const [width, setWidth] = useState(0);
  const data = bars.map((bar) => ({ ...bar, text: measure ? measure.text(bar) : t('shareOfUnits', { share: formatPercent(bar.share, lang), n: bar.n, total: bar.total }) }));
  const order = data.map((bar) => ({ id: bar.id, name: bar.label }));
  // The one bar Tab reaches: the focused one, else the chosen one, else the first.
  const tabStop = [focused, selected, order[0]?.id].find((id) => id !== null && id !== undefined && order.some((bar) => bar.id === id));

  // A render function, not a component: a component made here would remount on every render and
  // lose the keyboard focus after Enter.
  const tick = ({ x: left = 0, y: top = 0, index = 0, payload }: TickProps) => {
    const [x, y] = [Number(left), Number(top)];
    const bar = data[index];
    const isSelected = bar !== undefined && bar.id === selected;
    const text = (
      <text x={x - 6} y={y} dy={4} textAnchor="end" fontSize={13} fill="#1b2430" fontWeight={isSelected ? 600 : 400}>
        {payload?.value}
      </text>
    );
    if (!bar) return text;
    const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
      if (onSelect && isSelectKey(event.key)) {
        event.preventDefault();
        onSelect(bar.id);
        return;
      }
      const target = itemForKey(order, bar.id, event.key);
      if (!target) return;
      event.preventDefault();
      event.currentTarget.ownerSVGElement?.querySelector<SVGGElement>(`[data-bar="${CSS.escape(target)}"]`)?.focus();
    };
    // The row: the label, the bar and its text (to the drawing's right edge once it is measured).
    const rowLeft = x - LABEL_WIDTH;
    const rowRight = width > 0 ? width - 6 : x;
    return (
      <g
        role={onSelect ? 'button' : 'img'}
        tabIndex={bar.id === tabStop ? 0 : -1}
        aria-pressed={onSelect ? isSelected : undefined}
        aria-label={`${bar.label}: ${bar.text}`}
        className={onSelect ? 'bar-row bar-label' : 'bar-row'}
        data-bar={bar.id}
        onClick={onSelect ? () => onSelect(bar.id) : undefined}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(bar.id)}
        onBlur={() => setFocused(null)}
      >
        <rect className="bar-hit" x={rowLeft} y={y - ROW_HEIGHT / 2 + 2} width={LABEL_WIDTH} height={ROW_HEIGHT - 4} fill="transparent" />
        <FocusRing x={rowLeft + 4} y={y - ROW_HEIGHT / 2 + 4} width={rowRight - rowLeft - 4} height={ROW_HEIGHT - 8} />
        {text}
      </g>
    );
  };

  // Beside the bar, however short.
  const barLabel = ({ x = 0, y = 0, width = 0, height = 0, value }: { x?: number | string; y?: number | string; width?: number | string; height?: number | string; value?: unknown }) => (
    <text x={Number(x) + Number(width) + 6} y={Number(y) + Number(height) / 2} dy={4} fontSize={12} fill="#1b2430">
      {String(value)}
    </text>
  );

  return (
    <div className="share-bars">
      <div role="group" aria-label={label} style={{ width: '100%', height: data.length * ROW_HEIGHT + 40 }}>
        <ResponsiveContainer onResize={(w) => setWidth(w)}>
          {/* Recharts' own keyboard layer would add a Tab stop without a name (svg role="application"). */}
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 150, bottom: 4, left: 8 }} accessibilityLayer={false}>
            {measure ? (
              <XAxis type="number" domain={[0, 'auto']} tickFormatter={(v: number) => formatNumber(v, lang, 1)} tick={{ fontSize: 12 }} />
            ) : (
              <XAxis type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={(v: number) => formatPercent(v, lang)} tick={{ fontSize: 12 }} />
            )}
            <YAxis type="category" dataKey="label" width={LABEL_WIDTH} tick={tick} interval={0} />
            <Bar
              dataKey="share"
              isAnimationActive={false}
              barSize={18}
              // A 0 % bar still gets its label ("0 % (0 av 56)"): Recharts labels only bars with a size.
              minPointSize={1}
              onClick={onSelect ? (entry: { id?: string }) => entry.id && onSelect(entry.id) : undefined}
              cursor={onSelect ? 'pointer' : undefined}
            >
              {data.map((bar) => (
                <Cell key={bar.id} fill={bar.colour} stroke={bar.id === selected ? '#1b2430' : undefined} strokeWidth={bar.id === selected ? 2 : 0} />
              ))}
              <LabelList dataKey="text" content={barLabel} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>{label}</caption>
        <tbody>
          {data.map((bar) => (
            <tr key={bar.id}>
              <th scope="row">{bar.label}</th>
              <td>{bar.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
