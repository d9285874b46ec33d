// The benchmark: the app's import and analyses against native DuckDB on the same files, on this machine.
//
//   npm run --silent bench -- --json     one JSON object on stdout: {"machine":{…},"cases":[…],…}
//   npm run bench                        the same as a readable table
//
// Options: --runs N (timed runs per case after one warm-up, default 5), --runs-5m N (default 3),
// --sizes 100k,1m,5m, --only import,query,cold,filter,xlsx, --no-build (use dist/renderer as it is).
// `--only coi` (never in the default set): the optional trial of DuckDB-WASM's coi bundle against eh
// (bench/coi-trial.ts).
// Progress goes to stderr; generated files to bench/.data/ (ignored by git). See bench/README.md.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { filterChangeTimes, importThroughUi, startBrowser, startToChart, type BenchBrowser, type ColdStartRun, type IMPORT_MARKS } from './chromium';
import { coiTrial, variantLabel } from './coi-trial';
import { DEFAULT_SEED, GENERATOR_VERSION, writeUsageCsv, writeUsageXlsx } from './generate';
import type { NativeImport } from './native-import';
import type { ChildReply, ChildRequest, EngineKind } from './query-child';
import { caseName, queryCases as queryList } from './queries';
import { bundledSamples } from '../test/support/samples';

const BENCH = path.resolve(import.meta.dirname);
const DATA = path.join(BENCH, '.data');
const COLD_START_SAMPLE = path.resolve(BENCH, '..', 'data-samples', 'usage-2022-2024.csv');
/** The samples Öppna exempeldata loads: every file in data-samples/ but its README. */
const SAMPLE_FILES = bundledSamples(path.resolve(BENCH, '..', 'data-samples')).length;

export interface BenchCase {
  name: string;
  rows: number;
  /** Median over the timed runs, ms; null when the app could not do it. */
  app_ms: number | null;
  /** Median of the native baseline over the same number of runs, ms; null where there is none. */
  native_ms: number | null;
  /** app_ms / native_ms. */
  ratio: number | null;
  /** The app side's peak resident memory, MB (Chromium: all its processes summed; wasm-node: the Node process). */
  peak_rss_mb: number | null;
  /**
   * Chromium import cases: the peak of the PSS summed over the same processes (shared pages divided among
   * their sharers, so counted once), sampled with peak_rss_mb; and both sums just before the file was
   * handed over (the idle app, engine started; median over the runs).
   */
  peak_pss_mb?: number | null;
  baseline_rss_mb?: number | null;
  baseline_pss_mb?: number | null;
  native_peak_rss_mb: number | null;
  runs: number;
  app_runs_ms: number[];
  native_runs_ms: number[];
  error?: string;
  note?: string;
  [extra: string]: unknown;
}

interface Options {
  json: boolean;
  runs: number;
  runs5m: number;
  sizes: string[];
  only: Set<string>;
  build: boolean;
}

const SIZES: Record<string, number> = { '2k': 2_000, '100k': 100_000, '1m': 1_000_000, '5m': 5_000_000 };
const LABEL: Record<string, string> = { '2k': '2k', '100k': '100k', '1m': '1M', '5m': '5M' };

function parseOptions(argv: string[]): Options {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const sizes = (value('--sizes') ?? '100k,1m,5m').toLowerCase().split(',');
  for (const size of sizes) if (!(size in SIZES)) throw new Error(`unknown size ${size} (use ${Object.keys(SIZES).join(', ')})`);
  return {
    json: argv.includes('--json'),
    runs: Number(value('--runs') ?? 5),
    runs5m: Number(value('--runs-5m') ?? 3),
    sizes,
    only: new Set((value('--only') ?? 'import,query,cold,filter,xlsx').split(',')),
    build: !argv.includes('--no-build'),
  };
}

/** 1000000 → `1M`, 50000 → `50k`. */
const rowsLabel = (rows: number) => (rows >= 1e6 ? `${rows / 1e6}M` : rows >= 1e3 ? `${rows / 1e3}k` : String(rows));

const log = (line: string) => process.stderr.write(`${line}\n`);

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (value: number | null, digits = 1) => (value === null ? null : Number(value.toFixed(digits)));

