// The only bridge between the renderer and the main process: named methods over the IPC contract.
// No logic here; the event object and ipcRenderer itself never reach the page.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC, type AppApi } from '../shared/ipc-contract';

function subscribe<T>(channel: string, listener: (payload: T) => void): () => void {
  const forward = (_event: unknown, payload: T): void => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

const api = {
  openFiles: () => ipcRenderer.invoke(IPC.openFiles),
  saveFile: (request) => ipcRenderer.invoke(IPC.saveFile, request),
  setLanguage: (lang) => ipcRenderer.invoke(IPC.setLanguage, lang),
  openExternal: (url) => ipcRenderer.invoke(IPC.openExternal, url),
  copyImage: (png) => ipcRenderer.invoke(IPC.copyImage, png),
  saveWorkspace: (request) => ipcRenderer.invoke(IPC.saveWorkspace, request),
  openWorkspace: () => ipcRenderer.invoke(IPC.openWorkspace),
  writeAutosave: (bytes) => ipcRenderer.invoke(IPC.writeAutosave, bytes),
  takeRecovery: () => ipcRenderer.invoke(IPC.takeRecovery),
  discardRecovery: () => ipcRenderer.invoke(IPC.discardRecovery),
  readyToClose: () => ipcRenderer.invoke(IPC.readyToClose),
  savingBeforeClose: () => ipcRenderer.invoke(IPC.savingBeforeClose),
  onFilesOpened: (listener) => subscribe(IPC.filesOpened, listener),
  onWorkspaceOpened: (listener) => subscribe(IPC.workspaceOpened, listener),
  onMenuCommand: (listener) => subscribe(IPC.menuCommand, listener),
} satisfies AppApi;

contextBridge.exposeInMainWorld('metodkartan', api);
