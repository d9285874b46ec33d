// How to read a file, decided without the database: encoding, delimiter, sheet and header row
// (detected, or as the user chose), and a preview of the first rows. The import reads the file the
// same way, so what the preview shows is what gets imported. Text files are judged on a prefix
// (the first 256 kB, more only if needed), so a live preview stays fast on a 50 MB file.
import { DataType, tableFromIPC } from 'apache-arrow';
import { MAX_FILE_BYTES } from '../../../electron/shared/ipc-contract';
import { decodeAs, detectEncoding, NotTextError, toUtf8, type TextEncodingName } from './decode-text';
import { detectDelimiter, type Delimiter } from './detect-delimiter';
import { fileKind, isZip } from './file-kind';
import { combineHeaderRows, detectHeaderRow, detectTwoRowHeader } from './header-row';
import {
  ImportError,
  limitImportError,
  type FileFormat,
  type ImportDeps,
  type ImportOptions,
  type SheetInfo,
  type Sniffed,
  type SourceFile,
} from './import-types';
import { LimitError } from './limits';
import { looksLikeParquet, parquetToIpc, type LoadParquet } from './parquet';
import { HEADER_SEARCH_ROWS, previewDelimited } from './read-delimited';
import { JsonShapeError, readJson, type JsonTable } from './read-json';
import { readWorkbook, type Cell, type Sheet } from './read-xlsx';
import { isBlank, sheetLayout, toText } from './rows-to-arrow';

const PREVIEW_ROWS = 20;
const FIRST_PREFIX = 256 * 1024;
const MAX_PREFIX = 16 * 1024 * 1024;

/** The renderer's parquet-wasm, loaded on the first Parquet file only. */
export const defaultLoadParquet: LoadParquet = async () => (await import('./parquet-browser')).loadParquetBrowser();

export interface DelimitedPlan {
  format: 'csv';
  encoding: TextEncodingName;
  delimiter: Delimiter;
  headerRow: number;
  columns: string[];
  rows: string[][];
  topRows: string[][];
}

export interface XlsxPlan {
  format: 'xlsx';
  sheet: Sheet;
  sheets: SheetInfo[];
  /** The header's (top) row; with a two-row header the option names are in the row below. */
  headerRow: number;
  /** The column names as read: one row, or two combined (`question: option`). */
  header: Cell[];
  /** The first row below the header. */
  bodyStart: number;
}

export interface JsonPlan {
  format: 'json';
  encoding: TextEncodingName;
  table: JsonTable;
}

export interface ParquetPlan {
  format: 'parquet';
  loadParquet: LoadParquet;
}

export type Plan = DelimitedPlan | XlsxPlan | JsonPlan | ParquetPlan;

function checkHeaderRow(headerRow: number | undefined): void {
  if (headerRow !== undefined && !(Number.isInteger(headerRow) && headerRow >= 0)) {
    throw new RangeError(`headerRow must be a non-negative integer, got ${headerRow}`);
  }
}

function encodingOf(file: SourceFile, forced: TextEncodingName | undefined): TextEncodingName {
  if (forced) return forced;
  try {
    return detectEncoding(file.bytes);
  } catch (error) {
    if (error instanceof NotTextError) throw new ImportError('binary', file.name);
    throw error;
  }
}

function isBlankText(utf8: Uint8Array): boolean {
  for (const b of utf8) if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  return true;
}

const decoder = new TextDecoder();

/** `preview`: the first data rows are wanted too, not only the header (the import needs only that). */
function planDelimited(file: SourceFile, options: ImportOptions, preview: boolean): DelimitedPlan {
  const encoding = encodingOf(file, options.encoding);
  const { bytes } = file;
  for (let size = FIRST_PREFIX; ; size *= 4) {
    const complete = size >= bytes.length;
    const utf8 = complete ? toUtf8(bytes, encoding) : toUtf8(bytes.subarray(0, size), encoding, true);
    if (complete && isBlankText(utf8)) throw new ImportError('empty', file.name);
    const delimiter = options.delimiter ?? detectDelimiter(decoder.decode(utf8.subarray(0, 1024 * 1024)));
    const seen = previewDelimited(utf8, delimiter, complete, options.headerRow, PREVIEW_ROWS);
    const headerFound = options.headerRow !== undefined || seen.topRows.length >= HEADER_SEARCH_ROWS;
    if ((preview ? seen.enough : headerFound) || complete || size >= MAX_PREFIX) {
      const { headerRow, columns, rows, topRows } = seen;
      return { format: 'csv', encoding, delimiter, headerRow, columns, rows, topRows };
    }
  }
}

