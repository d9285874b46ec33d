// File bytes → a DuckDB table, in two steps: parse (parse-file.ts: decide how to read the file, read
// it into typed Arrow columns, in this thread or, in the app, in a worker) and insert (hand DuckDB the
// Arrow IPC batches, describe the result). Every failure becomes an ImportError with a code the UI
// turns into a Swedish sentence, and leaves no table behind.
import { toRows, type Engine } from '../db/engine';
import { describeTable } from '../db/table-info';
import { ImportError, type ImportDeps, type ImportedTable, type ImportOptions, type ParsedFile, type SourceFile } from './import-types';
import { firstLine, isOutOfMemory, parseFile, risingProgress } from './parse-file';
import { quoteIdent, tableNameFor } from './table-name';

export * from './import-types';
export { parseFile, BATCH_ROWS } from './parse-file';
export { sniffFile, PREVIEW_ROWS } from './sniff';
export { MAX_LISTED_REJECTS } from './read-delimited';

/** `rad 7: 5 fält, rubriken har 4`: a rejected row as one line of Swedish for the report. */
export function describeRejected(row: { line: number; reason: string }): string {
  return `rad ${row.line}: ${row.reason}`;
}

/** The share of the import's progress that is parsing; inserting into DuckDB is the rest. */
const PARSE_SHARE = 0.5;

/**
 * Loads one file into a new table whose name is not in `taken`, read as `options` say (anything not
 * given is detected, as sniffFile shows). Leaves no table behind on failure. `deps.parse` reads the
 * file (parseFile in this thread unless given); `deps.onProgress` hears 0 to 1 over parse and insert.
 */
export async function importFile(
  engine: Engine,
  file: SourceFile,
  taken: ReadonlySet<string>,
  options: ImportOptions = {},
  deps: ImportDeps = {},
): Promise<ImportedTable> {
  const progress = risingProgress(deps.onProgress);
  const parse = deps.parse ?? parseFile;
  let parsed: ParsedFile | undefined;
  let table: string | undefined;
  try {
    parsed = await parse(file, options, deps, (fraction) => progress(fraction * PARSE_SHARE));
    // A name no table has, even one the caller does not know about: so on failure, whatever table
    // has this name is ours to drop. Chosen after the parse, just before the table is made.
    const existing = toRows(await engine.query('SELECT table_name FROM duckdb_tables()')).map((row) => String(row.table_name).toLowerCase());
    table = tableNameFor(file.name, new Set([...taken, ...existing]));
    const { batches } = parsed;
    for (let i = 0; i < batches.length; i++) {
      if (i === 0) await engine.insertArrowIpc(batches[i]!, table);
      else await engine.appendArrowIpc(batches[i]!, table);
      batches[i] = new Uint8Array(); // handed over (the engine may have transferred its buffer)
      progress(PARSE_SHARE + ((1 - PARSE_SHARE) * (i + 1)) / batches.length);
    }
  } catch (error) {
    if (table !== undefined) await removeTable(engine, table).catch(() => undefined);
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
  progress(1);
  return {
    table,
    fileName: file.name,
    byteSize: file.bytes.length,
    format: parsed.format,
    ...parsed.settings,
    ...info,
    sheets: parsed.sheets,
    report: { ...parsed.report, imported: info.rowCount },
    title: parsed.title,
  };
}

export async function removeTable(engine: Engine, table: string): Promise<void> {
  await engine.query(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
}
