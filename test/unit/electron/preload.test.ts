import { beforeAll, describe, expect, it, vi, type MockedFunction } from 'vitest';
import type { ContextBridge, IpcRenderer } from 'electron';
import { IPC, type AppApi } from '../../../electron/shared/ipc-contract';

// The preload runs in Electron's sandbox; here 'electron' is a recording fake whose ipcRenderer is a
// real EventEmitter, so pushed messages arrive as they would from the main process.
vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  return {
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: Object.assign(new EventEmitter(), { invoke: vi.fn(async () => ({ ok: true, value: null })) }),
  };
});

let api: AppApi;
let renderer: IpcRenderer;
let exposeInMainWorld: MockedFunction<ContextBridge['exposeInMainWorld']>;
let invoke: MockedFunction<IpcRenderer['invoke']>;

beforeAll(async () => {
  const electron = await import('electron');
  await import('../../../electron/preload/index');
  renderer = electron.ipcRenderer;
  exposeInMainWorld = vi.mocked(electron.contextBridge.exposeInMainWorld);
  invoke = vi.mocked(electron.ipcRenderer.invoke);
  api = exposeInMainWorld.mock.calls[0]?.[1] as AppApi;
});

describe('preload', () => {
  it('exposes exactly the named AppApi methods, as window.metodkartan', () => {
    expect(exposeInMainWorld).toHaveBeenCalledExactlyOnceWith('metodkartan', api);
    expect(Object.keys(api).sort()).toEqual(
      [
        'copyImage',
        'onFilesOpened',
        'onMenuCommand',
        'openExternal',
        'openFiles',
        'saveFile',
        'setLanguage',
        'saveWorkspace',
        'openWorkspace',
        'writeAutosave',
        'takeRecovery',
        'discardRecovery',
        'readyToClose',
        'savingBeforeClose',
        'onWorkspaceOpened',
      ].sort(),
    );
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('does not hand out ipcRenderer or a generic send/invoke', () => {
    const values = Object.values(api);
    expect(values).not.toContain(renderer);
    for (const generic of ['invoke', 'send', 'on', 'ipcRenderer']) expect(Object.keys(api)).not.toContain(generic);
  });

  it.each([
    ['openFiles', () => api.openFiles(), [IPC.openFiles]],
    ['saveFile', () => api.saveFile({ suggestedName: 'a.csv', bytes: new Uint8Array(1) }), [IPC.saveFile, { suggestedName: 'a.csv', bytes: new Uint8Array(1) }]],
    ['setLanguage', () => api.setLanguage('en'), [IPC.setLanguage, 'en']],
    ['openExternal', () => api.openExternal('https://www.socialstyrelsen.se/'), [IPC.openExternal, 'https://www.socialstyrelsen.se/']],
    ['copyImage', () => api.copyImage(Uint8Array.of(0x89, 0x50)), [IPC.copyImage, Uint8Array.of(0x89, 0x50)]],
    [
      'saveWorkspace',
      () => api.saveWorkspace({ bytes: Uint8Array.of(0x50, 0x4b), saveAs: true, suggestedName: 'a.metodkartan' }),
      [IPC.saveWorkspace, { bytes: Uint8Array.of(0x50, 0x4b), saveAs: true, suggestedName: 'a.metodkartan' }],
    ],
    ['openWorkspace', () => api.openWorkspace(), [IPC.openWorkspace]],
    ['writeAutosave', () => api.writeAutosave(Uint8Array.of(0x50, 0x4b)), [IPC.writeAutosave, Uint8Array.of(0x50, 0x4b)]],
    ['takeRecovery', () => api.takeRecovery(), [IPC.takeRecovery]],
    ['discardRecovery', () => api.discardRecovery(), [IPC.discardRecovery]],
    ['readyToClose', () => api.readyToClose(), [IPC.readyToClose]],
    ['savingBeforeClose', () => api.savingBeforeClose(), [IPC.savingBeforeClose]],
  ] as const)('%s invokes its own channel', async (_name, call, expected) => {
    invoke.mockClear();
    await call();
    expect(invoke).toHaveBeenCalledExactlyOnceWith(...expected);
  });

  it('forwards pushed files without the IPC event, until unsubscribed', () => {
    const listener = vi.fn();
    const unsubscribe = api.onFilesOpened(listener);
    const files = [{ name: 'a.csv', bytes: new Uint8Array([1]) }];
    renderer.emit(IPC.filesOpened, { sender: 'ipc-event', ports: [] }, files);
    expect(listener).toHaveBeenCalledExactlyOnceWith(files);
    unsubscribe();
    renderer.emit(IPC.filesOpened, {}, files);
    expect(listener).toHaveBeenCalledOnce();
    expect(renderer.listenerCount(IPC.filesOpened)).toBe(0);
  });

  it('forwards a workspace opened from the menu without the IPC event, until unsubscribed', () => {
    const listener = vi.fn();
    const unsubscribe = api.onWorkspaceOpened(listener);
    const file = { name: 'a.metodkartan', bytes: new Uint8Array([0x50, 0x4b]) };
    renderer.emit(IPC.workspaceOpened, { sender: 'ipc-event', ports: [] }, file);
    expect(listener).toHaveBeenCalledExactlyOnceWith(file);
    unsubscribe();
    renderer.emit(IPC.workspaceOpened, {}, file);
    expect(listener).toHaveBeenCalledOnce();
    expect(renderer.listenerCount(IPC.workspaceOpened)).toBe(0);
  });

  it('forwards menu commands and unsubscribes only its own listener', () => {
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribeFirst = api.onMenuCommand(first);
    api.onMenuCommand(second);
    unsubscribeFirst();
    renderer.emit(IPC.menuCommand, {}, 'export');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledExactlyOnceWith('export');
  });
});
