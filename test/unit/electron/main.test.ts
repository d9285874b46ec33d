// The wiring of electron/main.ts against a fake 'electron': what cannot be tested by running the
// app on these machines (Electron's binary cannot start here) is at least checked for order and use.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Electron from 'electron';
import { IPC } from '../../../electron/shared/ipc-contract';
import { translate } from '../../../electron/strings';
import { CLOSE_TIMEOUT_MS } from '../../../electron/lifecycle';
import { CONTENT_SECURITY_POLICY } from '../../../electron/policy/static-files';
import type { InvokeEvent } from '../../../electron/ipc/handle';
import { APP_PAGE, PNG_1X1 } from './fakes';

const appPath = vi.hoisted(() => ({ value: '' }));
const userData = vi.hoisted(() => ({ value: '' }));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class BrowserWindow extends EventEmitter {
    static readonly instances: BrowserWindow[] = [];
    static getAllWindows = (): BrowserWindow[] => BrowserWindow.instances;
    // Its page: `once('did-finish-load')` fires when the test says the page has loaded (loadPage).
    readonly page = new EventEmitter();
    readonly webContents = { send: vi.fn(), mainFrame: { url: 'app://metodkartan/index.html', parent: null }, once: (event: string, listener: () => void) => this.page.once(event, listener) };
    readonly loadURL = vi.fn(async () => undefined);
    readonly show = vi.fn();
    readonly isMinimized = (): boolean => false;
    readonly restore = vi.fn();
    readonly focus = vi.fn();
    destroyed = false;
    readonly isDestroyed = (): boolean => this.destroyed;
    /** As Electron does: 'close' first, and 'closed' unless a listener prevented it. */
    readonly close = vi.fn(() => {
      let prevented = false;
      this.emit('close', { preventDefault: () => (prevented = true) });
      if (prevented) return;
      this.destroyed = true;
      this.emit('closed');
    });
    constructor(readonly options: unknown) {
      super();
      BrowserWindow.instances.push(this);
    }
  }
  return {
    app: Object.assign(new EventEmitter(), {
      requestSingleInstanceLock: vi.fn(() => true),
      whenReady: vi.fn(() => Promise.resolve()),
      getAppPath: () => appPath.value,
      getPath: (name: string) => (name === 'userData' ? userData.value : `/nonexistent/${name}`),
      enableSandbox: vi.fn(),
      quit: vi.fn(),
    }),
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        webRequest: { onBeforeRequest: vi.fn() },
      },
    },
    BrowserWindow,
    ipcMain: { handle: vi.fn() },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => template), setApplicationMenu: vi.fn() },
    dialog: {
      showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
      showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })),
      showMessageBox: vi.fn(async () => ({ response: 0 })),
    },
    shell: { openExternal: vi.fn(async () => undefined) },
    clipboard: { write: vi.fn(async () => undefined) },
    ClipboardItem: class {
      constructor(readonly items: Record<string, Blob>) {}
    },
    nativeImage: {
      createFromBuffer: vi.fn((buffer: Buffer) => ({ isEmpty: () => buffer.length === 0, toPNG: () => Buffer.from(buffer) })),
    },
  };
});

let electron: typeof Electron;

beforeAll(async () => {
  appPath.value = await mkdtemp(path.join(tmpdir(), 'metodkartan-app-'));
  userData.value = path.join(appPath.value, 'userData');
  await mkdir(path.join(appPath.value, 'dist', 'renderer'), { recursive: true });
  await writeFile(path.join(appPath.value, 'dist', 'renderer', 'index.html'), '<!doctype html>');
  electron = await import('electron');
  await import('../../../electron/main');
  // Let the whenReady() continuation run.
  await vi.waitFor(() => expect(electron.BrowserWindow.getAllWindows()).toHaveLength(1));
});

afterAll(async () => {
  await rm(appPath.value, { recursive: true, force: true });
});

function mainWindow(): Electron.BrowserWindow {
  const window = electron.BrowserWindow.getAllWindows()[0];
  if (window === undefined) throw new Error('no window');
  return window;
}

