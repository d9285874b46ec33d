// The page side of the coi trial (bench/coi-trial.ts): bundled at run time with esbuild and served by the
// trial's own server. Starts one DuckDB-WASM bundle (eh, as the app ships, or coi, the pthreads build)
// in a Web Worker, then times `CREATE TABLE t AS SELECT * FROM read_csv(…)` of the extract. Not the app's
// engine (renderer/src/db/duckdb-browser.ts): the same library, started the same way, bundle by bundle.
import { AsyncDuckDB, VoidLogger, type DuckDBConfig } from '@duckdb/duckdb-wasm';

export interface TrialOptions {
  bundle: 'eh' | 'coi';
  /** Passed to db.open as maximumThreads (coi only; `SET threads` hangs the coi build). */
  maximumThreads?: number;
  /** URL of the CSV on the trial's server. */
  csvUrl: string;
}

export interface TrialResult {
  crossOriginIsolated: boolean;
  /** new Worker → instantiate done (worker started, wasm fetched and compiled). */
  instantiateMs: number;
  /** instantiate done → open done. */
  openMs: number;
  /** instantiate + open. */
  coldStartMs: number;
  /** The CREATE TABLE … read_csv statement alone (the file already registered). */
  readCsvMs: number;
  rows: number;
  threads: string;
}

const DIST = '/dist/';
const BUNDLES = {
  eh: { mainModule: `${DIST}duckdb-eh.wasm`, mainWorker: `${DIST}duckdb-browser-eh.worker.js`, pthreadWorker: undefined },
  coi: { mainModule: `${DIST}duckdb-coi.wasm`, mainWorker: `${DIST}duckdb-browser-coi.worker.js`, pthreadWorker: `${DIST}duckdb-browser-coi.pthread.worker.js` },
} as const;

/** Where the driver can see how far a run got when it fails. */
const steps: string[] = [];
const step = (what: string) => steps.push(`${Math.round(performance.now())} ms: ${what}`);

async function runTrial(options: TrialOptions): Promise<TrialResult> {
  const bundle = BUNDLES[options.bundle];
  step(`instantiate ${options.bundle}`);
  const started = performance.now();
  const worker = new Worker(bundle.mainWorker);
  const db = new AsyncDuckDB(new VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  const instantiated = performance.now();
  const config: DuckDBConfig = { query: { castBigIntToDouble: true } };
  if (options.maximumThreads !== undefined) config.maximumThreads = options.maximumThreads;
  step('open');
  await db.open(config);
  const opened = performance.now();
  const connection = await db.connect();
  const query = async (sql: string) => {
    step(sql.slice(0, 80));
    return (await connection.query(sql)).toArray().map((row: { toJSON(): Record<string, unknown> }) => row.toJSON());
  };
  await query('SET autoload_known_extensions = false');
  await query('SET autoinstall_known_extensions = false');
  const threads = String((await query("SELECT current_setting('threads') AS v"))[0]?.v);
  step('fetch the CSV');
  const bytes = new Uint8Array(await (await fetch(options.csvUrl)).arrayBuffer());
  step('register the CSV');
  await db.registerFileBuffer('extract.csv', bytes);
  const readStarted = performance.now();
  await query("CREATE TABLE t AS SELECT * FROM read_csv('extract.csv', delim = ';', header = true)");
  const readCsvMs = performance.now() - readStarted;
  const rows = Number((await query('SELECT count(*)::INTEGER AS n FROM t'))[0]?.n);
  step('terminate');
  await connection.close();
  await db.terminate();
  step('done');
  return {
    crossOriginIsolated: globalThis.crossOriginIsolated,
    instantiateMs: instantiated - started,
    openMs: opened - instantiated,
    coldStartMs: opened - started,
    readCsvMs,
    rows,
    threads,
  };
}

type TrialWindow = Window & { runTrial?: typeof runTrial; trialSteps?: string[]; trialReady?: boolean };
const trialWindow = window as TrialWindow;
trialWindow.runTrial = runTrial;
trialWindow.trialSteps = steps;
trialWindow.trialReady = true;
