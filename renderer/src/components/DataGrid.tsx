// Rows of a table as the user reads them: column names, numbers right-aligned in Swedish format,
// dates as ISO. `headerAbove` puts an extra header row on top (the mapping view's column roles).
import type { ReactNode } from 'react';
import type { Row } from '../db/engine';
import type { ColumnInfo } from '../db/table-info';
import { formatCell, formatNumber } from '../format';
import { useI18n } from '../i18n/i18n';

interface Props {
  columns: readonly ColumnInfo[];
  rows: readonly Row[];
  label: string;
  hasRowNumbers?: boolean;
  headerAbove?: ReactNode;
}

/**
 * Columns a grid, a role header or a column list shows: a very wide file (up to the import's 16,384
 * columns) would make the window unresponsive, and nobody reads past a few hundred; the rest is said.
 */
const SHOWN_COLUMNS = 300;

export function shownColumns<T>(columns: readonly T[]): readonly T[] {
  return columns.length > SHOWN_COLUMNS ? columns.slice(0, SHOWN_COLUMNS) : columns;
}

function isNumeric(value: unknown, type: string): boolean {
  return typeof value === 'number' && !/^(DATE|TIMESTAMP)/.test(type);
}

export function DataGrid({ columns: all, rows, label, hasRowNumbers = false, headerAbove }: Props) {
  const { lang, t } = useI18n();
  const columns = shownColumns(all);
  return (
    <div className="grid-wrap" tabIndex={0} role="region" aria-label={label}>
      {columns.length < all.length && <p className="note">{t('columnsShown', { shown: formatNumber(columns.length, lang), total: formatNumber(all.length, lang) })}</p>}
      <table className="grid">
        <thead>
          {headerAbove}
          <tr>
            {hasRowNumbers && (
              <th scope="col" className="row-number">
                #
              </th>
            )}
            {columns.map((column) => (
              <th scope="col" key={column.name} title={column.type}>
                {column.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {hasRowNumbers && <td className="row-number">{i + 1}</td>}
              {columns.map((column) => (
                <td key={column.name} className={isNumeric(row[column.name], column.type) ? 'num' : undefined}>
                  {formatCell(row[column.name], column.type, lang)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
