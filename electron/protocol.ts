// Serves the built renderer on app://metodkartan. A built renderer cannot run from file:// (module
// scripts are blocked from origin "null"), and this handler is where the CSP header is attached.
import type { CustomScheme } from 'electron';
import { APP_SCHEME } from './shared/ipc-contract';
import { isAppUrl } from './policy/trusted-url';
import { resolveStaticPath, responseHeaders } from './policy/static-files';

/**
 * standard: relative URLs, a real origin and same-origin rules; secure: counts as a secure context
 * (needed for workers and WebAssembly streaming); supportFetchAPI: DuckDB-WASM fetches its bundles;
 * stream: responses with a body stream; codeCache: V8 may keep the compiled code of the app's scripts
 * between starts, as it does for http(s) (Electron ≥ 27; only with standard).
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  stream: true,
  codeCache: true,
} as const satisfies CustomScheme['privileges'];

export type ReadFile = (filePath: string) => Promise<Uint8Array<ArrayBuffer>>;

export interface ProtocolLike {
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

function isNotFound(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}

export async function handleAppRequest(
  request: { url: string; method: string },
  rootDir: string,
  readFile: ReadFile,
): Promise<Response> {
  if (!isAppUrl(request.url)) return new Response(null, { status: 404 });
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
  }
  const filePath = resolveStaticPath(rootDir, new URL(request.url).pathname);
  if (filePath === null) return new Response(null, { status: 404 });
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readFile(filePath);
  } catch (error) {
    return new Response(null, { status: isNotFound(error) ? 404 : 500 });
  }
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: responseHeaders(filePath) });
}

export function registerAppProtocol(protocol: ProtocolLike, rootDir: string, readFile: ReadFile): void {
  protocol.handle(APP_SCHEME, (request) => handleAppRequest(request, rootDir, readFile));
}
