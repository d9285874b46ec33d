// Native dialogs modal to the app's window: choosing files to open (read through fs/files.ts), and the
// error boxes the menu shows where there is no renderer call to answer. In the user's language.
import type { MessageBoxOptions, OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { IPC, MAX_FILE_BYTES, MAX_SELECTION_BYTES, type Lang, type OpenedFile, type Result } from './shared/ipc-contract';
import { translate } from './strings';
import { readChosenFiles, type FileSystem, type ReadOutcome } from './fs/files';

/** Electron's `dialog`, with the parent window always given so every dialog is modal to the app. */
export interface DialogLike<W> {
  showOpenDialog(window: W, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showSaveDialog(window: W, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showMessageBox(window: W, options: MessageBoxOptions): Promise<unknown>;
}

/** What opening files needs: shared by the IPC handler and Arkiv → Öppna. */
export interface OpenFilesDeps<W> {
  dialog: DialogLike<W>;
  fs: FileSystem;
  getWindow(): W | null;
  getLanguage(): Lang;
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

/** Shows the open dialog and reads the choice; `null` when the user cancels or there is no window. */
async function chooseAndReadFiles<W>(deps: OpenFilesDeps<W>): Promise<ReadOutcome | null> {
  const window = deps.getWindow();
  if (window === null) return null;
  const choice = await deps.dialog.showOpenDialog(window, openDialogOptions(deps.getLanguage()));
  if (choice.canceled || choice.filePaths.length === 0) return null;
  return readChosenFiles(deps.fs, choice.filePaths);
}

/**
 * The file name travels in `detail` so the renderer can name the file in its error message; for a
 * selection too large together, its total size in bytes.
 */
export async function openFiles<W>(deps: OpenFilesDeps<W>): Promise<Result<OpenedFile[]>> {
  const outcome = await chooseAndReadFiles(deps);
  if (outcome === null) return { ok: true, value: [] };
  if (outcome.ok) return { ok: true, value: outcome.files };
  return { ok: false, error: outcome.error, detail: outcome.error === 'selection-too-large' ? String(outcome.size) : outcome.name };
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
      : outcome.error === 'selection-too-large'
        ? translate(lang, 'errorSelectionTooLarge', { size: megabytes(outcome.size), max: megabytes(MAX_SELECTION_BYTES) })
        : translate(lang, 'errorRead', { file: outcome.name });
  await showError(deps, detail);
}

/** An error message box modal to the window; nothing when there is no window. */
export async function showError<W>(deps: OpenFilesDeps<W>, detail: string): Promise<void> {
  const window = deps.getWindow();
  if (window === null) return;
  await deps.dialog.showMessageBox(window, { type: 'error', message: translate(deps.getLanguage(), 'errorTitle'), detail });
}
