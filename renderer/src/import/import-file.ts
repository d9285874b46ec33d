// File bytes → a DuckDB table. Decide how to read the file (sniff.ts: the same decisions the preview
// shows), read it into typed Arrow columns in JavaScript, hand DuckDB Arrow IPC, describe the result.
// Every failure becomes an ImportError with a code the UI turns into a Swedish sentence, and leaves
// no table behind.
import { Field, makeData, RecordBatch, Schema, Struct, Table, tableToIPC } from 'apache-arrow';
import { toRows, type Engine } from '../db/engine';
import { describeTable } from '../db/table-info';
import type { ColumnBuilder } from './column-builder';
import { toUtf8 } from './decode-text';
import {
  ImportError,
  type FileFormat,
  type ImportDeps,
  type ImportedTable,
  type ImportOptions,
  type ImportReport,
  type ImportSettings,
  type SheetInfo,
  type SourceFile,
} from './import-types';
import { parquetToIpc } from './parquet';
import { readDelimited } from './read-delimited';
import { cellsToArrow } from './rows-to-arrow';
import { planFile, type DelimitedPlan, type JsonPlan, type ParquetPlan, type XlsxPlan } from './sniff';
import { quoteIdent, tableNameFor } from './table-name';

export * from './import-types';
export { sniffFile, PREVIEW_ROWS } from './sniff';
export { MAX_LISTED_REJECTS } from './read-delimited';

/** `rad 7: 5 fält, rubriken har 4`: a rejected row as one line of Swedish for the report. */
export function describeRejected(row: { line: number; reason: string }): string {
  return `rad ${row.line}: ${row.reason}`;
}

/** DuckDB's messages are English and long; the first line is the useful part. */
function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const message = text.split('\n')[0]!.replace(/^\{.*"exception_message":"((?:[^"\\]|\\.)*)".*$/, '$1');
  return message.split('\\n')[0]!.slice(0, 200);
}

/** Running out of memory (JavaScript or WebAssembly) on a huge file is "too large", not a crash. */
function isOutOfMemory(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return /out of memory|allocation failed|invalid (typed )?array length|invalid string length|Array buffer allocation|Out of Memory/i.test(text);
}

/** Rows per Arrow batch handed to DuckDB (a multiple of 8, so validity bytes split cleanly). */
const BATCH_ROWS = 1 << 17;

interface Loaded {
  format: FileFormat;
  settings: ImportSettings;
  sheets: SheetInfo[];
  report: Omit<ImportReport, 'imported'>;
}

async function insertColumns(engine: Engine, table: string, names: string[], builders: ColumnBuilder[], rowCount: number) {
  const fields = names.map((name, i) => new Field(name, builders[i]!.type, true));
  const schema = new Schema(fields);
  for (let start = 0; start < rowCount; start += BATCH_ROWS) {
    const end = Math.min(start + BATCH_ROWS, rowCount);
    const children = builders.map((builder) => builder.slice(start, end));
    const batch = new RecordBatch(schema, makeData({ type: new Struct(fields), length: end - start, nullCount: 0, children }));
    const ipc = tableToIPC(new Table([batch]), 'stream');
    if (start === 0) await engine.insertArrowIpc(ipc, table);
    else await engine.appendArrowIpc(ipc, table);
  }
}

async function loadDelimited(engine: Engine, file: SourceFile, plan: DelimitedPlan, table: string): Promise<Loaded> {
  const read = readDelimited(toUtf8(file.bytes, plan.encoding), plan.delimiter, plan.headerRow);
  if (!read || read.columns.length === 0) throw new ImportError('no-rows', file.name);
  const rows = read.rowsRead - read.rejectedCount;
  if (rows === 0) throw new ImportError('no-rows', file.name);
  await insertColumns(engine, table, read.columns, read.builders, rows);
  return {
    format: 'csv',
    settings: { encoding: plan.encoding, delimiter: plan.delimiter, headerRow: plan.headerRow, sheet: null },
    sheets: [],
    report: { rowsRead: read.rowsRead, rejected: read.rejected, rejectedCount: read.rejectedCount },
  };
}

