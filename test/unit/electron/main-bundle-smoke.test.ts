// A smoke test of the built main process, as it ships: dist-electron/main.cjs started under Node with a
// stand-in for Electron's API (test/support/electron-stand-in.cjs) that records what it is asked to do.
// It catches what module-level tests cannot: a bundling mistake, a require the package lacks, the wiring
// order, the app protocol serving real files with their MIME types and CSP, and the close sequence.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/policy/static-files';

interface Served {
  status: number;
  type: string | null;
  csp: string | null;
}
interface Smoke {
  log: (string | Record<string, unknown>)[];
  windowOptions: { webPreferences: Record<string, unknown> };
  loaded: string[];
  files: Record<'index' | 'wasm' | 'worker' | 'traversal' | 'missing', Served>;
  channels: string[];
  fromStranger: unknown;
  fromWindow: unknown;
  closeAsked: boolean;
  closedBeforeAnswer: boolean;
  closedWhileSaving: boolean;
  closedWhenReady: boolean;
}

let dir: string;
let smoke: Smoke;

beforeAll(async () => {
  const built = spawnSync(process.execPath, ['electron/build.mjs'], { encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
  dir = await mkdtemp(path.join(tmpdir(), 'metodkartan-smoke-'));
  const renderer = path.join(dir, 'app', 'dist', 'renderer');
  await mkdir(path.join(renderer, 'assets'), { recursive: true });
  await writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>Metodkartan</title>');
  await writeFile(path.join(renderer, 'assets', 'duckdb.wasm'), new Uint8Array([0, 0x61, 0x73, 0x6d]));
  await writeFile(path.join(renderer, 'assets', 'parse-worker.js'), 'self.onmessage = () => {};');
  const run = spawnSync(process.execPath, ['--require', path.resolve('test/support/electron-stand-in.cjs'), path.resolve('dist-electron/main.cjs')], {
    encoding: 'utf8',
    env: { ...process.env, SMOKE_APP_PATH: path.join(dir, 'app'), SMOKE_USER_DATA: path.join(dir, 'userData') },
    timeout: 30_000,
  });
  const line = run.stdout.split('\n').find((l) => l.startsWith('SMOKE '));
  expect(line, `${run.stdout}\n${run.stderr}`).toBeDefined();
  smoke = JSON.parse(line!.slice('SMOKE '.length)) as Smoke;
}, 60_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('dist-electron/main.cjs under a stand-in Electron', () => {
  it('registers the app scheme and the sandbox before ready, then the window', () => {
    const order = smoke.log.map((entry) => (typeof entry === 'string' ? entry : Object.keys(entry)[0]!));
    expect(order.indexOf('registerSchemesAsPrivileged')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('registerSchemesAsPrivileged')).toBeLessThan(order.indexOf('ready'));
    expect(order.indexOf('enableSandbox')).toBeLessThan(order.indexOf('ready'));
    expect(order.indexOf('protocolHandle')).toBeGreaterThan(order.indexOf('ready'));
    expect(order.indexOf('BrowserWindow')).toBeGreaterThan(order.indexOf('protocolHandle'));
    expect(smoke.windowOptions.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(path.basename(String(smoke.windowOptions.webPreferences.preload))).toBe('preload.cjs');
    expect(smoke.loaded).toEqual(['app://metodkartan/index.html']);
  });

  it('serves index.html, the worker and the .wasm with their MIME types and the CSP, and nothing outside', () => {
    expect(smoke.files.index).toEqual({ status: 200, type: expect.stringMatching(/^text\/html/), csp: CONTENT_SECURITY_POLICY });
    expect(smoke.files.wasm).toMatchObject({ status: 200, type: 'application/wasm' });
    expect(smoke.files.worker).toMatchObject({ status: 200, type: expect.stringMatching(/^text\/javascript/) });
    expect(smoke.files.traversal.status).toBe(404);
    expect(smoke.files.missing.status).toBe(404);
  });

  it('serves every IPC channel to the window and refuses a stranger', () => {
    expect(smoke.channels).toContain('app:ready-to-close');
    expect(smoke.channels).toContain('app:saving-before-close');
    expect(smoke.channels).toContain('files:open');
    expect(smoke.fromStranger).toEqual({ ok: false, error: 'invalid-argument' });
    expect(smoke.fromWindow).toEqual({ ok: true, value: null });
  });

  it('holds the close, asks the page, waits past 3 s while it saves, and closes when it is ready', () => {
    expect(smoke.closeAsked).toBe(true);
    expect(smoke.closedBeforeAnswer).toBe(false);
    expect(smoke.closedWhileSaving).toBe(false);
    expect(smoke.closedWhenReady).toBe(true);
  });
});
