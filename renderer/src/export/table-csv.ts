// A table as CSV that Swedish Excel opens right: UTF-8 with BOM, semicolon, decimal comma, CRLF.
// Cells a spreadsheet would run as a formula are neutralised (OWASP "CSV injection"), after hidden
// characters (XML-forbidden, bidi controls) are dropped, as in every export (table-export.ts csvSafeText).
import type { Row } from '../db/engine';
import type { ColumnInfo } from '../db/table-info';
import { formatTimestamp } from '../format';
import { exportText } from '../safe-text';
import { csvSafeText } from './table-export';

function text(value: unknown, type: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (type.startsWith('TIMESTAMP')) return formatTimestamp(value, true);
    if (type === 'DATE') return formatTimestamp(value, false);
    return String(value).replace('.', ',');
  }
  // A leading apostrophe makes Excel show the text instead of evaluating it.
  return csvSafeText(String(value));
}

function quote(cell: string): string {
  return /[;"\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function tableToCsv(columns: readonly ColumnInfo[], rows: readonly Row[]): Uint8Array {
  const lines = [
    columns.map((c) => quote(text(c.name, 'VARCHAR'))).join(';'),
    ...rows.map((row) => columns.map((c) => quote(text(row[c.name], c.type))).join(';')),
  ];
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

/**
 * `enkät 2023.xlsx` → `enkät 2023.csv`. Bidi controls (and XML-forbidden characters) go first: with
 * U+202E in it, a name ending in ".csv" can read as if it ended in something else.
 */
export function csvFileName(sourceName: string): string {
  return `${exportText(sourceName).replace(/\.[^.]*$/, '')}.csv`;
}
