// The one wrapper around an AsyncDuckDB: the browser (worker) and Node (tests, command line) both
// hand it a started database, so every query and import runs through the same code.
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { tableToIPC, type Table } from 'apache-arrow';

export type Row = Record<string, unknown>;

export interface Engine {
  /** The app's query files (queries/*.sql) by id: bundled by Vite in the app, read from disk in Node. */
  readonly queryFiles: Readonly<Record<string, string>>;
  /** Runs SQL; values are bound as parameters, never spliced into the text. */
  query(sql: string, params?: unknown[]): Promise<Table>;
  /** Runs SQL and gives the result as an Arrow IPC stream (for writing it elsewhere, e.g. Parquet). */
  queryIpc(sql: string): Promise<Uint8Array>;
  registerText(fileName: string, text: string): Promise<void>;
  /** Gives DuckDB a file's bytes under `fileName` (for read_csv); the buffer may be transferred away. */
  registerBuffer(fileName: string, bytes: Uint8Array): Promise<void>;
  /** Creates table `table` from an Arrow IPC stream (bytes, so the Arrow version never matters). */
  insertArrowIpc(ipc: Uint8Array, table: string): Promise<void>;
  /** Appends an Arrow IPC stream with the same columns to existing table `table`. */
  appendArrowIpc(ipc: Uint8Array, table: string): Promise<void>;
  dropFile(fileName: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Settings every connection needs, each for a reason:
 * - no extension autoloading or autoinstall: those download from the internet, which the app must
 *   never do; offline, a missing extension then fails with a clean Catalog Error instead of hanging.
 * - every table in an in-memory database that is compressed (DuckDB's dictionary and FSST encodings, as
 *   on disk): a usage extract's few hundred names repeated over a million rows then take a few MB, not
 *   tens, and DISTINCT and GROUP BY over them run several times faster. Nothing is written to disk.
 */
const SETUP_SQL = [
  'SET autoload_known_extensions = false',
  'SET autoinstall_known_extensions = false',
  "ATTACH ':memory:' AS metodkartan (COMPRESS)",
  'USE metodkartan',
];

/**
 * `toIpc` must come from the same apache-arrow instance DuckDB-WASM builds its tables with: Arrow
 * checks classes with instanceof. In the app that is the one ESM instance; under Node DuckDB-WASM's
 * CommonJS build requires the CommonJS one (see scripts/node-engine.ts).
 */
export async function createEngine(
  db: AsyncDuckDB,
  queryFiles: Readonly<Record<string, string>>,
  toIpc: (table: Table) => Uint8Array = (table) => tableToIPC(table, 'stream'),
): Promise<Engine> {
  const conn: AsyncDuckDBConnection = await db.connect();
  for (const sql of SETUP_SQL) await conn.query(sql);
  return {
    queryFiles,
    async query(sql, params = []) {
      if (params.length === 0) return conn.query(sql);
      const statement = await conn.prepare(sql);
      try {
        return await statement.query(...params);
      } finally {
        await statement.close();
      }
    },
    async queryIpc(sql) {
      return toIpc(await conn.query(sql));
    },
    async registerText(fileName, text) {
      await db.registerFileText(fileName, text);
    },
    async registerBuffer(fileName, bytes) {
      await db.registerFileBuffer(fileName, bytes);
    },
    async insertArrowIpc(ipc, table) {
      await conn.insertArrowFromIPCStream(ipc, { name: table, create: true });
    },
    async appendArrowIpc(ipc, table) {
      await conn.insertArrowFromIPCStream(ipc, { name: table, create: false });
    },
    async dropFile(fileName) {
      await db.dropFile(fileName);
    },
    async close() {
      await conn.close();
      await db.terminate();
    },
  };
}

/**
 * Arrow becomes plain rows here and nowhere else. BigInt (from COUNT, SUM) becomes number.
 *
 * Column names come from users' files, so a row has no prototype and is filled column by column from
 * the schema. Arrow's toJSON() builds an ordinary object: there a column named `__proto__` hit the
 * prototype setter and its value was lost (reading it gave Object.prototype, "[object Object]" in the
 * preview and the table CSV), and any `constructor` or `toString` a row lacks reads Object's own members
 * ("function Object()…"). Rows read with `row[name]`, `in`, Object.keys/entries, spread and
 * JSON.stringify as before; they have no hasOwnProperty or toString of their own. A name repeated in a
 * result (SELECT a, a) keeps the last column's value, as toJSON() did.
 */
export function toRows(table: Table): Row[] {
  // The benchmark's native engine (bench/queries.ts) hands in @duckdb/node-api rows dressed as a Table
  // with toArray() and toJSON() only, no schema: their entries go onto prototype-less rows the same way.
  if (!(table.schema as Table['schema'] | undefined)) {
    return table.toArray().map((plain: { toJSON(): Row }) => {
      const row = Object.create(null) as Row;
      for (const [name, value] of Object.entries(plain.toJSON())) row[name] = typeof value === 'bigint' ? Number(value) : value;
      return row;
    });
  }
  const names = table.schema.fields.map((field) => field.name);
  const rows: Row[] = [];
  for (const batch of table.batches) {
    const columns = names.map((_, c) => batch.getChildAt(c));
    for (let r = 0; r < batch.numRows; r++) {
      const row = Object.create(null) as Row;
      for (let c = 0; c < names.length; c++) {
        const value: unknown = columns[c]?.get(r) ?? null;
        row[names[c]!] = typeof value === 'bigint' ? Number(value) : value;
      }
      rows.push(row);
    }
  }
  return rows;
}
