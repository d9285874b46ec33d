import { describe, expect, it } from 'vitest';
import {
  isAllowedExternalHost,
  isAllowedExternalUrl,
  isAllowedRequestUrl,
  isAppUrl,
  isSafeExternalUrl,
  MAX_URL_LENGTH,
} from '../../../electron/policy/trusted-url';
import { KNOWLEDGE_SUPPORT_URL } from '../../../electron/strings';

const overLong = `https://www.socialstyrelsen.se/${'a'.repeat(MAX_URL_LENGTH)}`;

describe('isAppUrl', () => {
  it.each([
    'app://metodkartan',
    'app://metodkartan/',
    'app://metodkartan/index.html',
    'app://metodkartan/assets/duckdb-eh.wasm?v=1#top',
  ])('accepts the app origin: %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    ['credentials', 'app://user@metodkartan/'],
    ['user and password', 'app://user:pw@metodkartan/index.html'],
    ['another host', 'app://evil/index.html'],
    ['a look-alike host', 'app://metodkartan.evil.com/'],
    ['a host with the app as prefix', 'app://metodkartan-evil/'],
    ['a port', 'app://metodkartan:8080/'],
    ['no host', 'app:metodkartan/index.html'],
    ['https on the same name', 'https://metodkartan/'],
    ['file', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['about:blank', 'about:blank'],
    ['empty', ''],
    ['malformed', 'app://'],
    ['over-long', `app://metodkartan/${'a'.repeat(MAX_URL_LENGTH)}`],
  ])('refuses %s', (_label, url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it.each([null, undefined, 42, {}, ['app://metodkartan/'], new URL('app://metodkartan/')])(
    'refuses a non-string: %s',
    (value) => {
      expect(isAppUrl(value)).toBe(false);
    },
  );
});

describe('isSafeExternalUrl', () => {
  it.each([
    'https://www.socialstyrelsen.se/',
    'https://example.org/path?q=1#x',
    'HTTPS://WWW.SOCIALSTYRELSEN.SE/',
    'https://example.org:8443/',
    KNOWLEDGE_SUPPORT_URL,
  ])(
    'accepts plain https: %s',
    (url) => {
      expect(isSafeExternalUrl(url)).toBe(true);
    },
  );

  it.each([
    ['javascript', 'javascript:alert(1)'],
    ['javascript with a tab', 'java\tscript:alert(1)'],
    ['javascript with leading space', ' javascript:alert(1)'],
    ['file', 'file:///etc/passwd'],
    ['file on Windows', 'file:///C:/Windows/System32/calc.exe'],
    ['data', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['http', 'http://www.socialstyrelsen.se/'],
    ['UNC path', '\\\\server\\share\\file.exe'],
    ['backslashed https', 'https:\\\\evil.example\\'],
    ['credentials', 'https://user:pw@www.socialstyrelsen.se/'],
    ['a user name', 'https://user@evil.example/'],
    ['the app scheme', 'app://metodkartan/index.html'],
    ['ms-settings', 'ms-settings:privacy'],
    ['smb', 'smb://server/share'],
    ['no host', 'https:///path'],
    ['a single slash', 'https:/www.socialstyrelsen.se/'],
    ['no slashes', 'https:www.socialstyrelsen.se'],
    ['a host the parser rewrites', 'https://www.sоcialstyrelsen.se/'],
    ['malformed', 'https://'],
    ['not a URL', 'socialstyrelsen.se'],
    ['a newline', 'https://www.socialstyrelsen.se/\nSet-Cookie:x'],
    ['NUL', 'https://www.socialstyrelsen.se/\u0000'],
    ['empty', ''],
    ['over-long', overLong],
  ])('refuses %s', (_label, url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it.each([null, undefined, 0, {}, new URL('https://example.org/')])('refuses a non-string: %s', (value) => {
    expect(isSafeExternalUrl(value)).toBe(false);
  });
});

describe('isAllowedExternalHost', () => {
  it.each(['socialstyrelsen.se', 'www.socialstyrelsen.se', 'skr.se', 'www.skr.se', 'kunskapsguiden.se', 'a.b.kunskapsguiden.se'])(
    'allows %s',
    (host) => {
      expect(isAllowedExternalHost(host)).toBe(true);
    },
  );

  it.each(['evil-socialstyrelsen.se', 'socialstyrelsen.se.evil.com', 'notskr.se', 'skr.se.', 'se', 'example.org', ''])(
    'refuses %s',
    (host) => {
      expect(isAllowedExternalHost(host)).toBe(false);
    },
  );
});

describe('isAllowedExternalUrl', () => {
  it('allows the knowledge support link of the Hjälp menu', () => {
    expect(isAllowedExternalUrl(KNOWLEDGE_SUPPORT_URL)).toBe(true);
  });

  it.each([
    ['a look-alike prefix', 'https://evil-socialstyrelsen.se/'],
    ['the allowed host as a subdomain label', 'https://socialstyrelsen.se.evil.com/'],
    ['a Cyrillic look-alike', 'https://www.sоcialstyrelsen.se/'],
    ['the allowed host in the user part', 'https://socialstyrelsen.se@evil.com/'],
    ['the allowed host in the path', 'https://evil.com/socialstyrelsen.se'],
    ['a non-default port', 'https://www.socialstyrelsen.se:8443/'],
    ['http on an allowed host', 'http://www.socialstyrelsen.se/'],
    ['javascript', 'javascript:alert(1)'],
    ['an unlisted https host', 'https://example.org/'],
    ['over-long', overLong],
  ])('refuses %s', (_label, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('isAllowedRequestUrl', () => {
  it.each([
    'app://metodkartan/index.html',
    'app://metodkartan/assets/duckdb-browser-eh.worker.js',
    'devtools://devtools/bundled/inspector.html',
    'blob:app://metodkartan/3f1c9a2e-5a3b-4c1d-9f0e-1a2b3c4d5e6f',
    `data:font/woff2;base64,${'A'.repeat(10 * MAX_URL_LENGTH)}`,
  ])('lets the app load %s', (url) => {
    expect(isAllowedRequestUrl(url)).toBe(true);
  });

  it.each([
    'https://extensions.duckdb.org/v1.4.3/wasm_eh/parquet.duckdb_extension.wasm',
    'http://localhost:5173/',
    'ws://localhost:5173/',
    'wss://example.org/socket',
    'ftp://example.org/file',
    'file:///etc/passwd',
    'app://evil/index.html',
    'app://user@metodkartan/index.html',
    'chrome://settings',
    'not a url',
    '',
  ])('cancels %s', (url) => {
    expect(isAllowedRequestUrl(url)).toBe(false);
  });
});
