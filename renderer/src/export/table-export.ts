// A finished data table (a report's figures, often already small-cell suppressed) as CSV or XLSX.
//
// CSV: UTF-8 (with a BOM so Excel detects the encoding), CRLF, header row, RFC 4180 quoting. The Swedish
// preset (semicolon, decimal comma) opens straight into Swedish Excel; the international one (comma,
// decimal point) suits everything else. Numbers are written plainly: no thousands separators, no
// exponent, no rounding, so they survive the round trip.
// XLSX: numeric cells stay numeric, shares (0..1) carry a '0%' format, the header row is bold.
//
// In the CSV, text a spreadsheet would run as a formula is neutralised (OWASP "CSV injection"). Numbers
// are never touched: -2 is a number, not an attack. Not in the XLSX: its text cells are strings, never
// formulas, so the apostrophe would only show ("'- Övriga").
// In both, texts lose XML-forbidden characters and bidi controls (safe-text.ts) before anything else, so
// a hidden character can neither hide a leading "=" from the guard nor reorder what the reader sees.
//
// Runs in the renderer (bundled by Vite) and in Node (tests, headless scripts): no node:* imports.
// write-excel-file's "universal" entry is the one that works in both; it yields a Blob (global in
// browsers and in Node ≥ 18).
//
// write-excel-file zips with fflate's async zip(), which deflates large parts in a Worker made from a
// blob: URL; the app's CSP refuses it and the promise would never settle. The app's build gives it a
// synchronous zip instead (vite.config.ts, zip-sync.ts).
import writeExcelFile, { type Cell, type SheetData } from 'write-excel-file/universal';
import { exportText } from '../safe-text';

interface DataColumn {
  name: string;
  /** 'share' = a proportion 0..1 (0.41 means 41 %). */
  kind: 'text' | 'number' | 'share';
}

export interface DataTable {
  /** Used as the XLSX sheet name (cleaned up to what Excel accepts); not written to the CSV. */
  title: string;
  columns: DataColumn[];
  /** rows[i][j] belongs to columns[j]; the string '..' (suppressed) passes through as text. */
  rows: (string | number | null)[][];
  /** Printed below the table, one per line, after an empty line. */
  footnotes?: string[];
}

export interface CsvOptions {
  delimiter: ';' | ',';
  decimal: ',' | '.';
  bom: boolean;
}

/** What Swedish Excel reads without an import dialog. */
export const SWEDISH_CSV: CsvOptions = Object.freeze({ delimiter: ';', decimal: ',', bom: true });
/** Comma-separated with decimal points, for English-locale tools and scripts. */
export const INTERNATIONAL_CSV: CsvOptions = Object.freeze({ delimiter: ',', decimal: '.', bom: true });

// The characters OWASP lists as starting a formula (or a DDE payload) in Excel, LibreOffice and Sheets,
// and their full-width forms (U+FF1D U+FF0B U+FF0D U+FF20), which Excel with an East Asian input locale
// may take as the ASCII ones.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Text that a spreadsheet would evaluate (starting with = + - @ tab or CR, or full-width = + - @) gets a
 * leading apostrophe, which makes Excel show the text as it is. Anything else is returned unchanged, '-'
 * inside a text included. For CSV only (see the top of this file).
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A text as a CSV cell holds it before quoting: hidden characters dropped first, then the formula guard. */
export function csvSafeText(text: string): string {
  return neutraliseFormula(exportText(text));
}

/**
 * A finite number in plain decimal notation: no grouping, no exponent, the shortest digits that give the
 * same number back (as String() does), with the requested decimal mark. 1e-7 → "0.0000001".
 */
