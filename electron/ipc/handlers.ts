// What the renderer may ask of the main process. Main owns the dialogs, the file system and the
// clipboard: the renderer gets the bytes of files the user chose, and hands over bytes for a path the
// user chooses (never a path of its own) or for the clipboard.
import { IPC, type Lang, type Result } from '../shared/ipc-contract';
import { openFiles, type OpenFilesDeps } from '../dialogs';
import { writeFileAtomically } from '../fs/files';
import { openVettedExternal, type ShellLike } from '../external-links';
import type { SessionFiles } from '../session-files';
import type { WorkspaceFiles } from '../workspace-files';
import { handle, type IpcMainLike, type SenderFrame } from './handle';
import {
  noArguments,
  oneArgument,
  parseLang,
  parsePngImage,
  parseSaveRequest,
  parseUrl,
  parseWorkspaceBytes,
  parseWorkspaceSaveRequest,
} from './validate';

/** The parts of Electron's NativeImage the clipboard handler uses. */
export interface NativeImageLike {
  isEmpty(): boolean;
  toPNG(): Uint8Array;
}

/** What the handler builds a clipboard entry from: one PNG, under a MIME key it chose itself. */
export type PngClipboardEntry = { 'image/png': Blob };

/**
 * Electron's `clipboard`, `ClipboardItem` and `nativeImage`, as far as copying a PNG goes; the real
 * ones satisfy these. Since Electron 44 the clipboard follows the W3C API: no writeImage, but an
 * async write() of ClipboardItems.
 */
export interface ClipboardDeps {
  clipboard: { write(items: object[]): Promise<void> };
  ClipboardItem: new (items: PngClipboardEntry) => object;
  nativeImage: { createFromBuffer(buffer: Buffer): NativeImageLike };
}

export interface HandlerDeps<W> extends OpenFilesDeps<W>, ClipboardDeps {
  ipcMain: IpcMainLike;
  shell: ShellLike;
  setLanguage(lang: Lang): void;
  isTrustedSender(frame: SenderFrame): boolean;
  /** Workspace saves and opens, with the current path they keep (electron/workspace-files.ts). */
  workspace: Pick<WorkspaceFiles, 'save' | 'open'>;
  /** Autosave and recovery in the app's data folder (electron/session-files.ts). */
  session: Pick<SessionFiles, 'writeAutosave' | 'takeRecovery' | 'discardRecovery'>;
  /** The renderer has written its autosave: the window waiting to close may close. */
  readyToClose(): void;
  /** The renderer is saving before the window closes: the window waits for it. */
  savingBeforeClose(): void;
}

/**
 * Puts a validated PNG on the clipboard. The bytes are decoded first: bytes that pass the signature
 * check but do not decode give an empty image, refused rather than clearing what the user had on
 * the clipboard. What is written is the decoded image encoded afresh, so other programs pasting it
 * never parse the renderer's bytes. The MIME key is fixed here, never taken from the renderer (a key
 * such as text/uri-list would put file references on the clipboard). A failure to write rejects:
 * handle() reports it as clipboard-failed.
 */
async function copyImageToClipboard(deps: ClipboardDeps, png: Uint8Array): Promise<Result<null>> {
  // A Buffer over the same memory: the bytes reach nativeImage as the renderer sent them, uncopied.
  const image = deps.nativeImage.createFromBuffer(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
  if (image.isEmpty()) return { ok: false, error: 'invalid-argument' };
  const entry: PngClipboardEntry = { 'image/png': new Blob([new Uint8Array(image.toPNG())], { type: 'image/png' }) };
  await deps.clipboard.write([new deps.ClipboardItem(entry)]);
  return { ok: true, value: null };
}

export function registerIpcHandlers<W>(deps: HandlerDeps<W>): void {
  const { ipcMain, isTrustedSender } = deps;

  handle(ipcMain, IPC.openFiles, noArguments, () => openFiles(deps), isTrustedSender);

  handle(
    ipcMain,
    IPC.saveFile,
    oneArgument(parseSaveRequest),
    async (request) => {
      const window = deps.getWindow();
      if (window === null) return { ok: false, error: 'write-failed' };
      const choice = await deps.dialog.showSaveDialog(window, { defaultPath: request.suggestedName });
      if (choice.canceled || choice.filePath === '') return { ok: true, value: { saved: false } };
      // A failed write throws: handle() reports it as write-failed with the error code.
      await writeFileAtomically(deps.fs, choice.filePath, request.bytes);
      return { ok: true, value: { saved: true } };
    },
    isTrustedSender,
  );

  handle(
    ipcMain,
    IPC.setLanguage,
    oneArgument(parseLang),
    async (lang) => {
      deps.setLanguage(lang);
      return { ok: true, value: null };
    },
    isTrustedSender,
  );

  handle(ipcMain, IPC.openExternal, oneArgument(parseUrl), (url) => openVettedExternal(deps.shell, url), isTrustedSender);

  handle(ipcMain, IPC.copyImage, oneArgument(parsePngImage), (png) => copyImageToClipboard(deps, png), isTrustedSender);

  handle(ipcMain, IPC.saveWorkspace, oneArgument(parseWorkspaceSaveRequest), (request) => deps.workspace.save(request), isTrustedSender);

  handle(ipcMain, IPC.openWorkspace, noArguments, () => deps.workspace.open(), isTrustedSender);

  handle(
    ipcMain,
    IPC.writeAutosave,
    oneArgument(parseWorkspaceBytes),
    async (bytes) => {
      await deps.session.writeAutosave(bytes);
      return { ok: true, value: null };
    },
    isTrustedSender,
  );

  handle(ipcMain, IPC.takeRecovery, noArguments, () => deps.session.takeRecovery(), isTrustedSender);

  handle(
    ipcMain,
    IPC.discardRecovery,
    noArguments,
    async () => {
      await deps.session.discardRecovery();
      return { ok: true, value: null };
    },
    isTrustedSender,
  );

  handle(
    ipcMain,
    IPC.readyToClose,
    noArguments,
    async () => {
      deps.readyToClose();
      return { ok: true, value: null };
    },
    isTrustedSender,
  );

  handle(
    ipcMain,
    IPC.savingBeforeClose,
    noArguments,
    async () => {
      deps.savingBeforeClose();
      return { ok: true, value: null };
    },
    isTrustedSender,
  );
}
