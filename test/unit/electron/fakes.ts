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
