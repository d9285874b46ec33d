// Rows of spreadsheet cells → an Arrow table with one type per column, in the sheet's column order.
// Arrow (not JSON) because DuckDB's JSON reader sorts columns by name and guesses types per value.
import {
  Bool,
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
  vectorFromArray,
  type DataType,
} from 'apache-arrow';
import type { Cell } from './read-xlsx';

/** Header cells → unique, non-empty column names (`kolumn_3` for a blank, `Namn_2` for a repeat). */
export function uniqueHeaders(header: readonly Cell[], width: number): string[] {
  const seen = new Map<string, number>();
  const names: string[] = [];
  for (let i = 0; i < width; i++) {
    const raw = header[i];
    const text = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw ?? '').trim();
    const base = text === '' ? `kolumn_${i + 1}` : text;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    names.push(count === 1 ? base : `${base}_${count}`);
  }
  return names;
}

function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** The narrowest type that holds every non-blank value; a column mixing kinds becomes text. */
function columnType(values: readonly Cell[]): DataType {
  const present = values.filter((v) => !isBlank(v));
  if (present.length === 0) return new Utf8();
  if (present.every((v) => typeof v === 'number')) {
    const isInt32 = present.every((v) => Number.isInteger(v) && Math.abs(v as number) < 2 ** 31);
    return isInt32 ? new Int32() : new Float64();
  }
  if (present.every((v) => typeof v === 'boolean')) return new Bool();
  if (present.every((v) => v instanceof Date)) return new TimestampMillisecond();
  return new Utf8();
}

function toText(cell: Cell): string {
  return cell instanceof Date ? cell.toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, '') : String(cell);
}

export interface SheetTable {
  columns: string[];
  table: Table;
}

/** First non-blank row is the header; blank rows are skipped; short rows are padded with nulls. */
export function rowsToArrow(rows: readonly Cell[][]): SheetTable {
  const nonBlank = rows.filter((row) => !row.every(isBlank));
  const [header, ...body] = nonBlank;
  if (!header) return { columns: [], table: new Table() };
  const width = Math.max(...nonBlank.map((row) => row.length));
  const columns = uniqueHeaders(header, width);
  const fields: Field[] = [];
  const children = columns.map((name, c) => {
    const cells = body.map((row) => (isBlank(row[c]) ? null : row[c]!));
    const type = columnType(cells);
    fields.push(new Field(name, type, true));
    const values = type instanceof Utf8 ? cells.map((v) => (v === null ? null : toText(v))) : cells;
    return vectorFromArray(values as unknown[], type).data[0]!;
  });
  const data = makeData({ type: new Struct(fields), length: body.length, nullCount: 0, children });
  return { columns, table: new Table([new RecordBatch(new Schema(fields), data)]) };
}
