// One headless Debian Chromium (never a downloaded browser) against the built renderer served on
// 127.0.0.1 by the same server `npm run web` uses. Every request of the session is recorded.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { JSHandle } from 'playwright-core';
import { startWebServer, type WebServer } from '../../scripts/serve-web';
import { bundledSamples } from '../support/samples';

/** Where Chromium or Chrome is usually installed, per platform (the first that exists is used). */
function installedBrowsers(): string[] {
  if (process.platform === 'darwin') {
    return ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
  }
  if (process.platform === 'win32') {
    const roots = [process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)'], process.env.LOCALAPPDATA].filter((root): root is string => !!root);
    return roots.flatMap((root) => [path.join(root, 'Chromium', 'Application', 'chrome.exe'), path.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe')]);
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];
}

/** No browser to test in: said in one line, with how to get one. */
class NoBrowserError extends Error {
  constructor(detail: string) {
    super(`No Chromium or Chrome for the end-to-end tests (${detail}): install one (Debian: apt-get install chromium) or set CHROMIUM_PATH to its executable.`);
    this.name = 'NoBrowserError';
    this.stack = this.message; // one line, not a stack trace
  }
}

let found: Promise<string> | null = null;

/**
 * The browser the tests and the bench drive, found the way a newcomer's machine has one: CHROMIUM_PATH,
 * else Chromium or Chrome where it is usually installed, else (Linux) the Chromium shipped inside the
 * @sparticuz/chromium npm package, unpacked once to /tmp. Never a browser downloaded at test time.
 */
export function chromiumPath(): Promise<string> {
  found ??= (async () => {
    const given = process.env.CHROMIUM_PATH;
    if (given) {
      if (!existsSync(given)) throw new NoBrowserError(`CHROMIUM_PATH is ${given}, which does not exist`);
      return given;
    }
    const installed = installedBrowsers().find((candidate) => existsSync(candidate));
    if (installed) return installed;
    if (process.platform !== 'linux') throw new NoBrowserError('none in the usual places');
    try {
      const { default: packaged } = await import('@sparticuz/chromium');
      return await packaged.executablePath();
    } catch (error) {
      throw new NoBrowserError(`none installed, and @sparticuz/chromium did not unpack: ${error instanceof Error ? error.message : String(error)}`);
    }
  })();
  return found;
}
/** Headless, no sandbox (CI runs as root), nothing in the background that could reach the network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

export interface AppSession {
  server: WebServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every URL requested by the page or its workers since the session started. */
  requests: string[];
  /** Console errors and page errors (CSP violations land here). */
  problems: string[];
  close(): Promise<void>;
}

export async function openApp(): Promise<AppSession> {
  const root = path.resolve('dist/renderer');
  if (!existsSync(path.join(root, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build:web` first');
  const server = await startWebServer(root);
  const browser = await chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'sv-SE', acceptDownloads: true });
  const requests: string[] = [];
  const problems: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(server.url);
  return {
    server,
    browser,
    context,
    page,
    requests,
    problems,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Loads a file through the app's own "Öppna fil…" button and the browser's file chooser. */
export async function openThroughFileInput(page: Page, filePath: string, buttonName: RegExp): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: buttonName }).click();
  await (await chooser).setFiles(filePath);
}

/** Drops a file on the window as a user dragging it from the desktop would. */
export async function dropFile(page: Page, fileName: string, bytes: Uint8Array): Promise<void> {
  const base64 = Buffer.from(bytes).toString('base64');
  const dataTransfer = await page.evaluateHandle(
    ({ name, data }) => {
      const raw = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([raw], name));
      return transfer;
    },
    { name: fileName, data: base64 },
  );
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await page.dispatchEvent('body', type, { dataTransfer });
  }
}

export async function sampleBytes(name: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(path.join('data-samples', name)));
}

/**
 * A file made inside the page by `make(arg)`: a big generated file need not cross the DevTools
 * protocol as base64 (which takes seconds and blocks the page while it decodes). `make` runs in the
 * page, so it may use only its argument and browser globals.
 */
export async function makeFileInPage<A>(page: Page, make: (arg: A) => File, arg: A): Promise<JSHandle<File>> {
  return (await page.evaluateHandle(make as never, arg)) as JSHandle<File>;
}

/** Drops a file that already lives in the page (see makeFileInPage) on the window. */
export async function dropFileHandle(page: Page, file: JSHandle<File>): Promise<void> {
  const dataTransfer = await page.evaluateHandle((f) => {
    const transfer = new DataTransfer();
    transfer.items.add(f);
    return transfer;
  }, file);
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await page.dispatchEvent('body', type, { dataTransfer });
  }
}

/** Drops a sample on the window and confirms its mapping as detected: the file is then loaded. */
export async function importSample(page: Page, name: string): Promise<void> {
  await dropFile(page, name, await sampleBytes(name));
  await page.getByRole('heading', { name: `Importera ${name}`, exact: true }).waitFor();
  await page.getByRole('button', { name: 'Importera', exact: true }).click();
  await page.getByRole('heading', { name, exact: true }).waitFor();
}

/** Öppna exempeldata, as a newcomer clicks it: returns once every bundled sample is listed and nothing is being read. */
export async function openSamples(page: Page): Promise<void> {
  const samples = bundledSamples().length;
  await page.getByRole('button', { name: 'Öppna exempeldata', exact: true }).click();
  await page.waitForFunction((n) => document.querySelectorAll('.file-list .badge.sample').length === n, samples, { timeout: 120_000 });
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === '', undefined, { timeout: 60_000 });
}

/** axe-core's WCAG 2.0/2.1 A and AA violations on the page as it is: rule, how many elements, the first few of them. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the app's CSP (no inline scripts) does not govern.
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    type Result = { violations: { id: string; nodes: { target: string[]; failureSummary?: string }[] }[] };
    const run = (window as unknown as { axe: { run(context: Document, options: object): Promise<Result> } }).axe;
    const result = await run.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return result.violations.map((v) => `${v.id} ×${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} (${n.failureSummary ?? ''})`).join('; ')}`);
  });
}
