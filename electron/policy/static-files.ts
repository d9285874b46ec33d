// How the built renderer is served: by Electron's app:// protocol and by the local web server alike,
// so both deliver the same files with the same Content-Security-Policy.
import path from 'node:path';

/**
 * Strict CSP. DuckDB-WASM needs 'wasm-unsafe-eval' to compile its module and a same-origin worker;
 * connect-src 'self' is what keeps every fetch on the app's own origin (no CDN, no telemetry).
 * style-src allows inline styles because React and Recharts set style attributes on SVG.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a request's URL pathname to a file inside `rootDir`, or null when it would leave it.
 * `/` serves index.html. Percent-encoded traversal (`%2e%2e`), backslashes, NUL bytes and
 * absolute paths are all refused rather than normalised into something that happens to exist.
 */
export function resolveStaticPath(rootDir: string, urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (relative.split('/').some((segment) => segment === '..')) return null;
  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, relative);
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return null;
  return resolved;
}

/**
 * Vite names everything it writes to assets/ by its content hash: such a file never changes under its
 * name, so the browser may keep it, and with it the compiled code of DuckDB's 34 MB WebAssembly module.
 * index.html, which names the current hashes, is asked for again every time.
 */
function cacheControl(filePath: string): string {
  return path.basename(path.dirname(filePath)) === 'assets' ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** Headers for every response of the app's own origin. */
export function responseHeaders(filePath: string): Record<string, string> {
  return {
    'Content-Type': mimeTypeFor(filePath),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': cacheControl(filePath),
  };
}
