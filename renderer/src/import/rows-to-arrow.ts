// Rows of spreadsheet (or JSON) cells → an Arrow table with one type per column, in the sheet's column
// order. Arrow (not JSON) because DuckDB's JSON reader sorts columns by name and guesses types per value.
// Text cells that are numbers the Swedish way (`34,5`, `1 234`, `34 %`) or ISO dates count as such.
// The buffers are built by hand: apache-arrow's builders compile their null check with `new Function`,
// which the app's Content-Security-Policy (rightly) forbids.
import {
  Bool,
  DateDay,
  Field,
  Float64,
  Int32,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimestampMillisecond,
  Utf8,
  type Data,
  type DataType,
} from 'apache-arrow';
import { stripXmlForbidden } from '../safe-text';
import { DATE, EMPTY, FLOAT, INT, TIMESTAMP, classifyText } from './parse-value';
import type { Cell } from './read-xlsx';

/**
 * Header cells → unique, non-empty column names (`kolumn_3` for a blank, `Namn_2` for a repeat).
 * Unique regardless of case, since SQL identifiers are case-insensitive. Characters XML 1.0 forbids are
 * dropped first (safe-text.ts): a name is drawn in every exported chart, and one U+0001 made the SVG
 * malformed. A name of nothing else counts as blank.
 */
export function uniqueHeaders(header: readonly Cell[], width: number): string[] {
  const used = new Set<string>();
  const names: string[] = [];
  for (let i = 0; i < width; i++) {
    const raw = header[i];
    const text = raw instanceof Date ? raw.toISOString().slice(0, 10) : stripXmlForbidden(String(raw ?? '')).trim();
    const base = text === '' ? `kolumn_${i + 1}` : text;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    used.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

export function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

const MS_PER_DAY = 86_400_000;
/** Excel's day 0 (1899-12-30) is this many days before 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25569;
/** Serial numbers Excel can show as a date: 1900-01-01 … 9999-12-31. */
const isExcelSerial = (v: number) => v >= 1 && v < 2958466;

interface TypedColumn {
  type: DataType;
  /** Per row: the value for the chosen type, or null. */
  values: (number | boolean | string | null)[];
}

/**
 * The narrowest type that holds every non-blank value; a column mixing kinds becomes text.
 * Numbers and numeric text together are numbers; dates with a minority of bare serial numbers
 * (cells whose date format the reader did not recognise) are dates.
 */
function typeColumn(cells: readonly (Cell | null)[]): TypedColumn {
  const scratch = new Float64Array(1);
  const values: (number | null)[] = [];
  let numbers = 0; // real numbers and numeric text
  let serials = 0; // real numbers that could be Excel dates
  let dates = 0; // date cells, ISO dates and timestamps in text
  let dateOnly = true; // every date is an ISO date without a time
  let bools = 0;
  let texts = 0;
  for (const cell of cells) {
    let value: number | null = null;
    if (typeof cell === 'number') {
      value = cell;
      numbers++;
      if (isExcelSerial(cell)) serials++;
    } else if (typeof cell === 'boolean') {
      bools++;
    } else if (cell instanceof Date) {
      value = cell.getTime();
      dates++;
      dateOnly = false;
    } else if (cell !== null) {
      const kind = classifyText(cell, scratch);
      if (kind === INT || kind === FLOAT) {
        value = scratch[0]!;
        numbers++;
      } else if (kind === DATE) {
        value = scratch[0]! * MS_PER_DAY;
        dates++;
      } else if (kind === TIMESTAMP) {
        value = scratch[0]!;
        dates++;
        dateOnly = false;
      } else if (kind !== EMPTY) {
        texts++;
      }
    }
    values.push(value);
  }
  const present = numbers + dates + bools + texts;
  const asText = (): TypedColumn => ({ type: new Utf8(), values: cells.map((cell) => (cell === null ? null : toText(cell))) });
  if (present === 0 || texts > 0) return asText();
  if (bools > 0) return bools === present ? { type: new Bool(), values: cells.map((c) => (typeof c === 'boolean' ? c : null)) } : asText();
  if (dates === 0) {
    const isInt = values.every((v) => v === null || (Number.isInteger(v) && Math.abs(v) < 2 ** 31));
    return { type: isInt ? new Int32() : new Float64(), values };
  }
  if (numbers === 0) {
    if (dateOnly) return { type: new DateDay(), values: values.map((ms) => (ms === null ? null : ms / MS_PER_DAY)) };
    return { type: new TimestampMillisecond(), values };
  }
  // Dates and numbers: the numbers are dates if they are all real serial numbers and a minority.
  if (serials === numbers && numbers <= dates && cells.every((cell) => typeof cell !== 'string' || !isNumericText(cell))) {
    const ms = cells.map((cell, i) => (typeof cell === 'number' ? Math.round((cell - EXCEL_EPOCH_DAYS) * MS_PER_DAY) : (values[i] ?? null)));
    return { type: new TimestampMillisecond(), values: ms };
  }
  return asText();
}

function isNumericText(text: string): boolean {
  const kind = classifyText(text, new Float64Array(1));
  return kind === INT || kind === FLOAT;
}

/** Validity bitmap (bit set = value present) and the null count, as Arrow stores them. */
function validity(values: readonly unknown[]): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  values.forEach((value, i) => {
    if (value === null) nullCount++;
    else nullBitmap[i >> 3]! |= 1 << (i & 7);
  });
  return { nullBitmap, nullCount };
}

/** One column's Arrow data, typed as `typeColumn` decided. */
function columnData({ type, values }: TypedColumn): Data {
  const length = values.length;
  const { nullBitmap, nullCount } = validity(values);
  const num = (v: unknown) => (v as number | null) ?? 0;
  if (type instanceof Int32) return makeData({ type, length, nullCount, nullBitmap, data: Int32Array.from(values, num) });
  if (type instanceof Float64) return makeData({ type, length, nullCount, nullBitmap, data: Float64Array.from(values, num) });
  if (type instanceof DateDay) return makeData({ type, length, nullCount, nullBitmap, data: Int32Array.from(values, num) });
  if (type instanceof TimestampMillisecond) {
    return makeData({ type, length, nullCount, nullBitmap, data: BigInt64Array.from(values, (v) => BigInt(Math.round(num(v)))) });
  }
  if (type instanceof Bool) {
    const data = new Uint8Array(Math.ceil(length / 8));
    values.forEach((v, i) => {
      if (v === true) data[i >> 3]! |= 1 << (i & 7);
    });
    return makeData({ type, length, nullCount, nullBitmap, data });
  }
  const encoder = new TextEncoder();
  const encoded = values.map((v) => (v === null ? new Uint8Array() : encoder.encode(v as string)));
  const valueOffsets = new Int32Array(length + 1);
  encoded.forEach((bytes, i) => (valueOffsets[i + 1] = valueOffsets[i]! + bytes.length));
  const data = new Uint8Array(valueOffsets[length]!);
  encoded.forEach((bytes, i) => data.set(bytes, valueOffsets[i]!));
  return makeData({ type: type as Utf8, length, nullCount, nullBitmap, valueOffsets, data });
}

/**
 * A cell as text. Characters XML 1.0 forbids are dropped (safe-text.ts), once, here: every text value of
 * a spreadsheet or JSON file comes through on its way to the table, and the preview shows the same.
 */
export function toText(cell: Cell): string {
  return cell instanceof Date ? cell.toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, '') : stripXmlForbidden(String(cell));
}

