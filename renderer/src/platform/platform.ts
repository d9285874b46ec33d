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
}

export class PlatformError extends Error {
  constructor(readonly code: AppErrorCode) {
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
