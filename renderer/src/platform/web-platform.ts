import { MAX_FILE_BYTES, WORKSPACE_EXTENSION } from '../../../electron/shared/ipc-contract';
import type { Platform, PickedFile, WorkspaceFile } from './platform';
import { pickedFromFileList, PlatformError } from './platform';

const ACCEPT = '.csv,.tsv,.txt,.tab,.xlsx,.xlsm,.parquet,.json,.ndjson,.jsonl';

/** Set while a page of the app is open; still set at the next start means that session crashed. */
export const SESSION_FLAG = 'metodkartan.session-open';
const AUTOSAVE_DATABASE = 'metodkartan';
const AUTOSAVE_STORE = 'autosave';
const AUTOSAVE_KEY = 'current';

/** Where the web keeps the autosave: IndexedDB in a browser, a fake in unit tests. */
export interface AutosaveStore {
  get(): Promise<Uint8Array | null>;
  put(bytes: Uint8Array): Promise<void>;
  delete(): Promise<void>;
}

/** The browser's storage and page events, passed in by tests (Node has neither). */
export interface WebEnvironment {
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  autosave: AutosaveStore;
  events: Pick<Window, 'addEventListener'>;
}

/** Resolves with the request's result once it succeeds, rejects with its error. */
function settled<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** One request in its own transaction, resolved once the transaction has committed. */
async function inAutosaveStore<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const opening = indexedDB.open(AUTOSAVE_DATABASE, 1);
  opening.onupgradeneeded = () => opening.result.createObjectStore(AUTOSAVE_STORE);
  const db = await settled(opening);
  try {
    const transaction = db.transaction(AUTOSAVE_STORE, mode);
    const committed = new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    });
    const [result] = await Promise.all([settled(action(transaction.objectStore(AUTOSAVE_STORE))), committed]);
    return result;
  } finally {
    db.close();
  }
}

/** Database 'metodkartan', store 'autosave', key 'current': the bytes, as a Uint8Array. */
function indexedDbAutosave(): AutosaveStore {
  return {
    async get() {
      const value: unknown = await inAutosaveStore('readonly', (store) => store.get(AUTOSAVE_KEY));
      return value instanceof Uint8Array && value.byteLength > 0 ? value : null;
    },
    async put(bytes) {
      // A view into a larger buffer would store the whole buffer: keep just the view's bytes.
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
      await inAutosaveStore('readwrite', (store) => store.put(own, AUTOSAVE_KEY));
    },
    async delete() {
      await inAutosaveStore('readwrite', (store) => store.delete(AUTOSAVE_KEY));
    },
  };
}

function browserEnvironment(): WebEnvironment {
  return { storage: localStorage, autosave: indexedDbAutosave(), events: window };
}

export function createWebPlatform(doc: Document = document, env?: WebEnvironment): Platform {
  // Resolved on first use: building the platform touches no browser storage.
  let environment = env;
  const browser = (): WebEnvironment => (environment ??= browserEnvironment());

  // Whether the previous session crashed, decided by the first takeRecovery (see below).
  let previousCrashed: boolean | undefined;
  let discarded = false;

  /** A download link: the browser's own save flow, nothing leaves the machine. */
  function download(name: string, bytes: Uint8Array): void {
    const url = URL.createObjectURL(new Blob([bytes.slice().buffer]));
    const link = doc.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  /** A file input that is never attached to the page; resolves to the chosen files, [] when cancelled. */
  function chooseFiles(accept: string, multiple: boolean): Promise<FileList | readonly File[]> {
    return new Promise((resolve) => {
      const input = doc.createElement('input');
      input.type = 'file';
      input.multiple = multiple;
      input.accept = accept;
      input.addEventListener('change', () => resolve(input.files ?? []), { once: true });
      input.addEventListener('cancel', () => resolve([]), { once: true });
      input.click();
    });
  }

  return {
    kind: 'web',
    async pickFiles(): Promise<PickedFile[]> {
      return pickedFromFileList(await chooseFiles(ACCEPT, true));
    },
    async saveFile(suggestedName, bytes) {
      download(suggestedName, bytes);
      return true;
    },
    async copyImage(png) {
      // The async clipboard API: granted to the focused page in a secure context; rejects otherwise.
      // slice(): a copy on a plain ArrayBuffer, as Blob's type requires (png may view a SharedArrayBuffer).
      const blob = new Blob([png.slice()], { type: 'image/png' });
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
    },
    setLanguage() {
      // No native menu on the web.
    },
    onFilesOpened() {
      return () => {};
    },
    onMenuCommand() {
      return () => {};
    },

    // Workspaces. A browser has no "current file" to write over: every save is a download, under
    // the suggested name (with the extension added as Electron would).
    async saveWorkspace(bytes, { suggestedName }) {
      const name = suggestedName.toLowerCase().endsWith(`.${WORKSPACE_EXTENSION}`) ? suggestedName : `${suggestedName}.${WORKSPACE_EXTENSION}`;
      download(name, bytes);
      return { saved: true, name };
    },
    async openWorkspace(): Promise<WorkspaceFile | null> {
      const [file] = await chooseFiles(`.${WORKSPACE_EXTENSION}`, false);
      if (file === undefined) return null;
      if (file.size > MAX_FILE_BYTES) throw new PlatformError('file-too-large');
      try {
        return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
      } catch {
        throw new PlatformError('read-failed');
      }
    },
    async writeAutosave(bytes) {
      await browser().autosave.put(bytes);
    },
    async takeRecovery() {
      const { storage, autosave, events } = browser();
      // Crash detection: the flag is set while a page runs and cleared on pagehide, which a tab
      // that crashes (or a browser that is killed) never fires. Decided on the first call only, so
      // calling again (React's development double effects) does not mistake this page for a crash.
      // Tabs share localStorage: a second tab opened beside the first is taken for a crash too.
      if (previousCrashed === undefined) {
        try {
          previousCrashed = storage.getItem(SESSION_FLAG) !== null;
          storage.setItem(SESSION_FLAG, 'open');
          events.addEventListener('pagehide', () => storage.removeItem(SESSION_FLAG));
          // A page restored from the back/forward cache is running again.
          events.addEventListener('pageshow', (event) => {
            if (event.persisted) storage.setItem(SESSION_FLAG, 'open');
          });
        } catch {
          // Storage disabled: no crash detection, and so no recovery.
          previousCrashed = false;
        }
      }
      if (!previousCrashed || discarded) return null;
      return autosave.get();
    },
    async discardRecovery() {
      discarded = true;
      await browser().autosave.delete();
    },
    onWorkspaceOpened() {
      // Nothing opens a workspace from outside the page in a browser.
      return () => {};
    },
    async readyToClose() {
      // No close handshake in a browser: pagehide clears the session flag.
    },
    async savingBeforeClose() {
      // Nor a window that waits.
    },
  };
}
