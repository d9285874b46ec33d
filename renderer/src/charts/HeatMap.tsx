// Shares in a grid (rows × columns), each cell coloured on a sequential scale and labelled with its
// share; column headers can be buttons (clicking a county filters every view).
import { formatPercent } from '../format';
import { useI18n } from '../i18n/i18n';
import { inkOn, shareColour } from '../export/palette';
import { SMALL_BASE, SMALL_MARK } from '../domain/waves';

interface HeatCell {
  share: number;
  n: number;
  total: number;
}

interface Props {
  label: string;
  rows: readonly { id: string; label: string }[];
  /** `title`: the full name, where `label` is short (shown on hover and read by screen readers). */
  columns: readonly { id: string; label: string; title?: string }[];
  cell: (row: string, column: string) => HeatCell | undefined;
  onColumn?: (column: string) => void;
  selectedColumn?: string | null;
  selectedRow?: string | null;
}

export function HeatMap({ label, rows, columns, cell, onColumn, selectedColumn, selectedRow }: Props) {
  const { lang, t } = useI18n();
  return (
    <div className="heat-wrap" tabIndex={0} role="region" aria-label={label}>
      <table className="heat">
        <caption className="sr-only">{label}</caption>
        <thead>
          <tr>
            <th scope="col" />
            {columns.map((column) => (
              <th scope="col" key={column.id} className={column.id === selectedColumn ? 'selected' : undefined} title={column.title} abbr={column.title}>
                {onColumn ? (
                  <button type="button" className="link" aria-pressed={column.id === selectedColumn} onClick={() => onColumn(column.id)}>
                    {column.label}
                  </button>
                ) : (
                  <span className="col-label">{column.label}</span>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={row.id === selectedRow ? 'selected' : undefined}>
              <th scope="row">{row.label}</th>
              {columns.map((column) => {
                const value = cell(row.id, column.id);
                return value ? (
                  <td
                    key={column.id}
                    style={{ background: shareColour(value.share), color: inkOn(value.share) }}
                    title={`${row.label}, ${column.title ?? column.label}: ${t('shareOfUnits', { share: formatPercent(value.share, lang), n: value.n, total: value.total })}`}
                  >
                    {formatPercent(value.share, lang)}
                    {value.total < SMALL_BASE && (
                      <span className="small-base" title={t('smallBaseMark', { min: SMALL_BASE })}>
                        {SMALL_MARK}
                      </span>
                    )}
                  </td>
                ) : (
                  <td key={column.id} className="missing">
                    –
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
