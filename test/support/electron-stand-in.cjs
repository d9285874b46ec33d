// A stand-in for Electron's API, for the smoke test of the built main process (dist-electron/main.cjs):
// loaded with `node --require` before the bundle, it answers the bundle's require('electron') and records
// what the bundle asks of it; then it plays a session (serve the app's files, call the IPC channels as the
// window and as a stranger, close the window) and prints what happened as one JSON line.
'use strict';
const Module = require('node:module');
const { EventEmitter } = require('node:events');

const log = [];
const note = (what) => log.push(what);
const appPath = process.env.SMOKE_APP_PATH;
const userData = process.env.SMOKE_USER_DATA;

let readyResolve;
const ready = new Promise((resolve) => (readyResolve = resolve));

class WebContents extends EventEmitter {
  constructor() {
    super();
    this.sent = [];
    this.mainFrame = { url: 'app://metodkartan/index.html', parent: null };
  }
  send(channel, ...args) {
    this.sent.push([channel, ...args]);
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
}

class BrowserWindow extends EventEmitter {
  static instances = [];
  static getAllWindows() {
    return BrowserWindow.instances.filter((w) => !w.destroyed);
  }
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents();
    this.destroyed = false;
    this.loaded = [];
    BrowserWindow.instances.push(this);
    note('BrowserWindow');
    electron.app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url) {
    this.loaded.push(url);
  }
  show() {}
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  close() {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.destroyed = true;
    this.emit('closed');
  }
}

const handlers = new Map();
const electron = {
  app: Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: () => true,
    whenReady: () => {
      note('whenReady');
      return ready;
    },
    getAppPath: () => appPath,
    getPath: (name) => (name === 'userData' ? userData : `/nonexistent/${name}`),
    enableSandbox: () => note('enableSandbox'),
    quit: () => note('quit'),
  }),
  protocol: {
    registerSchemesAsPrivileged: (schemes) => note({ registerSchemesAsPrivileged: schemes }),
    handle: (scheme, handler) => {
      note({ protocolHandle: scheme });
      electron.protocolHandler = handler;
    },
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: () => note('setPermissionRequestHandler'),
      setPermissionCheckHandler: () => note('setPermissionCheckHandler'),
      webRequest: { onBeforeRequest: () => note('onBeforeRequest') },
    },
  },
  BrowserWindow,
  ipcMain: { handle: (channel, listener) => handlers.set(channel, listener) },
  Menu: { buildFromTemplate: (template) => template, setApplicationMenu: () => note('setApplicationMenu') },
  dialog: {
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showSaveDialog: async () => ({ canceled: true, filePath: '' }),
    showMessageBox: async () => ({ response: 0 }),
  },
  shell: { openExternal: async () => undefined },
  clipboard: { write: async () => undefined },
  ClipboardItem: class {},
  nativeImage: { createFromBuffer: () => ({ isEmpty: () => true, toPNG: () => Buffer.alloc(0) }) },
};

const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'electron') return electron;
  return load.call(this, request, ...rest);
};

async function serve(url) {
  const response = await electron.protocolHandler(new Request(url));
  return { status: response.status, type: response.headers.get('content-type'), csp: response.headers.get('content-security-policy') };
}

async function play() {
  note('ready');
  readyResolve();
  for (let i = 0; i < 50 && BrowserWindow.instances.length === 0; i++) await new Promise((done) => setTimeout(done, 10));
  const window = BrowserWindow.instances[0];
  const invoke = (channel, frame, ...args) => handlers.get(channel)({ senderFrame: frame }, ...args);
  const stranger = { url: 'https://evil.example/', parent: null };
  const result = {
    log,
    windowOptions: window && { webPreferences: window.options.webPreferences },
    loaded: window && window.loaded,
    files: {
      index: await serve('app://metodkartan/index.html'),
      wasm: await serve('app://metodkartan/assets/duckdb.wasm'),
      worker: await serve('app://metodkartan/assets/parse-worker.js'),
      traversal: await serve('app://metodkartan/../../../etc/passwd'),
      missing: await serve('app://metodkartan/nothing.js'),
    },
    channels: [...handlers.keys()].sort(),
    fromStranger: await invoke('app:ready-to-close', stranger),
    fromWindow: await invoke('app:set-language', window.webContents.mainFrame, 'en'),
  };
  // The close sequence: held, the renderer asked; it says it is saving, then ready; the window closes.
  window.close();
  result.closeAsked = window.webContents.sent.some(([channel, command]) => channel === 'menu:command' && command === 'app:closing');
  result.closedBeforeAnswer = window.destroyed;
  await invoke('app:saving-before-close', window.webContents.mainFrame);
  await new Promise((done) => setTimeout(done, 3_200));
  result.closedWhileSaving = window.destroyed;
  await invoke('app:ready-to-close', window.webContents.mainFrame);
  result.closedWhenReady = window.destroyed;
  process.stdout.write(`SMOKE ${JSON.stringify(result)}\n`);
  process.exit(0);
}

// After the bundle has run its top level (this file is loaded before it).
setImmediate(() => {
  play().catch((error) => {
    process.stdout.write(`SMOKE-FAILED ${error && error.stack}\n`);
    process.exit(1);
  });
});
