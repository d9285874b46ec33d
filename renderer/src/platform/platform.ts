// The renderer's only door to the machine. Two implementations of one interface: Electron (through the
// preload's named methods) and the web (file input, download links), so the identical renderer runs in
// Electron and in a plain browser, where the end-to-end tests drive it.
import type { AppErrorCode, Lang, MenuCommand } from '../../../electron/shared/ipc-contract';

/** A file the user chose. Its size is known before its bytes are read, so huge files are refused cheaply. */
export interface PickedFile {
  name: string;
  size: number;
  bytes(): Promise<Uint8Array>;
}

/** A workspace file (.metodkartan) the user opened: its bytes and base name, never a path. */
export interface WorkspaceFile {
  name: string;
  bytes: Uint8Array;
}

interface SaveWorkspaceOptions {
  /** Spara som: always ask where. Spara (false) writes over the current workspace file when there is one. */
  saveAs: boolean;
  /** A bare file name; `.metodkartan` is appended when missing. */
  suggestedName: string;
}

/** `name` is the base name of the file written (null when the user cancelled). */
interface SavedWorkspace {
  saved: boolean;
  name: string | null;
}

export interface Platform {
  readonly kind: 'electron' | 'web';
  /** Asks the user for files; resolves to [] when they cancel. */
  pickFiles(): Promise<PickedFile[]>;
  /** Offers bytes to the user to save; false when they cancel. */
  saveFile(suggestedName: string, bytes: Uint8Array): Promise<boolean>;
  /** Puts a PNG image on the system clipboard; rejects when it could not. */
  copyImage(png: Uint8Array): Promise<void>;
  setLanguage(lang: Lang): void;
  /** Files opened from outside the page (Arkiv → Öppna in Electron). */
  onFilesOpened(listener: (files: PickedFile[]) => void): () => void;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;

  /**
   * Spara (saveAs false): writes over the workspace file last saved or opened, without asking, when
   * there is one (Electron); otherwise, and for Spara som, asks where. Web: a download (suggestedName).
   * Rejects with a PlatformError (write-failed, invalid-argument) when it could not.
   */
  saveWorkspace(bytes: Uint8Array, options: SaveWorkspaceOptions): Promise<SavedWorkspace>;
  /**
   * Asks for a .metodkartan file and reads it; null when cancelled. Web: a file input with
   * accept=".metodkartan". Rejects with a PlatformError (file-too-large, read-failed).
   */
  openWorkspace(): Promise<WorkspaceFile | null>;
  /** Keeps the working state where a crash cannot lose it: Electron the app's data folder (atomic write), web IndexedDB. */
  writeAutosave(bytes: Uint8Array): Promise<void>;
  /**
   * Call once at start: the working state a session left when it did not end cleanly, else null; and
   * marks this session as running. Calling again gives the same answer until discardRecovery.
   */
  takeRecovery(): Promise<Uint8Array | null>;
  /** Forgets the recovery state (the user declined it, or restored it). */
  discardRecovery(): Promise<void>;
  /** A workspace opened from outside the page (Arkiv → Senaste arbetsytor in Electron). Returns an unsubscribe function. */
  onWorkspaceOpened(listener: (file: WorkspaceFile) => void): () => void;
  /** Electron asks before the window closes (menuCommand 'app:closing'); the renderer writes its autosave, then calls this. Web: no-op. */
  readyToClose(): Promise<void>;
  /** Said at once on 'app:closing' when a save must come first: Electron's window waits for it. Web: no-op. */
  savingBeforeClose(): Promise<void>;
}

export class PlatformError extends Error {
  /** `detail`: what main said beside the code (a file name, a size in bytes, an error code). */
  constructor(
    readonly code: AppErrorCode,
    readonly detail = '',
  ) {
    super(code);
    this.name = 'PlatformError';
  }
}

/** Files from a drop or a file input: the same in Electron and in a browser. */
export function pickedFromFileList(files: FileList | readonly File[]): PickedFile[] {
  return Array.from(files, (file) => ({
    name: file.name,
    size: file.size,
    bytes: async () => new Uint8Array(await file.arrayBuffer()),
  }));
}
