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
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_ORIGIN, APP_SCHEME, IPC, type Lang, type MenuCommand } from './shared/ipc-contract';
import { KNOWLEDGE_SUPPORT_URL, translate } from './strings';
import { openVettedExternal } from './external-links';
import { openFilesFromMenu, type OpenFilesDeps } from './dialogs';
import { registerIpcHandlers } from './ipc/handlers';
import type { SenderFrame } from './ipc/handle';
import { guardWindowClose, runBeforeQuit, type CloseHandshake } from './lifecycle';
import { buildMenuTemplate } from './menu';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './protocol';
import { createRecentFiles, type DataFileSystem } from './recent-files';
import { applySecurity } from './security';
import { createSessionFiles } from './session-files';
import { createMainWindow } from './window';
import { createWorkspaceFiles } from './workspace-files';
import { createLaunchQueue, workspaceInArgv } from './launch-files';

// Privileges can only be granted before the app is ready.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
// Sandbox every renderer, including any the window options would not cover.
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
// Swedish until the renderer reports its own choice through setLanguage.
let lang: Lang = 'sv';

// The recent workspaces as last read, for the menu (which is built synchronously).
let recentPaths: string[] = [];
// The handshake of the open window: its readyToClose lets the window close.
let closeHandshake: CloseHandshake | null = null;
// A window closed without the renderer confirming its autosave: the quit is not clean.
let closedUncleanly = false;
// Set by before-quit: a close held for the handshake cancels the quit, so it is asked for again.
let quitting = false;

const fs: DataFileSystem = { readFile, writeFile, stat, rename, rm, mkdir };

const fileDeps: OpenFilesDeps<BrowserWindow> = {
  dialog,
  fs,
  getWindow: () => (mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null),
  getLanguage: () => lang,
};

// The app's data folder (per user): the recent list, the autosave and the session marker.
const dataDir = app.getPath('userData');
const recentFiles = createRecentFiles(fs, dataDir);
const sessionFiles = createSessionFiles(fs, dataDir);
const workspaceFiles = createWorkspaceFiles({
  ...fileDeps,
  recent: recentFiles,
  onRecentChanged: (paths) => {
    recentPaths = paths;
    buildMenu();
  },
});

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
    recent: recentPaths,
    actions: {
      open: () => {
        const window = fileDeps.getWindow();
        if (window !== null) openFilesFromMenu(fileDeps, window.webContents).catch(logFailure('Arkiv → Öppna'));
      },
      // The renderer builds or reads the workspace bytes; it calls back through IPC, and main shows the dialogs.
      saveWorkspace: () => sendMenuCommand('workspace:save'),
      saveWorkspaceAs: () => sendMenuCommand('workspace:save-as'),
      openWorkspace: () => sendMenuCommand('workspace:open'),
      openRecent: (filePath) => {
        const window = fileDeps.getWindow();
        if (window !== null) workspaceFiles.openRecent(filePath, window.webContents).catch(logFailure('Arkiv → Senaste arbetsytor'));
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

/** Reads the recent list (pruning vanished files) and rebuilds the menu with it. */
function refreshRecent(): void {
  recentFiles
    .list()
    .then((paths) => {
      recentPaths = paths;
      buildMenu();
    })
    .catch(logFailure('Reading the recent workspaces'));
}

/** Only the main frame of one of the app's own windows may use the IPC bridge. */
function isTrustedSender(frame: SenderFrame): boolean {
  return BrowserWindow.getAllWindows().some((window) => !window.isDestroyed() && window.webContents.mainFrame === frame);
}

/** A workspace double-clicked in the file manager, opened once the window's page can take it. */
const launches = createLaunchQueue((filePath) => {
  const window = fileDeps.getWindow();
  if (window !== null) void workspaceFiles.openRecent(filePath, window.webContents);
});

function openMainWindow(): void {
  // esbuild bundles this file to dist-electron/main.cjs, next to preload.cjs: __dirname is that folder.
  const preloadPath = path.join(__dirname, 'preload.cjs');
  const window = createMainWindow(BrowserWindow, preloadPath, translate(lang, 'appName'), `${APP_ORIGIN}/index.html`);
  mainWindow = window;
  window.webContents.once('did-finish-load', () => launches.ready());
  // Before it closes, the renderer writes its autosave (menu command app:closing → readyToClose).
  closeHandshake = guardWindowClose(window, {
    askRenderer: () => window.webContents.send(IPC.menuCommand, 'app:closing' satisfies MenuCommand),
    proceed: (confirmed) => {
      if (!confirmed) closedUncleanly = true;
      if (quitting) app.quit();
      else window.close();
    },
  });
  window.on('closed', () => {
    mainWindow = null;
    launches.closed();
    closeHandshake = null;
    // A new window starts empty: Spara must not write its state over the previous workspace file.
    workspaceFiles.forget();
  });
}

if (!app.requestSingleInstanceLock()) {
  // A second launch only brings the running instance forward (see second-instance below).
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    const window = fileDeps.getWindow();
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.focus();
    // A workspace double-clicked while the app runs: the second launch's argument, opened here.
    launches.ask(workspaceInArgv(argv));
  });

  // macOS hands a double-clicked workspace over as an event, possibly before the app is ready.
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    launches.ask(filePath);
  });
  launches.ask(workspaceInArgv(process.argv));

  app.on('before-quit', () => {
    quitting = true;
  });

  // A clean quit removes the session marker, so the next start offers no recovery. Not after a
  // window closed without its autosave confirmed: then the last autosave is offered next time.
  runBeforeQuit(app, async () => {
    if (!closedUncleanly) await sessionFiles.endSession();
  });

  app.on('window-all-closed', () => {
    // macOS convention: the app stays active without windows until the user quits.
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    registerAppProtocol(protocol, path.join(app.getAppPath(), 'dist', 'renderer'), readFile);
    // Before the first window, so web-contents-created guards it and its first invoke finds a handler.
    applySecurity({ session: session.defaultSession, app, shell });
    registerIpcHandlers({
      ...fileDeps,
      ipcMain,
      shell,
      clipboard,
      ClipboardItem,
      nativeImage,
      setLanguage,
      isTrustedSender,
      workspace: workspaceFiles,
      session: sessionFiles,
      readyToClose: () => closeHandshake?.readyToClose(),
      savingBeforeClose: () => closeHandshake?.saving(),
    });
    buildMenu();
    refreshRecent();
    openMainWindow();
    // macOS: clicking the dock icon with no window open opens one again.
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
    });
  });
}
