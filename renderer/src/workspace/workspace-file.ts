// The `.metodkartan` workspace file: one ZIP holding `workspace.json` (the state on screen, the files'
// import records, mappings, templates, filters, chart texts, suppression) and every table the analyses
// read, as Parquet. It opens on another laptop without the original exports.
//
// Versioned: `version` says which layout the file has; MIGRATIONS lift an older one step by step to the
// current. A file from a later version, a foreign file, a damaged or truncated one is refused before
// anything is loaded, and loading itself goes to staging tables that replace the open workspace only
// when every table has arrived: a bad file never leaves a half-opened workspace behind.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Engine } from '../db/engine';
import { toRows } from '../db/engine';
import { WORKSPACE_TABLES } from '../model/model';
import { sha256Hex } from '../export/sha256';
import type { LoadParquet } from '../import/parquet';
import { quoteIdent } from '../db/table-name';
import { isColumnType, workspaceDocument } from './workspace-schema';

const WORKSPACE_FORMAT = 'metodkartan-workspace';
const WORKSPACE_VERSION = 3;
export const WORKSPACE_EXTENSION = '.metodkartan';

/**
 * What a workspace may unpack to: its tables go into DuckDB-WASM beside the app (1.5 GB in all), so a
 * larger one could not be opened anyway. `workspace.json` is a few megabytes even for many files.
 */
const MAX_WORKSPACE_BYTES = 512 * 1024 * 1024;
const MAX_PART_BYTES = 256 * 1024 * 1024;

/** One stored table: its file in the ZIP, its DuckDB columns, and a hash that catches a damaged file. */
interface StoredTable {
  name: string;
  file: string;
  rows: number;
  columns: { name: string; type: string }[];
  sha256: string;
}

/** What the app keeps beside the tables; the workspace format does not look inside. */
export type WorkspaceState = Record<string, unknown>;

export interface WorkspaceDocument {
  format: typeof WORKSPACE_FORMAT;
  version: number;
  app: { version: string };
  saved: string;
  /** The imported files' own tables (what the Filer tab shows). */
  sourceTables: string[];
  tables: StoredTable[];
  state: WorkspaceState;
}

export type WorkspaceProblem = 'corrupt' | 'foreign' | 'future-version';

export class WorkspaceError extends Error {
  constructor(
    readonly problem: WorkspaceProblem,
    readonly detail = '',
  ) {
    super(`${problem}${detail ? `: ${detail}` : ''}`);
    this.name = 'WorkspaceError';
  }
}

/**
 * Older layouts, lifted one version at a time: MIGRATIONS[n] turns a version-n document into n+1, so
 * every file saved by an earlier version still opens.
 */
const MIGRATIONS: Record<number, (document: WorkspaceDocument) => WorkspaceDocument> = {
  // Version 2 reads statistics files for their band and year (`population` per region and year, and
  // `reference_files`). Version 1's population (a figure per unit name, of no stated age or year)
  // cannot be read as one: it is left out, and its file gives a population again once imported anew.
  1: (document) => ({ ...document, version: 2, tables: document.tables.filter((t) => t.name !== 'population'), state: withStatisticsRoles(document.state) }),
  // Version 3 gives a survey file its wave (`sources.wave`). A version-2 `sources` lacks the column: its
  // rows open with none, so every survey is one wave, as it was (loadWorkspace fills a column by name).
  2: (document) => ({ ...document, version: 3 }),
};

