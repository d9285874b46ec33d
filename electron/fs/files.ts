// The app's own files on disk, through an injected file system (tests pass one that fails on purpose):
// reading the files a user chose, within the size limit, and writing a file so that a failed save
// never leaves it half written. Storage (recent files, autosave, workspaces) and the IPC handlers use it.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { MAX_FILE_BYTES, MAX_SELECTION_BYTES, type OpenedFile } from '../shared/ipc-contract';

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
  | { ok: false; error: 'selection-too-large'; name: string; size: number }
  | { ok: false; error: 'read-failed'; name: string };

/**
 * Reads the chosen files, refusing the whole selection if any one is too large, or all of them together
 * (they travel in one IPC reply: MAX_SELECTION_BYTES). Every file is stat'ed before any is read, so a
 * 5 GB file never reaches memory; the sizes are checked again after reading because a file can grow
 * between the two.
 */
export async function readChosenFiles(fs: FileSystem, filePaths: readonly string[]): Promise<ReadOutcome> {
  let name = '';
  try {
    let total = 0;
    for (const filePath of filePaths) {
      name = path.basename(filePath);
      const info = await fs.stat(filePath);
      if (!info.isFile()) return { ok: false, error: 'read-failed', name };
      if (info.size > MAX_FILE_BYTES) return { ok: false, error: 'file-too-large', name, size: info.size };
      total += info.size;
    }
    if (total > MAX_SELECTION_BYTES) return { ok: false, error: 'selection-too-large', name: '', size: total };
    const files: OpenedFile[] = [];
    let read = 0;
    for (const filePath of filePaths) {
      name = path.basename(filePath);
      const bytes = await fs.readFile(filePath);
      if (bytes.byteLength > MAX_FILE_BYTES) return { ok: false, error: 'file-too-large', name, size: bytes.byteLength };
      read += bytes.byteLength;
      if (read > MAX_SELECTION_BYTES) return { ok: false, error: 'selection-too-large', name: '', size: read };
      files.push({ name, bytes });
    }
    return { ok: true, files };
  } catch {
    return { ok: false, error: 'read-failed', name };
  }
}

/**
 * Error codes of a rename that another program blocks for a moment: on Windows an indexer, an antivirus
 * scanner or OneDrive holding the target open makes the rename fail with EPERM, EACCES or EBUSY.
 */
const BUSY = new Set(['EPERM', 'EACCES', 'EBUSY']);

/**
 * The waits between tries of a blocked rename, in ms: about 10 s in all, growing as graceful-fs's do
 * (it retries such renames on Windows for up to a minute; a save the user waits for should say sooner).
 */
export const RENAME_RETRY_DELAYS: readonly number[] = [20, 40, 80, 160, 320, 640, 1000, 1500, 2000, 2000, 2000];

/** A save that could not replace its target: still held by another program after every retry. */
export class TargetBusyError extends Error {
  constructor(readonly target: string, readonly code: string) {
    super(`${path.basename(target)} is held by another program (${code})`);
    this.name = 'TargetBusyError';
  }
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * Writes next to the target, then renames over it: a failed or interrupted save leaves the previous
 * file whole. `wx` refuses to reuse an existing temp name (or a symlink planted there); `flush`
 * makes the bytes durable before the rename makes them visible. A rename another program blocks for a
 * moment is tried again (RENAME_RETRY_DELAYS); still blocked, the save fails with TargetBusyError, so the
 * user is told the file is in use rather than that it could not be written.
 */
export async function writeFileAtomically(
  fs: FileSystem,
  target: string,
  bytes: Uint8Array,
  retry: { delays?: readonly number[]; wait?: (ms: number) => Promise<void> } = {},
): Promise<void> {
  const temp = `${target}.tmp-${randomBytes(6).toString('hex')}`;
  const { delays = RENAME_RETRY_DELAYS, wait = sleep } = retry;
  try {
    await fs.writeFile(temp, bytes, { flag: 'wx', flush: true });
    for (let attempt = 0; ; attempt++) {
      try {
        await fs.rename(temp, target);
        return;
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (typeof code !== 'string' || !BUSY.has(code)) throw error;
        if (attempt >= delays.length) throw new TargetBusyError(target, code);
        await wait(delays[attempt]!);
      }
    }
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}
