import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC, type Lang, type Result } from '../../../electron/shared/ipc-contract';
import { errorDetail, handle, type InvokeEvent, type SenderFrame } from '../../../electron/ipc/handle';
import { noArguments, oneArgument, parseLang, parseSaveRequest } from '../../../electron/ipc/validate';
import { APP_PAGE, fakeIpcMain, frame } from './fakes';

const REFUSED = { ok: false, error: 'invalid-argument' };

beforeEach(() => {
  // handle() logs failures in the main process; keep the test output readable.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

function setup(isTrustedSender: (frame: SenderFrame) => boolean = () => true) {
  const { ipcMain, invoke } = fakeIpcMain();
  const handler = vi.fn(async (_lang: Lang): Promise<Result<null>> => ({ ok: true, value: null }));
  handle(ipcMain, IPC.setLanguage, oneArgument(parseLang), handler, isTrustedSender);
  return { ipcMain, handler, invoke: (sender: SenderFrame | null, ...args: unknown[]) => invoke(IPC.setLanguage, sender, ...args) };
}

describe('handle: sender check', () => {
  it('registers on the given channel and runs the handler for the app page', async () => {
    const { ipcMain, handler, invoke } = setup();
    expect(ipcMain.handle).toHaveBeenCalledWith(IPC.setLanguage, expect.any(Function));
    await expect(invoke(frame(APP_PAGE), 'en')).resolves.toEqual({ ok: true, value: null });
    expect(handler).toHaveBeenCalledWith('en');
  });

  const appTop = frame(APP_PAGE);
  it.each([
    ['a foreign https page', frame('https://evil.example/')],
    ['a file page', frame('file:///')],
    ['a look-alike app host', frame('app://metodkartan.evil/index.html')],
    ['credentials in the app URL', frame('app://user@metodkartan/index.html')],
    ['about:blank', frame('about:blank')],
    ['a subframe on the app origin', frame(APP_PAGE, appTop)],
    ['no sender frame', null],
  ])('refuses %s without running the handler', async (_label, sender) => {
    const { handler, invoke } = setup();
    await expect(invoke(sender, 'en')).resolves.toEqual(REFUSED);
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses an app page the predicate does not know (another window)', async () => {
    const isTrustedSender = vi.fn(() => false);
    const { handler, invoke } = setup(isTrustedSender);
    await expect(invoke(frame(APP_PAGE), 'en')).resolves.toEqual(REFUSED);
    expect(isTrustedSender).toHaveBeenCalled();
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses a frame that throws on access (disposed in Electron)', async () => {
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    };
    const { handler, invoke } = setup();
    await expect(invoke(disposed, 'en')).resolves.toEqual(REFUSED);
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses an event whose senderFrame getter throws', async () => {
    const { ipcMain } = fakeIpcMain();
    const handler = vi.fn(async () => ({ ok: true as const, value: [] }));
    handle(ipcMain, IPC.openFiles, noArguments, handler, () => true);
    const listener = ipcMain.handle.mock.calls[0]?.[1];
    const event: InvokeEvent = {
      get senderFrame(): SenderFrame | null {
        throw new Error('gone');
      },
    };
    await expect(listener?.(event)).resolves.toEqual(REFUSED);
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('handle: argument validation', () => {
  it.each([
    ['no argument', []],
    ['a wrong language', ['de']],
    ['a number', [1]],
    ['an object', [{ lang: 'sv' }]],
    ['a prototype-polluting object', [JSON.parse('{"__proto__":{"admin":true}}')]],
    ['too many arguments', ['sv', 'en']],
  ])('refuses %s without running the handler', async (_label, args) => {
    const { handler, invoke } = setup();
    await expect(invoke(frame(APP_PAGE), ...args)).resolves.toEqual(REFUSED);
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses a save request with a traversal name', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const handler = vi.fn(async () => ({ ok: true as const, value: { saved: true } }));
    handle(ipcMain, IPC.saveFile, oneArgument(parseSaveRequest), handler, () => true);
    const result = await invoke(IPC.saveFile, frame(APP_PAGE), { suggestedName: '../../.bashrc', bytes: new Uint8Array(1) });
    expect(result).toEqual(REFUSED);
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('handle: failures', () => {
  it('turns a thrown error into a Result without message or stack', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const secret = new Error('EACCES: permission denied, open /home/anna/hemligt/export.csv');
    handle(ipcMain, IPC.saveFile, oneArgument(parseSaveRequest), () => Promise.reject(Object.assign(secret, { code: 'EACCES' })), () => true);
    const result = await invoke(IPC.saveFile, frame(APP_PAGE), { suggestedName: 'export.csv', bytes: new Uint8Array(1) });
    expect(result).toEqual({ ok: false, error: 'write-failed', detail: 'EACCES' });
    expect(JSON.stringify(result)).not.toMatch(/hemligt|at |Error/);
    expect(console.error).toHaveBeenCalled();
  });

  it('reports a non-Error throw with the channel code and no detail', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    handle(ipcMain, IPC.openFiles, noArguments, () => Promise.reject('boom at /secret/path'), () => true);
    const result = await invoke(IPC.openFiles, frame(APP_PAGE));
    expect(result).toEqual({ ok: false, error: 'read-failed', detail: undefined });
    expect(JSON.stringify(result)).not.toContain('secret');
  });

  it.each([
    [{ code: 'ENOSPC' }, 'ENOSPC'],
    [{ code: 'E2BIG' }, 'E2BIG'],
    [{ code: '/etc/passwd' }, undefined],
    [{ code: 42 }, undefined],
    [new Error('x'), undefined],
    [null, undefined],
    ['ENOENT', undefined],
  ])('errorDetail(%s) is %s', (error, expected) => {
    expect(errorDetail(error)).toBe(expected);
  });
});
