// The main window, and the one place its webPreferences are set (Electron's security checklist).
import type { BrowserWindowConstructorOptions } from 'electron';

export function mainWindowOptions(preloadPath: string, title: string): BrowserWindowConstructorOptions {
  return {
    title,
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    // Shown on ready-to-show, so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // The built-in spellchecker downloads dictionaries from Google's servers.
      spellcheck: false,
    },
  };
}

/** The parts of BrowserWindow used here; Electron's class satisfies it, tests pass a fake. */
export interface WindowLike {
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  loadURL(url: string): Promise<void>;
}

export function createMainWindow<W extends WindowLike>(
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W,
  preloadPath: string,
  title: string,
  url: string,
): W {
  const window = new BrowserWindow(mainWindowOptions(preloadPath, title));
  window.once('ready-to-show', () => window.show());
  window.loadURL(url).catch((error: unknown) => {
    // ready-to-show never comes for a page that failed to load: show the window anyway rather than
    // leave a running app with nothing on screen.
    console.error(`Could not load ${url}:`, error);
    window.show();
  });
  return window;
}
