// Horizontal bars of shares, each labelled with its share and n of N; props in, SVG out.
import { Bar, BarChart, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatPercent } from '../format';
import { useI18n } from '../i18n/i18n';

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
  onSelect?: (id: string) => void;
}

const ROW_HEIGHT = 30;

export function ShareBars({ bars, label, onSelect }: Props) {
  const { lang, t } = useI18n();
  const data = bars.map((bar) => ({ ...bar, text: t('shareOfUnits', { share: formatPercent(bar.share, lang), n: bar.n, total: bar.total }) }));
  return (
    <div className="share-bars">
      <div role="img" aria-label={label} style={{ width: '100%', height: data.length * ROW_HEIGHT + 40 }}>
        <ResponsiveContainer>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 130, bottom: 4, left: 8 }}>
            <XAxis type="number" domain={[0, 1]} tickFormatter={(v: number) => formatPercent(v, lang)} tick={{ fontSize: 12 }} />
            <YAxis type="category" dataKey="label" width={250} tick={{ fontSize: 13 }} interval={0} />
            <Bar
              dataKey="share"
              isAnimationActive={false}
              barSize={18}
              onClick={onSelect ? (entry: { id?: string }) => entry.id && onSelect(entry.id) : undefined}
              cursor={onSelect ? 'pointer' : undefined}
            >
              {data.map((bar) => (
                <Cell key={bar.id} fill={bar.colour} />
              ))}
              <LabelList dataKey="text" position="right" style={{ fontSize: 12, fill: '#1b2430' }} />
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
