// The analysis queries on the same data in two engines, through the same code:
//
// - app ("wasm-node"): DuckDB-WASM, the app's engine (renderer/src/db/engine.ts) under Node as
//   scripts/node-engine.ts starts it, the file loaded by the app's own loadSource (decode, detect,
//   normalise, insert, shape, canonical tables, name matching).
// - native: DuckDB through @duckdb/node-api. The raw table is read by read_csv (the same file, ';',
//   header), then the canonical tables are made by the app's own model code (createModel, addSource
//   with the shape the app detected, refreshMappings: the same SQL, and the same JS name matching) run
//   against a native connection wrapped as the app's Engine interface. So both engines answer the same
//   queries/*.sql over tables made by the same statements.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { Table } from 'apache-arrow';
import type { Engine, Row } from '../renderer/src/db/engine';
import { parametersUsed, runQuery, type QueryId } from '../renderer/src/db/query-files';
import { loadSource } from '../renderer/src/model/load-source';
import { addSource, createModel, refreshMappings } from '../renderer/src/model/model';
import type { ShapeGuess } from '../renderer/src/domain/shape-detect';
import { readQueryFiles, startNodeEngine } from '../scripts/node-engine';

/** The analyses that take the view filters: every query file that calls a model macro with ($1, $2, $3). */
export function filteredQueries(): QueryId[] {
  return Object.entries(readQueryFiles())
    .filter(([, sql]) => /\w+\(\$1, \$2, \$3[,)]/.test(sql.replace(/--.*$/gm, '')))
    .map(([id]) => id as QueryId)
    .sort();
}

export interface FilterVariant {
  label: string;
  /** county, SKR group, unit type, year: as the views bind them (runQuery passes as many as a file has). */
  params: (string | null)[];
}

export const VARIANTS: FilterVariant[] = [
  { label: 'no filter', params: [null, null, null, null] },
  { label: 'county 01', params: ['01', null, null, '2023'] },
];

export interface QueryCase {
  id: QueryId;
  variant: FilterVariant;
}

export function queryCases(): QueryCase[] {
  return filteredQueries().flatMap((id) => VARIANTS.map((variant) => ({ id, variant })));
}

/** `method_adoption (county 01, year 2023)`: the filters the file actually binds. */
export function caseName(c: QueryCase): string {
  const year = c.variant.params[3];
  const takesYear = parametersUsed(readQueryFiles()[c.id] ?? '').includes(4);
  return `${c.id} (${c.variant.label}${takesYear && year ? `, year ${year}` : ''})`;
}

/** Values as both engines can be compared: BigInt as number, floats to 12 significant digits. */
export function comparable(rows: Row[]): Row[] {
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => {
        if (typeof value === 'bigint') return [key, Number(value)];
        if (typeof value === 'number' && !Number.isInteger(value)) return [key, Number(value.toPrecision(12))];
        return [key, value];
      }),
    ),
  );
}

/** The table the app would make of this file: its name as tableNameFor gives it, with the guess. */
export interface WasmLoaded {
  engine: Engine;
  table: string;
  fileName: string;
  guess: ShapeGuess;
  rows: number;
  loadMs: number;
}

export async function loadWasm(file: string): Promise<WasmLoaded> {
  const engine = await startNodeEngine();
  const bytes = new Uint8Array(await readFile(file));
  const fileName = path.basename(file);
  const started = performance.now();
  const { table, guess } = await loadSource(engine, { name: fileName, bytes }, new Set());
  const loadMs = performance.now() - started;
  return { engine, table: table.table, fileName, guess, rows: table.rowCount, loadMs };
}

/**
 * A native connection wrapped as the app's Engine: `query` gives what toRows reads (rows as toJSON()).
 * Only what the model code and runQuery call is there (query, queryFiles, close); the rest of the
 * interface (Arrow IPC in and out, registered files) belongs to the WASM engine.
 */
function nativeEngine(connection: DuckDBConnection, instance: DuckDBInstance): Engine {
  const engine: Pick<Engine, 'queryFiles' | 'query' | 'close'> = {
    queryFiles: readQueryFiles(),
    async query(sql, params = []) {
      const reader = await connection.runAndReadAll(sql, params as DuckDBValue[]);
      const rows = reader.getRowObjectsJS() as Row[];
      return { toArray: () => rows.map((row) => ({ toJSON: () => ({ ...row }) })) } as unknown as Table;
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
  return engine as Engine;
}

export interface NativeLoaded {
  engine: Engine;
  rows: number;
  /** read_csv into the raw table. */
  readMs: number;
  /** read_csv plus the canonical tables and name matching. */
  loadMs: number;
}

/** `read_csv` of the file into table `table`, the way the native baseline reads an extract. */
export function readCsvSql(table: string): string {
  return `CREATE TABLE "${table.replace(/"/g, '""')}" AS SELECT * FROM read_csv($1, delim = ';', header = true)`;
}

export async function loadNative(file: string, like: Pick<WasmLoaded, 'table' | 'fileName' | 'guess'>): Promise<NativeLoaded> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  // As offline as the app: never fetch an extension.
  await connection.run('SET autoload_known_extensions = false');
  await connection.run('SET autoinstall_known_extensions = false');
  const engine = nativeEngine(connection, instance);
  const started = performance.now();
  await connection.run(readCsvSql(like.table), [path.resolve(file)]);
  const readMs = performance.now() - started;
  await createModel(engine);
  await addSource(engine, like.table, like.guess, new Map(), { fileName: like.fileName, format: 'csv' });
  await refreshMappings(engine);
  const loadMs = performance.now() - started;
  const [{ n } = { n: 0 }] = (await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM "${like.table}"`)).getRowObjectsJS();
  return { engine, rows: Number(n), readMs, loadMs };
}

/** One query case on an engine: rows as runQuery gives them to the views. */
export function runCase(engine: Engine, c: QueryCase): Promise<Row[]> {
  return runQuery(engine, c.id, c.variant.params);
}
