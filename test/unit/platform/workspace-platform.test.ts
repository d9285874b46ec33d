// The workspace half of the Platform interface: Electron's over a fake preload API, the web's over
// fake documents, storage and autosave store (its IndexedDB code runs in the end-to-end tests).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_FILE_BYTES, type AppApi, type AppErrorCode, type OpenedFile, type Result } from '../../../electron/shared/ipc-contract';
import { createElectronPlatform } from '../../../renderer/src/platform/electron-platform';
import { PlatformError } from '../../../renderer/src/platform/platform';
import { createWebPlatform, SESSION_FLAG, type AutosaveStore, type WebEnvironment } from '../../../renderer/src/platform/web-platform';

const ZIP = new Uint8Array([0x50, 0x4b, 3, 4, 20]);

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A preload API with the workspace methods as spies; every other method fails the test if called. */
function fakeApi() {
  const unexpected = (): never => {
    throw new Error('unexpected call');
  };
  const listeners = new Set<(file: OpenedFile) => void>();
  const api = {
    openFiles: unexpected,
    saveFile: unexpected,
    setLanguage: unexpected,
    openExternal: unexpected,
    copyImage: unexpected,
    onFilesOpened: unexpected,
    onMenuCommand: unexpected,
    saveWorkspace: vi.fn<AppApi['saveWorkspace']>(async () => ({ ok: true, value: { saved: true, name: 'a.metodkartan' } })),
    openWorkspace: vi.fn<AppApi['openWorkspace']>(async () => ({ ok: true, value: null })),
    writeAutosave: vi.fn<AppApi['writeAutosave']>(async () => ({ ok: true, value: null })),
    takeRecovery: vi.fn<AppApi['takeRecovery']>(async () => ({ ok: true, value: null })),
    discardRecovery: vi.fn<AppApi['discardRecovery']>(async () => ({ ok: true, value: null })),
    readyToClose: vi.fn<AppApi['readyToClose']>(async () => ({ ok: true, value: null })),
    savingBeforeClose: vi.fn<AppApi['savingBeforeClose']>(async () => ({ ok: true, value: null })),
    onWorkspaceOpened: vi.fn<AppApi['onWorkspaceOpened']>((listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
  } satisfies AppApi;
  return { api, push: (file: OpenedFile) => listeners.forEach((listener) => listener(file)) };
}

describe('Electron platform: workspaces', () => {
  it('saveWorkspace sends bytes, saveAs and the name, and returns saved and the base name', async () => {
    const { api } = fakeApi();
    const platform = createElectronPlatform(api);
    await expect(platform.saveWorkspace(ZIP, { saveAs: true, suggestedName: 'a' })).resolves.toEqual({ saved: true, name: 'a.metodkartan' });
    expect(api.saveWorkspace).toHaveBeenCalledExactlyOnceWith({ bytes: ZIP, saveAs: true, suggestedName: 'a' });
  });

  it('saveWorkspace resolves to not saved when the user cancels', async () => {
    const { api } = fakeApi();
    api.saveWorkspace.mockResolvedValue({ ok: true, value: { saved: false, name: null } });
    await expect(createElectronPlatform(api).saveWorkspace(ZIP, { saveAs: false, suggestedName: 'a' })).resolves.toEqual({ saved: false, name: null });
  });

  it('openWorkspace returns the file, or null when cancelled', async () => {
    const { api } = fakeApi();
    const platform = createElectronPlatform(api);
    await expect(platform.openWorkspace()).resolves.toBeNull();
    api.openWorkspace.mockResolvedValue({ ok: true, value: { name: 'a.metodkartan', bytes: ZIP } });
    await expect(platform.openWorkspace()).resolves.toEqual({ name: 'a.metodkartan', bytes: ZIP });
    expect(api.openWorkspace).toHaveBeenCalledWith();
  });

  it('writeAutosave, takeRecovery, discardRecovery and readyToClose call their own method', async () => {
    const { api } = fakeApi();
    const platform = createElectronPlatform(api);
    await expect(platform.writeAutosave(ZIP)).resolves.toBeUndefined();
    expect(api.writeAutosave).toHaveBeenCalledExactlyOnceWith(ZIP);
    api.takeRecovery.mockResolvedValue({ ok: true, value: ZIP });
    await expect(platform.takeRecovery()).resolves.toBe(ZIP);
    await expect(platform.discardRecovery()).resolves.toBeUndefined();
    expect(api.discardRecovery).toHaveBeenCalledOnce();
    await expect(platform.readyToClose()).resolves.toBeUndefined();
    expect(api.readyToClose).toHaveBeenCalledOnce();
  });

  const failures: [string, (platform: ReturnType<typeof createElectronPlatform>) => Promise<unknown>, keyof AppApi, AppErrorCode][] = [
    ['saveWorkspace', (platform) => platform.saveWorkspace(ZIP, { saveAs: false, suggestedName: 'a' }), 'saveWorkspace', 'write-failed'],
    ['openWorkspace', (platform) => platform.openWorkspace(), 'openWorkspace', 'file-too-large'],
    ['writeAutosave', (platform) => platform.writeAutosave(ZIP), 'writeAutosave', 'write-failed'],
    ['takeRecovery', (platform) => platform.takeRecovery(), 'takeRecovery', 'read-failed'],
    ['discardRecovery', (platform) => platform.discardRecovery(), 'discardRecovery', 'write-failed'],
    ['readyToClose', (platform) => platform.readyToClose(), 'readyToClose', 'invalid-argument'],
  ];
  it.each(failures)('%s throws a PlatformError with the code', async (_name, call, method, code) => {
    const { api } = fakeApi();
    const failed: Result<never> = { ok: false, error: code, detail: 'a.metodkartan' };
    (api[method] as ReturnType<typeof vi.fn>).mockResolvedValue(failed);
    const calling = call(createElectronPlatform(api));
    await expect(calling).rejects.toBeInstanceOf(PlatformError);
    await expect(calling).rejects.toMatchObject({ code });
  });

  it('forwards workspaces opened from the menu until unsubscribed', () => {
    const { api, push } = fakeApi();
    const listener = vi.fn();
    const unsubscribe = createElectronPlatform(api).onWorkspaceOpened(listener);
    const file = { name: 'a.metodkartan', bytes: ZIP };
    push(file);
    expect(listener).toHaveBeenCalledExactlyOnceWith(file);
    unsubscribe();
    push(file);
    expect(listener).toHaveBeenCalledOnce();
  });
});

/** A document whose elements are recorded: anchors are clicked, inputs answer with `choose`. */
function fakeDocument(choose: (input: FakeInput) => void = () => undefined) {
  const anchors: { href: string; download: string; click: ReturnType<typeof vi.fn> }[] = [];
  const inputs: FakeInput[] = [];
  const doc = {
    createElement: (tag: string) => {
      if (tag === 'a') {
        const anchor = { href: '', download: '', click: vi.fn() };
        anchors.push(anchor);
        return anchor;
      }
      const input = new FakeInput(choose);
      inputs.push(input);
      return input;
    },
  };
  return { doc: doc as unknown as Document, anchors, inputs };
}

class FakeInput extends EventTarget {
  type = '';
  accept = '';
  multiple = true;
  files: readonly File[] | null = null;
  constructor(private readonly choose: (input: FakeInput) => void) {
    super();
  }
  click(): void {
    this.choose(this);
  }
  pick(files: readonly File[]): void {
    this.files = files;
    this.dispatchEvent(new Event('change'));
  }
}

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    values,
    getItem: vi.fn((key: string) => values.get(key) ?? null),
    setItem: vi.fn((key: string, value: string) => void values.set(key, value)),
    removeItem: vi.fn((key: string) => void values.delete(key)),
  };
}