async function loadXlsx(engine: Engine, file: SourceFile, plan: XlsxPlan, table: string): Promise<Loaded> {
  const { sheet, headerRow } = plan;
  const arrow = cellsToArrow(sheet.rows[headerRow] ?? [], sheet.rows.slice(headerRow + 1));
  if (arrow.columns.length === 0 || arrow.table.numRows === 0) throw new ImportError('no-rows', file.name);
  await engine.insertArrowIpc(tableToIPC(arrow.table, 'stream'), table);
  return {
    format: 'xlsx',
    settings: { encoding: null, delimiter: null, headerRow, sheet: sheet.name },
    sheets: plan.sheets,
    report: { rowsRead: arrow.table.numRows, rejected: [], rejectedCount: 0 },
  };
}

async function loadJson(engine: Engine, file: SourceFile, plan: JsonPlan, table: string): Promise<Loaded> {
  const { columns, rows, rowsRead, rejected, rejectedCount } = plan.table;
  const arrow = cellsToArrow(columns, rows);
  if (arrow.columns.length === 0 || arrow.table.numRows === 0) throw new ImportError('no-rows', file.name);
  await engine.insertArrowIpc(tableToIPC(arrow.table, 'stream'), table);
  return {
    format: 'json',
    settings: { encoding: plan.encoding, delimiter: null, headerRow: null, sheet: null },
    sheets: [],
    report: { rowsRead, rejected, rejectedCount },
  };
}

async function loadParquet(engine: Engine, file: SourceFile, plan: ParquetPlan, table: string): Promise<Loaded> {
  let ipc: Uint8Array;
  try {
    ipc = await parquetToIpc(plan.loadParquet, file.bytes);
  } catch (error) {
    if (isOutOfMemory(error)) throw error;
    throw new ImportError('bad-parquet', file.name, error instanceof Error ? error.message : String(error));
  }
  await engine.insertArrowIpc(ipc, table);
  const info = await describeTable(engine, table);
  return {
    format: 'parquet',
    settings: { encoding: null, delimiter: null, headerRow: null, sheet: null },
    sheets: [],
    report: { rowsRead: info.rowCount, rejected: [], rejectedCount: 0 },
  };
}

/**
 * Loads one file into a new table whose name is not in `taken`, read as `options` say (anything not
 * given is detected, as sniffFile shows). Leaves no table behind on failure.
 */
export async function importFile(
  engine: Engine,
  file: SourceFile,
  taken: ReadonlySet<string>,
  options: ImportOptions = {},
  deps: ImportDeps = {},
): Promise<ImportedTable> {
  // A name no table has, even one the caller does not know about: so on failure, whatever table has
  // this name is ours to drop.
  const existing = toRows(await engine.query('SELECT table_name FROM duckdb_tables()')).map((row) => String(row.table_name).toLowerCase());
  const table = tableNameFor(file.name, new Set([...taken, ...existing]));
  let loaded: Loaded;
  try {
    const plan = await planFile(file, options, deps, false);
    switch (plan.format) {
      case 'csv':
        loaded = await loadDelimited(engine, file, plan, table);
        break;
      case 'xlsx':
        loaded = await loadXlsx(engine, file, plan, table);
        break;
      case 'json':
        loaded = await loadJson(engine, file, plan, table);
        break;
      default:
        loaded = await loadParquet(engine, file, plan, table);
    }
  } catch (error) {
    await removeTable(engine, table).catch(() => undefined);
    if (error instanceof ImportError) throw error;
    if (isOutOfMemory(error)) throw new ImportError('too-large', file.name, firstLine(error));
    if (error instanceof RangeError || error instanceof TypeError) throw error; // a bug or a bad option
    throw new ImportError('parse', file.name, firstLine(error));
  }
  const info = await describeTable(engine, table);
  if (info.rowCount === 0) {
    await removeTable(engine, table);
    throw new ImportError('no-rows', file.name);
  }
  return {
    table,
    fileName: file.name,
    byteSize: file.bytes.length,
    format: loaded.format,
    ...loaded.settings,
    ...info,
    sheets: loaded.sheets,
    report: { ...loaded.report, imported: info.rowCount },
  };
}

export async function removeTable(engine: Engine, table: string): Promise<void> {
  await engine.query(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
}
