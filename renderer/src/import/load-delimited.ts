// Delimited text → a DuckDB table, read by DuckDB's own CSV reader. JavaScript decides only what the
// reader cannot (sniff.ts: encoding, delimiter and header row, on a prefix); DuckDB reads every row as
// text, and one SQL step types the columns (type-columns.ts). A file DuckDB would reject rows of (a
// ragged row, a broken quote) is walked by the app's own rules instead (read-delimited.ts regularRows),
// so each rejected row keeps its line number and Swedish reason, and the rows kept are read by DuckDB.
import { toRows, type Engine } from '../db/engine';
import { quoteIdent } from '../db/table-name';
import type { Delimiter } from './detect-delimiter';
import { ImportError, type RejectedRow } from './import-types';
import { MAX_CSV_FIELD_BYTES } from './limits';
import { readHeader, regularRows } from './read-delimited';
import { uniqueHeaders } from './rows-to-arrow';
import { typeColumns } from './type-columns';

interface DelimitedLoad {
  rowsRead: number;
  rejected: RejectedRow[];
  rejectedCount: number;
}

/** Bytes handed to DuckDB at a time: progress between them, and never the whole file twice in memory. */
export const CHUNK_BYTES = 8 * 1024 * 1024;

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const REJECTS = 'mk_import_rejects';
const REJECT_SCANS = 'mk_import_reject_scans';

/** The file ends its lines with a lone CR somewhere (old Mac exports, or a mix): DuckDB expects LF or CRLF. */
function hasLoneCr(bytes: Uint8Array): boolean {
  for (let i = bytes.indexOf(CR); i >= 0; i = bytes.indexOf(CR, i + 1)) if (bytes[i + 1] !== LF) return true;
  return false;
}

/**
 * The body cut into pieces of about CHUNK_BYTES at line ends. Only a file without quotes can be cut
 * blindly (a quoted field may hold a line break); one with quotes is one piece.
 */
function pieces(body: Uint8Array): Uint8Array[] {
  if (body.length <= CHUNK_BYTES || body.indexOf(QUOTE) >= 0) return [body];
  const out: Uint8Array[] = [];
  let start = 0;
  while (start < body.length) {
    let end = Math.min(start + CHUNK_BYTES, body.length);
    if (end < body.length) {
      const lf = body.indexOf(LF, end);
      end = lf < 0 ? body.length : lf + 1;
    }
    out.push(body.subarray(start, end));
    start = end;
  }
  return out;
}

/** Staging column names no header name can clash with: `c0`, `c1` … after a prefix no name starts with. */
function stagingNames(names: readonly string[]): string[] {
  let prefix = 'mk_c';
  while (names.some((name) => name.toLowerCase().startsWith(prefix))) prefix += '_';
  return names.map((_, i) => `${prefix}${i}`);
}

interface Reader {
  engine: Engine;
  table: string;
  delimiter: Delimiter;
  columns: string[];
}

/** How the records of `bytes` end: DuckDB must be told (it guesses even when asked not to), and it takes one kind only. */
function newLineOf(bytes: Uint8Array): '\\n' | '\\r\\n' {
  const lf = bytes.indexOf(LF);
  return lf > 0 && bytes[lf - 1] === CR ? '\\r\\n' : '\\n';
}

/**
 * Reads `bytes` (UTF-8 records, no header) into the table: created by the first piece, appended to
 * after. Every value is text. Returns how many rows DuckDB rejected (0: all read).
 */
async function readPiece(reader: Reader, bytes: Uint8Array, first: boolean, newLine = newLineOf(bytes), maxLine = MAX_CSV_FIELD_BYTES): Promise<number> {
  const { engine, table, delimiter, columns } = reader;
  const file = `mk_import_${table}.csv`;
  // DuckDB gets its own copy: registering transfers the buffer, and the caller keeps the file.
  await engine.registerBuffer(file, bytes.slice());
  try {
    // Every option given, nothing sniffed: DuckDB's sniffer chose `|` over `;` on a 3-line file. The
    // delimiter, file name and column names are the app's own (sniff.ts, tableNameFor, stagingNames),
    // never text from the file.
    // A line over `maxLine` makes DuckDB stop; the walk then applies the app's limit to each field.
    const types = `{${columns.map((c) => `'${c}': 'VARCHAR'`).join(', ')}}`;
    const read = `read_csv('${file}', delim = '${delimiter}', quote = '"', escape = '"', new_line = '${newLine}', header = false,
      auto_detect = false, columns = ${types}, null_padding = false, max_line_size = ${maxLine},
      store_rejects = true, rejects_table = '${REJECTS}', rejects_scan = '${REJECT_SCANS}')`;
    await engine.query(first ? `CREATE TABLE ${quoteIdent(table)} AS SELECT * FROM ${read}` : `INSERT INTO ${quoteIdent(table)} SELECT * FROM ${read}`);
    const [row] = toRows(await engine.query(`SELECT count(*)::INTEGER AS n FROM ${REJECTS}`));
    return Number(row?.n ?? 0);
  } finally {
    await engine.dropFile(file);
    await engine.query(`DROP TABLE IF EXISTS ${REJECTS}; DROP TABLE IF EXISTS ${REJECT_SCANS}`);
  }
}