function plainNumber(value: number, decimal: ',' | '.'): string {
  let s = String(value);
  const exponent = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (exponent) {
    const [, sign = '', head = '', tail = '', exp = '0'] = exponent;
    const digits = head + tail;
    const point = 1 + Number(exp); // where the decimal point goes within `digits`
    if (point <= 0) s = `${sign}0.${'0'.repeat(-point)}${digits}`;
    else if (point >= digits.length) s = `${sign}${digits}${'0'.repeat(point - digits.length)}`;
    else s = `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
  }
  return decimal === '.' ? s : s.replace('.', decimal);
}

/** One cell's CSV text before quoting. Non-finite numbers (NaN, ±Infinity) have no meaning here: empty. */
function csvText(value: string | number | null | undefined, decimal: ',' | '.'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? plainNumber(value, decimal) : '';
  return csvSafeText(value);
}

/** RFC 4180: a cell with the delimiter, a double quote or a line break is quoted, quotes doubled. */
function quote(cell: string, delimiter: string): string {
  return cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** The row's cells in column order: missing cells are empty, cells beyond the last column are dropped. */
function cellsOf(row: readonly (string | number | null)[], columns: readonly DataColumn[]): (string | number | null)[] {
  return columns.map((_, j) => row[j] ?? null);
}

/**
 * The table as CSV bytes: UTF-8 (BOM when asked), CRLF line ends (also after the last line), the header row
 * first, then the rows; footnotes, if any, after an empty line, one per line (each a single quoted cell when
 * it holds the delimiter). Shares are written as numbers (0.41 → "0,41" with a decimal comma).
 */
export function dataTableToCsv(table: DataTable, options: CsvOptions = SWEDISH_CSV): Uint8Array {
  const { delimiter, decimal } = options;
  const line = (cells: readonly (string | number | null)[]) => cells.map((v) => quote(csvText(v, decimal), delimiter)).join(delimiter);
  const lines = [line(table.columns.map((c) => c.name)), ...table.rows.map((row) => line(cellsOf(row, table.columns)))];
  const footnotes = table.footnotes ?? [];
  if (footnotes.length > 0) lines.push('', ...footnotes.map((note) => line([note])));
  return new TextEncoder().encode(`${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`);
}

// Excel refuses sheet names that are empty, longer than 31 characters, contain []:*?/\ or start or end
// with an apostrophe.
const SHEET_NAME_MAX = 31;

function sheetName(title: string): string {
  const cleaned = exportText(title).replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim();
  // Cut by code points so a character outside the BMP is never split in half.
  let name = '';
  for (const ch of cleaned) {
    if (name.length + ch.length > SHEET_NAME_MAX) break;
    name += ch;
  }
  name = name.replace(/^'+|'+$/g, '').trim();
  return name || 'Tabell';
}

function xlsxCell(value: string | number | null, column: DataColumn): Cell {
  if (value === null) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return column.kind === 'share' ? { value, type: Number, format: '0%' } : { value, type: Number };
  }
  return { value: exportText(value), type: String };
}

/** A column wide enough for its header and its longest value, within reason (in characters). */
function columnWidth(column: DataColumn, index: number, rows: readonly (string | number | null)[][]): number {
  let widest = column.name.length;
  for (const row of rows) {
    const v = row[index];
    if (v === null || v === undefined) continue;
    widest = Math.max(widest, typeof v === 'number' ? (column.kind === 'share' ? 4 : String(v).length) : v.length);
  }
  return Math.min(Math.max(widest + 2, 8), 60);
}

/**
 * The table as XLSX bytes: one sheet named after the title, a bold (and frozen) header row, numbers as
 * numeric cells, shares as numbers formatted '0%', text without the formula guard (see above), and the
 * footnotes below the table after an empty row, one per row in the first column.
 */
export async function dataTableToXlsx(table: DataTable): Promise<Uint8Array> {
  const header: Cell[] = table.columns.map((c) => ({ value: exportText(c.name), type: String, fontWeight: 'bold' }));
  const body: Cell[][] = table.rows.map((row) => table.columns.map((c, j) => xlsxCell(row[j] ?? null, c)));
  const footnotes = table.footnotes ?? [];
  const notes: Cell[][] = footnotes.length > 0 ? [[null], ...footnotes.map((note): Cell[] => [{ value: exportText(note), type: String }])] : [];
  const data: SheetData = [header, ...body, ...notes];
  const blob = await writeExcelFile(data, {
    sheet: sheetName(table.title),
    columns: table.columns.map((c, j) => ({ width: columnWidth(c, j, table.rows) })),
    stickyRowsCount: 1,
  }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
