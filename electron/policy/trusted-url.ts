// Pure URL checks behind every trust decision of the main process: which pages may use the IPC
// bridge or be navigated to (the app's own origin only), and which URLs may leave the app for the
// user's browser. Each returns false for anything it cannot parse: unknown means untrusted.
import { APP_HOST, APP_SCHEME } from '../shared/ipc-contract';

/** Longer URLs are refused outright: no link the app shows comes near this. */
export const MAX_URL_LENGTH = 2048;

/**
 * Hosts (and their subdomains) the app may open in the user's browser: the Swedish agencies whose
 * knowledge support the app links to. Everything else is refused even when it is https.
 */
const EXTERNAL_HOST_ALLOW_LIST: readonly string[] = ['socialstyrelsen.se', 'skr.se', 'kunskapsguiden.se'];

function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for URLs on exactly app://metodkartan. Compared part by part rather than by `origin`,
 * because Node's URL reports origin "null" for a custom scheme; credentials and ports are refused
 * so that `app://user@metodkartan` or `app://metodkartan:1` never pass as the app.
 */
export function isAppUrl(url: unknown): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * An https URL with a host and no credentials, written plainly: the string must begin with
 * `https://` and the host the parser found. The URL parser silently strips or rewrites a lot
 * (`java\tscript:`, `https:\\evil.example`, `https:///host`), and what opens must be what a
 * reviewer reads; so whitespace, control characters and backslashes are refused outright.
 */
export function isSafeExternalUrl(url: unknown): boolean {
  if (typeof url !== 'string' || /[\s\u0000-\u001f\u007f\\]/.test(url)) return false;
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === 'https:' &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === '' &&
    url.toLowerCase().startsWith(`https://${parsed.host}`)
  );
}

/** A host on the allow-list or a subdomain of one; `evil-socialstyrelsen.se` is neither. */
export function isAllowedExternalHost(hostname: string): boolean {
  return EXTERNAL_HOST_ALLOW_LIST.some((allowed) => hostname === allowed || hostname.endsWith(`.${allowed}`));
}

/** What `shell.openExternal` may receive: a safe https URL on an allowed host's default port. */
export function isAllowedExternalUrl(url: unknown): boolean {
  if (!isSafeExternalUrl(url)) return false;
  const parsed = parseUrl(url);
  return parsed !== null && parsed.port === '' && isAllowedExternalHost(parsed.hostname);
}

/**
 * Schemes a request of the app's session may use besides the app's own origin: devtools for its own
 * pages, blob: and data: for content the renderer created itself. Everything else, above all
 * http(s), ws(s), ftp and file, is cancelled: the app never touches the network. The scheme is read
 * without the length limit because data: URLs of embedded fonts and images are legitimately long.
 */
const LOCAL_REQUEST_SCHEMES: readonly string[] = ['devtools', 'blob', 'data'];

export function isAllowedRequestUrl(url: unknown): boolean {
  if (isAppUrl(url)) return true;
  const scheme = typeof url === 'string' ? /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1] : undefined;
  return scheme !== undefined && LOCAL_REQUEST_SCHEMES.includes(scheme.toLowerCase());
}
