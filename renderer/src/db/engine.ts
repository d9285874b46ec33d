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
 */
const SETUP_SQL = ['SET autoload_known_extensions = false', 'SET autoinstall_known_extensions = false'];

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

/** Arrow becomes plain rows here and nowhere else. BigInt (from COUNT, SUM) becomes number. */
export function toRows(table: Table): Row[] {
  return table.toArray().map((row: { toJSON(): Row }) => {
    const plain = row.toJSON();
    for (const key of Object.keys(plain)) {
      const value = plain[key];
      if (typeof value === 'bigint') plain[key] = Number(value);
    }
    return plain;
  });
}
