// The app as users run it, in headless Debian Chromium (never a downloaded browser) against the built
// renderer (dist/renderer) served on 127.0.0.1 by scripts/serve-web.ts, with the launch flags of
// test/e2e/app-session.ts. Files reach the app only through its UI: the "Öppna fil…" button and the
// browser's file chooser (the file is read from disk by Chromium, as a user's file is), or a drop.
//
// Timing happens in the page: an init script watches the DOM and stamps each milestone (the mapping
// view's "Importera <file>" heading, the file's own heading once confirmed, the first chart) with the
// page's clock as it happens; the stamps are brought onto Node's clock by a measured offset.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type FileChooser, type Page } from 'playwright-core';
import { startWebServer, type WebServer } from '../scripts/serve-web';
import { CHROMIUM_ARGS, chromiumPath, dropFile } from '../test/e2e/app-session';
import { memoryOf, processTree, pssOf, sampleMemory, sampleRss, type MemoryMb } from './rss';

export interface BenchBrowser {
  server: WebServer;
  browser: Browser;
  close(): Promise<void>;
}

export async function startBrowser(): Promise<BenchBrowser> {
  const root = path.resolve('dist/renderer');
  if (!existsSync(path.join(root, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build:web` first');
  const server = await startWebServer(root);
  const browser = await chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS });
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** The pids of every Chromium process this process started (browser, renderers, GPU, utility). */
function chromiumPids(): number[] {
  const pids: number[] = [];
  for (const pid of processTree(process.pid)) {
    if (pid === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (/chrom/i.test(cmdline.split('\0')[0] ?? '')) pids.push(pid);
    } catch {
      // Gone while we looked.
    }
  }
  return pids;
}

/** Resident memory of every Chromium process this process started (browser, renderers, GPU, utility), summed. */
export function chromiumRssMb(): number {
  return chromiumPids().reduce((sum, pid) => sum + memoryOf(pid).rssMb, 0);
}

/**
 * The same processes' VmRSS summed (shared pages counted once per process that maps them) and, unless
 * `withPss` is false (then pssMb is 0), their PSS summed (each shared page divided among its sharers, so
 * counted once in all).
 */
export function chromiumMemoryMb(withPss = true): MemoryMb {
  let rssMb = 0;
  let pssMb = 0;
  for (const pid of chromiumPids()) {
    rssMb += memoryOf(pid).rssMb;
    if (withPss) pssMb += pssOf(pid);
  }
  return { rssMb, pssMb };
}

/** What the page's watcher records: milestone name → page epoch time (ms). */
type Stamps = Record<string, number>;
type BenchWindow = Window & { __benchStamps?: Stamps; __benchError?: string; __benchWatch?: (name: string) => void };

/**
 * Runs in every page before the app: stamps the first moment each milestone holds. `mapping`: the
 * heading "Importera <file>"; `bar`: the status line's progress bar shown (the import begun); `parsed`:
 * the bar at half way (for workbooks, JSON and Parquet: the worker's parse done; for delimited text,
 * read by DuckDB in 8 MB pieces, just past half the pieces, which marks nothing); `inserted`: the bar
 * gone (the rows in DuckDB, typed, and the unit column found); `loaded`: the file's own heading
 * (confirmed, in the model); `chart`: the
 * first figure.chart; `ready`: the app drawn and idle (engine started, nothing loading); `engine`: the
 * status line's "Startar databasmotorn …" gone; `error`: an error message shown.
 * Plain JavaScript in a string: a function would reach the page as tsx compiled it, with helpers
 * (esbuild's __name) the page does not have.
 */
const WATCHER = `(() => {
  const stamps = {};
  window.__benchStamps = stamps;
  let file = '';
  window.__benchWatch = (name) => {
    file = name;
    for (const key of ['bar', 'parsed', 'inserted', 'mapping', 'loaded', 'error']) delete stamps[key];
    delete window.__benchError;
  };
  const now = () => performance.timeOrigin + performance.now();
  const stamp = (key, holds) => {
    if (stamps[key] === undefined && holds()) stamps[key] = now();
  };
  const headings = () => Array.from(document.querySelectorAll('h2'), (h) => h.textContent || '');
  const check = () => {
    const status = document.querySelector('.status');
    stamp('ready', () => document.querySelector('h1') !== null && status?.textContent === '');
    // The engine has started once the status line no longer says so (it may say something else by then).
    stamp('starting', () => status !== null && (status.textContent || '').includes('Startar databasmotorn'));
    stamp('engine', () => stamps.starting !== undefined && status !== null && !(status.textContent || '').includes('Startar databasmotorn'));
    if (file !== '') {
      // The status line's progress bar: shown while the app imports the file (renderer/src/app/use-workspace.ts).
      const bar = document.querySelector('.status progress');
      stamp('bar', () => bar !== null);
      stamp('parsed', () => bar !== null && bar.value >= 50);
      stamp('inserted', () => stamps.bar !== undefined && bar === null);
      stamp('mapping', () => headings().includes('Importera ' + file));
      stamp('loaded', () => stamps.mapping !== undefined && headings().includes(file));
    }
    stamp('chart', () => document.querySelector('figure.chart') !== null);
    const errors = document.querySelector('.errors');
    if (errors && window.__benchError === undefined) {
      window.__benchError = errors.textContent || 'error';
      stamps.error = now();
    }
  };
  const start = () => new MutationObserver(check).observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['value'] });
  if (document.documentElement) start();
  else document.addEventListener('DOMContentLoaded', start);
})();`;

/** Page clock minus Node clock (ms), both as epoch milliseconds. */
async function clockOffset(page: Page): Promise<number> {
  let best = { spread: Infinity, offset: 0 };
  for (let i = 0; i < 5; i++) {
    const before = performance.timeOrigin + performance.now();
    const pageNow = await page.evaluate(() => performance.timeOrigin + performance.now());
    const after = performance.timeOrigin + performance.now();
    if (after - before < best.spread) best = { spread: after - before, offset: pageNow - (before + after) / 2 };
  }
  return best.offset;
}

const nodeNow = () => performance.timeOrigin + performance.now();

async function stampsOf(page: Page): Promise<{ stamps: Stamps; error?: string }> {
  return page.evaluate(() => {
    const w = window as BenchWindow;
    return { stamps: { ...w.__benchStamps }, error: w.__benchError };
  });
}

/** Waits until one of `keys` is stamped (or an error is shown, or the page crashes); returns the stamps. */
async function waitForStamp(page: Page, keys: string[], timeoutMs: number, crashed: () => string | undefined): Promise<Stamps> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const why = crashed();
    if (why) throw new Error(why);
    const { stamps, error } = await stampsOf(page);
    if (error !== undefined) throw new Error(`the app showed an error: ${error.replace(/\s+/g, ' ').trim()}`);
    if (keys.some((key) => stamps[key] !== undefined)) return stamps;
    if (Date.now() > deadline) {
      const status = ((await page.locator('.status').textContent().catch(() => null)) ?? '').replace(/\s+/g, ' ').trim();
      throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${keys.join('/')}${status ? ` (the status line said: "${status}")` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function newAppPage(session: BenchBrowser): Promise<{ context: BrowserContext; page: Page; crashed: () => string | undefined }> {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'sv-SE' });
  await context.addInitScript(WATCHER);
  const page = await context.newPage();
  let crash: string | undefined;
  page.on('crash', () => (crash = 'the page crashed (out of memory?)'));
  return { context, page, crashed: () => crash };
}

/** The app's User Timing marks of a delimited import (renderer/src/import/import-file.ts, load-delimited.ts). */
export const IMPORT_MARKS = {
  /** `import:start`: the app begins the import (the file's bytes in the page, the model's tables made). */
  started: 'import:start',
  /** `import:planned`: encoding, delimiter and header row decided. */
  planned: 'import:planned',
  /** `import:read`: the rows in DuckDB as text (read_csv). */
  read: 'import:read',
  /** `import:typed`: the columns typed. */
  typed: 'import:typed',
} as const;

export interface ImportRun {
  /** File handed to the app (file chooser) → mapping view: read, decoded, detected, in DuckDB, profiled, matched. */
  ms: number;
  /**
   * Of `ms`, each from the file handed over: the app's import marks (IMPORT_MARKS; null when the app set
   * none, as for a workbook); `parsedMs`: the progress bar at half way, for a file without marks only
   * (a workbook: the worker's parse done), else null; `insertedMs`: the progress bar gone (the table made and its unit column found).
   */
  marksMs: Record<keyof typeof IMPORT_MARKS, number | null>;
  parsedMs: number | null;
  insertedMs: number | null;
  /** "Importera" clicked → the file's own view: canonical tables and name matching done. */
  confirmMs: number | null;
  /** Rows in DuckDB as the app's import report gives them (after confirming). */
  importedRows: number | null;
  /** Summed over Chromium's processes: VmRSS and PSS just before the file was handed over (the app idle, its engine started). */
  baseline: MemoryMb;
  /** The highest VmRSS sum and the highest PSS sum sampled from handing over the file to the confirmed import (VmRSS every 100 ms, PSS every 250 ms or more: sampleMemory). */
  peak: MemoryMb;
  /** = peak.rssMb. */
  peakRssMb: number;
}

/** The last `performance.mark` of each name in the page, as page epoch time (ms). */
async function marksOf(page: Page): Promise<Stamps> {
  return page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, performance.timeOrigin + m.startTime])));
}

/** The browser's file chooser, opened by "Öppna fil…" as a user opens it. */
async function openFileChooser(page: Page): Promise<FileChooser> {
  const chooser = page.waitForEvent('filechooser');
  chooser.catch(() => undefined); // awaited below; not unhandled should the click fail first
  await page.getByRole('button', { name: 'Öppna fil…', exact: true }).click();
  return chooser;
}

/**
 * One import of `file` in a fresh browser context (no cache, no remembered templates): open the app,
 * wait for its engine, hand it the file through "Öppna fil…", time until the mapping view, then confirm.
 */
export async function importThroughUi(session: BenchBrowser, file: string, options: { confirm: boolean; timeoutMs: number }): Promise<ImportRun> {
  const { context, page, crashed } = await newAppPage(session);
  try {
    await page.goto(session.server.url);
    await waitForStamp(page, ['ready'], 60_000, crashed);
    const name = path.basename(file);
    await page.evaluate((n) => (window as BenchWindow).__benchWatch!(n), name);
    const fileChooser = await openFileChooser(page);
    const baseline = chromiumMemoryMb();
    const sampler = sampleMemory(chromiumMemoryMb, 100, 250);
    try {
      const handed = nodeNow();
      await fileChooser.setFiles(file);
      let stamps = await waitForStamp(page, ['mapping'], options.timeoutMs, crashed);
      const offset = await clockOffset(page);
      const marks = await marksOf(page);
      const ms = stamps.mapping! - offset - handed;
      const since = (key: string) => (stamps[key] === undefined ? null : stamps[key] - offset - handed);
      const markSince = (name: string) => (marks[name] === undefined ? null : marks[name] - offset - handed);
      const marksMs = Object.fromEntries(Object.entries(IMPORT_MARKS).map(([key, name]) => [key, markSince(name)])) as ImportRun['marksMs'];
      // Half way means the worker's parse only where there is one: not for delimited text (marked).
      const parsedMs = marksMs.started === null ? since('parsed') : null;
      const insertedMs = since('inserted');
      let confirmMs: number | null = null;
      let importedRows: number | null = null;
      if (options.confirm) {
        const clicked = nodeNow();
        await page.getByRole('button', { name: 'Importera', exact: true }).click();
        stamps = await waitForStamp(page, ['loaded'], options.timeoutMs, crashed);
        confirmMs = stamps.loaded! - offset - clicked;
        // The import report: "1 000 000 rader lästa, 1 000 000 inlästa, 0 avvisade."
        const report = (await page.getByTestId('report-rows').textContent()) ?? '';
        const [read, imported] = (report.replace(/[\s\u00a0]/g, '').match(/\d+/g) ?? []).map(Number);
        importedRows = imported ?? null;
        if (read !== importedRows) throw new Error(`the app imported ${imported} of ${read} rows: ${report}`);
      }
      const peak = sampler.stop();
      return { ms, marksMs, parsedMs, insertedMs, confirmMs, importedRows, baseline, peak, peakRssMb: peak.rssMb };
    } finally {
      sampler.stop();
    }
  } finally {
    await context.close().catch(() => undefined);
  }
}

export interface ColdStartRun {
  /** The start (see startToChart) → first chart on "Insatser". */
  ms: number;
  phases: {
    /** Kept profile only: Chromium started on it (the browser process, before the app is asked for). */
    browser_launched_ms?: number;
    page_loaded_ms: number;
    /** The app's User Timing marks (renderer/src/db/duckdb-browser.ts): engine asked for; DuckDB-WASM instantiated (worker started, 34 MB wasm fetched and compiled); database opened. */
    engine_requested_ms: number;
    engine_instantiated_ms: number;
    engine_opened_ms: number;
    engine_started_ms: number;
    /** The model's tables and macros made (renderer/src/model/model.ts), which the first import waits for. */
    model_created_ms: number;
    /** The import's own marks (IMPORT_MARKS), for the file dropped. */
    import_started_ms: number;
    import_planned_ms: number;
    import_read_ms: number;
    import_typed_ms: number;
    /** A dropped file: its mapping view shown, and the file loaded after Importera. */
    mapping_ms?: number;
    loaded_ms?: number;
    first_chart_ms: number;
  };
  peakRssMb: number;
}

/**
 * Where a start begins. `fresh`: a new context of the running browser, nothing cached (the first start
 * of the app); timed from the context's creation. `kept`: Chromium started again on a profile an
 * earlier start left behind (its HTTP cache, code cache and localStorage: the analyst's second
 * morning); timed from the browser being up, its launch given apart as `browser_launched_ms`.
 */
export type StartProfile = { kind: 'fresh' } | { kind: 'kept'; dir: string };

/** How the first data arrives: a file dropped on the window and confirmed, or Öppna exempeldata (`files` samples). */
export type StartVia = { kind: 'drop'; file: string } | { kind: 'samples'; files: number };

/**
 * Start to first chart: the page loaded; as soon as the app shows, one small sample dropped on the
 * window and its mapping confirmed as detected, or Öppna exempeldata clicked and its files loaded; then
 * the "Insatser" tab, until its first chart is in the page. For the samples the import marks are those
 * of the last delimited file read.
 */
export async function startToChart(session: BenchBrowser, profile: StartProfile, via: StartVia): Promise<ColdStartRun> {
  const sampler = sampleRss(chromiumRssMb, 100);
  const launching = nodeNow();
  const { context, page, crashed } = profile.kind === 'fresh' ? await newAppPage(session) : await keptProfilePage(profile.dir);
  const started = profile.kind === 'fresh' ? launching : nodeNow();
  try {
    await page.goto(session.server.url);
    const pageLoaded = nodeNow();
    await page.getByRole('button', { name: 'Öppna fil…', exact: true }).waitFor();
    if (via.kind === 'drop') {
      const name = path.basename(via.file);
      await page.evaluate((n) => (window as BenchWindow).__benchWatch!(n), name);
      await dropFile(page, name, new Uint8Array(readFileSync(via.file)));
      await waitForStamp(page, ['mapping'], 60_000, crashed);
      await page.getByRole('button', { name: 'Importera', exact: true }).click();
      await waitForStamp(page, ['loaded'], 60_000, crashed);
    } else {
      // The five bundled samples, each confirmed as detected without a click (renderer/src/app/sample-data.ts).
      await page.getByRole('button', { name: 'Öppna exempeldata', exact: true }).click();
      await page.locator('.file-list .file-name').nth(via.files - 1).waitFor({ timeout: 60_000 });
    }
    await page.getByRole('tab', { name: 'Insatser', exact: true }).click();
    const stamps = await waitForStamp(page, ['chart'], 60_000, crashed);
    const offset = await clockOffset(page);
    const marks = await marksOf(page);
    const at = (key: string) => ({ ...stamps, ...marks })[key]! - offset - started;
    const result: ColdStartRun = {
      ms: at('chart'),
      phases: {
        ...(profile.kind === 'kept' ? { browser_launched_ms: started - launching } : {}),
        page_loaded_ms: pageLoaded - started,
        engine_requested_ms: at('engine:start'),
        engine_instantiated_ms: at('engine:instantiated'),
        engine_opened_ms: at('engine:opened'),
        engine_started_ms: at('engine'),
        model_created_ms: at('model:created'),
        import_started_ms: at(IMPORT_MARKS.started),
        import_planned_ms: at(IMPORT_MARKS.planned),
        import_read_ms: at(IMPORT_MARKS.read),
        import_typed_ms: at(IMPORT_MARKS.typed),
        ...(via.kind === 'drop' ? { mapping_ms: at('mapping'), loaded_ms: at('loaded') } : {}),
        first_chart_ms: at('chart'),
      },
      peakRssMb: sampler.stop(),
    };
    // A kept profile is left as a user leaves the app: a moment for the browser to write what it caches.
    if (profile.kind === 'kept') await page.waitForTimeout(1000);
    return result;
  } finally {
    sampler.stop();
    await context.close().catch(() => undefined);
  }
}

/** Chromium started on the profile in `dir`, with the app's watcher, as newAppPage sets up a context. */
async function keptProfilePage(dir: string): Promise<{ context: BrowserContext; page: Page; crashed: () => string | undefined }> {
  const context = await chromium.launchPersistentContext(dir, { executablePath: await chromiumPath(), args: CHROMIUM_ARGS, viewport: { width: 1280, height: 800 }, locale: 'sv-SE' });
  await context.addInitScript(WATCHER);
  const page = context.pages()[0] ?? (await context.newPage());
  let crash: string | undefined;
  page.on('crash', () => (crash = 'the page crashed (out of memory?)'));
  return { context, page, crashed: () => crash };
}


/**
 * Filter changes as the analyst feels them, on `file` imported through the UI: on each tab, the county
 * filter set to a county that has units in the file and back to all, `runs` times each way. Timed in
 * the page from the select's change event until the frame after the view stops being busy (every
 * query of the view settled and its charts re-rendered with the new rows: AnalysisView's aria-busy).
 */
export async function filterChangeTimes(session: BenchBrowser, file: string, tabs: readonly string[], runs: number): Promise<Record<string, number[]>> {
  const { context, page, crashed } = await newAppPage(session);
  try {
    await page.goto(session.server.url);
    await waitForStamp(page, ['ready'], 60_000, crashed);
    await page.evaluate((n) => (window as BenchWindow).__benchWatch!(n), path.basename(file));
    await (await openFileChooser(page)).setFiles(file);
    await waitForStamp(page, ['mapping'], 300_000, crashed);
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await waitForStamp(page, ['loaded'], 300_000, crashed);
    const times: Record<string, number[]> = {};
    for (const tab of tabs) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await page.locator('.analysis[aria-busy="false"] figure.chart').first().waitFor({ timeout: 60_000 });
      const county = await firstCountyWithUnits(page);
      for (let i = 0; i < runs * 2; i++) {
        const value = i % 2 === 0 ? county : '';
        const armed = page.evaluate(() => {
          return new Promise<number>((resolve) => {
            const panel = document.querySelector('.analysis')!;
            let changedAt = 0;
            document.addEventListener('change', () => (changedAt = performance.now()), { capture: true, once: true });
            // Busy and idle again (both changes may arrive in one batch of records).
            const observer = new MutationObserver((records) => {
              if (panel.getAttribute('aria-busy') === 'true' || !records.some((r) => r.oldValue === 'true')) return;
              observer.disconnect();
              requestAnimationFrame(() => requestAnimationFrame((at) => resolve(at - changedAt)));
            });
            observer.observe(panel, { attributes: true, attributeFilter: ['aria-busy'], attributeOldValue: true });
          });
        });
        await page.getByTestId('filter-county').selectOption(value);
        (times[tab] ??= []).push(await armed);
      }
    }
    return times;
  } finally {
    await context.close().catch(() => undefined);
  }
}

/** The first county in the filter whose units the loaded file has (the views' N line is not 0 for it). */
async function firstCountyWithUnits(page: Page): Promise<string> {
  const options = await page.getByTestId('filter-county').locator('option').evaluateAll((list) => list.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''));
  for (const value of options) {
    await page.getByTestId('filter-county').selectOption(value);
    await page.locator('.analysis[aria-busy="false"]').waitFor();
    const count = (await page.locator('figure.chart .count').first().textContent()) ?? '';
    if (!/N = 0\b/.test(count)) {
      await page.getByTestId('filter-county').selectOption('');
      await page.locator('.analysis[aria-busy="false"]').waitFor();
      return value;
    }
  }
  throw new Error('no county of the filter has units in the file');
}
