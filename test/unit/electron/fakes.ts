// Fakes of the Electron edges the main-process modules take as arguments.
import { vi } from 'vitest';
import type { InvokeEvent, IpcMainLike, SenderFrame } from '../../../electron/ipc/handle';

export const APP_PAGE = 'app://metodkartan/index.html';

/** A main frame (no parent) showing `url`. */
export function frame(url: string, parent: SenderFrame | null = null): SenderFrame {
  return { url, parent };
}

type Listener = (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>;

/** An ipcMain that records handlers so a test can invoke them as the renderer would. */
export function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  const ipcMain = {
    handle: vi.fn<IpcMainLike['handle']>((channel, listener) => {
      listeners.set(channel, listener);
    }),
  };
  async function invoke(channel: string, senderFrame: SenderFrame | null, ...args: unknown[]): Promise<unknown> {
    const listener = listeners.get(channel);
    if (listener === undefined) throw new Error(`no handler for ${channel}`);
    return listener({ senderFrame }, ...args);
  }
  return { ipcMain, invoke, channels: () => [...listeners.keys()] };
}

/** A real 1×1 PNG (signature, IHDR, IDAT, IEND), as a plain Uint8Array like the renderer sends. */
export const PNG_1X1 = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
);

/** The eight-byte PNG signature followed by `rest`: enough for the validator, not a decodable image. */
export function pngHeaderThen(...rest: number[]): Uint8Array {
  return Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...rest]);
}

/** A Node-style error with a code, as node:fs throws them. */
export function fsError(code: string, message = code): Error {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/**
 * An in-memory file system for the modules that use the app's data folder: files by absolute path,
 * directories implied. `wx` refuses an existing name as node:fs does. Every method is a spy, so a test
 * can make one fail with mockImplementationOnce.
 */
export function memoryFs(initial: Record<string, Uint8Array | string> = {}) {
  const files = new Map<string, Uint8Array>(
    Object.entries(initial).map(([filePath, content]) => [filePath, typeof content === 'string' ? new TextEncoder().encode(content) : content]),
  );
  const directories = new Set<string>();
  const lookup = (filePath: string): Uint8Array => {
    const bytes = files.get(filePath);
    if (bytes === undefined) throw fsError('ENOENT', filePath);
    return bytes;
  };
  const fs = {
    stat: vi.fn(async (filePath: string) => {
      if (directories.has(filePath)) return { size: 4096, isFile: () => false };
      return { size: lookup(filePath).byteLength, isFile: () => true };
    }),
    readFile: vi.fn(async (filePath: string): Promise<Uint8Array> => lookup(filePath).slice()),
    writeFile: vi.fn(async (filePath: string, data: Uint8Array, options: { flag: 'wx'; flush: true }): Promise<void> => {
      if (options.flag === 'wx' && files.has(filePath)) throw fsError('EEXIST', filePath);
      files.set(filePath, data.slice());
    }),
    rename: vi.fn(async (from: string, to: string): Promise<void> => {
      files.set(to, lookup(from));
      files.delete(from);
    }),
    rm: vi.fn(async (filePath: string, _options: { force: true }): Promise<void> => {
      files.delete(filePath);
    }),
    mkdir: vi.fn(async (dirPath: string, _options: { recursive: true }): Promise<undefined> => {
      directories.add(dirPath);
      return undefined;
    }),
  };
  return {
    fs,
    files,
    directories,
    text: (filePath: string): string | undefined => {
      const bytes = files.get(filePath);
      return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
    },
  };
}
