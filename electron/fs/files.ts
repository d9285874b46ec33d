// The app's own files on disk, through an injected file system (tests pass one that fails on purpose):
// reading the files a user chose, within the size limit, and writing a file so that a failed save
// never leaves it half written. Storage (recent files, autosave, workspaces) and the IPC handlers use it.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { MAX_FILE_BYTES, type OpenedFile } from '../shared/ipc-contract';

/** The node:fs/promises functions used; tests pass wrappers that fail on purpose. */
export interface FileSystem {
  stat(filePath: string): Promise<{ size: number; isFile(): boolean }>;
  readFile(filePath: string): Promise<Uint8Array>;
  writeFile(filePath: string, data: Uint8Array, options: { flag: 'wx'; flush: true }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(filePath: string, options: { force: true }): Promise<void>;
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