function memoryAutosave(initial: Uint8Array | null = null) {
  let stored = initial;
  return {
    stored: () => stored,
    get: vi.fn<AutosaveStore['get']>(async () => stored),
    put: vi.fn<AutosaveStore['put']>(async (bytes) => {
      stored = bytes;
    }),
    delete: vi.fn<AutosaveStore['delete']>(async () => {
      stored = null;
    }),
  };
}

function webSetup(options: { flag?: boolean; autosave?: Uint8Array | null } = {}) {
  const storage = memoryStorage(options.flag === true ? { [SESSION_FLAG]: 'open' } : {});
  const autosave = memoryAutosave(options.autosave ?? null);
  const events = new EventTarget();
  const env: WebEnvironment = { storage, autosave, events: events as unknown as Window };
  const pageEvent = (type: 'pagehide' | 'pageshow', persisted = false) => events.dispatchEvent(Object.assign(new Event(type), { persisted }));
  return { storage, autosave, events, env, pageEvent, platform: createWebPlatform(fakeDocument().doc, env) };
}

describe('web platform: saving and opening workspaces', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:app/1');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  });

  it.each([
    ['Kartläggning 2024', 'Kartläggning 2024.metodkartan'],
    ['a.metodkartan', 'a.metodkartan'],
    ['A.METODKARTAN', 'A.METODKARTAN'],
  ])('saveWorkspace downloads %s as %s and reports that name', async (suggestedName, name) => {
    const { doc, anchors } = fakeDocument();
    const platform = createWebPlatform(doc);
    await expect(platform.saveWorkspace(ZIP, { saveAs: false, suggestedName })).resolves.toEqual({ saved: true, name });
    expect(anchors).toHaveLength(1);
    expect(anchors[0]?.download).toBe(name);
    expect(anchors[0]?.href).toBe('blob:app/1');
    expect(anchors[0]?.click).toHaveBeenCalledOnce();
    const blob = vi.mocked(URL.createObjectURL).mock.calls[0]?.[0];
    expect(blob instanceof Blob ? new Uint8Array(await blob.arrayBuffer()) : null).toEqual(ZIP);
    vi.advanceTimersByTime(10_000);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:app/1');
  });

  it('openWorkspace asks for one .metodkartan file and reads it', async () => {
    const file = new File([ZIP], 'Kartläggning.metodkartan');
    const { doc, inputs } = fakeDocument((input) => input.pick([file]));
    await expect(createWebPlatform(doc).openWorkspace()).resolves.toEqual({ name: 'Kartläggning.metodkartan', bytes: ZIP });
    expect(inputs[0]).toMatchObject({ type: 'file', accept: '.metodkartan', multiple: false });
  });

  it('openWorkspace resolves to null when cancelled', async () => {
    const { doc } = fakeDocument((input) => input.dispatchEvent(new Event('cancel')));
    await expect(createWebPlatform(doc).openWorkspace()).resolves.toBeNull();
  });

  it('openWorkspace refuses a file over the limit without reading it', async () => {
    const arrayBuffer = vi.fn();
    const huge = { name: 'huge.metodkartan', size: MAX_FILE_BYTES + 1, arrayBuffer } as unknown as File;
    const { doc } = fakeDocument((input) => input.pick([huge]));
    const opening = createWebPlatform(doc).openWorkspace();
    await expect(opening).rejects.toBeInstanceOf(PlatformError);
    await expect(opening).rejects.toMatchObject({ code: 'file-too-large' });
    expect(arrayBuffer).not.toHaveBeenCalled();
  });

  it('openWorkspace reports a file the browser cannot read as read-failed', async () => {
    const broken = { name: 'a.metodkartan', size: 5, arrayBuffer: () => Promise.reject(new DOMException('gone', 'NotReadableError')) } as unknown as File;
    const { doc } = fakeDocument((input) => input.pick([broken]));
    await expect(createWebPlatform(doc).openWorkspace()).rejects.toMatchObject({ code: 'read-failed' });
  });

  it('onWorkspaceOpened never fires and readyToClose resolves', async () => {
    const platform = createWebPlatform(fakeDocument().doc);
    const listener = vi.fn();
    expect(typeof platform.onWorkspaceOpened(listener)).toBe('function');
    await expect(platform.readyToClose()).resolves.toBeUndefined();
    expect(listener).not.toHaveBeenCalled();
  });

  it('building it touches no browser storage (none exists under Node)', () => {
    expect(() => createWebPlatform({} as Document)).not.toThrow();
  });
});

