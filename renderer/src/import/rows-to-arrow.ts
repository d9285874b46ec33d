// Rows of spreadsheet cells → an Arrow table with one type per column, in the sheet's column order.
// Arrow (not JSON) because DuckDB's JSON reader sorts columns by name and guesses types per value.
// The buffers are built by hand: apache-arrow's builders compile their null check with `new Function`,
// which the app's Content-Security-Policy (rightly) forbids.
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
  type Data,
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

/** Validity bitmap (bit set = value present) and the null count, as Arrow stores them. */
function validity(values: readonly (Cell | null)[]): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  values.forEach((value, i) => {
    if (value === null) nullCount++;
    else nullBitmap[i >> 3]! |= 1 << (i & 7);
  });
  return { nullBitmap, nullCount };
}

/** One column's Arrow data, typed as `columnType` decided. */
function columnData(type: DataType, values: readonly (Cell | null)[]): Data {
  const length = values.length;
  const { nullBitmap, nullCount } = validity(values);
  if (type instanceof Int32) return makeData({ type, length, nullCount, nullBitmap, data: Int32Array.from(values, (v) => (v as number | null) ?? 0) });
  if (type instanceof Float64) return makeData({ type, length, nullCount, nullBitmap, data: Float64Array.from(values, (v) => (v as number | null) ?? 0) });
  if (type instanceof TimestampMillisecond) {
    const data = BigInt64Array.from(values, (v) => BigInt(v instanceof Date ? v.getTime() : 0));
    return makeData({ type, length, nullCount, nullBitmap, data });
  }
  if (type instanceof Bool) {
    const data = new Uint8Array(Math.ceil(length / 8));
    values.forEach((v, i) => {
      if (v === true) data[i >> 3]! |= 1 << (i & 7);
    });
    return makeData({ type, length, nullCount, nullBitmap, data });
  }
  const encoder = new TextEncoder();
  const encoded = values.map((v) => (v === null ? new Uint8Array() : encoder.encode(toText(v))));
  const valueOffsets = new Int32Array(length + 1);
  encoded.forEach((bytes, i) => (valueOffsets[i + 1] = valueOffsets[i]! + bytes.length));
  const data = new Uint8Array(valueOffsets[length]!);
  encoded.forEach((bytes, i) => data.set(bytes, valueOffsets[i]!));
  return makeData({ type: type as Utf8, length, nullCount, nullBitmap, valueOffsets, data });
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
    return columnData(type, cells);
  });
  const data = makeData({ type: new Struct(fields), length: body.length, nullCount: 0, children });
  return { columns, table: new Table([new RecordBatch(new Schema(fields), data)]) };
}
