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
  | 'read-failed'
  | 'write-failed'
  | 'url-not-allowed'
  | 'clipboard-failed';

export type Result<T> =
  | { ok: true; value: T }
  | { ok: false; error: AppErrorCode; detail?: string };

/**
 * Menu items the renderer acts on (Öppna is handled in main, which owns the dialogs).
 * `language:xx` tells the renderer the user switched language in Visa → Språk.
 */
export type MenuCommand = 'export' | 'about' | `language:${Lang}`;

export interface SaveRequest {
  suggestedName: string;
  bytes: Uint8Array;
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
  /** Files opened through Arkiv → Öppna. Returns an unsubscribe function. */
  onFilesOpened(listener: (files: OpenedFile[]) => void): () => void;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** Channel names: renderer → main (invoke) and main → renderer (send). */
export const IPC = {
  openFiles: 'files:open',
  saveFile: 'file:save',
  setLanguage: 'app:set-language',
  openExternal: 'app:open-external',
  copyImage: 'clipboard:write-image',
  filesOpened: 'files:opened',
  menuCommand: 'menu:command',
} as const;

/** Files above this size are refused before reading (main) and before import (renderer). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

/** PNG images above this size are refused before decoding (a chart is well under 1 MiB). */
export const MAX_IMAGE_BYTES = 64 * 1024 * 1024;

/** The custom scheme the renderer is served from in Electron (never file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'metodkartan';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