function ipcListener(channel: string): (event: InvokeEvent, ...args: unknown[]) => Promise<unknown> {
  const call = vi.mocked(electron.ipcMain.handle).mock.calls.find(([name]) => name === channel);
  if (call === undefined) throw new Error(`no handler for ${channel}`);
  // main.ts registers through handle(), whose listener reads only senderFrame.
  return call[1] as (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>;
}

type MenuEntry = Electron.MenuItemConstructorOptions | Electron.MenuItem;

function latestMenu(): MenuEntry[] {
  const template = vi.mocked(electron.Menu.buildFromTemplate).mock.calls.at(-1)?.[0];
  if (template === undefined) throw new Error('no menu');
  return template;
}

function menuItem(menu: string, label: string): MenuEntry {
  const submenu = latestMenu().find((item) => item.label === menu)?.submenu;
  const item = Array.isArray(submenu) ? submenu.find((candidate: MenuEntry) => candidate.label === label) : undefined;
  if (item === undefined) throw new Error(`no ${menu} → ${label}`);
  return item;
}

describe('main process wiring', () => {
  it('grants the app scheme its privileges and sandboxes every renderer before ready', () => {
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
    ]);
    expect(electron.app.enableSandbox).toHaveBeenCalledOnce();
    const registered = vi.mocked(electron.protocol.registerSchemesAsPrivileged).mock.invocationCallOrder[0] ?? Infinity;
    const whenReady = vi.mocked(electron.app.whenReady).mock.invocationCallOrder[0] ?? -Infinity;
    expect(registered).toBeLessThan(whenReady);
  });

  it('serves dist/renderer of the app path with the CSP', async () => {
    const [scheme, handler] = vi.mocked(electron.protocol.handle).mock.calls[0] ?? [];
    expect(scheme).toBe('app');
    const response = await handler?.(new Request(APP_PAGE));
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response?.text()).toBe('<!doctype html>');
  });

  it('applies the session guards', () => {
    const session = electron.session.defaultSession;
    expect(session.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(session.setPermissionCheckHandler).toHaveBeenCalledOnce();
    expect(session.webRequest.onBeforeRequest).toHaveBeenCalledOnce();
    expect(electron.app.listenerCount('web-contents-created')).toBe(1);
  });

  it('opens one window on the app page with the bundled preload beside main', () => {
    const window = mainWindow();
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith(APP_PAGE);
    const { options } = window as unknown as { options: Electron.BrowserWindowConstructorOptions };
    expect(path.basename(options.webPreferences?.preload ?? '')).toBe('preload.cjs');
    expect(options.webPreferences?.sandbox).toBe(true);
  });

  it('registers every invoke channel before the window can call it', () => {
    const channels = vi.mocked(electron.ipcMain.handle).mock.calls.map(([channel]) => channel);
    const invokeChannels = Object.values(IPC).filter(
      (channel) => channel !== IPC.filesOpened && channel !== IPC.workspaceOpened && channel !== IPC.menuCommand,
    );
    expect(invokeChannels).toHaveLength(12);
    expect(channels.sort()).toEqual(invokeChannels.sort());
    const lastHandle = Math.max(...vi.mocked(electron.ipcMain.handle).mock.invocationCallOrder);
    expect(lastHandle).toBeLessThan(vi.mocked(mainWindow().loadURL).mock.invocationCallOrder[0] ?? Infinity);
  });

  it('answers the main frame of its window and refuses any other frame', async () => {
    const listener = ipcListener(IPC.setLanguage);
    const stranger = { url: APP_PAGE, parent: null };
    await expect(listener({ senderFrame: stranger }, 'en')).resolves.toEqual({ ok: false, error: 'invalid-argument' });
    expect(latestMenu().map((item) => item.label)).toContain('Arkiv');
    await expect(listener({ senderFrame: mainWindow().webContents.mainFrame }, 'en')).resolves.toEqual({ ok: true, value: null });
    // The language switch rebuilt the native menu.
    expect(latestMenu().map((item) => item.label)).toContain('File');
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it("copies an image through Electron's nativeImage, ClipboardItem and clipboard", async () => {
    const listener = ipcListener(IPC.copyImage);
    await expect(listener({ senderFrame: mainWindow().webContents.mainFrame }, PNG_1X1)).resolves.toEqual({ ok: true, value: null });
    expect(electron.nativeImage.createFromBuffer).toHaveBeenCalledOnce();
    const [item] = vi.mocked(electron.clipboard.write).mock.calls[0]?.[0] ?? [];
    expect(item).toBeInstanceOf(electron.ClipboardItem);
    const blob = (item as unknown as { items: Record<string, Blob> }).items['image/png'];
    expect(new Uint8Array((await blob?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(PNG_1X1);
  });

  it('runs Arkiv → Öppna as a dialog modal to the window', async () => {
    await ipcListener(IPC.setLanguage)({ senderFrame: mainWindow().webContents.mainFrame }, 'sv');
    (menuItem('Arkiv', 'Öppna…').click as () => void)();
    await vi.waitFor(() => expect(electron.dialog.showOpenDialog).toHaveBeenCalledWith(mainWindow(), expect.anything()));
  });

  it('sends Exportera… to the renderer as a menu command', () => {
    (menuItem('Arkiv', 'Exportera…').click as () => void)();
    expect(mainWindow().webContents.send).toHaveBeenCalledWith(IPC.menuCommand, 'export');
  });

  it('opens the knowledge support page in the browser from Hjälp', async () => {
    (menuItem('Hjälp', 'Socialstyrelsens kunskapsstöd').click as () => void)();
    await vi.waitFor(() => expect(electron.shell.openExternal).toHaveBeenCalledOnce());
  });

  it.each([
    ['Spara arbetsyta', 'workspace:save'],
    ['Spara arbetsyta som…', 'workspace:save-as'],
    ['Öppna arbetsyta…', 'workspace:open'],
  ])('sends %s to the renderer as %s', (label, command) => {
    (menuItem('Arkiv', label).click as () => void)();
    expect(mainWindow().webContents.send).toHaveBeenCalledWith(IPC.menuCommand, command);
  });

  it('takes the session marker in the data folder when the renderer asks for recovery', async () => {
    const listener = ipcListener(IPC.takeRecovery);
    await expect(listener({ senderFrame: mainWindow().webContents.mainFrame })).resolves.toEqual({ ok: true, value: null });
    expect(await readdir(userData.value)).toContain('session.lock');
    await expect(ipcListener(IPC.writeAutosave)({ senderFrame: mainWindow().webContents.mainFrame }, Uint8Array.of(0x50, 0x4b))).resolves.toEqual({
      ok: true,
      value: null,
    });
    expect([...(await readFile(path.join(userData.value, 'autosave.metodkartan')))]).toEqual([0x50, 0x4b]);
  });

  it('saves a workspace where the user chooses and lists it under Senaste arbetsytor', async () => {
    const target = path.join(appPath.value, 'Kartläggning.metodkartan');
    vi.mocked(electron.dialog.showSaveDialog).mockResolvedValueOnce({ canceled: false, filePath: target });
    const listener = ipcListener(IPC.saveWorkspace);
    const request = { bytes: Uint8Array.of(0x50, 0x4b, 3, 4), saveAs: false, suggestedName: 'Kartläggning' };
    await expect(listener({ senderFrame: mainWindow().webContents.mainFrame }, request)).resolves.toEqual({
      ok: true,
      value: { saved: true, name: 'Kartläggning.metodkartan' },
    });
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(mainWindow(), expect.objectContaining({ defaultPath: 'Kartläggning.metodkartan' }));
    expect([...(await readFile(target))]).toEqual([0x50, 0x4b, 3, 4]);
    expect(JSON.parse(await readFile(path.join(userData.value, 'recent-workspaces.json'), 'utf8'))).toEqual([target]);
    const recent = menuItem('Arkiv', 'Senaste arbetsytor').submenu as MenuEntry[];
    expect(recent.map((item) => item.label)).toEqual(['Kartläggning.metodkartan']);
  });

  it('opens a recent workspace in the renderer from the menu', async () => {
    const recent = menuItem('Arkiv', 'Senaste arbetsytor').submenu as MenuEntry[];
    (recent[0]?.click as () => void)();
    await vi.waitFor(() =>
      expect(mainWindow().webContents.send).toHaveBeenCalledWith(IPC.workspaceOpened, {
        name: 'Kartläggning.metodkartan',
        bytes: expect.any(Uint8Array),
      }),
    );
  });

  it('opens a workspace double-clicked while the app runs (a second launch’s argument) once the page has loaded', async () => {
    const window = mainWindow();
    const send = vi.mocked(window.webContents.send);
    send.mockClear();
    (window as unknown as { page: NodeJS.EventEmitter }).page.emit('did-finish-load');
    const file = path.join(appPath.value, 'Kartläggning.metodkartan');
    electron.app.emit('second-instance', {}, ['/opt/Metodkartan/metodkartan', file], '/');
    await vi.waitFor(() => expect(send).toHaveBeenCalledWith(IPC.workspaceOpened, { name: 'Kartläggning.metodkartan', bytes: expect.any(Uint8Array) }));
    // macOS: the same through open-file.
    send.mockClear();
    const preventDefault = vi.fn();
    electron.app.emit('open-file', { preventDefault }, file);
    expect(preventDefault).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(send).toHaveBeenCalledWith(IPC.workspaceOpened, expect.objectContaining({ name: 'Kartläggning.metodkartan' })));
  });

  it('explains a recent workspace that has gone, and drops it from the menu', async () => {
    await rm(path.join(appPath.value, 'Kartläggning.metodkartan'));
    const recent = menuItem('Arkiv', 'Senaste arbetsytor').submenu as MenuEntry[];
    (recent[0]?.click as () => void)();
    await vi.waitFor(() =>
      expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(
        mainWindow(),
        expect.objectContaining({ detail: translate('sv', 'errorRecentMissing', { file: 'Kartläggning.metodkartan' }) }),
      ),
    );
    const after = menuItem('Arkiv', 'Senaste arbetsytor').submenu as MenuEntry[];
    expect(after).toEqual([{ label: 'Inga senaste arbetsytor', enabled: false }]);
  });

  it('asks the renderer to save before the window closes, and closes when it is ready', async () => {
    const window = mainWindow();
    window.close();
    expect(window.webContents.send).toHaveBeenLastCalledWith(IPC.menuCommand, 'app:closing');
    expect(window.isDestroyed()).toBe(false);
    await ipcListener(IPC.readyToClose)({ senderFrame: window.webContents.mainFrame });
    expect(window.isDestroyed()).toBe(true);
    expect(CLOSE_TIMEOUT_MS).toBe(3000);
  });

  it('quits when the last window closes (outside macOS)', () => {
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalledOnce();
  });

  it('removes the session marker on a clean quit, after the window has closed, then quits', async () => {
    const preventDefault = vi.fn();
    electron.app.emit('will-quit', { preventDefault });
    expect(preventDefault).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledTimes(2));
    expect(await readdir(userData.value)).not.toContain('session.lock');
    expect(await readdir(userData.value)).toContain('autosave.metodkartan');
  });
});