/** Version 1 called a statistics file's shape and its figure `population`: the same file in version 2's words. */
function withStatisticsRoles(state: WorkspaceState): WorkspaceState {
  const rename = (roles: unknown) =>
    roles && typeof roles === 'object' ? Object.fromEntries(Object.entries(roles).map(([column, role]) => [column, (role as { role?: unknown })?.role === 'population' ? { role: 'value' } : role])) : roles;
  const files = state.files as { sources?: unknown; preferences?: { templates?: unknown } } | undefined;
  const sources = Array.isArray(files?.sources)
    ? files.sources.map((s: { guess?: { shape?: unknown; roles?: unknown } }) =>
        s?.guess ? { ...s, guess: { ...s.guess, shape: s.guess.shape === 'population' ? 'statistics' : s.guess.shape, roles: rename(s.guess.roles) } } : s,
      )
    : files?.sources;
  const templates = Array.isArray(files?.preferences?.templates) ? files.preferences.templates.map((t: { roles?: unknown }) => ({ ...t, roles: rename(t?.roles) })) : files?.preferences?.templates;
  return files ? { ...state, files: { ...files, sources, preferences: { ...files.preferences, templates } } } : state;
}

/** Model tables a migrated file may lack: they open empty. */
const ADDED_IN: Record<string, number> = { population: 2, reference_files: 2 };

function migrate(document: WorkspaceDocument): WorkspaceDocument {
  let current = document;
  while (current.version < WORKSPACE_VERSION) {
    const step = MIGRATIONS[current.version];
    if (!step) throw new WorkspaceError('foreign', `version ${current.version}`);
    current = step(current);
  }
  return current;
}

async function columnsOf(engine: Engine, table: string): Promise<{ name: string; type: string }[]> {
  const rows = toRows(await engine.query(`SELECT column_name, data_type FROM information_schema.columns WHERE table_catalog = current_database() AND table_schema = 'main' AND table_name = ? ORDER BY ordinal_position`, [table]));
  return rows.map((r) => ({ name: String(r.column_name), type: String(r.data_type) }));
}

/** The workspace as bytes: every source table and model table as Parquet, the state as JSON. */
export async function saveWorkspace(
  engine: Engine,
  input: { sourceTables: readonly string[]; state: WorkspaceState; appVersion: string; saved: Date },
  loadParquet: LoadParquet,
): Promise<Uint8Array> {
  const parquet = await loadParquet();
  const files: Record<string, Uint8Array> = {};
  const tables: StoredTable[] = [];
  for (const [index, name] of [...input.sourceTables, ...WORKSPACE_TABLES].entries()) {
    const file = `tables/${String(index + 1).padStart(3, '0')}.parquet`;
    const bytes = parquet.writeParquet(parquet.Table.fromIPCStream(await engine.queryIpc(`SELECT * FROM ${quoteIdent(name)}`)));
    const [{ n } = { n: 0 }] = toRows(await engine.query(`SELECT count(*)::INTEGER AS n FROM ${quoteIdent(name)}`));
    files[file] = bytes;
    tables.push({ name, file, rows: Number(n), columns: await columnsOf(engine, name), sha256: await sha256Hex(bytes) });
  }
  const document: WorkspaceDocument = {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    app: { version: input.appVersion },
    saved: input.saved.toISOString(),
    sourceTables: [...input.sourceTables],
    tables,
    state: input.state,
  };
  files['workspace.json'] = strToU8(JSON.stringify(document));
  // Parquet is compressed already; the JSON is small. Store, don't deflate twice.
  return zipSync(files, { level: 0 });
}