function nonBlankRows(rows: readonly (readonly Cell[])[]): number {
  return rows.filter((row) => !row.every(isBlank)).length;
}

async function planXlsx(file: SourceFile, options: ImportOptions): Promise<XlsxPlan> {
  if (!isZip(file.bytes)) throw new ImportError('bad-xlsx', file.name);
  let workbook: Sheet[];
  try {
    workbook = await readWorkbook(file.bytes);
  } catch (error) {
    if (error instanceof LimitError) throw error; // planFile names the limit
    throw new ImportError('bad-xlsx', file.name, error instanceof Error ? error.message : '');
  }
  const sheets = workbook.map((sheet) => ({ name: sheet.name, rowCount: nonBlankRows(sheet.rows) }));
  let sheet: Sheet | undefined;
  if (options.sheet !== undefined) {
    sheet = workbook.find((s) => s.name === options.sheet);
    if (!sheet) throw new ImportError('sheet-not-found', file.name, options.sheet);
  } else {
    // The sheet holding the most table rows: survey tools and hand-made reports put an "Information"
    // or "Läs mig" sheet of notes before the answers, and workbooks often start with an empty "Blad1".
    // (Whether it names units is for the domain to check: importAnswers in model/load-source.ts.)
    const rows = workbook.map(tableRows);
    const best = Math.max(...rows);
    sheet = workbook.find((_, i) => rows[i] === best && best > 0) ?? workbook.find((_, i) => sheets[i]!.rowCount > 0) ?? workbook[0];
  }
  if (!sheet || nonBlankRows(sheet.rows) === 0) throw new ImportError('empty', file.name);
  return { format: 'xlsx', sheet, sheets, ...sheetHeader(sheet, options.headerRow) };
}

/** Where a sheet's header is (detected unless given), and its names, a two-row header combined. */
function sheetHeader(sheet: Sheet, given: number | undefined): { headerRow: number; header: Cell[]; bodyStart: number } {
  const found = given ?? detectHeaderRow(sheet.rows.slice(0, HEADER_SEARCH_ROWS));
  const top = given === undefined ? detectTwoRowHeader(sheet.rows, found) : detectTwoRowHeader(sheet.rows, given + 1) === given ? given : null;
  if (top === null) return { headerRow: found, header: [...(sheet.rows[found] ?? [])], bodyStart: found + 1 };
  return { headerRow: top, header: combineHeaderRows(sheet.rows[top]!, sheet.rows[top + 1]!), bodyStart: top + 2 };
}

/** Rows below the detected header with at least two values: how much of a table a sheet holds. */
function tableRows(sheet: Sheet): number {
  const { bodyStart, header } = sheetHeader(sheet, undefined);
  if (header.filter((cell) => !isBlank(cell)).length < 2) return 0;
  return sheet.rows.slice(bodyStart).filter((row) => row.filter((cell) => !isBlank(cell)).length >= 2).length;
}

function planJson(file: SourceFile, options: ImportOptions): JsonPlan {
  const encoding = encodingOf(file, options.encoding);
  const text = decodeAs(file.bytes, encoding);
  if (text.trim() === '') throw new ImportError('empty', file.name);
  try {
    return { format: 'json', encoding, table: readJson(text, /\.(ndjson|jsonl)$/i.test(file.name)) };
  } catch (error) {
    if (error instanceof JsonShapeError) throw new ImportError(error.code, file.name, error.message);
    throw error;
  }
}

/**
 * Reads what is needed to know how to import the file (and, with `preview`, to show its first rows).
 * Throws ImportError for a file we cannot read, or one past a resource limit (limits.ts): a CSV's
 * header wider than MAX_COLUMNS is refused here, before any column is made.
 */