export interface SheetTable {
  columns: string[];
  table: Table;
}

export interface SheetLayout {
  /** Column names, unique. */
  columns: string[];
  /** Index in the rows of each named column. */
  indices: number[];
  /** The data rows, blank rows left out. */
  body: readonly (readonly Cell[])[];
}

/**
 * Columns of a header row and the data rows below it. Blank rows are skipped; cells beyond the header
 * get `kolumn_N` names; columns with neither a name nor a value (formatted but empty cells to the
 * right, a trailing `;`) are left out.
 */
export function sheetLayout(header: readonly Cell[], rows: readonly (readonly Cell[])[]): SheetLayout {
  const body = rows.filter((row) => !row.every(isBlank));
  let width = header.length;
  for (const row of body) width = Math.max(width, row.length);
  const names = uniqueHeaders(header, width);
  const columns: string[] = [];
  const indices: number[] = [];
  names.forEach((name, c) => {
    if (isBlank(header[c]) && body.every((row) => isBlank(row[c]))) return;
    columns.push(name);
    indices.push(c);
  });
  return { columns, indices, body };
}

/** A header row and the data rows below it → a typed table (see sheetLayout for the columns). */
export function cellsToArrow(header: readonly Cell[], rows: readonly (readonly Cell[])[]): SheetTable {
  const { columns, indices, body } = sheetLayout(header, rows);
  const fields: Field[] = [];
  const children: Data[] = [];
  columns.forEach((name, k) => {
    const c = indices[k]!;
    const typed = typeColumn(body.map((row) => (isBlank(row[c]) ? null : row[c]!)));
    fields.push(new Field(name, typed.type, true));
    children.push(columnData(typed));
  });
  const data = makeData({ type: new Struct(fields), length: body.length, nullCount: 0, children });
  return { columns, table: new Table([new RecordBatch(new Schema(fields), data)]) };
}

/** First non-blank row is the header; blank rows are skipped; short rows are padded with nulls. */
export function rowsToArrow(rows: readonly Cell[][]): SheetTable {
  const start = rows.findIndex((row) => !row.every(isBlank));
  if (start < 0) return { columns: [], table: new Table() };
  return cellsToArrow(rows[start]!, rows.slice(start + 1));
}