/** Reads and checks a workspace file without touching the database. */
export async function readWorkspace(bytes: Uint8Array): Promise<{ document: WorkspaceDocument; files: Record<string, Uint8Array>; savedAs: number }> {
  let files: Record<string, Uint8Array>;
  try {
    // A workspace is stored, not deflated (saveWorkspace): a part that claims more than a workspace can
    // hold, or inflates far beyond its bytes, is refused before it is unpacked (a 2.6 MB zip of 2.5 GB).
    let total = 0;
    files = unzipSync(bytes, {
      filter: (part) => {
        total += part.originalSize;
        if (part.originalSize > MAX_PART_BYTES || total > MAX_WORKSPACE_BYTES || (part.compression !== 0 && part.originalSize > 100 * part.size + 1024 * 1024)) {
          throw new WorkspaceError('corrupt', `${part.name}: ${part.originalSize} bytes`);
        }
        return true;
      },
    });
  } catch (error) {
    // Not a ZIP at all is a foreign file; a ZIP cut short is a damaged one.
    if (error instanceof WorkspaceError) throw error;
    const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
    throw new WorkspaceError(isZip ? 'corrupt' : 'foreign', String(error));
  }
  const json = files['workspace.json'];
  if (!json) throw new WorkspaceError('foreign', 'no workspace.json');
  let raw: Partial<WorkspaceDocument>;
  try {
    raw = JSON.parse(strFromU8(json)) as Partial<WorkspaceDocument>;
  } catch (error) {
    throw new WorkspaceError('corrupt', String(error));
  }
  if (raw?.format !== WORKSPACE_FORMAT) throw new WorkspaceError('foreign', 'format');
  if (!Number.isInteger(raw.version) || raw.version! < 1) throw new WorkspaceError('foreign', `version ${String(raw.version)}`);
  if (raw.version! > WORKSPACE_VERSION) throw new WorkspaceError('future-version', String(raw.version));
  if (!Array.isArray(raw.tables) || !Array.isArray(raw.sourceTables) || typeof raw.state !== 'object' || raw.state === null) {
    throw new WorkspaceError('corrupt', 'layout');
  }
  const savedAs = raw.version!;
  // Migrations lift the file first; the lifted document then meets the one schema, whole.
  const parsed = workspaceDocument.safeParse(migrate(raw as WorkspaceDocument));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new WorkspaceError('corrupt', `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`);
  }
  const document = parsed.data as WorkspaceDocument;
  checkTables(document);
  for (const table of document.tables) {
    const data = files[table.file];
    if (!data || (await sha256Hex(data)) !== table.sha256) throw new WorkspaceError('corrupt', table.name);
  }
  for (const model of WORKSPACE_TABLES) {
    const required = savedAs >= (ADDED_IN[model] ?? 1);
    if (required && !document.tables.some((t) => t.name === model)) throw new WorkspaceError('corrupt', `missing ${model}`);
  }
  return { document, files, savedAs };
}

/**
 * The tables are the app's own: every source table listed once and shown in the state, every other
 * table a model table, each stored once; the state's files are exactly the source tables.
 */
function checkTables(document: WorkspaceDocument): void {
  const names = document.tables.map((t) => t.name);
  const sources = new Set(document.sourceTables);
  const shown = (document.state as { files: { sources: { table: { table: string } }[]; selected: string | null } }).files;
  const problems = [
    new Set(names).size !== names.length && 'a table stored twice',
    sources.size !== document.sourceTables.length && 'a source table listed twice',
    names.some((name) => !sources.has(name) && !(WORKSPACE_TABLES as readonly string[]).includes(name)) && 'a table the app does not write',
    document.sourceTables.some((name) => !names.includes(name) || (WORKSPACE_TABLES as readonly string[]).includes(name)) && 'a source table missing',
    (shown.sources.length !== sources.size || shown.sources.some((s) => !sources.has(s.table.table))) && 'the files on screen are not the source tables',
    shown.selected !== null && !sources.has(shown.selected) && 'the selected file is not among them',
    new Set(document.tables.map((t) => t.file)).size !== names.length && 'two tables in one file',
  ].filter((problem) => problem !== false);
  if (problems.length > 0) throw new WorkspaceError('corrupt', problems.join('; '));
}

/**
 * A model table stored with other columns than this version's model has is not this app's. Fewer is
 * allowed where an earlier version saved the file: the model adds columns at the end only (ADDED_COLUMNS).
 */