/** A generated file, written once and reused while the generator and its arguments stay the same. */
async function dataFile(name: string, rows: number, write: (file: string) => Promise<number>): Promise<string> {
  const file = path.join(DATA, name);
  const metaFile = `${file}.meta.json`;
  const meta = { generator: GENERATOR_VERSION, rows, seed: DEFAULT_SEED };
  if (existsSync(file) && existsSync(metaFile)) {
    const old = JSON.parse(await readFile(metaFile, 'utf8')) as typeof meta & { bytes: number };
    if (old.generator === meta.generator && old.rows === rows && old.seed === meta.seed) return file;
  }
  log(`generating ${path.relative(process.cwd(), file)} (${rows.toLocaleString('en')} rows) …`);
  const bytes = await write(file);
  await writeFile(metaFile, JSON.stringify({ ...meta, bytes }));
  return file;
}

/** Runs a command with its stdout captured (or sent to our stderr), stderr to our stderr. */
function run(command: string, args: string[], capture: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', capture ? 'pipe' : 2, 2] });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/** A bench script in a Node process of its own (TypeScript through tsx's loader). */
function runTs(script: string, args: string[]): Promise<string> {
  return run(process.execPath, ['--import', 'tsx', path.join(BENCH, script), ...args], true);
}

async function nativeImport(file: string): Promise<NativeImport> {
  const out = await runTs('native-import.ts', [file]);
  return JSON.parse(out.trim().split('\n').pop()!) as NativeImport;
}