/**
 * Drops the rows with nothing but blanks (`;;`, `; ;`), which the app's reader skips as blank lines, and
 * counts the rest. A blank row has a blank first field: only if some row has one is the table searched.
 */
async function dropBlankRows(reader: Reader): Promise<number> {
  const { engine, table, columns } = reader;
  const blank = (c: string) => `coalesce(trim(${quoteIdent(c)}, ' \t'), '') = ''`;
  const [counts] = toRows(await engine.query(`SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE ${blank(columns[0]!)})::INTEGER AS maybe FROM ${quoteIdent(table)}`));
  if (Number(counts?.maybe ?? 0) === 0) return Number(counts?.n ?? 0);
  await engine.query(`DELETE FROM ${quoteIdent(table)} WHERE ${columns.map(blank).join(' AND ')}`);
  const [row] = toRows(await engine.query(`SELECT count(*)::INTEGER AS n FROM ${quoteIdent(table)}`));
  return Number(row?.n ?? 0);
}

/** A User Timing mark: the benchmark splits an import into its steps with them (bench/chromium.ts). */
export function mark(name: string): void {
  globalThis.performance?.mark?.(name);
}

/** Cancelled by the user: the caller removes the table. */
export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'ImportCancelled';
  }
}

/**
 * Loads the delimited text `utf8` into new table `table`, header at record `headerRow`, then types
 * its columns. The caller drops the table should this fail. `progress` hears 0 to 1 as the file is
 * read; `signal` stops the work between pieces (ImportCancelled).
 */
export async function loadDelimited(
  engine: Engine,
  table: string,
  fileName: string,
  utf8: Uint8Array,
  delimiter: Delimiter,
  headerRow: number,
  progress: (fraction: number) => void = () => undefined,
  signal?: AbortSignal,
): Promise<DelimitedLoad> {
  const header = readHeader(utf8, delimiter, headerRow);
  if (!header || header.names.length === 0) throw new ImportError('no-rows', fileName);
  const names = uniqueHeaders(header.names, header.names.length);
  const reader: Reader = { engine, table, delimiter, columns: stagingNames(names) };
  const body = utf8.subarray(header.dataStart);

  let load: DelimitedLoad | null = null;
  if (!hasLoneCr(body)) {
    const parts = pieces(body);
    let rejects = 0;
    try {
      for (let i = 0; i < parts.length && rejects === 0; i++) {
        if (signal?.aborted) throw new ImportCancelled();
        rejects = await readPiece(reader, parts[i]!, i === 0);
        progress((0.9 * (i + 1)) / parts.length);
      }
    } catch (error) {
      if (error instanceof ImportCancelled) throw error;
      // Mixed line ends, a broken quote, a line over the limit: DuckDB stops. The rows are walked instead.
      rejects = -1;
    }
    if (rejects === 0) {
      load = { rowsRead: await dropBlankRows(reader), rejected: [], rejectedCount: 0 };
    } else {
      await engine.query(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
    }
  }
  if (!load) {
    if (signal?.aborted) throw new ImportCancelled();
    const regular = regularRows(utf8, delimiter, headerRow, (f) => progress(0.5 * f));
    if (!regular || regular.rowsRead === regular.rejectedCount) throw new ImportError('no-rows', fileName);
    const rejects = await readPiece(reader, regular.text, true, '\\n', Math.max(MAX_CSV_FIELD_BYTES, regular.longest + 1));
    if (rejects > 0) throw new ImportError('parse', fileName, `${rejects} rows the database could not read`);
    progress(0.9);
    const { rowsRead, rejected, rejectedCount } = regular;
    load = { rowsRead, rejected, rejectedCount };
  }
  if (signal?.aborted) throw new ImportCancelled();
  mark('import:read');
  await typeColumns(engine, table, reader.columns, names, header.names.map((name) => name === ''));
  mark('import:typed');
  return load;
}
