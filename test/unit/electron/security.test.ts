import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applySecurity, type GuardedSession } from '../../../electron/security';
import { KNOWLEDGE_SUPPORT_URL } from '../../../electron/strings';

type RequestListener = Parameters<GuardedSession['webRequest']['onBeforeRequest']>[0];
type PermissionHandler = Parameters<GuardedSession['setPermissionRequestHandler']>[0];
type CheckHandler = Parameters<GuardedSession['setPermissionCheckHandler']>[0];

class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
}

function setup() {
  const captured: { request?: PermissionHandler; check?: CheckHandler; network?: RequestListener } = {};
  const session: GuardedSession = {
    setPermissionRequestHandler: (handler) => {
      captured.request = handler;
    },
    setPermissionCheckHandler: (handler) => {
      captured.check = handler;
    },
    webRequest: {
      onBeforeRequest: (listener) => {
        captured.network = listener;
      },
    },
  };
  const app = new EventEmitter();
  const shell = { openExternal: vi.fn(async (_url: string) => undefined) };
  applySecurity({ session, app, shell });
  const contents = new FakeContents();
  app.emit('web-contents-created', {}, contents);
  return { captured, shell, contents };
}

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('permissions', () => {
  // clipboard-sanitized-write included: the renderer copies a chart through main (IPC copyImage) instead.
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'hid'])(
    'denies a request for %s',
    (permission) => {
      const { captured } = setup();
      const callback = vi.fn();
      captured.request?.({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    },
  );

  it('denies every permission check', () => {
    const { captured } = setup();
    expect(captured.check?.()).toBe(false);
  });
});

describe('navigation', () => {
  it.each(['will-navigate', 'will-redirect'])('%s stays on the app', (eventName) => {
    const { contents } = setup();
    const event = navigationEvent('app://metodkartan/index.html');
    contents.emit(eventName, event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it.each([
    ['will-navigate', 'https://evil.example/'],
    ['will-navigate', KNOWLEDGE_SUPPORT_URL],
    ['will-navigate', 'file:///etc/passwd'],
    ['will-navigate', 'javascript:alert(1)'],
    ['will-navigate', 'app://evil/index.html'],
    ['will-navigate', 'app://user@metodkartan/index.html'],
    ['will-navigate', 'data:text/html,<script>alert(1)</script>'],
    ['will-redirect', 'http://localhost:8080/'],
    ['will-redirect', 'https://evil.example/'],
  ])('%s to %s is prevented and opens nothing', (eventName, url) => {
    const { contents, shell } = setup();
    const event = navigationEvent(url);
    contents.emit(eventName, event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('prevents attaching a <webview>', () => {
    const { contents } = setup();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example/' });
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});

describe('window.open', () => {
  it('denies the window and opens a vetted link in the browser instead', async () => {
    const { contents, shell } = setup();
    expect(contents.windowOpenHandler?.({ url: KNOWLEDGE_SUPPORT_URL })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith(KNOWLEDGE_SUPPORT_URL));
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    '\\\\server\\share\\payload.exe',
    'data:text/html,<script>alert(1)</script>',
    'http://www.socialstyrelsen.se/',
    'https://user:pw@www.socialstyrelsen.se/',
    'https://evil-socialstyrelsen.se/',
    'https://socialstyrelsen.se.evil.com/',
    'app://metodkartan/index.html',
    'about:blank',
    '',
  ])('denies %s and never calls shell.openExternal', async (url) => {
    const { contents, shell } = setup();
    expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('keeps a failing browser launch from becoming an unhandled rejection', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { contents, shell } = setup();
    shell.openExternal.mockRejectedValueOnce(new Error('no browser'));
    contents.windowOpenHandler?.({ url: KNOWLEDGE_SUPPORT_URL });
    await vi.waitFor(() => expect(error).toHaveBeenCalled());
  });
});

describe('network', () => {
  it.each([
    'https://extensions.duckdb.org/v1.4.3/wasm_eh/json.duckdb_extension.wasm',
    'https://www.socialstyrelsen.se/',
    'http://localhost:5173/src/main.tsx',
    'ws://localhost:5173/',
    'wss://telemetry.example/',
    'ftp://example.org/',
    'file:///etc/passwd',
    'app://evil/index.html',
  ])('cancels %s', (url) => {
    const { captured } = setup();
    const callback = vi.fn();
    captured.network?.({ url }, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith({ cancel: true });
  });

  it.each(['app://metodkartan/index.html', 'app://metodkartan/assets/duckdb-eh.wasm', 'devtools://devtools/bundled/devtools_app.html'])(
    'lets %s through',
    (url) => {
      const { captured } = setup();
      const callback = vi.fn();
      captured.network?.({ url }, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith({ cancel: false });
    },
  );
});