function describe(caseName: string, rows: number, app: number[], native: number[], extra: Partial<BenchCase> = {}): BenchCase {
  const appMs = median(app);
  const nativeMs = median(native);
  return {
    name: caseName,
    rows,
    app_ms: round(appMs),
    native_ms: round(nativeMs),
    ratio: appMs !== null && nativeMs !== null && nativeMs > 0 ? round(appMs / nativeMs, 2) : null,
    peak_rss_mb: null,
    native_peak_rss_mb: null,
    runs: Math.max(app.length, native.length),
    app_runs_ms: app.map((ms) => round(ms)!),
    native_runs_ms: native.map((ms) => round(ms)!),
    ...extra,
  };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;

/**
 * Case 1 (and 4): a file through the app's real pipeline in Chromium against native read_csv of the
 * same bytes (or, for XLSX, of the same rows as CSV). One untimed warm-up of each, then the timed runs
 * interleaved (app, native, app, native …) so that a change in the machine's load hits both alike.
 */
async function importCase(
  session: BenchBrowser,
  caseName: string,
  rows: number,
  appFile: string,
  nativeFile: string,
  runs: number,
  timeoutMs: number,
  note?: string,
): Promise<BenchCase> {
  log(`${caseName}: warm-up …`);
  const app: number[] = [];
  const confirm: number[] = [];
  // Phases, ms from the file handed over: the app's import marks, then the progress bar.
  const phases: Record<keyof typeof IMPORT_MARKS | 'parsed' | 'inserted', number[]> = { started: [], planned: [], read: [], typed: [], parsed: [], inserted: [] };
  const baselineRss: number[] = [];
  const baselinePss: number[] = [];
  const native: number[] = [];
  let appPeak = 0;
  let appPeakPss = 0;
  let nativePeak = 0;
  let error: string | undefined;
  const appRun = async (timed: boolean) => {
    if (error !== undefined) return;
    try {
      const result = await importThroughUi(session, appFile, { confirm: true, timeoutMs });
      if (result.importedRows !== rows) throw new Error(`the app reports ${result.importedRows} rows imported of ${rows}`);
      if (!timed) return;
      app.push(result.ms);
      if (result.confirmMs !== null) confirm.push(result.confirmMs);
      for (const [key, ms] of Object.entries({ ...result.marksMs, parsed: result.parsedMs, inserted: result.insertedMs })) if (ms !== null) phases[key as keyof typeof phases].push(ms);
      baselineRss.push(result.baseline.rssMb);
      baselinePss.push(result.baseline.pssMb);
      appPeak = Math.max(appPeak, result.peakRssMb);
      appPeakPss = Math.max(appPeakPss, result.peak.pssMb);
    } catch (e) {
      error = message(e);
      log(`${caseName}: the app failed: ${error}`);
    }
  };
  const nativeRun = async (timed: boolean) => {
    const result = await nativeImport(nativeFile);
    if (result.rows !== rows) throw new Error(`native read ${result.rows} rows of ${rows}`);
    if (!timed) return;
    native.push(result.ms);
    nativePeak = Math.max(nativePeak, result.peak_rss_mb);
  };
  await appRun(false);
  await nativeRun(false);
  for (let i = 0; i < runs; i++) {
    await appRun(true);
    await nativeRun(true);
    log(`${caseName}: run ${i + 1}/${runs}: app ${app.at(-1)?.toFixed(0) ?? '–'} ms, native ${native.at(-1)!.toFixed(0)} ms`);
  }
  const phase = (key: keyof typeof phases) => round(median(phases[key]));
  return describe(caseName, rows, app, native, {
    peak_rss_mb: app.length > 0 ? round(appPeak) : null,
    peak_pss_mb: app.length > 0 ? round(appPeakPss) : null,
    baseline_rss_mb: round(median(baselineRss)),
    baseline_pss_mb: round(median(baselinePss)),
    native_peak_rss_mb: round(nativePeak),
    // Delimited text: started/planned/read/typed from the app's marks, parsed null. A workbook: no marks
    // (null), parsed = the worker's parse done.
    app_phases_ms: {
      started: phase('started'),
      planned: phase('planned'),
      read: phase('read'),
      typed: phase('typed'),
      parsed: phase('parsed'),
      inserted: phase('inserted'),
      mapping_view: round(median(app)),
    },
    app_confirm_ms: round(median(confirm)),
    ...(error !== undefined ? { error } : {}),
    ...(note !== undefined ? { note } : {}),
  });
}

/** A bench/query-child.ts process: one engine, asked for one query run at a time. */
class QueryChild {
  private readonly child: ChildProcess;
  private waiting: { resolve: (reply: ChildReply) => void; reject: (error: Error) => void } | undefined;

  constructor(readonly engine: EngineKind) {
    // The child's stdout goes to our stderr: our stdout is for the result alone.
    this.child = fork(path.join(BENCH, 'query-child.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 2, 2, 'ipc'] });
    this.child.on('message', (reply: ChildReply) => {
      const waiting = this.waiting;
      this.waiting = undefined;
      if (reply.type === 'failed') waiting?.reject(new Error(`${engine}: ${reply.message}`));
      else waiting?.resolve(reply);
    });
    this.child.on('exit', (code) => this.waiting?.reject(new Error(`the ${engine} query process exited (${code})`)));
  }

  ask<T extends ChildReply['type']>(request: ChildRequest, expect: T): Promise<Extract<ChildReply, { type: T }>> {
    return new Promise((resolve, reject) => {
      this.waiting = {
        resolve: (reply) => (reply.type === expect ? resolve(reply as Extract<ChildReply, { type: T }>) : reject(new Error(`unexpected ${reply.type}`))),
        reject,
      };
      this.child.send(request);
    });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || !this.child.connected) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send({ type: 'exit' } satisfies ChildRequest);
    await exited;
  }
}

/**
 * Case 2: every filtered analysis on the extract, the app's DuckDB-WASM under Node against native, each
 * engine in a process of its own; per case one untimed warm-up of each, then the timed runs interleaved.
 * `same_result` says whether both engines gave the same rows.
 */
export async function queryCases(file: string, rows: number, runs: number): Promise<{ cases: BenchCase[]; setup: Record<string, unknown> }> {
  log(`queries on ${rows.toLocaleString('en')} rows: loading into DuckDB-WASM under Node (loadSource) and native DuckDB (read_csv + the app's model SQL) …`);
  const wasm = new QueryChild('wasm-node');
  const native = new QueryChild('native');
  try {
    const wasmLoaded = await wasm.ask({ type: 'load', engine: 'wasm-node', file }, 'loaded');
    const nativeLoaded = await native.ask({ type: 'load', engine: 'native', file, like: wasmLoaded.like }, 'loaded');
    if (wasmLoaded.rows !== rows || nativeLoaded.rows !== rows) throw new Error(`loaded ${wasmLoaded.rows} (wasm-node) and ${nativeLoaded.rows} (native) rows of ${rows}`);
    const cases: BenchCase[] = [];
    const list = queryList();
    for (let index = 0; index < list.length; index++) {
      const app: number[] = [];
      const nat: number[] = [];
      let appPeak = 0;
      let nativePeak = 0;
      const first = { app: await wasm.ask({ type: 'run', index }, 'ran'), native: await native.ask({ type: 'run', index }, 'ran') };
      for (let i = 0; i < runs; i++) {
        const a = await wasm.ask({ type: 'run', index }, 'ran');
        const n = await native.ask({ type: 'run', index }, 'ran');
        app.push(a.ms);
        nat.push(n.ms);
        appPeak = Math.max(appPeak, a.peakRssMb);
        nativePeak = Math.max(nativePeak, n.peakRssMb);
      }
      const name = `query ${caseName(list[index]!)} on ${rowsLabel(rows)} (wasm-node)`;
      log(`${name}: ${median(app)!.toFixed(0)} ms, native ${median(nat)!.toFixed(0)} ms`);
      cases.push(
        describe(name, rows, app, nat, {
          peak_rss_mb: round(appPeak),
          native_peak_rss_mb: round(nativePeak),
          result_rows: first.app.rows,
          same_result: first.app.digest === first.native.digest && first.app.rows === first.native.rows,
        }),
      );
    }
    return {
      cases,
      setup: {
        rows,
        wasm_node_load_ms: round(wasmLoaded.loadMs),
        native_load_ms: round(nativeLoaded.loadMs),
        note: "one load each, before the query runs: wasm-node = the app's loadSource (import, shape, canonical tables, matching); native = read_csv + the app's createModel/addSource/refreshMappings",
      },
    };
  } finally {
    await Promise.all([wasm.close(), native.close()]);
  }
}

/**
 * The optional coi trial (`--only coi`): DuckDB-WASM's read_csv of the 1M-row extract in Chromium, the
 * eh bundle against the coi bundle (pthreads, open({ maximumThreads: 2 })). No native counterpart;
 * `runs` is the timed runs attempted, `failures` how many of them failed.
 */
async function coiTrialCases(file: string, rows: number, runs: number): Promise<{ cases: BenchCase[]; chromium: string | null }> {
  log(`trial read_csv ${rowsLabel(rows)}: eh against coi in Chromium, a fresh browser per run …`);
  const { trials, chromium } = await coiTrial(file, rows, runs);
  const cases = trials.map((trial) => {
    const name = `trial read_csv ${rowsLabel(rows)} ${trial.variant.bundle} (chromium)`;
    const failed = trial.readCsvMs.length === 0 ? (trial.firstFailure ?? trial.warmupFailure ?? 'no run succeeded') : undefined;
    return describe(name, rows, trial.readCsvMs, [], {
      runs,
      peak_rss_mb: round(trial.peakRssMb),
      cold_start_ms: round(median(trial.coldStartMs)),
      cold_start_runs_ms: trial.coldStartMs.map((ms) => round(ms)!),
      instantiate_ms: round(median(trial.instantiateMs)),
      open_ms: round(median(trial.openMs)),
      failures: trial.failures,
      first_failure: trial.firstFailure,
      ...(trial.warmupFailure !== null ? { warmup_failure: trial.warmupFailure } : {}),
      bundle: variantLabel(trial.variant),
      threads: trial.threads,
      ...(failed !== undefined ? { error: failed } : {}),
      note: "DuckDB-WASM's own read_csv (CREATE TABLE t AS SELECT * FROM read_csv(…, delim = ';', header = true)) of the registered file, not the app's pipeline; app_ms = its median, cold_start_ms = instantiate + open; a fresh Chromium per run, served with COOP/COEP by bench/coi-trial.ts",
    });
  });
  return { cases, chromium };
}

/** A county chosen and cleared on the 1M-row extract, per tab, until the view has redrawn (filterChangeTimes). */
async function filterCases(session: BenchBrowser, file: string, rows: number, runs: number): Promise<BenchCase[]> {
  const tabs = ['Insatser', 'Trender'];
  log(`filter change on 1M: ${tabs.join(', ')} …`);
  try {
    const times = await filterChangeTimes(session, file, tabs, runs);
    return tabs.map((tab) =>
      describe(`filter change on 1M: ${tab} (chromium)`, rows, times[tab] ?? [], [], {
        note: `the county filter set and cleared ${runs} times each on the "${tab}" tab: from the select's change event to the frame after the view stopped being busy (every query settled, the charts redrawn); no native counterpart`,
      }),
    );
  } catch (e) {
    return tabs.map((tab) => ({ ...describe(`filter change on 1M: ${tab} (chromium)`, rows, [], []), error: message(e) }));
  }
}

/**
 * Start to first chart: cold (a fresh profile), through a dropped file and through Öppna exempeldata,
 * and repeat (the same profile started again).
 */
async function startCases(session: BenchBrowser, runs: number): Promise<BenchCase[]> {
  const drop = { kind: 'drop', file: COLD_START_SAMPLE } as const;
  const cold = await startCase('cold start to first chart (chromium)', runs, () => startToChart(session, { kind: 'fresh' }, drop));
  cold.note = `new browser context (nothing cached) → page load → ${path.basename(COLD_START_SAMPLE)} dropped and confirmed → "Insatser" → first figure.chart; no native counterpart`;
  const samples = await startCase('cold start to first chart, Öppna exempeldata (chromium)', runs, () => startToChart(session, { kind: 'fresh' }, { kind: 'samples', files: SAMPLE_FILES }), 0);
  samples.note = `rows 0: five files of every shape; new browser context → page load → "Öppna exempeldata" clicked → its ${SAMPLE_FILES} files loaded (each confirmed as detected) → "Insatser" → first figure.chart; no native counterpart`;
  // One profile for the warm-up and every run: each run is the analyst's next morning.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'metodkartan-profile-'));
  try {
    const repeat = await startCase('repeat start to first chart (chromium)', runs, () => startToChart(session, { kind: 'kept', dir }, drop));
    repeat.note = `Chromium started again on the profile the warm-up left (HTTP and code cache, localStorage) → page load → the same file dropped and confirmed → "Insatser" → first figure.chart; timed from the browser being up (browser_launched_ms apart)`;
    return [cold, samples, repeat];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function startCase(caseName: string, runs: number, start: () => Promise<ColdStartRun>, rows = 3_896): Promise<BenchCase> {
  log(`${caseName}: warm-up …`);
  const times: number[] = [];
  const phases: Record<string, number[]> = {};
  let peak = 0;
  try {
    await start();
    for (let i = 0; i < runs; i++) {
      const result = await start();
      times.push(result.ms);
      peak = Math.max(peak, result.peakRssMb);
      for (const [key, value] of Object.entries(result.phases)) if (Number.isFinite(value)) (phases[key] ??= []).push(value);
      log(`${caseName}: run ${i + 1}/${runs}: ${result.ms.toFixed(0)} ms`);
    }
  } catch (e) {
    return { ...describe(caseName, rows, times, []), error: message(e) };
  }
  return describe(caseName, rows, times, [], {
    peak_rss_mb: round(peak),
    phases_ms: Object.fromEntries(Object.entries(phases).map(([key, values]) => [key, round(median(values))])),
  });
}

function machine(chromiumVersion: string | null, duckdbNative: string | null): Record<string, unknown> {
  const cpus = os.cpus();
  const wasmPackage = JSON.parse(readFileSync(path.resolve('node_modules/@duckdb/duckdb-wasm/package.json'), 'utf8')) as { version: string };
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memory_gb: round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: chromiumVersion,
    duckdb_wasm: `@duckdb/duckdb-wasm ${wasmPackage.version} (eh bundle)`,
    duckdb_native: duckdbNative,
    load_average_at_start: os.loadavg().map((v) => round(v, 2)),
    date: new Date().toISOString(),
  };
}

async function nativeVersion(): Promise<string | null> {
  try {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const [row] = (await connection.runAndReadAll("SELECT version() AS v, current_setting('threads') AS t")).getRowObjectsJS();
    connection.closeSync();
    instance.closeSync();
    return `@duckdb/node-api, DuckDB ${String(row?.v)}, ${String(row?.t)} threads`;
  } catch {
    return null;
  }
}

interface Target {
  target: string;
  met: boolean | null;
  detail: string;
}

/** The targets of issue 17 (import) and the earlier ones for queries and cold start; see bench/README.md. */
function targets(cases: BenchCase[]): Target[] {
  const find = (prefix: string) => cases.find((c) => c.name.startsWith(prefix));
  const done = (c: BenchCase) => c.error === undefined && c.app_ms !== null;
  const vsNative = (c: BenchCase) => `${c.app_ms} ms in the app vs ${c.native_ms} ms native: ${c.ratio}×`;
  const result: Target[] = [];
  const withinNative = (c: BenchCase, rows: string, factor: number, goal = false) =>
    result.push({
      target: `import of ${rows} rows within ${factor}× native${goal ? ' (the goal beyond issue 17)' : ''}`,
      met: done(c) && c.ratio !== null && c.ratio <= factor,
      detail: c.error ?? vsNative(c),
    });
  const import1m = find('import csv 1M ');
  if (import1m) {
    withinNative(import1m, '1M', 2.5);
    withinNative(import1m, '1M', 1.5, true);
    const confirm = import1m.app_confirm_ms as number | null;
    result.push({
      target: 'Importera at 1M rows within 0.5 s',
      met: done(import1m) && confirm !== null && confirm <= 500,
      detail: import1m.error ?? `${confirm} ms from "Importera" clicked to the file's own view (app_confirm_ms)`,
    });
  }
  const five = find('import csv 5M ');
  if (five) {
    withinNative(five, '5M', 2.5);
    const pss = five.peak_pss_mb ?? null;
    result.push({
      target: '5M rows import peak memory under 1 GB',
      met: done(five) && pss !== null && pss <= 1024,
      detail:
        five.error ??
        `peak PSS ${pss} MB summed over Chromium's processes, judged on PSS since the VmRSS sum (${five.peak_rss_mb} MB) counts pages shared between them once per process; idle app before the file: PSS ${five.baseline_pss_mb} MB, VmRSS ${five.baseline_rss_mb} MB`,
    });
  }
  const xlsx = find('import xlsx 50k');
  if (xlsx) result.push({ target: 'XLSX 50k rows to the mapping view within 1 s', met: done(xlsx) && xlsx.app_ms! <= 1000, detail: xlsx.error ?? `${xlsx.app_ms} ms` });
  const queries = cases.filter((c) => c.name.startsWith('query '));
  if (queries.length > 0) {
    const slow = queries.filter((c) => c.app_ms === null || c.app_ms >= 100);
    result.push({
      target: 'every analysis query on 1M rows under 100 ms median',
      met: slow.length === 0,
      detail: slow.length === 0 ? `slowest ${Math.max(...queries.map((c) => c.app_ms ?? 0))} ms` : `over 100 ms: ${slow.map((c) => `${c.name} ${c.app_ms} ms`).join('; ')}`,
    });
  }
  const cold = find('cold start');
  if (cold) result.push({ target: 'cold start to first chart within 2.0 s', met: cold.app_ms !== null && cold.app_ms <= 2000, detail: cold.error ?? `${cold.app_ms} ms` });
  for (const c of cases.filter((x) => x.name.startsWith('filter change'))) {
    result.push({ target: `${c.name.replace(' (chromium)', '')} redrawn within 150 ms`, met: done(c) && c.app_ms! <= 150, detail: c.error ?? `${c.app_ms} ms (median)` });
  }
  const viaSamples = find('cold start to first chart, Öppna');
  if (viaSamples) result.push({ target: 'cold start to first chart through Öppna exempeldata within 2.0 s', met: viaSamples.app_ms !== null && viaSamples.app_ms <= 2000, detail: viaSamples.error ?? `${viaSamples.app_ms} ms` });
  const repeat = find('repeat start');
  if (repeat) result.push({ target: 'repeat start to first chart within 1.2 s', met: repeat.app_ms !== null && repeat.app_ms <= 1200, detail: repeat.error ?? `${repeat.app_ms} ms` });
  return result;
}

function table(cases: BenchCase[]): string {
  const header = ['case', 'rows', 'app ms', 'native ms', 'ratio', 'peak RSS MB', 'peak PSS MB', 'runs'];
  const rows = cases.map((c) => [
    c.name + (c.error ? ' (failed, see below)' : ''),
    c.rows.toLocaleString('en'),
    c.app_ms === null ? '–' : c.app_ms.toFixed(0),
    c.native_ms === null ? '–' : c.native_ms.toFixed(0),
    c.ratio === null ? '–' : `${c.ratio.toFixed(2)}×`,
    c.peak_rss_mb === null ? '–' : c.peak_rss_mb.toFixed(0),
    c.peak_pss_mb === undefined || c.peak_pss_mb === null ? '–' : c.peak_pss_mb.toFixed(0),
    String(c.runs),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const failures = cases.filter((c) => c.error).map((c) => `${c.name}: ${c.error}`);
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ...(failures.length > 0 ? ['', ...failures] : [])].join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  // Only the result on stdout: anything else a library prints goes to stderr.
  console.log = (...args: unknown[]) => log(args.map(String).join(' '));
  await mkdir(DATA, { recursive: true });

  const cases: BenchCase[] = [];
  let querySetup: Record<string, unknown> | undefined;
  let session: BenchBrowser | undefined;
  let trialChromium: string | null = null;
  const needsBrowser = ['import', 'cold', 'filter', 'xlsx'].some((what) => options.only.has(what));
  const startLoad = os.loadavg();
  try {
    if (needsBrowser) {
      if (options.build) {
        log('building the renderer (npm run build:web) …');
        await run('npm', ['run', '--silent', 'build:web'], false);
      }
      session = await startBrowser();
    }
    if (options.only.has('import')) {
      for (const size of options.sizes) {
        const rows = SIZES[size]!;
        const file = await dataFile(`usage-${size}.csv`, rows, (f) => writeUsageCsv(f, rows));
        const runs = size === '5m' ? options.runs5m : options.runs;
        const result = await importCase(session!, `import csv ${LABEL[size]} (chromium)`, rows, file, file, runs, size === '5m' ? 900_000 : 300_000);
        if (size === '1m') {
          // Reference: DuckDB-WASM's own read_csv on the same file (not the app's pipeline).
          log(`${result.name}: reference, DuckDB-WASM read_csv under Node …`);
          const reference = JSON.parse((await runTs('wasm-read-csv.ts', [file, String(runs)])).trim().split('\n').pop()!) as { times_ms: number[]; rows: number };
          result.reference_wasm_node_read_csv_ms = round(median(reference.times_ms));
          result.reference_note = "reference_wasm_node_read_csv_ms: DuckDB-WASM's own read_csv of the same file under Node (bench/wasm-read-csv.ts), not the app's pipeline";
        }
        cases.push(result);
      }
    }
    if (options.only.has('query')) {
      const rows = SIZES['1m']!;
      const file = await dataFile('usage-1m.csv', rows, (f) => writeUsageCsv(f, rows));
      const result = await queryCases(file, rows, options.runs);
      cases.push(...result.cases);
      querySetup = result.setup;
    }
    if (options.only.has('cold')) cases.push(...(await startCases(session!, options.runs)));
    if (options.only.has('filter')) {
      const rows = SIZES['1m']!;
      const file = await dataFile('usage-1m.csv', rows, (f) => writeUsageCsv(f, rows));
      cases.push(...(await filterCases(session!, file, rows, options.runs)));
    }
    if (options.only.has('xlsx')) {
      const rows = 50_000;
      const xlsx = await dataFile('usage-xlsx-50k.xlsx', rows, (f) => writeUsageXlsx(f, rows));
      const csv = await dataFile('usage-xlsx-50k.csv', rows, (f) => writeUsageCsv(f, rows));
      cases.push(
        await importCase(
          session!,
          'import xlsx 50k (chromium)',
          rows,
          xlsx,
          csv,
          options.runs,
          60_000,
          'native: read_csv of the same 50,000 rows written as CSV; native DuckDB reads XLSX only through its excel extension, which is downloaded at run time and so unavailable offline',
        ),
      );
    }
    if (options.only.has('coi')) {
      const rows = SIZES['1m']!;
      const file = await dataFile('usage-1m.csv', rows, (f) => writeUsageCsv(f, rows));
      const trial = await coiTrialCases(file, rows, options.runs);
      cases.push(...trial.cases);
      trialChromium = trial.chromium;
    }
    const result = {
      machine: {
        ...machine(session ? session.browser.version() : trialChromium, await nativeVersion()),
        load_average_at_start: startLoad.map((v) => round(v, 2)),
        load_average_at_end: os.loadavg().map((v) => round(v, 2)),
      },
      runs: { default: options.runs, '5M': options.runs5m, warmup: 1 },
      cases,
      ...(querySetup ? { query_setup: querySetup } : {}),
      targets: targets(cases),
    };
    if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      process.stdout.write(`${table(cases)}\n\n`);
      for (const t of result.targets) process.stdout.write(`${t.met ? 'met   ' : 'missed'}  ${t.target}: ${t.detail}\n`);
    }
  } finally {
    await session?.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}
