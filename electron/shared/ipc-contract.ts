// The one IPC contract between main, preload and renderer. Types and constants only:
// the sandboxed preload bundles this file, the renderer imports its types.

export type Lang = 'sv' | 'en';

/** A file the user chose; its bytes travel, never a path the renderer could reuse. */
export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

/** Why a main-process action failed, as a code the renderer turns into a sentence. */
export type AppErrorCode =
  | 'invalid-argument'
  | 'file-too-large'
  /** The files chosen in one dialog are together too large to travel in one reply (MAX_SELECTION_BYTES). */
  | 'selection-too-large'
  | 'read-failed'
  | 'write-failed'
  /** A save's target stayed held by another program (an indexer, antivirus, OneDrive) through every retry. */
  | 'target-busy'
  | 'url-not-allowed'
  | 'clipboard-failed';

export type Result<T> =
  | { ok: true; value: T }
  | { ok: false; error: AppErrorCode; detail?: string };

/**
 * Menu items the renderer acts on (Öppna is handled in main, which owns the dialogs).
 * `language:xx` tells the renderer the user switched language in Visa → Språk.
 * `workspace:*` ask the renderer to save or open a workspace: it builds or reads the bytes and calls
 * saveWorkspace/openWorkspace, whose dialogs main shows. `app:closing` asks it to write its autosave
 * and then call readyToClose before the window closes.
 */
export type MenuCommand =
  | 'export'
  | 'about'
  | `language:${Lang}`
  | 'workspace:save'
  | 'workspace:save-as'
  | 'workspace:open'
  | 'app:closing';

export interface SaveRequest {
  suggestedName: string;
  bytes: Uint8Array;
}

/** The extension of a workspace file (without the dot): a ZIP the renderer makes, opaque to main. */
export const WORKSPACE_EXTENSION = 'metodkartan';

/**
 * Spara (saveAs false) writes over the workspace file last saved or opened without asking, when
 * main knows one; otherwise, and for Spara som, main asks where. The path stays in main.
 */
export interface WorkspaceSaveRequest {
  bytes: Uint8Array;
  saveAs: boolean;
  /** A bare file name for the dialog; main appends `.metodkartan` when it is missing. */
  suggestedName: string;
}

/** `name` is the base name of the file written, null when the user cancelled. */
export interface WorkspaceSaved {
  saved: boolean;
  name: string | null;
}

/** What the preload exposes as `window.metodkartan`: named methods only. */
export interface AppApi {
  /** Shows the open dialog; resolves to [] when the user cancels. */
  openFiles(): Promise<Result<OpenedFile[]>>;
  /** Shows the save dialog and writes the bytes; `saved: false` when the user cancels. */
  saveFile(request: SaveRequest): Promise<Result<{ saved: boolean }>>;
  /** Rebuilds the native menu in the renderer's language. */
  setLanguage(lang: Lang): Promise<Result<null>>;
  /** Opens a vetted https URL in the user's browser. */
  openExternal(url: string): Promise<Result<null>>;
  /** Puts a PNG image (a chart) on the system clipboard. */
  copyImage(png: Uint8Array): Promise<Result<null>>;
  /** Saves a workspace (see WorkspaceSaveRequest); `saved: false` when the user cancels. */
  saveWorkspace(request: WorkspaceSaveRequest): Promise<Result<WorkspaceSaved>>;
  /** Shows the open dialog for one .metodkartan file and reads it; null when the user cancels. */
  openWorkspace(): Promise<Result<OpenedFile | null>>;
  /** Replaces the autosave in the app's data folder (atomically). */
  writeAutosave(bytes: Uint8Array): Promise<Result<null>>;
  /** Once at start: the autosave a session left when it did not end cleanly, else null. */
  takeRecovery(): Promise<Result<Uint8Array | null>>;
  /** Deletes the autosave: the user declined or restored it. */
  discardRecovery(): Promise<Result<null>>;
  /** The answer to menu command `app:closing`: the autosave is written (or nothing changed), the window may close. */
  readyToClose(): Promise<Result<null>>;
  /** Said at once on `app:closing` when there is something to save: the window waits for readyToClose, however long the save takes. */
  savingBeforeClose(): Promise<Result<null>>;
  /** Files opened through Arkiv → Öppna. Returns an unsubscribe function. */
  onFilesOpened(listener: (files: OpenedFile[]) => void): () => void;
  /** Workspaces opened through Arkiv → Senaste arbetsytor. Returns an unsubscribe function. */
  onWorkspaceOpened(listener: (file: OpenedFile) => void): () => void;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** Channel names: renderer → main (invoke) and main → renderer (send). */
export const IPC = {
  openFiles: 'files:open',
  saveFile: 'file:save',
  setLanguage: 'app:set-language',
  openExternal: 'app:open-external',
  copyImage: 'clipboard:write-image',
  saveWorkspace: 'workspace:save-file',
  openWorkspace: 'workspace:open-file',
  writeAutosave: 'autosave:write',
  takeRecovery: 'autosave:take-recovery',
  discardRecovery: 'autosave:discard',
  readyToClose: 'app:ready-to-close',
  savingBeforeClose: 'app:saving-before-close',
  filesOpened: 'files:opened',
  workspaceOpened: 'workspace:opened',
  menuCommand: 'menu:command',
} as const;

/** Files above this size are refused before reading (main) and before import (renderer). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

/**
 * The files one open dialog returns travel in one IPC reply, and Electron fails on messages near 2 GiB:
 * together they may be at most this large (one file at the limit, or several smaller ones).
 */
export const MAX_SELECTION_BYTES = 512 * 1024 * 1024;

/** PNG images above this size are refused before decoding (a chart is well under 1 MiB). */
export const MAX_IMAGE_BYTES = 64 * 1024 * 1024;

/** The custom scheme the renderer is served from in Electron (never file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'metodkartan';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
