// The import's vocabulary, shared by sniffing (no database) and importing.
import type { ColumnInfo } from '../db/table-info';
import type { TextEncodingName } from './decode-text';
import type { Delimiter } from './detect-delimiter';
import { LIMITS, type LimitCode, type LimitError } from './limits';
import type { LoadParquet } from './parquet';
import type { RejectedRow } from './read-delimited';

export type { RejectedRow } from './read-delimited';

/**
 * Every code the UI turns into a Swedish sentence. `detail` (English or technical) may say more.
 * - unsupported: not a file type we read · empty: nothing in it · no-rows: a header but no data row
 *   (or every row rejected) · too-large: over the size limit or out of memory · binary: not text
 * - bad-xlsx: not a readable XLSX · sheet-not-found: the chosen sheet is not in the workbook
 * - bad-parquet: not a readable Parquet file · bad-json: not valid JSON · json-not-table: valid JSON
 *   but not an array of objects (nor one object per line) · parse: the database refused the data
 * - a resource limit passed (limits.ts; `detail` is the limit, as digits): too-many-columns: a row wider
 *   than Excel's 16,384 columns · field-too-long: a CSV field over 1 MB · cell-too-long: an XLSX cell
 *   over Excel's 32,767 characters · unzipped-too-large: an XLSX unzipping to more than the cap (bytes)
 *   · unzip-ratio: an XLSX unzipping to more than so many times its size (a zip bomb) · too-many-cells:
 *   a sheet's rows × columns over the cap · too-deep: JSON nested deeper than the cap
 */
export type ImportErrorCode =
  | 'unsupported'
  | 'empty'
  | 'no-rows'
  | 'too-large'
  | 'binary'
  | 'bad-xlsx'
  | 'sheet-not-found'
  | 'bad-parquet'
  | 'bad-json'
  | 'json-not-table'
  | 'parse'
  | LimitCode;

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

/** The ImportError for a passed limit (limits.ts), its `detail` the limit. */
export function limitImportError(error: LimitError, fileName: string): ImportError {
  return new ImportError(error.code, fileName, String(LIMITS[error.code]));
}

export type FileFormat = 'csv' | 'xlsx' | 'parquet' | 'json';

export interface SourceFile {
  name: string;
  bytes: Uint8Array;
}

/** What the user may override; anything left out is detected. */
export interface ImportOptions {
  delimiter?: Delimiter;
  encoding?: TextEncodingName;
  /** 0-based index of the header row among the file's rows (blank rows count) or the sheet's rows. */
  headerRow?: number;
  /** Sheet name (XLSX). */
  sheet?: string;
}

/** How the file was read: detected, or as overridden. Null where it does not apply to the format. */
interface ImportSettings {
  encoding: TextEncodingName | null;
  delimiter: Delimiter | null;
  headerRow: number | null;
  sheet: string | null;
}

export interface SheetInfo {
  name: string;
  /** Rows that are not blank, header and titles included. */
  rowCount: number;
}

/** Platform pieces the caller injects (defaults suit the renderer). */
export interface ImportDeps {
  loadParquet?: LoadParquet;
  /**
   * Reads the file into Arrow batches: `parseFile`, in the calling thread, unless given. The app
   * passes `parseInWorker`, so a big file never holds up the window.
   */
  parse?: ParseFile;
  /** Hears how far the import has come, 0 to 1: rising, and 1 once the table is loaded. */
  onProgress?: (fraction: number) => void;
  /**
   * Makes text that is not UTF-8 UTF-8 for DuckDB (`toUtf8` in the calling thread unless given). The app
   * passes `transcodeInWorker`, so a big Windows-1252 file never holds up the window.
   */
  transcode?: (bytes: Uint8Array, encoding: TextEncodingName) => Promise<Uint8Array>;
  /** Aborted: the import stops at its next step, leaves no table behind and throws ImportCancelled. */
  signal?: AbortSignal;
}

/** The file read, ready for the database: everything the import needs, and no engine was used. */
export interface ParsedFile {
  format: FileFormat;
  settings: ImportSettings;
  sheets: SheetInfo[];
  report: Omit<ImportReport, 'imported'>;
  /** The text above the header (SCB's `Folkmängd efter region, ålder och år`): what a table says it holds. */
  title: string;
  /**
   * The data as Arrow IPC streams with one schema, in order: the first creates the table, the others
   * are appended. Each owns its ArrayBuffer, so it can be transferred to a worker.
   */
  batches: Uint8Array[];
}

/** A file's bytes → ParsedFile; `onProgress` hears 0 to 1, rising. */
export type ParseFile = (
  file: SourceFile,
  options: ImportOptions,
  deps: ImportDeps,
  onProgress?: (fraction: number) => void,
) => Promise<ParsedFile>;

interface ImportReport {
  /** Data rows read below the header (blank rows not counted): imported + rejected. */
  rowsRead: number;
  imported: number;
  /** Rejected rows, in file order; at most MAX_LISTED_REJECTS of them (rejectedCount has them all). */
  rejected: RejectedRow[];
  rejectedCount: number;
}

export interface Sniffed extends ImportSettings {
  format: FileFormat;
  /** XLSX: every sheet; otherwise empty. */
  sheets: SheetInfo[];
  /** The column names the import will use, in order. */
  columns: string[];
  /** The first data rows (up to 20), values as written in the file. */
  rows: string[][];
  /** The first rows of the file or sheet as they are, header and title rows included (CSV, XLSX). */
  topRows: string[][];
}

export interface ImportedTable extends ImportSettings {
  table: string;
  fileName: string;
  byteSize: number;
  format: FileFormat;
  rowCount: number;
  columns: ColumnInfo[];
  sheets: SheetInfo[];
  report: ImportReport;
  /** The text above the header, as ParsedFile has it. */
  title: string;
}
