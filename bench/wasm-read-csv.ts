// A reference point for the import case, not the app's pipeline: DuckDB-WASM's own CSV reader (the same
// eh build the app uses, under Node) reading the extract with read_csv, as the native baseline does.
// It shows how much of the gap to native is WASM itself (one thread, no SIMD-wide I/O) rather than the
// app's JS parse. Prints one JSON line: the read_csv times of `runs` runs after one warm-up.
//
//   tsx bench/wasm-read-csv.ts FILE RUNS
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { startNodeEngine } from '../scripts/node-engine';

async function main(): Promise<void> {
  const [file, runsArg] = process.argv.slice(2);
  if (!file) throw new Error('usage: wasm-read-csv FILE [RUNS]');
  const runs = Number(runsArg ?? 5);
  const engine = await startNodeEngine();
  const name = path.basename(file);
  await engine.registerText(name, new TextDecoder().decode(await readFile(file)));
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i <= runs; i++) {
    await engine.query('DROP TABLE IF EXISTS extract');
    const started = performance.now();
    await engine.query(`CREATE TABLE extract AS SELECT * FROM read_csv('${name}', delim = ';', header = true)`);
    if (i > 0) times.push(performance.now() - started);
    rows = Number((await engine.query('SELECT count(*)::INTEGER AS n FROM extract')).toArray()[0]?.n);
  }
  await engine.close();
  process.stdout.write(`${JSON.stringify({ times_ms: times, rows })}\n`);
}

await main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
