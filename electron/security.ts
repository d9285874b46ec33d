// Session- and window-wide guards from Electron's security checklist: no permissions, no navigation
// away from the app, no new windows, no <webview>, no network. Everything comes in as arguments, so
// tests can hand in fakes and check what was (not) done.
import { openVettedExternal, type ShellLike } from './external-links';
import { isAllowedRequestUrl, isAppUrl } from './policy/trusted-url';

interface PreventableEvent {
  preventDefault(): void;
}
interface NavigationEvent extends PreventableEvent {
  readonly url: string;
}

/** The parts of a WebContents the guards hook into; Electron's WebContents satisfies it. */
interface GuardedContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface GuardedSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

interface GuardedApp {
  on(event: 'web-contents-created', listener: (event: unknown, contents: GuardedContents) => void): unknown;
}

export interface SecurityDeps {
  session: GuardedSession;
  app: GuardedApp;
  shell: ShellLike;
}

function preventUnlessApp(event: NavigationEvent): void {
  if (!isAppUrl(event.url)) event.preventDefault();
}

function guardWebContents(contents: GuardedContents, shell: ShellLike): void {
  contents.on('will-navigate', preventUnlessApp);
  contents.on('will-redirect', preventUnlessApp);
  // webviewTag is off already; this also stops a <webview> that slipped past it.
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // A link with target=_blank is the one legitimate use: it goes to the user's browser, vetted.
    // A rejection (no browser configured) must not become an unhandled rejection in main.
    openVettedExternal(shell, url).catch((error: unknown) => console.error('openExternal failed:', error));
    return { action: 'deny' };
  });
}

/** Call once, before the first window: web-contents-created then guards every window the app has. */
export function applySecurity({ session, app, shell }: SecurityDeps): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url) }));
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, shell));
}
