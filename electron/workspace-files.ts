// Saving and opening workspaces (.metodkartan files, opaque bytes here). Main keeps the path of the
// workspace last saved or opened, so Spara can write over it without asking; the renderer only ever
// sees base names. Every workspace saved or opened goes to the front of the recent list.
import path from 'node:path';
import type { FileFilter, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { IPC, WORKSPACE_EXTENSION, type OpenedFile, type Result, type WorkspaceSaveRequest, type WorkspaceSaved } from './shared/ipc-contract';
import { translate } from './strings';
import { showError, showReadFailure, type OpenFilesDeps } from './dialogs';
import { readChosenFiles, writeFileAtomically } from './fs/files';
import type { RecentFiles } from './recent-files';

/**
 * The dialogs' filter name. A product name, the same in both languages (strings.ts has no key for
 * it: the brief names it "Metodkartan-arbetsyta").
 */
export const WORKSPACE_FILTER_NAME = 'Metodkartan-arbetsyta';

function workspaceFilters(): FileFilter[] {
  return [{ name: WORKSPACE_FILTER_NAME, extensions: [WORKSPACE_EXTENSION] }];
}

/** Spara som: in the folder of the current workspace when there is one, under the renderer's name. */
export function saveWorkspaceDialogOptions(suggestedName: string, currentPath: string | null): SaveDialogOptions {
  return {
    defaultPath: currentPath === null ? suggestedName : path.join(path.dirname(currentPath), suggestedName),
    filters: workspaceFilters(),
    // Linux's dialog asks before replacing a file only when told to; the others always ask.
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  };
}

export function openWorkspaceDialogOptions(currentPath: string | null): OpenDialogOptions {
  return {
    ...(currentPath === null ? {} : { defaultPath: path.dirname(currentPath) }),
    properties: ['openFile'],
    filters: workspaceFilters(),
  };
}

/** Linux's save dialog does not add the filter's extension to a typed name; the others do. */
export function withWorkspaceExtension(filePath: string): string {
  return path.extname(filePath).toLowerCase() === `.${WORKSPACE_EXTENSION}` ? filePath : `${filePath}.${WORKSPACE_EXTENSION}`;
}

export interface WorkspaceDeps<W> extends OpenFilesDeps<W> {
  recent: RecentFiles;
  /** The recent list changed (a save, an open, a vanished file): main rebuilds the menu with it. */
  onRecentChanged(paths: string[]): void;
}

export interface WorkspaceFiles {
  /** The saveWorkspace channel. A failed write throws (handle() reports write-failed with its code). */
  save(request: WorkspaceSaveRequest): Promise<Result<WorkspaceSaved>>;
  /** The openWorkspace channel: one file, refused before reading when over MAX_FILE_BYTES. */
  open(): Promise<Result<OpenedFile | null>>;
  /**
   * Arkiv → Senaste arbetsytor: reads the file and sends it to the renderer. A file that no longer
   * exists is dropped from the list, and the user told so; other failures are explained the same way.
   */
  openRecent(filePath: string, webContents: { send(channel: string, ...args: unknown[]): void }): Promise<void>;
  /** Forgets the current workspace: its window closed, so Spara must not write a new window's state over it. */
  forget(): void;
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

export function createWorkspaceFiles<W>(deps: WorkspaceDeps<W>): WorkspaceFiles {
  let currentPath: string | null = null;

  // One save or open at a time: a second Ctrl+S waits for the first to finish, rather than racing
  // it to the same file or showing a second dialog over the first.
  let queue: Promise<unknown> = Promise.resolve();
  function serialised<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  }

  /** The recent list is a convenience: failing to update it never fails the save or open. */
  async function remember(filePath: string): Promise<void> {
    try {
      deps.onRecentChanged(await deps.recent.add(filePath));
    } catch (error) {
      console.error('Updating the recent workspaces failed:', error);
    }
  }

  /** The recent file is definitely gone (a share that is briefly unreachable is not). */
  async function isMissing(filePath: string): Promise<boolean> {
    try {
      return !(await deps.fs.stat(filePath)).isFile();
    } catch (error) {
      const code = errorCode(error);
      return code === 'ENOENT' || code === 'ENOTDIR';
    }
  }

  return {
    save: ({ bytes, saveAs, suggestedName }) =>
      serialised(async (): Promise<Result<WorkspaceSaved>> => {
        let target = saveAs ? null : currentPath;
        if (target === null) {
          const window = deps.getWindow();
          if (window === null) return { ok: false, error: 'write-failed' };
          const choice = await deps.dialog.showSaveDialog(window, saveWorkspaceDialogOptions(suggestedName, currentPath));
          if (choice.canceled || choice.filePath === undefined || choice.filePath === '') {
            return { ok: true, value: { saved: false, name: null } };
          }
          target = withWorkspaceExtension(choice.filePath);
        }
        await writeFileAtomically(deps.fs, target, bytes);
        currentPath = target;
        await remember(target);
        return { ok: true, value: { saved: true, name: path.basename(target) } };
      }),

    open: () =>
      serialised(async (): Promise<Result<OpenedFile | null>> => {
        const window = deps.getWindow();
        if (window === null) return { ok: true, value: null };
        const choice = await deps.dialog.showOpenDialog(window, openWorkspaceDialogOptions(currentPath));
        const filePath = choice.canceled ? undefined : choice.filePaths[0];
        if (filePath === undefined) return { ok: true, value: null };
        const outcome = await readChosenFiles(deps.fs, [filePath]);
        if (!outcome.ok) return { ok: false, error: outcome.error, detail: outcome.name };
        const [file] = outcome.files;
        if (file === undefined) return { ok: true, value: null };
        currentPath = filePath;
        await remember(filePath);
        return { ok: true, value: file };
      }),

    openRecent: (filePath, webContents) =>
      serialised(async () => {
        if (await isMissing(filePath)) {
          deps.onRecentChanged(await deps.recent.remove(filePath));
          await showError(deps, translate(deps.getLanguage(), 'errorRecentMissing', { file: path.basename(filePath) }));
          return;
        }
        const outcome = await readChosenFiles(deps.fs, [filePath]);
        if (!outcome.ok) {
          await showReadFailure(deps, outcome);
          return;
        }
        const [file] = outcome.files;
        if (file === undefined) return;
        currentPath = filePath;
        await remember(filePath);
        webContents.send(IPC.workspaceOpened, file);
      }),

    forget: () => {
      currentPath = null;
    },
  };
}
