// Electron entry point: wiring only. Every decision lives in a module that takes Electron as
// arguments and is unit-tested under Node; this file hands them the real objects.
import {
  app,
  BrowserWindow,
  clipboard,
  ClipboardItem,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  protocol,
  session,
  shell,
} from 'electron';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_ORIGIN, APP_SCHEME, IPC, type Lang, type MenuCommand } from './shared/ipc-contract';
import { KNOWLEDGE_SUPPORT_URL, translate } from './shared/strings';
import { openVettedExternal } from './external-links';
import { openFilesFromMenu, registerIpcHandlers, type OpenFilesDeps } from './ipc/handlers';
import type { SenderFrame } from './ipc/handle';
import { buildMenuTemplate } from './menu';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './protocol';
import { applySecurity } from './security';
import { createMainWindow } from './window';

// Privileges can only be granted before the app is ready.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
// Sandbox every renderer, including any the window options would not cover.
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
// Swedish until the renderer reports its own choice through setLanguage.
let lang: Lang = 'sv';

const fileDeps: OpenFilesDeps<BrowserWindow> = {
  dialog,
  fs: { readFile, writeFile, stat, rename, rm },
  getWindow: () => (mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null),
  getLanguage: () => lang,
};

/** Menu clicks have no caller to report to: a failure is logged rather than left unhandled. */
function logFailure(action: string): (error: unknown) => void {
  return (error) => console.error(`${action} failed:`, error);
}

function sendMenuCommand(command: MenuCommand): void {
  fileDeps.getWindow()?.webContents.send(IPC.menuCommand, command);
}

function buildMenu(): void {
  const template = buildMenuTemplate({
    lang,
    platform: process.platform,
    actions: {
      open: () => {
        const window = fileDeps.getWindow();
        if (window !== null) openFilesFromMenu(fileDeps, window.webContents).catch(logFailure('Arkiv → Öppna'));
      },
      export: () => sendMenuCommand('export'),
      about: () => sendMenuCommand('about'),
      // The renderer follows, and answers with setLanguage, which rebuilds this menu once more.
      setLanguage: (next) => {
        setLanguage(next);
        sendMenuCommand(`language:${next}`);
      },
      openKnowledgeSupport: () => {
        openVettedExternal(shell, KNOWLEDGE_SUPPORT_URL).catch(logFailure('Opening the knowledge support'));
      },
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function setLanguage(next: Lang): void {
  lang = next;
  buildMenu();
}

/** Only the main frame of one of the app's own windows may use the IPC bridge. */
function isTrustedSender(frame: SenderFrame): boolean {
  return BrowserWindow.getAllWindows().some((window) => !window.isDestroyed() && window.webContents.mainFrame === frame);
}

function openMainWindow(): void {
  // esbuild bundles this file to dist-electron/main.cjs, next to preload.cjs: __dirname is that folder.
  const preloadPath = path.join(__dirname, 'preload.cjs');
  mainWindow = createMainWindow(BrowserWindow, preloadPath, translate(lang, 'appName'), `${APP_ORIGIN}/index.html`);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

if (!app.requestSingleInstanceLock()) {
  // A second launch only brings the running instance forward (see second-instance below).
  app.quit();
} else {
  app.on('second-instance', () => {
    const window = fileDeps.getWindow();
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('window-all-closed', () => {
    // macOS convention: the app stays active without windows until the user quits.
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    registerAppProtocol(protocol, path.join(app.getAppPath(), 'dist', 'renderer'), readFile);
    // Before the first window, so web-contents-created guards it and its first invoke finds a handler.
    applySecurity({ session: session.defaultSession, app, shell });
    registerIpcHandlers({ ...fileDeps, ipcMain, shell, clipboard, ClipboardItem, nativeImage, setLanguage, isTrustedSender });
    buildMenu();
    openMainWindow();
    // macOS: clicking the dock icon with no window open opens one again.
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
    });
  });
}
