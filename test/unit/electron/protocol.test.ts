import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_SCHEME } from '../../../electron/shared/ipc-contract';
import { CONTENT_SECURITY_POLICY } from '../../../electron/policy/static-files';
import {
  APP_SCHEME_PRIVILEGES,
  handleAppRequest,
  registerAppProtocol,
  type ProtocolLike,
  type ReadFile,
} from '../../../electron/protocol';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'metodkartan-protocol-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Metodkartan</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log("hej");');
  await writeFile(path.join(root, 'assets', 'duckdb.wasm'), new Uint8Array([0, 97, 115, 109]));
  // Secrets beside the served folder: no request may reach them.
  await writeFile(path.join(base, 'secret.txt'), 'secret');
  await mkdir(path.join(base, 'etc'), { recursive: true });
  await writeFile(path.join(base, 'etc', 'passwd'), 'root:x:0:0');
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

/** The real file system, recording every path it is asked for. */
function recordingReadFile() {
  return vi.fn<ReadFile>((filePath) => readFile(filePath));
}

function request(url: string, method = 'GET') {
  return { url, method };
}

describe('handleAppRequest serving real files', () => {
  it.each([
    ['/index.html', 'text/html; charset=utf-8', '<!doctype html><title>Metodkartan</title>'],
    ['/', 'text/html; charset=utf-8', '<!doctype html><title>Metodkartan</title>'],
    ['/assets/app.js?v=2#x', 'text/javascript; charset=utf-8', 'console.log("hej");'],
  ])('serves %s with its content type and the CSP', async (pathname, contentType, body) => {
    const response = await handleAppRequest(request(`app://metodkartan${pathname}`), root, recordingReadFile());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(body);
  });

  it('serves WebAssembly as application/wasm (required for streaming compilation)', async () => {
    const response = await handleAppRequest(request('app://metodkartan/assets/duckdb.wasm'), root, recordingReadFile());
    expect(response.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]));
  });

  it('lets the browser keep the hashed files under assets/ for good and asks for index.html every time', async () => {
    const asset = await handleAppRequest(request('app://metodkartan/assets/duckdb.wasm'), root, recordingReadFile());
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const page = await handleAppRequest(request('app://metodkartan/index.html'), root, recordingReadFile());
    expect(page.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers HEAD with headers and no body', async () => {
    const response = await handleAppRequest(request('app://metodkartan/index.html', 'HEAD'), root, recordingReadFile());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toBe('');
  });

  it('answers 404 for a missing file and for a directory', async () => {
    for (const pathname of ['/missing.js', '/assets']) {
      const response = await handleAppRequest(request(`app://metodkartan${pathname}`), root, recordingReadFile());
      expect(response.status).toBe(404);
    }
  });

  it('answers 500 without details when reading fails otherwise', async () => {
    const failing = vi.fn<ReadFile>(() => Promise.reject(Object.assign(new Error('EACCES: /secret'), { code: 'EACCES' })));
    const response = await handleAppRequest(request('app://metodkartan/index.html'), root, failing);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('');
  });
});

describe('handleAppRequest refusing hostile requests', () => {
  it.each([
    ['dot-dot segments', 'app://metodkartan/../../etc/passwd'],
    ['dot-dot to a sibling secret', 'app://metodkartan/../secret.txt'],
    ['percent-encoded dot-dot', 'app://metodkartan/%2e%2e/%2e%2e/etc/passwd'],
    ['upper-case percent-encoded dot-dot', 'app://metodkartan/%2E%2E/secret.txt'],
    ['encoded backslashes', 'app://metodkartan/..%5c..%5cwindows/win.ini'],
    ['an encoded slash', 'app://metodkartan/..%2f..%2fsecret.txt'],
    ['a NUL byte', 'app://metodkartan/index.html%00.js'],
    ['broken percent-encoding', 'app://metodkartan/%E0%A4%A'],
  ])('never reads outside the root for %s', async (_label, url) => {
    const read = recordingReadFile();
    const response = await handleAppRequest(request(url), root, read);
    expect(response.status).toBe(404);
    for (const [filePath] of read.mock.calls) {
      expect(filePath.startsWith(root + path.sep)).toBe(true);
    }
    expect(await response.text()).not.toContain('root:x');
  });

  it.each([
    ['a foreign host', 'app://evil/index.html'],
    ['credentials', 'app://user@metodkartan/index.html'],
    ['a port', 'app://metodkartan:1234/index.html'],
    ['another scheme', 'https://metodkartan/index.html'],
    ['a malformed URL', 'app://'],
  ])('answers 404 without reading for %s', async (_label, url) => {
    const read = recordingReadFile();
    const response = await handleAppRequest(request(url), root, read);
    expect(response.status).toBe(404);
    expect(read).not.toHaveBeenCalled();
  });

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS'])('answers %s with 405 without reading', async (method) => {
    const read = recordingReadFile();
    const response = await handleAppRequest(request('app://metodkartan/index.html', method), root, read);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(read).not.toHaveBeenCalled();
  });
});

describe('registerAppProtocol', () => {
  it('handles the app scheme with the request handler', async () => {
    const protocol = { handle: vi.fn<ProtocolLike['handle']>() };
    registerAppProtocol(protocol, root, recordingReadFile());
    expect(protocol.handle).toHaveBeenCalledTimes(1);
    const [scheme, handler] = protocol.handle.mock.calls[0] ?? [];
    expect(scheme).toBe(APP_SCHEME);
    const response = await handler?.(new Request('app://metodkartan/index.html'));
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('declares the privileges a standard, secure, fetchable origin with a code cache needs', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true });
  });
});
