// A workbook, JSON or Parquet file's bytes → Arrow IPC batches, without the database: decide how to read the file (sniff.ts: the
// same decisions the preview shows), read it into typed Arrow columns, and describe what was read.
// Needs no engine and no DOM, so the app runs it in a worker (parse-worker.ts) while the window stays
// responsive; tests and the command line run it in their own thread. import-file.ts inserts the result.
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { ImportError, limitImportError, type ImportDeps, type ImportOptions, type ParsedFile, type SourceFile } from './import-types';
import { LimitError } from './limits';
import { parquetToIpc } from './parquet';
import { cellsToArrow } from './rows-to-arrow';
import { stripXmlForbidden } from '../safe-text';
import { planFile, type JsonPlan, type ParquetPlan, type XlsxPlan } from './sniff';

type Progress = (fraction: number) => void;

/** DuckDB's messages are English and long; the first line is the useful part. */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const message = text.split('\n')[0]!.replace(/^\{.*"exception_message":"((?:[^"\\]|\\.)*)".*$/, '$1');
  return message.split('\\n')[0]!.slice(0, 200);
}

/** Running out of memory (JavaScript or WebAssembly) on a huge file is "too large", not a crash. */
export function isOutOfMemory(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return /out of memory|allocation failed|invalid (typed )?array length|invalid string length|Array buffer allocation|Out of Memory/i.test(text);
}

/** `report`, but never backwards and never the same value twice (callers may post each one). */
export function risingProgress(report: Progress | undefined): Progress {
  let last = -1;
  return (fraction) => {
    const value = Math.min(1, Math.max(0, fraction));
    if (!report || value <= last) return;
    last = value;
    report(value);
  };
}

/** The non-blank cells of the rows above the header, one line: a table's title and subtitle. */
export function titleText(rows: readonly (readonly string[])[]): string {
  return rows
    .flatMap((row) => row.map((cell) => stripXmlForbidden(cell).trim()).filter((cell) => cell !== ''))
    .join(' ')
    .slice(0, 1000);
}

function parseXlsx(file: SourceFile, plan: XlsxPlan): ParsedFile {
  const { sheet, headerRow, header, bodyStart } = plan;
  const arrow = cellsToArrow(header, sheet.rows.slice(bodyStart));
  if (arrow.columns.length === 0 || arrow.table.numRows === 0) throw new ImportError('no-rows', file.name);
  return {
    format: 'xlsx',
    settings: { encoding: null, delimiter: null, headerRow, sheet: sheet.name },
    sheets: plan.sheets,
    report: { rowsRead: arrow.table.numRows, rejected: [], rejectedCount: 0 },
    title: titleText(sheet.rows.slice(0, headerRow).map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : String(cell))))),
    batches: [tableToIPC(arrow.table, 'stream')],
  };
}

function parseJson(file: SourceFile, plan: JsonPlan): ParsedFile {
  const { columns, rows, rowsRead, rejected, rejectedCount } = plan.table;
  const arrow = cellsToArrow(columns, rows);
  if (arrow.columns.length === 0 || arrow.table.numRows === 0) throw new ImportError('no-rows', file.name);
  return {
    format: 'json',
    settings: { encoding: plan.encoding, delimiter: null, headerRow: null, sheet: null },
    sheets: [],
    title: '',
    report: { rowsRead, rejected, rejectedCount },
    batches: [tableToIPC(arrow.table, 'stream')],
  };
}

async function parseParquet(file: SourceFile, plan: ParquetPlan): Promise<ParsedFile> {
  let ipc: Uint8Array;
  try {
    ipc = await parquetToIpc(plan.loadParquet, file.bytes);
  } catch (error) {
    if (isOutOfMemory(error)) throw error;
    throw new ImportError('bad-parquet', file.name, error instanceof Error ? error.message : String(error));
  }
  return {
    format: 'parquet',
    settings: { encoding: null, delimiter: null, headerRow: null, sheet: null },
    sheets: [],
    title: '',
    // Reading the stream's batch headers counts the rows; the values are not copied.
    report: { rowsRead: tableFromIPC(ipc).numRows, rejected: [], rejectedCount: 0 },
    batches: [ipc],
  };
}

/**
 * Reads one file, as `options` say (anything not given is detected, as sniffFile shows), into Arrow
 * IPC batches ready for `importFile` to insert. Throws ImportError for a file that cannot be read
 * (running out of memory is 'too-large', a resource limit passed its own code, limits.ts); any other
 * error is a bug or a bad option.
 * `onProgress` hears 0 to 1, rising: a CSV about every megabyte, other formats at start and end.
 */
export async function parseFile(file: SourceFile, options: ImportOptions = {}, deps: ImportDeps = {}, onProgress?: Progress): Promise<ParsedFile> {
  const progress = risingProgress(onProgress);
  progress(0);
  try {
    const plan = await planFile(file, options, deps, false);
    let parsed: ParsedFile;
    switch (plan.format) {
      case 'csv':
        throw new RangeError('delimited text is read by DuckDB (load-delimited.ts), not parsed here');
      case 'xlsx':
        parsed = parseXlsx(file, plan);
        break;
      case 'json':
        parsed = parseJson(file, plan);
        break;
      default:
        parsed = await parseParquet(file, plan);
    }
    progress(1);
    return parsed;
  } catch (error) {
    if (error instanceof ImportError) throw error;
    if (error instanceof LimitError) throw limitImportError(error, file.name);
    if (isOutOfMemory(error)) throw new ImportError('too-large', file.name, firstLine(error));
    throw error;
  }
}