async function checkModelColumns(engine: Engine, document: WorkspaceDocument, savedAs: number): Promise<void> {
  for (const table of document.tables) {
    if (!(WORKSPACE_TABLES as readonly string[]).includes(table.name)) continue;
    const live = await columnsOf(engine, table.name);
    const missing = live.slice(table.columns.length).map((c) => `${table.name}.${c.name}`);
    const same =
      table.columns.length <= live.length &&
      table.columns.every((c, i) => c.name === live[i]!.name && c.type === live[i]!.type) &&
      missing.every((column) => savedAs < (ADDED_COLUMNS[column] ?? 1));
    if (!same) throw new WorkspaceError('corrupt', `${table.name}: columns`);
  }
}

/** Columns a model table gained after version 1, with the version that added them: a file saved before opens with them empty. */
const ADDED_COLUMNS: Record<string, number> = { 'sources.wave': 3 };

const staged = (index: number) => `workspace_staging_${index}`;

/**
 * Loads a checked workspace into the database in place of the open one: first into staging tables
 * (a failure drops them and leaves everything as it was), then, in one transaction, the open
 * workspace's source tables go, the model tables get the stored rows, the source tables their names.
 */
export async function loadWorkspace(
  engine: Engine,
  read: { document: WorkspaceDocument; files: Record<string, Uint8Array>; savedAs: number },
  openSourceTables: readonly string[],
  loadParquet: LoadParquet,
): Promise<WorkspaceDocument> {
  const { document, files, savedAs } = read;
  await checkModelColumns(engine, document, savedAs);
  const parquet = await loadParquet();
  try {
    for (const [index, table] of document.tables.entries()) {
      // Names quoted, types only from the allow-list the schema checked (never text from the file as SQL).
      if (!table.columns.every((c) => isColumnType(c.type))) throw new WorkspaceError('corrupt', `${table.name}: column type`);
      const columns = table.columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ');
      await engine.query(`CREATE OR REPLACE TABLE ${staged(index)} (${columns})`);
      if (table.rows === 0) continue;
      await engine.appendArrowIpc(parquet.readParquet(files[table.file]!).intoIPCStream(), staged(index));
      const [{ n } = { n: -1 }] = toRows(await engine.query(`SELECT count(*)::INTEGER AS n FROM ${staged(index)}`));
      if (n !== table.rows) throw new WorkspaceError('corrupt', `${table.name}: ${String(n)} of ${table.rows} rows`);
    }
  } catch (error) {
    for (const index of document.tables.keys()) await engine.query(`DROP TABLE IF EXISTS ${staged(index)}`);
    throw error instanceof WorkspaceError ? error : new WorkspaceError('corrupt', String(error));
  }
  await engine.query('BEGIN TRANSACTION');
  try {
    for (const table of openSourceTables) await engine.query(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
    // A model table the file does not hold (a migrated one) opens empty, never with the open workspace's rows.
    for (const model of WORKSPACE_TABLES) if (!document.tables.some((t) => t.name === model)) await engine.query(`DELETE FROM ${quoteIdent(model)}`);
    for (const [index, table] of document.tables.entries()) {
      if (document.sourceTables.includes(table.name)) {
        await engine.query(`DROP TABLE IF EXISTS ${quoteIdent(table.name)}`);
        await engine.query(`ALTER TABLE ${staged(index)} RENAME TO ${quoteIdent(table.name)}`);
      } else {
        await engine.query(`DELETE FROM ${quoteIdent(table.name)}`);
        // By name: a column a file saved before it existed (ADDED_COLUMNS) is left NULL.
        await engine.query(`INSERT INTO ${quoteIdent(table.name)} BY NAME SELECT * FROM ${staged(index)}`);
        await engine.query(`DROP TABLE ${staged(index)}`);
      }
    }
    await engine.query('COMMIT');
  } catch (error) {
    await engine.query('ROLLBACK');
    for (const index of document.tables.keys()) await engine.query(`DROP TABLE IF EXISTS ${staged(index)}`);
    throw new WorkspaceError('corrupt', String(error));
  }
  return document;
}
