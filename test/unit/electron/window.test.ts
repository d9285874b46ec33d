import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { createMainWindow, mainWindowOptions } from '../../../electron/window';

describe('mainWindowOptions', () => {
  it('sets exactly the secure webPreferences', () => {
    expect(mainWindowOptions('/app/dist-electron/preload.cjs', 'Metodkartan').webPreferences).toStrictEqual({
      preload: '/app/dist-electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('sizes the window and waits to show it', () => {
    expect(mainWindowOptions('/p.cjs', 'Metodkartan')).toMatchObject({
      title: 'Metodkartan',
      width: 1280,
      height: 860,
      minWidth: 900,
      minHeight: 600,
      show: false,
    });
  });
});

class FakeWindow extends EventEmitter {
  static created: FakeWindow[] = [];
  static loadResult: Promise<void> = Promise.resolve();
  readonly show = vi.fn();
  readonly loadURL = vi.fn((_url: string) => FakeWindow.loadResult);
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeWindow.created.push(this);
  }
}

describe('createMainWindow', () => {
  afterEach(() => {
    FakeWindow.created = [];
    FakeWindow.loadResult = Promise.resolve();
    vi.restoreAllMocks();
  });

  it('loads the app URL with the secure options and shows the window only when ready', () => {
    const window = createMainWindow(FakeWindow, '/p.cjs', 'Metodkartan', 'app://metodkartan/index.html');
    expect(window.options).toStrictEqual(mainWindowOptions('/p.cjs', 'Metodkartan'));
    expect(window.loadURL).toHaveBeenCalledWith('app://metodkartan/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('still shows the window when the page fails to load', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    FakeWindow.loadResult = Promise.reject(new Error('ERR_FILE_NOT_FOUND'));
    const window = createMainWindow(FakeWindow, '/p.cjs', 'Metodkartan', 'app://metodkartan/index.html');
    await vi.waitFor(() => expect(window.show).toHaveBeenCalledOnce());
  });
});
