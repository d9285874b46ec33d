// What the renderer may ask of the main process. Main owns the dialogs, the file system and the
// clipboard: the renderer gets the bytes of files the user chose, and hands over bytes for a path the
// user chooses (never a path of its own) or for the clipboard.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type {
  MessageBoxOptions,
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import { IPC, MAX_FILE_BYTES, type Lang, type OpenedFile, type Result } from '../shared/ipc-contract';
import { translate } from '../shared/strings';
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

/** Electron's `dialog`, with the parent window always given so every dialog is modal to the app. */
export interface DialogLike<W> {
  showOpenDialog(window: W, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showSaveDialog(window: W, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showMessageBox(window: W, options: MessageBoxOptions): Promise<unknown>;
}

/** The node:fs/promises functions used; tests pass wrappers that fail on purpose. */
export interface FileSystem {
  stat(filePath: string): Promise<{ size: number; isFile(): boolean }>;
  readFile(filePath: string): Promise<Uint8Array>;
  writeFile(filePath: string, data: Uint8Array, options: { flag: 'wx'; flush: true }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(filePath: string, options: { force: true }): Promise<void>;
}

/** What opening files needs: shared by the IPC handler and Arkiv → Öppna. */
export interface OpenFilesDeps<W> {
  dialog: DialogLike<W>;
  fs: FileSystem;
  getWindow(): W | null;
  getLanguage(): Lang;
}

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
}

/** The formats the renderer's import reads; the second filter lets a mislabelled file be tried anyway. */
export function openDialogOptions(lang: Lang): OpenDialogOptions {
  return {
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: translate(lang, 'dialogTables'), extensions: ['csv', 'tsv', 'txt', 'xlsx', 'parquet', 'json', 'ndjson'] },
      { name: translate(lang, 'dialogAllFiles'), extensions: ['*'] },
    ],
  };
}

export type ReadOutcome =
  | { ok: true; files: OpenedFile[] }
  | { ok: false; error: 'file-too-large'; name: string; size: number }
  | { ok: false; error: 'read-failed'; name: string };

/**
 * Reads the chosen files, refusing the whole selection if any one is too large. Every file is
 * stat'ed before any is read, so a 5 GB file never reaches memory; the size is checked again after
 * reading because a file can grow between the two.
 */
export async function readChosenFiles(fs: FileSystem, filePaths: readonly string[]): Promise<ReadOutcome> {
  let name = '';
  try {
    for (const filePath of filePaths) {
      name = path.basename(filePath);
      const info = await fs.stat(filePath);
      if (!info.isFile()) return { ok: false, error: 'read-failed', name };
      if (info.size > MAX_FILE_BYTES) return { ok: false, error: 'file-too-large', name, size: info.size };
    }
    const files: OpenedFile[] = [];
    for (const filePath of filePaths) {
      name = path.basename(filePath);
      const bytes = await fs.readFile(filePath);
      if (bytes.byteLength > MAX_FILE_BYTES) return { ok: false, error: 'file-too-large', name, size: bytes.byteLength };
      files.push({ name, bytes });
    }
    return { ok: true, files };
  } catch {
    return { ok: false, error: 'read-failed', name };
  }
}

/** Shows the open dialog and reads the choice; `null` when the user cancels or there is no window. */
async function chooseAndReadFiles<W>(deps: OpenFilesDeps<W>): Promise<ReadOutcome | null> {
  const window = deps.getWindow();
  if (window === null) return null;
  const choice = await deps.dialog.showOpenDialog(window, openDialogOptions(deps.getLanguage()));
  if (choice.canceled || choice.filePaths.length === 0) return null;
  return readChosenFiles(deps.fs, choice.filePaths);
}

/** The file name travels in `detail` so the renderer can name the file in its error message. */
export async function openFiles<W>(deps: OpenFilesDeps<W>): Promise<Result<OpenedFile[]>> {
  const outcome = await chooseAndReadFiles(deps);
  if (outcome === null) return { ok: true, value: [] };
  return outcome.ok ? { ok: true, value: outcome.files } : { ok: false, error: outcome.error, detail: outcome.name };
}

function megabytes(bytes: number): string {
  return `${Math.ceil(bytes / (1024 * 1024))} MB`;
}

/**
 * Arkiv → Öppna: the same dialog and checks as the renderer's button, with the files sent to the
 * renderer. The menu has no caller to return a Result to, so a failure is shown in a native message
 * box, in the same words the renderer would use.
 */
export async function openFilesFromMenu<W>(
  deps: OpenFilesDeps<W>,
  webContents: { send(channel: string, ...args: unknown[]): void },
): Promise<void> {
  const outcome = await chooseAndReadFiles(deps);
  if (outcome === null) return;
  if (outcome.ok) {
    webContents.send(IPC.filesOpened, outcome.files);
    return;
  }
  await showReadFailure(deps, outcome);
}

/** A failed read from a menu item, in a native message box in the words the renderer would use. */
export async function showReadFailure<W>(deps: OpenFilesDeps<W>, outcome: Extract<ReadOutcome, { ok: false }>): Promise<void> {
  const lang = deps.getLanguage();
  const detail =
    outcome.error === 'file-too-large'
      ? translate(lang, 'errorTooLarge', { file: outcome.name, size: megabytes(outcome.size), max: megabytes(MAX_FILE_BYTES) })
      : translate(lang, 'errorRead', { file: outcome.name });
  await showError(deps, detail);
}

/** An error message box modal to the window; nothing when there is no window. */
export async function showError<W>(deps: OpenFilesDeps<W>, detail: string): Promise<void> {
  const window = deps.getWindow();
  if (window === null) return;
  await deps.dialog.showMessageBox(window, { type: 'error', message: translate(deps.getLanguage(), 'errorTitle'), detail });
}

/**
 * Writes next to the target, then renames over it: a failed or interrupted save leaves the previous
 * file whole. `wx` refuses to reuse an existing temp name (or a symlink planted there); `flush`
 * makes the bytes durable before the rename makes them visible.
 */
export async function writeFileAtomically(fs: FileSystem, target: string, bytes: Uint8Array): Promise<void> {
  const temp = `${target}.tmp-${randomBytes(6).toString('hex')}`;
  try {
    await fs.writeFile(temp, bytes, { flag: 'wx', flush: true });
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * Puts a validated PNG on the clipboard. The bytes are decoded first: bytes that pass the signature
 * check but do not decode give an empty image, refused rather than clearing what the user had on
 * the clipboard. What is written is the decoded image encoded afresh, so other programs pasting it
 * never parse the renderer's bytes. The MIME key is fixed here, never taken from the renderer (a key
 * such as text/uri-list would put file references on the clipboard). A failure to write rejects:
 * handle() reports it as clipboard-failed.
 */
export async function copyImageToClipboard(deps: ClipboardDeps, png: Uint8Array): Promise<Result<null>> {
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
}
