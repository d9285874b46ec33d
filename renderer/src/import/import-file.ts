// File bytes → a DuckDB table. Delimited text is read by DuckDB itself (load-delimited.ts), as sniff.ts
// decided from a prefix; workbooks, JSON and Parquet are read into Arrow (parse-file.ts, in a worker in
// the app) and handed to DuckDB. Every failure becomes an ImportError with a code the UI turns into a
// Swedish sentence, and leaves no table behind.
import { toRows, type Engine } from '../db/engine';
import { describeTable } from '../db/table-info';
import { ImportError, limitImportError, type ImportDeps, type ImportedTable, type ImportOptions, type ParsedFile, type SourceFile } from './import-types';
import { toUtf8 } from './decode-text';
import { fileKind } from './file-kind';
import { ImportCancelled, loadDelimited, mark } from './load-delimited';
import { LimitError } from './limits';
import { firstLine, isOutOfMemory, parseFile, risingProgress, titleText } from './parse-file';
import { planFile, type DelimitedPlan } from './sniff';
import { quoteIdent, tableNameFor } from '../db/table-name';

export * from './import-types';
export { parseFile } from './parse-file';
export { CHUNK_BYTES, ImportCancelled } from './load-delimited';
export { sniffFile } from './sniff';

/** `rad 7: 5 fält, rubriken har 4`: a rejected row as one line of Swedish for the report. */
export function describeRejected(row: { line: number; reason: string }): string {
  return `rad ${row.line}: ${row.reason}`;
}

/** The share of the import's progress that is parsing; inserting into DuckDB is the rest. */
const PARSE_SHARE = 0.5;

/** A name no table has, even one the caller does not know about: so on failure, whatever table has it is ours to drop. */
async function freshTableName(engine: Engine, fileName: string, taken: ReadonlySet<string>): Promise<string> {
  const existing = toRows(await engine.query('SELECT table_name FROM duckdb_tables()')).map((row) => String(row.table_name).toLowerCase());
  return tableNameFor(fileName, new Set([...taken, ...existing]));
}

/** A CSV or text file: DuckDB reads it (load-delimited.ts) as the plan says. */
async function importDelimited(engine: Engine, file: SourceFile, plan: DelimitedPlan, table: string, deps: ImportDeps, progress: (f: number) => void) {
  const { encoding, delimiter, headerRow } = plan;
  // A view of the file's bytes when they are UTF-8; else the one transcoded copy (in a worker in the app).
  const utf8 = encoding === 'utf-8' || encoding === 'utf-8-bom' || !deps.transcode ? toUtf8(file.bytes, encoding) : await deps.transcode(file.bytes, encoding);
  const load = await loadDelimited(engine, table, file.name, utf8, delimiter, headerRow, progress, deps.signal);
  return {
    format: 'csv' as const,
    settings: { encoding, delimiter, headerRow, sheet: null },
    sheets: [],
    report: load,
    title: titleText(plan.topRows.slice(0, headerRow)),
  };
}

/**
 * Loads one file into a new table whose name is not in `taken`, read as `options` say (anything not
 * given is detected, as sniffFile shows). Leaves no table behind on failure or when cancelled
 * (`deps.signal`: ImportCancelled). `deps.onProgress` hears 0 to 1.
 */
export async function importFile(
  engine: Engine,
  file: SourceFile,
  taken: ReadonlySet<string>,
  options: ImportOptions = {},
  deps: ImportDeps = {},
): Promise<ImportedTable> {
  const progress = risingProgress(deps.onProgress);
  progress(0);
  let table: string | undefined;
  let read: Omit<ParsedFile, 'batches'>;
  try {
    if (fileKind(file.name) === 'delimited') {
      mark('import:start');
      const plan = await planFile(file, options, deps, false);
      if (plan.format !== 'csv') throw new RangeError('a delimited file planned as another format');
      mark('import:planned');
      table = await freshTableName(engine, file.name, taken);
      read = await importDelimited(engine, file, plan, table, deps, progress);
    } else {
      // Any other format is read into Arrow batches (in a worker in the app), then handed to DuckDB.
      const parsed = await (deps.parse ?? parseFile)(file, options, deps, (fraction) => progress(fraction * PARSE_SHARE));
      table = await freshTableName(engine, file.name, taken); // chosen just before the table is made
      const { batches } = parsed;
      for (let i = 0; i < batches.length; i++) {
        if (deps.signal?.aborted) throw new ImportCancelled();
        if (i === 0) await engine.insertArrowIpc(batches[i]!, table);
        else await engine.appendArrowIpc(batches[i]!, table);
        batches[i] = new Uint8Array(); // handed over (the engine may have transferred its buffer)
        progress(PARSE_SHARE + ((1 - PARSE_SHARE) * (i + 1)) / batches.length);
      }
      read = parsed;
    }
  } catch (error) {
    if (table !== undefined) await removeTable(engine, table).catch(() => undefined);
    if (error instanceof ImportError || error instanceof ImportCancelled) throw error;
    if (error instanceof LimitError) throw limitImportError(error, file.name);
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
    format: read.format,
    ...read.settings,
    ...info,
    sheets: read.sheets,
    report: { ...read.report, imported: info.rowCount },
    title: read.title,
  };
}

export async function removeTable(engine: Engine, table: string): Promise<void> {
  await engine.query(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
}
