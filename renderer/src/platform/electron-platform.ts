import type { AppApi, OpenedFile, Result } from '../../../electron/shared/ipc-contract';
import { PlatformError, type Platform, type PickedFile } from './platform';

declare global {
  interface Window {
    /** Set by electron/preload; absent in a plain browser. */
    metodkartan?: AppApi;
  }
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new PlatformError(result.error, result.detail);
  return result.value;
}

function toPicked(files: OpenedFile[]): PickedFile[] {
  return files.map((file) => ({ name: file.name, size: file.bytes.length, bytes: async () => file.bytes }));
}

export function createElectronPlatform(api: AppApi): Platform {
  return {
    kind: 'electron',
    async pickFiles() {
      return toPicked(unwrap(await api.openFiles()));
    },
    async saveFile(suggestedName, bytes) {
      return unwrap(await api.saveFile({ suggestedName, bytes })).saved;
    },
    async copyImage(png) {
      // Through main, not navigator.clipboard: the session's permission handler refuses every
      // permission the renderer asks for, clipboard-write included, by design (electron/security.ts).
      // Main decodes the PNG and owns what reaches the system clipboard.
      unwrap(await api.copyImage(png));
    },
    setLanguage(lang) {
      void api.setLanguage(lang);
    },
    onFilesOpened(listener) {
      return api.onFilesOpened((files) => listener(toPicked(files)));
    },
    onMenuCommand(listener) {
      return api.onMenuCommand(listener);
    },
    // Workspaces: main owns the dialogs, the current file's path and the app's data folder; only
    // bytes and base names cross the bridge.
    async saveWorkspace(bytes, { saveAs, suggestedName }) {
      return unwrap(await api.saveWorkspace({ bytes, saveAs, suggestedName }));
    },
    async openWorkspace() {
      return unwrap(await api.openWorkspace());
    },
    async writeAutosave(bytes) {
      unwrap(await api.writeAutosave(bytes));
    },
    async takeRecovery() {
      return unwrap(await api.takeRecovery());
    },
    async discardRecovery() {
      unwrap(await api.discardRecovery());
    },
    onWorkspaceOpened(listener) {
      return api.onWorkspaceOpened(listener);
    },
    async savingBeforeClose() {
      unwrap(await api.savingBeforeClose());
    },
    async readyToClose() {
      unwrap(await api.readyToClose());
    },
  };
}
