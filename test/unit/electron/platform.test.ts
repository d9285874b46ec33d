// The renderer's end of the IPC contract: how each Platform copies an image, with the preload API
// (Electron) and the async clipboard (web) replaced by fakes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppApi, AppErrorCode, Result } from '../../../electron/shared/ipc-contract';
import { createElectronPlatform } from '../../../renderer/src/platform/electron-platform';
import { PlatformError } from '../../../renderer/src/platform/platform';
import { createWebPlatform } from '../../../renderer/src/platform/web-platform';
import { PNG_1X1 } from './fakes';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** A preload API whose copyImage answers `result`; every other method fails the test if called. */
function fakeApi(result: Result<null>) {
  const unexpected = (): never => {
    throw new Error('unexpected call');
  };
  const copyImage = vi.fn<AppApi['copyImage']>(async () => result);
  const api: AppApi = {
    openFiles: unexpected,
    saveFile: unexpected,
    setLanguage: unexpected,
    openExternal: unexpected,
    copyImage,
    saveWorkspace: unexpected,
    openWorkspace: unexpected,
    writeAutosave: unexpected,
    takeRecovery: unexpected,
    discardRecovery: unexpected,
    readyToClose: unexpected,
    onFilesOpened: unexpected,
    onWorkspaceOpened: unexpected,
    onMenuCommand: unexpected,
    savingBeforeClose: unexpected,
  };
  return { api, copyImage };
}

describe('Electron platform: copyImage', () => {
  it('sends the PNG bytes through the preload API and resolves on success', async () => {
    const { api, copyImage } = fakeApi({ ok: true, value: null });
    await expect(createElectronPlatform(api).copyImage(PNG_1X1)).resolves.toBeUndefined();
    expect(copyImage).toHaveBeenCalledExactlyOnceWith(PNG_1X1);
  });

  it.each<AppErrorCode>(['clipboard-failed', 'invalid-argument'])('throws a PlatformError for %s', async (code) => {
    const { api } = fakeApi({ ok: false, error: code });
    const copying = createElectronPlatform(api).copyImage(PNG_1X1);
    await expect(copying).rejects.toBeInstanceOf(PlatformError);
    await expect(copying).rejects.toMatchObject({ code });
  });
});

describe('web platform: copyImage', () => {
  /** A ClipboardItem that keeps what it was built from. */
  class FakeClipboardItem {
    constructor(readonly items: Record<string, Blob>) {}
  }

  function stubClipboard(write: (items: FakeClipboardItem[]) => Promise<void>) {
    const spy = vi.fn(write);
    vi.stubGlobal('ClipboardItem', FakeClipboardItem);
    vi.stubGlobal('navigator', { clipboard: { write: spy } });
    return spy;
  }

  it('writes one image/png item holding the bytes', async () => {
    const write = stubClipboard(async () => undefined);
    await createWebPlatform({} as Document).copyImage(PNG_1X1);
    expect(write).toHaveBeenCalledOnce();
    const items = write.mock.calls[0]?.[0] ?? [];
    expect(items).toHaveLength(1);
    const item = items[0];
    expect(item).toBeInstanceOf(FakeClipboardItem);
    expect(Object.keys(item?.items ?? {})).toEqual(['image/png']);
    const blob = item?.items['image/png'];
    expect(blob?.type).toBe('image/png');
    expect(new Uint8Array((await blob?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(PNG_1X1);
  });

  it('rejects when the browser refuses the write', async () => {
    stubClipboard(async () => {
      throw new DOMException('Write permission denied.', 'NotAllowedError');
    });
    await expect(createWebPlatform({} as Document).copyImage(PNG_1X1)).rejects.toMatchObject({ name: 'NotAllowedError' });
  });
});
