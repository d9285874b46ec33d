// The native baseline for an import, in a fresh process: DuckDB (@duckdb/node-api) reads the extract
// with read_csv (';', header) into a table. Prints one JSON line: the time of the CREATE TABLE … AS
// SELECT … FROM read_csv(…) statement alone, the rows, and the process's peak resident memory (VmHWM).
//
//   tsx bench/native-import.ts FILE
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { readCsvSql } from './queries';
import { memoryOf } from './rss';

export interface NativeImport {
  ms: number;
  rows: number;
  peak_rss_mb: number;
  threads: number;
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: native-import FILE');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run('SET autoload_known_extensions = false');
  await connection.run('SET autoinstall_known_extensions = false');
  const started = performance.now();
  await connection.run(readCsvSql('extract'), [path.resolve(file)]);
  const ms = performance.now() - started;
  const [count] = (await connection.runAndReadAll('SELECT count(*)::INTEGER AS n, current_setting(\'threads\')::INTEGER AS threads FROM extract')).getRowObjectsJS();
  const result: NativeImport = { ms, rows: Number(count?.n), peak_rss_mb: memoryOf('self').hwmMb, threads: Number(count?.threads) };
  connection.closeSync();
  instance.closeSync();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