export async function planFile(file: SourceFile, options: ImportOptions = {}, deps: ImportDeps = {}, preview = true): Promise<Plan> {
  try {
    return await planFormat(file, options, deps, preview);
  } catch (error) {
    if (error instanceof LimitError) throw limitImportError(error, file.name);
    throw error;
  }
}

async function planFormat(file: SourceFile, options: ImportOptions, deps: ImportDeps, preview: boolean): Promise<Plan> {
  checkHeaderRow(options.headerRow);
  const kind = fileKind(file.name);
  if (kind === 'unsupported') throw new ImportError('unsupported', file.name);
  if (file.bytes.length > MAX_FILE_BYTES) throw new ImportError('too-large', file.name);
  if (file.bytes.length === 0) throw new ImportError('empty', file.name);
  switch (kind) {
    case 'xlsx':
      return planXlsx(file, options);
    case 'json':
      return planJson(file, options);
    case 'parquet':
      if (!looksLikeParquet(file.bytes)) throw new ImportError('bad-parquet', file.name);
      return { format: 'parquet', loadParquet: deps.loadParquet ?? defaultLoadParquet };
    default:
      return planDelimited(file, options, preview);
  }
}

/** A cell as the preview shows it: dates at midnight without a time. */
function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date && cell.getTime() % 86_400_000 === 0) return cell.toISOString().slice(0, 10);
  return toText(cell);
}

function arrowValueText(value: unknown, type: DataType): string {
  if (value === null || value === undefined) return '';
  if (DataType.isDate(type) && typeof value === 'number') return new Date(value).toISOString().slice(0, 10);
  if (DataType.isTimestamp(type) && typeof value === 'number') return toText(new Date(value));
  if (value instanceof Date) return toText(value);
  if (typeof value === 'object') return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
  return String(value);
}

async function parquetPreview(plan: ParquetPlan, file: SourceFile): Promise<{ columns: string[]; rows: string[][] }> {
  let ipc: Uint8Array;
  try {
    ipc = await parquetToIpc(plan.loadParquet, file.bytes, PREVIEW_ROWS);
  } catch (error) {
    throw new ImportError('bad-parquet', file.name, error instanceof Error ? error.message : String(error));
  }
  const table = tableFromIPC(ipc);
  const columns = table.schema.fields.map((field) => field.name);
  const vectors = columns.map((_, i) => table.getChildAt(i)!);
  const rows = Array.from({ length: Math.min(table.numRows, PREVIEW_ROWS) }, (_, r) =>
    vectors.map((vector) => arrowValueText(vector.get(r), vector.type)),
  );
  return { columns, rows };
}

/** What the file holds and how it would be read, without touching the database (for a live preview). */
export async function sniffFile(file: SourceFile, options: ImportOptions = {}, deps: ImportDeps = {}): Promise<Sniffed> {
  const plan = await planFile(file, options, deps);
  const none = { encoding: null, delimiter: null, headerRow: null, sheet: null, sheets: [], topRows: [] };
  switch (plan.format) {
    case 'csv': {
      const { encoding, delimiter, headerRow, columns, rows, topRows } = plan;
      return { ...none, format: 'csv', encoding, delimiter, headerRow, columns, rows, topRows };
    }
    case 'xlsx': {
      const { sheet, sheets, headerRow, header, bodyStart } = plan;
      const { columns, indices, body } = sheetLayout(header, sheet.rows.slice(bodyStart));
      return {
        ...none,
        format: 'xlsx',
        headerRow,
        sheet: sheet.name,
        sheets,
        columns,
        rows: body.slice(0, PREVIEW_ROWS).map((row) => indices.map((c) => cellText(row[c]))),
        topRows: sheet.rows.slice(0, HEADER_SEARCH_ROWS).map((row) => row.map(cellText)),
      };
    }
    case 'json': {
      const { columns, rows } = plan.table;
      return { ...none, format: 'json', encoding: plan.encoding, columns, rows: rows.slice(0, PREVIEW_ROWS).map((row) => row.map(cellText)) };
    }
    default:
      return { ...none, format: 'parquet' as FileFormat, ...(await parquetPreview(plan, file)) };
  }
}
