// File bytes → a DuckDB table. The shell's first pipeline: decode, detect, load, describe.
// Every failure becomes an ImportError with a code the UI turns into a Swedish sentence.
import { tableToIPC } from 'apache-arrow';
import { MAX_FILE_BYTES } from '../../../electron/shared/ipc-contract';
import type { Engine } from '../db/engine';
import { describeTable, type ColumnInfo } from '../db/table-info';
import { decodeText, NotTextError, type TextEncodingName } from './decode-text';
import { detectDelimiter, type Delimiter } from './detect-delimiter';
import { fileKind, isZip } from './file-kind';
import { readFirstSheet } from './read-xlsx';
import { rowsToArrow } from './rows-to-arrow';
import { quoteIdent, tableNameFor } from './table-name';

export type ImportErrorCode = 'unsupported' | 'empty' | 'no-rows' | 'too-large' | 'binary' | 'bad-xlsx' | 'parse';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly fileName: string,
    readonly detail = '',
  ) {
    super(`${fileName}: ${code}${detail ? ` (${detail})` : ''}`);
    this.name = 'ImportError';
  }
}

export interface ImportedTable {
  table: string;
  fileName: string;
  byteSize: number;
  format: 'csv' | 'xlsx';
  encoding: TextEncodingName | null;
  delimiter: Delimiter | null;
  rowCount: number;
  columns: ColumnInfo[];
}

export interface SourceFile {
  name: string;
  bytes: Uint8Array;
}

/** DuckDB's messages are English and long; the first line is the useful part. */
function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.replace(/^\{.*"exception_message":"([^"]*)".*$/, '$1').slice(0, 200);
}

async function loadDelimited(engine: Engine, file: SourceFile, table: string) {
  let decoded;
  try {
    decoded = decodeText(file.bytes);
  } catch (error) {
    if (error instanceof NotTextError) throw new ImportError('binary', file.name);
    throw error;
  }
  if (decoded.text.trim() === '') throw new ImportError('empty', file.name);
  const delimiter = detectDelimiter(decoded.text);
  const registered = `${table}.csv`;
  await engine.registerText(registered, decoded.text);
  try {
    // Decimal comma only where it cannot be the delimiter. null_padding keeps short rows instead of
    // failing the file; the import issue replaces this with a per-row rejection report.
    await engine.query(
      `CREATE TABLE ${quoteIdent(table)} AS SELECT * FROM read_csv(?, delim = ?, header = true, decimal_separator = ?, null_padding = true)`,
      [registered, delimiter, delimiter === ',' ? '.' : ','],
    );
  } catch (error) {
    throw new ImportError('parse', file.name, firstLine(error));
  } finally {
    await engine.dropFile(registered);
  }
  return { format: 'csv' as const, encoding: decoded.encoding, delimiter };
}

async function loadXlsx(engine: Engine, file: SourceFile, table: string) {
  if (!isZip(file.bytes)) throw new ImportError('bad-xlsx', file.name);
  let rows;
  try {
    rows = await readFirstSheet(file.bytes);
  } catch {
    throw new ImportError('bad-xlsx', file.name);
  }
  const sheet = rowsToArrow(rows);
  if (sheet.columns.length === 0) throw new ImportError('empty', file.name);
  if (sheet.table.numRows === 0) throw new ImportError('no-rows', file.name);
  try {
    await engine.insertArrowIpc(tableToIPC(sheet.table, 'stream'), table);
  } catch (error) {
    throw new ImportError('parse', file.name, firstLine(error));
  }
  return { format: 'xlsx' as const, encoding: null, delimiter: null };
}

/** Loads one file into a new table whose name is not in `taken`. Leaves no table behind on failure. */
export async function importFile(engine: Engine, file: SourceFile, taken: ReadonlySet<string>): Promise<ImportedTable> {
  const kind = fileKind(file.name);
  if (kind === 'unsupported') throw new ImportError('unsupported', file.name);
  if (file.bytes.length > MAX_FILE_BYTES) throw new ImportError('too-large', file.name);
  if (file.bytes.length === 0) throw new ImportError('empty', file.name);

  const table = tableNameFor(file.name, taken);
  const loaded = kind === 'xlsx' ? await loadXlsx(engine, file, table) : await loadDelimited(engine, file, table);
  const info = await describeTable(engine, table);
  if (info.rowCount === 0) {
    await engine.query(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
    throw new ImportError('no-rows', file.name);
  }
  return { table, fileName: file.name, byteSize: file.bytes.length, ...loaded, ...info };
}

export async function removeTable(engine: Engine, table: string): Promise<void> {
  await engine.query(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
}