describe('web platform: autosave and recovery', () => {
  it('writeAutosave puts the bytes in the store', async () => {
    const { autosave, platform } = webSetup();
    await platform.writeAutosave(ZIP);
    expect(autosave.put).toHaveBeenCalledExactlyOnceWith(ZIP);
  });

  it('after a clean end (no flag): no recovery, the flag is set, the store is not read', async () => {
    const { storage, autosave, platform } = webSetup({ autosave: ZIP });
    await expect(platform.takeRecovery()).resolves.toBeNull();
    expect(storage.values.get(SESSION_FLAG)).toBeDefined();
    expect(autosave.get).not.toHaveBeenCalled();
  });

  it('after a crash (flag still set): the autosave', async () => {
    const { platform } = webSetup({ flag: true, autosave: ZIP });
    await expect(platform.takeRecovery()).resolves.toBe(ZIP);
  });

  it('after a crash with nothing saved: null', async () => {
    const { platform } = webSetup({ flag: true });
    await expect(platform.takeRecovery()).resolves.toBeNull();
  });

  it('the first call decides: calling again does not take this page for a crash', async () => {
    const { platform } = webSetup({ autosave: ZIP });
    await platform.takeRecovery();
    await expect(platform.takeRecovery()).resolves.toBeNull();
  });

  it('pagehide clears the flag; a page back from the back/forward cache sets it again', async () => {
    const { storage, platform, pageEvent } = webSetup();
    await platform.takeRecovery();
    pageEvent('pagehide');
    expect(storage.values.has(SESSION_FLAG)).toBe(false);
    pageEvent('pageshow', false);
    expect(storage.values.has(SESSION_FLAG)).toBe(false);
    pageEvent('pageshow', true);
    expect(storage.values.has(SESSION_FLAG)).toBe(true);
  });

  it('a session that ended cleanly offers nothing next time; one that crashed offers its autosave', async () => {
    const storage = memoryStorage();
    const autosave = memoryAutosave();
    const events = new EventTarget();
    const env: WebEnvironment = { storage, autosave, events: events as unknown as Window };
    const first = createWebPlatform({} as Document, env);
    await first.takeRecovery();
    await first.writeAutosave(ZIP);
    events.dispatchEvent(new Event('pagehide'));
    await expect(createWebPlatform({} as Document, { ...env, events: new EventTarget() as unknown as Window }).takeRecovery()).resolves.toBeNull();
    // The second page never fires pagehide: it crashed.
    await expect(createWebPlatform({} as Document, { ...env, events: new EventTarget() as unknown as Window }).takeRecovery()).resolves.toBe(ZIP);
  });

  it('discardRecovery deletes the autosave and ends the recovery', async () => {
    const { autosave, platform } = webSetup({ flag: true, autosave: ZIP });
    await expect(platform.takeRecovery()).resolves.toBe(ZIP);
    await platform.discardRecovery();
    expect(autosave.delete).toHaveBeenCalledOnce();
    expect(autosave.stored()).toBeNull();
    await platform.writeAutosave(ZIP);
    await expect(platform.takeRecovery()).resolves.toBeNull();
  });

  it('without usable storage: no crash detection and no recovery, never a throw', async () => {
    const { env } = webSetup({ autosave: ZIP });
    const blocked = {
      ...env,
      storage: {
        getItem: () => {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
        setItem: () => undefined,
        removeItem: () => undefined,
      },
    };
    await expect(createWebPlatform({} as Document, blocked).takeRecovery()).resolves.toBeNull();
  });

  it('a failing store rejects writeAutosave, for the caller to report', async () => {
    const { env } = webSetup();
    const failing = { ...env, autosave: { ...memoryAutosave(), put: () => Promise.reject(new DOMException('Quota exceeded', 'QuotaExceededError')) } };
    await expect(createWebPlatform({} as Document, failing).writeAutosave(ZIP)).rejects.toMatchObject({ name: 'QuotaExceededError' });
  });
});
