// The one way an IPC channel is served: sender check, argument validation, then the handler, whose
// failures reach the renderer only as a Result code (the stack and message stay in the main process).
import { TargetBusyError } from '../fs/files';
import { IPC, type AppApi, type AppErrorCode, type Result } from '../shared/ipc-contract';
import { isAppUrl } from '../policy/trusted-url';

/** The invoke channels and the AppApi method each serves: this map types handlers and their tests. */
interface InvokeMap {
  [IPC.openFiles]: AppApi['openFiles'];
  [IPC.saveFile]: AppApi['saveFile'];
  [IPC.setLanguage]: AppApi['setLanguage'];
  [IPC.openExternal]: AppApi['openExternal'];
  [IPC.copyImage]: AppApi['copyImage'];
  [IPC.saveWorkspace]: AppApi['saveWorkspace'];
  [IPC.openWorkspace]: AppApi['openWorkspace'];
  [IPC.writeAutosave]: AppApi['writeAutosave'];
  [IPC.takeRecovery]: AppApi['takeRecovery'];
  [IPC.discardRecovery]: AppApi['discardRecovery'];
  [IPC.readyToClose]: AppApi['readyToClose'];
  [IPC.savingBeforeClose]: AppApi['savingBeforeClose'];
}
export type InvokeChannel = keyof InvokeMap;
export type InvokeArgs<C extends InvokeChannel> = Parameters<InvokeMap[C]>;
export type InvokeResult<C extends InvokeChannel> = Awaited<ReturnType<InvokeMap[C]>>;

/** The parts of Electron's WebFrameMain the sender check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/** The parts of Electron's IpcMain and IpcMainInvokeEvent used here; the real ones satisfy them. */
export interface InvokeEvent {
  readonly senderFrame: SenderFrame | null;
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}

/**
 * What a handler that throws reports, per channel. The contract has no generic "internal error"
 * code, so each channel reports the failure its user would recognise.
 */
const THROWN_ERROR: Record<InvokeChannel, AppErrorCode> = {
  [IPC.openFiles]: 'read-failed',
  [IPC.saveFile]: 'write-failed',
  [IPC.setLanguage]: 'invalid-argument',
  [IPC.openExternal]: 'url-not-allowed',
  [IPC.copyImage]: 'clipboard-failed',
  [IPC.saveWorkspace]: 'write-failed',
  [IPC.openWorkspace]: 'read-failed',
  [IPC.writeAutosave]: 'write-failed',
  [IPC.takeRecovery]: 'read-failed',
  [IPC.discardRecovery]: 'write-failed',
  // Nothing here can throw; the table needs an entry for every channel.
  [IPC.readyToClose]: 'invalid-argument',
  [IPC.savingBeforeClose]: 'invalid-argument',
};

const REFUSED = { ok: false, error: 'invalid-argument' } as const satisfies Result<never>;

/**
 * A sender is trusted when it is a top-level frame showing the app's own origin and the caller's
 * predicate recognises it as the main frame of one of the app's windows. A frame that has gone away
 * throws on access in Electron; that counts as untrusted too.
 */
function isTrusted(event: InvokeEvent, isTrustedSender: (frame: SenderFrame) => boolean): boolean {
  try {
    const frame = event.senderFrame;
    return frame !== null && frame.parent === null && isAppUrl(frame.url) && isTrustedSender(frame);
  } catch {
    return false;
  }
}

/**
 * Node error codes (`ENOSPC`, `EACCES`) say what went wrong without naming a path, so they are the
 * only part of an error the renderer may see.
 */
export function errorDetail(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

export function handle<C extends InvokeChannel>(
  ipcMain: IpcMainLike,
  channel: C,
  validate: (args: readonly unknown[]) => InvokeArgs<C> | null,
  handler: (...args: InvokeArgs<C>) => Promise<InvokeResult<C>>,
  isTrustedSender: (frame: SenderFrame) => boolean,
): void {
  ipcMain.handle(channel, async (event, ...args): Promise<Result<unknown>> => {
    if (!isTrusted(event, isTrustedSender)) return REFUSED;
    const valid = validate(args);
    if (valid === null) return REFUSED;
    try {
      return await handler(...valid);
    } catch (error) {
      console.error(`IPC ${channel} failed:`, error);
      // A save whose target another program kept holding says so, not merely that it failed.
      if (error instanceof TargetBusyError) return { ok: false, error: 'target-busy', detail: error.code };
      return { ok: false, error: THROWN_ERROR[channel], detail: errorDetail(error) };
    }
  });
}
