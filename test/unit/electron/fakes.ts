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
