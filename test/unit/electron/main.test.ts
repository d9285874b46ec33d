// The wiring of electron/main.ts against a fake 'electron': what cannot be tested by running the
// app on these machines (Electron's binary cannot start here) is at least checked for order and use.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Electron from 'electron';
import { IPC } from '../../../electron/shared/ipc-contract';
import { CONTENT_SECURITY_POLICY } from '../../../electron/policy/static-files';
import type { InvokeEvent } from '../../../electron/ipc/handle';
import { APP_PAGE, PNG_1X1 } from './fakes';

const appPath = vi.hoisted(() => ({ value: '' }));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class BrowserWindow extends EventEmitter {
    static readonly instances: BrowserWindow[] = [];
    static getAllWindows = (): BrowserWindow[] => BrowserWindow.instances;
    readonly webContents = { send: vi.fn(), mainFrame: { url: 'app://metodkartan/index.html', parent: null } };
    readonly loadURL = vi.fn(async () => undefined);
    readonly show = vi.fn();
    readonly isDestroyed = (): boolean => false;
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
      showSaveDialog: vi.fn(),
      showMessageBox: vi.fn(),
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
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
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
    expect(channels.sort()).toEqual([IPC.copyImage, IPC.openExternal, IPC.openFiles, IPC.saveFile, IPC.setLanguage].sort());
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

  it('quits when the last window closes (outside macOS)', () => {
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalledOnce();
  });
});
