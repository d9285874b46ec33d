// An optional trial, not one of the app's cases (`npm run bench -- --only coi`): DuckDB-WASM's `coi`
// bundle (pthreads, needs cross-origin isolation) against the `eh` bundle the app ships, in headless
// Debian Chromium with the flags of test/e2e/app-session.ts. It keeps the comparison that decided for eh
// reproducible (bench/README.md, "The coi trial").
//
// Its own small server on 127.0.0.1 sends COOP/COEP (the app's server and Electron's app:// do not), and
// serves the page script (bench/coi-trial-page.ts, bundled now with esbuild from node_modules), the
// bundles' files from node_modules/@duckdb/duckdb-wasm/dist and the extract. No network.
//
// Each run is a fresh Chromium: instantiate + open (cold start), the CSV fetched and registered
// (untimed), then `CREATE TABLE t AS SELECT * FROM read_csv(…)` timed, and the rows counted. One untimed
// warm-up of each bundle, then eh and coi interleaved. A failed run is counted, not fatal: the coi build
// fails now and then ("RangeError: offset is out of bounds", duckdb/duckdb-wasm#2256).
import { createReadStream, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../test/e2e/app-session';
import type { TrialOptions, TrialResult } from './coi-trial-page';
import { processTree, sampleRss } from './rss';

const BENCH = path.resolve(import.meta.dirname);
const DIST = path.resolve(BENCH, '..', 'node_modules', '@duckdb', 'duckdb-wasm', 'dist');
/** The only files of the package the page may ask for. */
const DIST_FILES = new Set([
  'duckdb-eh.wasm',
  'duckdb-browser-eh.worker.js',
  'duckdb-coi.wasm',
  'duckdb-browser-coi.worker.js',
  'duckdb-browser-coi.pthread.worker.js',
]);

export interface TrialVariant {
  bundle: 'eh' | 'coi';
  maximumThreads?: number;
}

/** eh as the app starts it; coi capped at two threads (this machine's cores) through open(). */
export const TRIAL_VARIANTS: TrialVariant[] = [{ bundle: 'eh' }, { bundle: 'coi', maximumThreads: 2 }];

export interface BundleTrial {
  variant: TrialVariant;
  /** Timed runs that succeeded (a failed run adds to `failures` instead). */
  readCsvMs: number[];
  coldStartMs: number[];
  instantiateMs: number[];
  openMs: number[];
  failures: number;
  firstFailure: string | null;
  warmupFailure: string | null;
  /** Highest summed VmRSS of the run's Chromium (browser and all its processes), MB, over the timed runs. */
  peakRssMb: number | null;
  threads: string | null;
  crossOriginIsolated: boolean | null;
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;

const PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>coi trial</title></head><body><script type="module" src="/page.js"></script></body></html>';

async function bundlePage(): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [path.join(BENCH, 'coi-trial-page.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.contents;
}

/** The trial's server: 127.0.0.1 only, COOP same-origin + COEP require-corp on every response. */
async function startTrialServer(csv: string): Promise<{ url: string; close(): Promise<void> }> {
  const script = await bundlePage();
  const server = http.createServer((request, response) => {
    const headers: Record<string, string> = {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cache-Control': 'no-store',
    };
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (pathname === '/') return response.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE);
    if (pathname === '/page.js') return response.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(script);
    let file: string | null = null;
    if (pathname === '/extract.csv') file = csv;
    else if (pathname.startsWith('/dist/') && DIST_FILES.has(pathname.slice('/dist/'.length))) file = path.join(DIST, pathname.slice('/dist/'.length));
    if (file === null) return response.writeHead(404).end();
    const type = file.endsWith('.wasm') ? 'application/wasm' : file.endsWith('.js') ? 'text/javascript' : 'text/csv';
    response.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': String(statSync(file).size) });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Chromium processes that are direct children of this process. */
function chromiumChildren(): Set<number> {
  const children = new Set<number>();
  for (const pid of processTree(process.pid)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '';
      if (ppid === process.pid && /chrom/i.test(command)) children.add(pid);
    } catch {
      // Gone while we looked.
    }
  }
  return children;
}

/**
 * Summed VmRSS of the processes under `roots` (one Chromium: browser, renderer, GPU, utility), MB. Only
 * the trial's own browser: another Chromium this process runs (the app cases' session) is not counted.
 */
function rssOfTrees(roots: readonly number[]): number {
  let sum = 0;
  for (const root of roots) {
    for (const pid of processTree(root)) {
      try {
        sum += Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
      } catch {
        // Gone while we looked.
      }
    }
  }
  return sum;
}

type PageWindow = Window & { runTrial(options: TrialOptions): Promise<TrialResult>; trialSteps?: string[]; trialReady?: boolean };

/** One run of one variant in a fresh Chromium. Throws with the page's last step when it fails. */
async function oneRun(url: string, variant: TrialVariant, timeoutMs: number): Promise<TrialResult & { peakRssMb: number; chromium: string }> {
  const before = chromiumChildren();
  const browser: Browser = await chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS });
  const roots = [...chromiumChildren()].filter((pid) => !before.has(pid));
  const sampler = sampleRss(() => rssOfTrees(roots), 100);
  let crashed = false;
  const pageErrors: string[] = [];
  try {
    const page = await (await browser.newContext()).newPage();
    page.on('crash', () => (crashed = true));
    page.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as PageWindow).trialReady === true, null, { timeout: 30_000 });
      const options: TrialOptions = { ...variant, csvUrl: '/extract.csv' };
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${Math.round(timeoutMs / 1000)} s${crashed ? ' (the page crashed)' : ''}`)), timeoutMs);
      });
      try {
        const result = await Promise.race([page.evaluate((o) => (window as unknown as PageWindow).runTrial(o), options), timeout]);
        return { ...result, peakRssMb: sampler.stop(), chromium: browser.version() };
      } finally {
        clearTimeout(timer);
      }
    } catch (error) {
      const steps = await Promise.race([
        page.evaluate(() => (window as unknown as PageWindow).trialSteps ?? []).catch(() => []),
        new Promise<string[]>((resolve) => setTimeout(() => resolve([]), 5_000)),
      ]);
      const last = steps.at(-1);
      const extra = pageErrors.length > 0 ? `; page error: ${pageErrors[0]}` : '';
      throw new Error(`${message(error).replace(/^page\.evaluate: /, '')}${last ? ` (last step: ${last})` : ''}${extra}`, { cause: error });
    }
  } finally {
    sampler.stop();
    await browser.close().catch(() => undefined);
  }
}

export const variantLabel = (variant: TrialVariant) => `${variant.bundle}${variant.maximumThreads !== undefined ? ` (maximumThreads ${variant.maximumThreads})` : ''}`;

/**
 * The trial on `csv` (`rows` rows): one untimed warm-up of each variant, then `runs` timed runs,
 * variants interleaved (eh, coi, eh, coi …) so that a change in the machine's load hits both alike.
 */
export async function coiTrial(csv: string, rows: number, runs: number, timeoutMs = 120_000): Promise<{ trials: BundleTrial[]; chromium: string | null }> {
  const server = await startTrialServer(csv);
  const trials: BundleTrial[] = TRIAL_VARIANTS.map((variant) => ({
    variant,
    readCsvMs: [],
    coldStartMs: [],
    instantiateMs: [],
    openMs: [],
    failures: 0,
    firstFailure: null,
    warmupFailure: null,
    peakRssMb: null,
    threads: null,
    crossOriginIsolated: null,
  }));
  let version: string | null = null;
  try {
    for (let i = 0; i <= runs; i++) {
      const timed = i > 0;
      for (const trial of trials) {
        const label = `trial ${variantLabel(trial.variant)}: ${timed ? `run ${i}/${runs}` : 'warm-up'}`;
        try {
          const result = await oneRun(server.url, trial.variant, timeoutMs);
          if (result.rows !== rows) throw new Error(`read ${result.rows} rows of ${rows}`);
          if (!result.crossOriginIsolated) throw new Error('the page is not cross-origin isolated');
          version = result.chromium;
          trial.threads = result.threads;
          trial.crossOriginIsolated = result.crossOriginIsolated;
          log(`${label}: cold start ${result.coldStartMs.toFixed(0)} ms, read_csv ${result.readCsvMs.toFixed(0)} ms, ${result.threads} thread(s), peak ${result.peakRssMb.toFixed(0)} MB`);
          if (!timed) continue;
          trial.readCsvMs.push(result.readCsvMs);
          trial.coldStartMs.push(result.coldStartMs);
          trial.instantiateMs.push(result.instantiateMs);
          trial.openMs.push(result.openMs);
          trial.peakRssMb = Math.max(trial.peakRssMb ?? 0, result.peakRssMb);
        } catch (error) {
          const why = message(error);
          log(`${label}: failed: ${why}`);
          if (!timed) trial.warmupFailure = why;
          else {
            trial.failures++;
            trial.firstFailure ??= why;
          }
        }
      }
    }
  } finally {
    await server.close();
  }
  return { trials, chromium: version };
}
