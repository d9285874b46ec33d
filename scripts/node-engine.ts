// The same DuckDB-WASM engine under Node, for tests and the command line: the async Node build with a Worker
// from the `web-worker` package (it must be created with type 'module', or instantiate hangs).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';
import type * as ArrowModule from 'apache-arrow';
import Worker from 'web-worker';
import { createEngine, type Engine } from '../renderer/src/db/engine';

const require = createRequire(import.meta.url);
const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-eh.worker.cjs'));

const QUERIES_DIR = path.resolve(import.meta.dirname, '..', 'queries');

/** queries/*.sql by id, and queries/model/*.sql as `model/<name>`, read from disk (the app has them bundled by Vite instead). */
export function readQueryFiles(): Record<string, string> {
  const read = (dir: string, prefix: string) =>
    readdirSync(path.join(QUERIES_DIR, dir))
      .filter((name) => name.endsWith('.sql'))
      .map((name) => [prefix + name.replace(/\.sql$/, ''), readFileSync(path.join(QUERIES_DIR, dir, name), 'utf8')] as const);
  return Object.fromEntries([...read('.', ''), ...read('model', 'model/')]);
}

export async function startNodeEngine(): Promise<Engine> {
  const worker = new Worker(path.join(dist, 'duckdb-node-eh.worker.cjs'), { type: 'module' });
  const db = new AsyncDuckDB(new VoidLogger(), worker as unknown as globalThis.Worker);
  await db.instantiate(path.join(dist, 'duckdb-eh.wasm'));
  await db.open({ query: { castBigIntToDouble: true } });
  // DuckDB-WASM's Node build is CommonJS and builds its Arrow tables with the CommonJS apache-arrow.
  const arrow = require('apache-arrow') as typeof ArrowModule;
  return createEngine(db, readQueryFiles(), (table) => arrow.tableToIPC(table, 'stream'));
}
