import * as realFs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenDialogReturnValue, SaveDialogReturnValue } from 'electron';
import { IPC, MAX_FILE_BYTES, MAX_IMAGE_BYTES, type Lang, type WorkspaceSaveRequest } from '../../../electron/shared/ipc-contract';
import { KNOWLEDGE_SUPPORT_URL, translate } from '../../../electron/strings';
import { openDialogOptions, openFilesFromMenu, type DialogLike } from '../../../electron/dialogs';
import { RENAME_RETRY_DELAYS, writeFileAtomically, type FileSystem } from '../../../electron/fs/files';
import { registerIpcHandlers, type ClipboardDeps, type HandlerDeps, type NativeImageLike, type PngClipboardEntry } from '../../../electron/ipc/handlers';
import { APP_PAGE, fakeIpcMain, frame, PNG_1X1, pngHeaderThen } from './fakes';

const WINDOW = { id: 'main-window' };
type Window = typeof WINDOW;

interface FakeFile {
  size: number;
  bytes?: Uint8Array;
  isDirectory?: boolean;
}

/** A file system of stat results and contents; every call is recorded. */
function fakeFs(files: Record<string, FakeFile>) {
  const lookup = (filePath: string): FakeFile => {
    const file = files[filePath];
    if (file === undefined) throw Object.assign(new Error(`ENOENT: ${filePath}`), { code: 'ENOENT' });
    return file;
  };
  return {
    stat: vi.fn<FileSystem['stat']>(async (filePath) => {
      const file = lookup(filePath);
      return { size: file.size, isFile: () => file.isDirectory !== true };
    }),
    readFile: vi.fn<FileSystem['readFile']>(async (filePath) => lookup(filePath).bytes ?? new Uint8Array(lookup(filePath).size)),
    writeFile: vi.fn<FileSystem['writeFile']>(async () => undefined),
    rename: vi.fn<FileSystem['rename']>(async () => undefined),
    rm: vi.fn<FileSystem['rm']>(async () => undefined),
  };
}

function fakeDialog(open: OpenDialogReturnValue, save: SaveDialogReturnValue = { canceled: true, filePath: '' }) {
  return {
    showOpenDialog: vi.fn<DialogLike<Window>['showOpenDialog']>(async () => open),
    showSaveDialog: vi.fn<DialogLike<Window>['showSaveDialog']>(async () => save),
    showMessageBox: vi.fn<DialogLike<Window>['showMessageBox']>(async () => ({ response: 0 })),
  };
}

const CANCELLED: OpenDialogReturnValue = { canceled: true, filePaths: [] };

/** What the fake nativeImage encodes any decoded image as: distinct from the input, so a test can tell. */
const REENCODED = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x52, 0x45]);

/** A ClipboardItem that keeps what it was built from. */
class FakeClipboardItem {
  constructor(readonly items: PngClipboardEntry) {}
}

/** Electron's clipboard, ClipboardItem and nativeImage; `empty` makes every image decode empty. */
function fakeClipboard(options: { empty?: boolean; write?: ClipboardDeps['clipboard']['write'] } = {}) {
  const image = { isEmpty: vi.fn(() => options.empty === true), toPNG: vi.fn(() => Buffer.from(REENCODED)) } satisfies NativeImageLike;
  return {
    image,
    clipboard: { write: vi.fn<ClipboardDeps['clipboard']['write']>(options.write ?? (async () => undefined)) },
    ClipboardItem: FakeClipboardItem,
    nativeImage: { createFromBuffer: vi.fn<ClipboardDeps['nativeImage']['createFromBuffer']>(() => image) },
  };
}

/** The workspace and session modules (tested on their own), as recording fakes. */
function fakeWorkspace() {
  return {
    save: vi.fn<HandlerDeps<Window>['workspace']['save']>(async () => ({ ok: true, value: { saved: true, name: 'a.metodkartan' } })),
    open: vi.fn<HandlerDeps<Window>['workspace']['open']>(async () => ({ ok: true, value: null })),
  };
}
function fakeSession() {
  return {
    writeAutosave: vi.fn<HandlerDeps<Window>['session']['writeAutosave']>(async () => undefined),
    takeRecovery: vi.fn<HandlerDeps<Window>['session']['takeRecovery']>(async () => ({ ok: true, value: null })),
    discardRecovery: vi.fn<HandlerDeps<Window>['session']['discardRecovery']>(async () => undefined),
  };
}

function setup(
  options: {
    fs?: ReturnType<typeof fakeFs> | FileSystem;
    dialog?: ReturnType<typeof fakeDialog>;
    clipboard?: ReturnType<typeof fakeClipboard>;
    lang?: Lang;
    window?: Window | null;
    workspace?: ReturnType<typeof fakeWorkspace>;
    session?: ReturnType<typeof fakeSession>;
  } = {},
) {
  const { ipcMain, invoke, channels } = fakeIpcMain();
  const { clipboard, ClipboardItem, nativeImage } = options.clipboard ?? fakeClipboard();
  const deps = {
    ipcMain,
    clipboard,
    ClipboardItem,
    nativeImage,
    dialog: options.dialog ?? fakeDialog(CANCELLED),
    shell: { openExternal: vi.fn(async (_url: string) => undefined) },
    fs: options.fs ?? fakeFs({}),
    getWindow: () => (options.window === undefined ? WINDOW : options.window),
    getLanguage: () => options.lang ?? 'sv',
    setLanguage: vi.fn<(lang: Lang) => void>(),
    isTrustedSender: () => true,
    workspace: options.workspace ?? fakeWorkspace(),
    session: options.session ?? fakeSession(),
    readyToClose: vi.fn<() => void>(),
    savingBeforeClose: vi.fn<() => void>(),
  } satisfies HandlerDeps<Window>;
  registerIpcHandlers(deps);
  return { deps, channels, invoke: (channel: string, ...args: unknown[]) => invoke(channel, frame(APP_PAGE), ...args) };
}

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Every invoke channel of the contract: IPC minus the two main → renderer channels. */
const INVOKE_CHANNELS = Object.values(IPC)
  .filter((channel) => channel !== IPC.filesOpened && channel !== IPC.workspaceOpened && channel !== IPC.menuCommand)
  .sort();

it('registers every invoke channel of the contract', () => {
  const { channels } = setup();
  expect(INVOKE_CHANNELS).toEqual(
    [
      IPC.copyImage,
      IPC.openExternal,
      IPC.openFiles,
      IPC.saveFile,
      IPC.setLanguage,
      IPC.saveWorkspace,
      IPC.openWorkspace,
      IPC.writeAutosave,
      IPC.takeRecovery,
      IPC.discardRecovery,
      IPC.readyToClose,
      IPC.savingBeforeClose,
    ].sort(),
  );
  expect(channels().sort()).toEqual(INVOKE_CHANNELS);
});

describe('openFiles', () => {
  it('resolves to [] when the dialog is cancelled, touching no file', async () => {
    const fs = fakeFs({});
    const { invoke } = setup({ fs, dialog: fakeDialog(CANCELLED) });
    await expect(invoke(IPC.openFiles)).resolves.toEqual({ ok: true, value: [] });
    expect(fs.stat).not.toHaveBeenCalled();
    expect(fs.readFile).not.toHaveBeenCalled();
  });

  it('shows a multi-select dialog for tables, modal to the window', async () => {
    const dialog = fakeDialog(CANCELLED);
    const { invoke } = setup({ dialog });
    await invoke(IPC.openFiles);
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(WINDOW, openDialogOptions('sv'));
    const options = openDialogOptions('sv');
    expect(options.properties).toContain('multiSelections');
    expect(options.filters).toEqual([
      { name: 'Tabeller', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'parquet', 'json', 'ndjson'] },
      { name: 'Alla filer', extensions: ['*'] },
    ]);
    expect(openDialogOptions('en').filters?.map((f) => f.name)).toEqual(['Tables', 'All files']);
  });

  it('returns base names and bytes, never the paths', async () => {
    const a = new Uint8Array([1, 2]);
    const b = new Uint8Array([3]);
    const fs = fakeFs({ '/home/anna/data/insatser.csv': { size: 2, bytes: a }, '/home/anna/data/kommuner.xlsx': { size: 1, bytes: b } });
    const dialog = fakeDialog({ canceled: false, filePaths: ['/home/anna/data/insatser.csv', '/home/anna/data/kommuner.xlsx'] });
    const { invoke } = setup({ fs, dialog });
    const result = await invoke(IPC.openFiles);
    expect(result).toEqual({ ok: true, value: [{ name: 'insatser.csv', bytes: a }, { name: 'kommuner.xlsx', bytes: b }] });
    expect(JSON.stringify(result)).not.toContain('/home/anna');
  });

  it('refuses a too-large selection before reading any file of it', async () => {
    const fs = fakeFs({ '/d/small.csv': { size: 10 }, '/d/huge.csv': { size: MAX_FILE_BYTES + 1 } });
    const { invoke } = setup({ fs, dialog: fakeDialog({ canceled: false, filePaths: ['/d/small.csv', '/d/huge.csv'] }) });
    await expect(invoke(IPC.openFiles)).resolves.toEqual({ ok: false, error: 'file-too-large', detail: 'huge.csv' });
    expect(fs.readFile).not.toHaveBeenCalled();
  });

  it('accepts a file of exactly the limit', async () => {
    const fs = fakeFs({ '/d/limit.csv': { size: MAX_FILE_BYTES, bytes: new Uint8Array(1) } });
    const { invoke } = setup({ fs, dialog: fakeDialog({ canceled: false, filePaths: ['/d/limit.csv'] }) });
    await expect(invoke(IPC.openFiles)).resolves.toMatchObject({ ok: true });
  });

  it('refuses a file that grew past the limit between stat and read', async () => {
    const grown = { byteLength: MAX_FILE_BYTES + 1 };
    Object.setPrototypeOf(grown, Uint8Array.prototype);
    const fs = fakeFs({ '/d/growing.csv': { size: 10, bytes: grown as Uint8Array } });
    const { invoke } = setup({ fs, dialog: fakeDialog({ canceled: false, filePaths: ['/d/growing.csv'] }) });
    await expect(invoke(IPC.openFiles)).resolves.toEqual({ ok: false, error: 'file-too-large', detail: 'growing.csv' });
  });

  it('refuses a directory without reading it', async () => {
    const fs = fakeFs({ '/d/folder': { size: 4096, isDirectory: true } });
    const { invoke } = setup({ fs, dialog: fakeDialog({ canceled: false, filePaths: ['/d/folder'] }) });
    await expect(invoke(IPC.openFiles)).resolves.toEqual({ ok: false, error: 'read-failed', detail: 'folder' });
    expect(fs.readFile).not.toHaveBeenCalled();
  });

  it('reports a read error with the file name only', async () => {
    const fs = fakeFs({ '/d/ok.csv': { size: 1 } });
    const { invoke } = setup({ fs, dialog: fakeDialog({ canceled: false, filePaths: ['/d/ok.csv', '/d/vanished.csv'] }) });
    await expect(invoke(IPC.openFiles)).resolves.toEqual({ ok: false, error: 'read-failed', detail: 'vanished.csv' });
  });

  it('shows no dialog when no window is open', async () => {
    const dialog = fakeDialog(CANCELLED);
    const { invoke } = setup({ dialog, window: null });
    await expect(invoke(IPC.openFiles)).resolves.toEqual({ ok: true, value: [] });
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('shows no dialog for an untrusted sender', async () => {
    const dialog = fakeDialog(CANCELLED);
    const { ipcMain, invoke } = fakeIpcMain();
    registerIpcHandlers({ ...setup({ dialog }).deps, ipcMain });
    await expect(invoke(IPC.openFiles, frame('https://evil.example/'))).resolves.toEqual({ ok: false, error: 'invalid-argument' });
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });
});

describe('saveFile', () => {
  const request = { suggestedName: 'insatser-2024.csv', bytes: new TextEncoder().encode('ny') };

  it('offers the suggested name and reports a cancelled dialog as not saved, writing nothing', async () => {
    const fs = fakeFs({});
    const dialog = fakeDialog(CANCELLED, { canceled: true, filePath: '' });
    const { invoke } = setup({ fs, dialog });
    await expect(invoke(IPC.saveFile, request)).resolves.toEqual({ ok: true, value: { saved: false } });
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(WINDOW, { defaultPath: 'insatser-2024.csv' });
    expect(fs.writeFile).not.toHaveBeenCalled();
    expect(fs.rename).not.toHaveBeenCalled();
  });

  it.each([
    ['a traversal name', { ...request, suggestedName: '../../.profile' }],
    ['an absolute path', { ...request, suggestedName: '/etc/cron.d/x' }],
    ['bytes as text', { ...request, bytes: 'ny' }],
    ['no request', undefined],
  ])('refuses %s without showing a dialog', async (_label, bad) => {
    const fs = fakeFs({});
    const dialog = fakeDialog(CANCELLED, { canceled: false, filePath: '/tmp/x.csv' });
    const { invoke } = setup({ fs, dialog });
    await expect(invoke(IPC.saveFile, bad)).resolves.toEqual({ ok: false, error: 'invalid-argument' });
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(fs.writeFile).not.toHaveBeenCalled();
  });

  describe('on a real disk', () => {
    let dir: string;
    let target: string;

    beforeEach(async () => {
      dir = await realFs.mkdtemp(path.join(tmpdir(), 'metodkartan-save-'));
      target = path.join(dir, 'insatser-2024.csv');
      await realFs.writeFile(target, 'gammal');
    });
    afterEach(async () => {
      await realFs.rm(dir, { recursive: true, force: true });
    });

    const realDisk = (): FileSystem => ({
      stat: realFs.stat,
      readFile: realFs.readFile,
      writeFile: realFs.writeFile,
      rename: realFs.rename,
      rm: realFs.rm,
    });

    it('replaces the chosen file and leaves no temp file', async () => {
      const { invoke } = setup({ fs: realDisk(), dialog: fakeDialog(CANCELLED, { canceled: false, filePath: target }) });
      await expect(invoke(IPC.saveFile, request)).resolves.toEqual({ ok: true, value: { saved: true } });
      expect(await realFs.readFile(target, 'utf8')).toBe('ny');
      expect(await realFs.readdir(dir)).toEqual(['insatser-2024.csv']);
    });

    it('leaves the previous file intact when writing the temp file fails midway', async () => {
      const fs: FileSystem = {
        ...realDisk(),
        writeFile: async (filePath, data, options) => {
          // A disk that fills up after part of the data: the temp file exists, half written.
          await realFs.writeFile(filePath, data.subarray(0, 1), options);
          throw Object.assign(new Error(`ENOSPC: no space left on device, write ${filePath}`), { code: 'ENOSPC' });
        },
      };
      const { invoke } = setup({ fs, dialog: fakeDialog(CANCELLED, { canceled: false, filePath: target }) });
      await expect(invoke(IPC.saveFile, request)).resolves.toEqual({ ok: false, error: 'write-failed', detail: 'ENOSPC' });
      expect(await realFs.readFile(target, 'utf8')).toBe('gammal');
      expect(await realFs.readdir(dir)).toEqual(['insatser-2024.csv']);
    });

    it('leaves the previous file intact when the rename fails', async () => {
      const fs: FileSystem = {
        ...realDisk(),
        rename: async () => {
          throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
        },
      };
      const { invoke } = setup({ fs, dialog: fakeDialog(CANCELLED, { canceled: false, filePath: target }) });
      await expect(invoke(IPC.saveFile, request)).resolves.toEqual({ ok: false, error: 'write-failed', detail: 'EIO' });
      expect(await realFs.readFile(target, 'utf8')).toBe('gammal');
      expect(await realFs.readdir(dir)).toEqual(['insatser-2024.csv']);
    });

    it('tries again while Excel holds the file, then says it is in use, the previous file intact', async () => {
      let renames = 0;
      const fs: FileSystem = {
        ...realDisk(),
        rename: async () => {
          renames++;
          throw Object.assign(new Error('EPERM: file is open in Excel'), { code: 'EPERM' });
        },
      };
      const { invoke } = setup({ fs, dialog: fakeDialog(CANCELLED, { canceled: false, filePath: target }) });
      vi.useFakeTimers({ toFake: ['setTimeout'] });
      try {
        const saving = invoke(IPC.saveFile, request);
        // The temp file is written for real; the waits between the renames pass on the fake clock.
        while (renames <= RENAME_RETRY_DELAYS.length) {
          await new Promise((done) => setImmediate(done));
          await vi.advanceTimersByTimeAsync(2_000);
        }
        await expect(saving).resolves.toEqual({ ok: false, error: 'target-busy', detail: 'EPERM' });
      } finally {
        vi.useRealTimers();
      }
      expect(renames).toBe(RENAME_RETRY_DELAYS.length + 1);
      expect(await realFs.readFile(target, 'utf8')).toBe('gammal');
      expect(await realFs.readdir(dir)).toEqual(['insatser-2024.csv']);
    });

    it('creates the temp file beside the target, exclusively (wx) and flushed', async () => {
      const writeFile = vi.fn<FileSystem['writeFile']>(realFs.writeFile);
      await writeFileAtomically({ ...realDisk(), writeFile }, target, request.bytes);
      const [tempPath, , options] = writeFile.mock.calls[0] ?? [];
      expect(tempPath).toMatch(new RegExp(`^${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.tmp-[0-9a-f]{12}$`));
      expect(options).toEqual({ flag: 'wx', flush: true });
    });
  });
});

describe('setLanguage', () => {
  it('passes a valid language on', async () => {
    const { deps, invoke } = setup();
    await expect(invoke(IPC.setLanguage, 'en')).resolves.toEqual({ ok: true, value: null });
    expect(deps.setLanguage).toHaveBeenCalledWith('en');
  });

  it.each([['de'], [''], [null], [{ toString: (): string => 'sv' }]])('ignores %s', async (lang) => {
    const { deps, invoke } = setup();
    await expect(invoke(IPC.setLanguage, lang)).resolves.toEqual({ ok: false, error: 'invalid-argument' });
    expect(deps.setLanguage).not.toHaveBeenCalled();
  });
});

describe('openExternal', () => {
  it('opens a vetted URL in the browser', async () => {
    const { deps, invoke } = setup();
    await expect(invoke(IPC.openExternal, KNOWLEDGE_SUPPORT_URL)).resolves.toEqual({ ok: true, value: null });
    expect(deps.shell.openExternal).toHaveBeenCalledWith(KNOWLEDGE_SUPPORT_URL);
  });

  it.each([
    ['javascript', 'javascript:alert(1)', 'url-not-allowed'],
    ['file', 'file:///etc/passwd', 'url-not-allowed'],
    ['an executable on a share', '\\\\server\\share\\setup.exe', 'url-not-allowed'],
    ['http', 'http://www.socialstyrelsen.se/', 'url-not-allowed'],
    ['a look-alike host', 'https://socialstyrelsen.se.evil.com/', 'url-not-allowed'],
    ['an unlisted host', 'https://evil.example/', 'url-not-allowed'],
    ['credentials', 'https://user:pw@www.socialstyrelsen.se/', 'url-not-allowed'],
    ['the app itself', 'app://metodkartan/index.html', 'url-not-allowed'],
    ['an over-long URL', `https://www.socialstyrelsen.se/${'a'.repeat(3000)}`, 'invalid-argument'],
    ['a URL object', new URL('https://www.socialstyrelsen.se/'), 'invalid-argument'],
    ['nothing', undefined, 'invalid-argument'],
  ])('refuses %s and never calls shell.openExternal', async (_label, url, error) => {
    const { deps, invoke } = setup();
    await expect(invoke(IPC.openExternal, url)).resolves.toEqual({ ok: false, error });
    expect(deps.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('copyImage', () => {
  /** The bytes a fake saw, as a plain Uint8Array for comparison. */
  const bytesOf = (buffer: Buffer | undefined): Uint8Array => Uint8Array.from(buffer ?? []);

  async function written(clipboard: ReturnType<typeof fakeClipboard>): Promise<{ types: string[]; type: string; bytes: Uint8Array }> {
    const items = clipboard.clipboard.write.mock.calls[0]?.[0] ?? [];
    expect(items).toHaveLength(1);
    const item = items[0];
    if (!(item instanceof FakeClipboardItem)) throw new Error('not a ClipboardItem');
    const blob = item.items['image/png'];
    return { types: Object.keys(item.items), type: blob.type, bytes: new Uint8Array(await blob.arrayBuffer()) };
  }

  it('decodes the PNG bytes unchanged and writes the image as one image/png entry', async () => {
    const clipboard = fakeClipboard();
    const { invoke } = setup({ clipboard });
    await expect(invoke(IPC.copyImage, PNG_1X1)).resolves.toEqual({ ok: true, value: null });
    expect(clipboard.nativeImage.createFromBuffer).toHaveBeenCalledOnce();
    const decoded = clipboard.nativeImage.createFromBuffer.mock.calls[0]?.[0];
    expect(Buffer.isBuffer(decoded)).toBe(true);
    expect(bytesOf(decoded)).toEqual(PNG_1X1);
    expect(clipboard.clipboard.write).toHaveBeenCalledOnce();
    // What reaches the clipboard is the decoded image encoded afresh, under the one MIME key main chose.
    expect(await written(clipboard)).toEqual({ types: ['image/png'], type: 'image/png', bytes: REENCODED });
    expect(clipboard.image.toPNG).toHaveBeenCalledOnce();
  });

  it('hands nativeImage exactly the bytes of a view into a larger buffer', async () => {
    const clipboard = fakeClipboard();
    const { invoke } = setup({ clipboard });
    const view = Uint8Array.from([7, 7, 7, ...PNG_1X1, 9, 9]).subarray(3, 3 + PNG_1X1.length);
    await expect(invoke(IPC.copyImage, view)).resolves.toEqual({ ok: true, value: null });
    expect(bytesOf(clipboard.nativeImage.createFromBuffer.mock.calls[0]?.[0])).toEqual(PNG_1X1);
  });

  it('refuses bytes that decode to an empty image, writing nothing', async () => {
    const clipboard = fakeClipboard({ empty: true });
    const { invoke } = setup({ clipboard });
    await expect(invoke(IPC.copyImage, pngHeaderThen(0, 0, 0, 0))).resolves.toEqual({ ok: false, error: 'invalid-argument' });
    expect(clipboard.nativeImage.createFromBuffer).toHaveBeenCalledOnce();
    expect(clipboard.image.toPNG).not.toHaveBeenCalled();
    expect(clipboard.clipboard.write).not.toHaveBeenCalled();
  });

  const secret = 'at /home/anna/hemligt/rapport.png';
  it.each([
    ['rejects with an Error', async (): Promise<void> => Promise.reject(new Error(`clipboard busy ${secret}`))],
    [
      'throws synchronously',
      (): Promise<void> => {
        throw new TypeError(`bad item ${secret}`);
      },
    ],
    ['rejects with a string', async (): Promise<void> => Promise.reject(`OpenClipboard failed ${secret}`)],
  ])('reports a clipboard that %s as clipboard-failed, leaking no message or stack', async (_label, write) => {
    const clipboard = fakeClipboard({ write });
    const { invoke } = setup({ clipboard });
    const result = await invoke(IPC.copyImage, PNG_1X1);
    expect(result).toEqual({ ok: false, error: 'clipboard-failed', detail: undefined });
    expect(JSON.stringify(result)).not.toMatch(/hemligt|anna|at |Error|busy|failed /);
    expect(console.error).toHaveBeenCalled();
  });

  it('reports a decoder that throws as clipboard-failed, writing nothing', async () => {
    const clipboard = fakeClipboard();
    clipboard.nativeImage.createFromBuffer.mockImplementation(() => {
      throw new Error(`decoder crashed ${secret}`);
    });
    const { invoke } = setup({ clipboard });
    const result = await invoke(IPC.copyImage, PNG_1X1);
    expect(result).toEqual({ ok: false, error: 'clipboard-failed', detail: undefined });
    expect(JSON.stringify(result)).not.toContain('hemligt');
    expect(clipboard.clipboard.write).not.toHaveBeenCalled();
  });

  // Functions, so the 64 MiB buffer exists only while its own test runs.
  it.each([
    ['no argument', () => []],
    ['null', () => [null]],
    ['undefined', () => [undefined]],
    ['a string', () => ['\x89PNG\r\n\x1a\n']],
    ['a data URL', () => [`data:image/png;base64,${Buffer.from(PNG_1X1).toString('base64')}`]],
    ['a number', () => [0x89504e47]],
    ['an object with a length', () => [{ length: PNG_1X1.length, 0: 0x89, 1: 0x50, 2: 0x4e, 3: 0x47 }]],
    ['a plain array of the bytes', () => [[...PNG_1X1]]],
    ['an ArrayBuffer', () => [PNG_1X1.slice().buffer]],
    ['a Uint16Array', () => [new Uint16Array(PNG_1X1)]],
    ['a JPEG header', () => [Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46])]],
    ['an empty Uint8Array', () => [new Uint8Array(0)]],
    [
      '64 MiB + 1',
      () => {
        const tooLarge = new Uint8Array(MAX_IMAGE_BYTES + 1);
        tooLarge.set(PNG_1X1);
        return [tooLarge];
      },
    ],
    ['a PNG wrapped in an object', () => [{ png: PNG_1X1 }]],
    ['an extra argument', () => [PNG_1X1, PNG_1X1]],
    ['an extra undefined argument', () => [PNG_1X1, undefined]],
  ])('refuses %s without decoding or writing', async (_label, args) => {
    const clipboard = fakeClipboard();
    const { invoke } = setup({ clipboard });
    await expect(invoke(IPC.copyImage, ...args())).resolves.toEqual({ ok: false, error: 'invalid-argument' });
    expect(clipboard.nativeImage.createFromBuffer).not.toHaveBeenCalled();
    expect(clipboard.clipboard.write).not.toHaveBeenCalled();
  });

  it.each([
    ['a foreign https page', frame('https://evil.example/')],
    ['a file page', frame('file:///C:/Users/anna/evil.html')],
    ['a look-alike app host', frame('app://metodkartan.evil/index.html')],
    ['a subframe on the app origin', frame(APP_PAGE, frame(APP_PAGE))],
    ['no sender frame', null],
  ])('refuses %s without decoding or writing', async (_label, sender) => {
    const clipboard = fakeClipboard();
    const { ipcMain, invoke } = fakeIpcMain();
    registerIpcHandlers({ ...setup({ clipboard }).deps, ipcMain });
    await expect(invoke(IPC.copyImage, sender, PNG_1X1)).resolves.toEqual({ ok: false, error: 'invalid-argument' });
    expect(clipboard.nativeImage.createFromBuffer).not.toHaveBeenCalled();
    expect(clipboard.clipboard.write).not.toHaveBeenCalled();
  });

  it('refuses the app page of a frame that is not one of its windows', async () => {
    const clipboard = fakeClipboard();
    const { ipcMain, invoke } = fakeIpcMain();
    registerIpcHandlers({ ...setup({ clipboard }).deps, ipcMain, isTrustedSender: () => false });
    await expect(invoke(IPC.copyImage, frame(APP_PAGE), PNG_1X1)).resolves.toEqual({ ok: false, error: 'invalid-argument' });
    expect(clipboard.clipboard.write).not.toHaveBeenCalled();
  });
});

describe('openFilesFromMenu', () => {
  function menuDeps(fs: ReturnType<typeof fakeFs>, dialog: ReturnType<typeof fakeDialog>, lang: Lang = 'sv') {
    return { dialog, fs, getWindow: () => WINDOW, getLanguage: () => lang };
  }

  it('sends the files to the renderer', async () => {
    const bytes = new Uint8Array([7]);
    const send = vi.fn();
    await openFilesFromMenu(menuDeps(fakeFs({ '/d/a.csv': { size: 1, bytes } }), fakeDialog({ canceled: false, filePaths: ['/d/a.csv'] })), { send });
    expect(send).toHaveBeenCalledExactlyOnceWith(IPC.filesOpened, [{ name: 'a.csv', bytes }]);
  });

  it('sends nothing when the dialog is cancelled', async () => {
    const send = vi.fn();
    const dialog = fakeDialog(CANCELLED);
    await openFilesFromMenu(menuDeps(fakeFs({}), dialog), { send });
    expect(send).not.toHaveBeenCalled();
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it.each(['sv', 'en'] as const)('explains a too-large file in a message box (%s), reading nothing', async (lang) => {
    const send = vi.fn();
    const fs = fakeFs({ '/d/huge.csv': { size: 600 * 1024 * 1024 } });
    const dialog = fakeDialog({ canceled: false, filePaths: ['/d/huge.csv'] });
    await openFilesFromMenu(menuDeps(fs, dialog, lang), { send });
    expect(send).not.toHaveBeenCalled();
    expect(fs.readFile).not.toHaveBeenCalled();
    expect(dialog.showMessageBox).toHaveBeenCalledWith(WINDOW, {
      type: 'error',
      message: translate(lang, 'errorTitle'),
      detail: translate(lang, 'errorTooLarge', { file: 'huge.csv', size: '600 MB', max: '512 MB' }),
    });
  });

  it('explains a read failure in a message box', async () => {
    const send = vi.fn();
    const dialog = fakeDialog({ canceled: false, filePaths: ['/d/gone.csv'] });
    await openFilesFromMenu(menuDeps(fakeFs({}), dialog), { send });
    expect(send).not.toHaveBeenCalled();
    expect(dialog.showMessageBox).toHaveBeenCalledWith(WINDOW, expect.objectContaining({ detail: translate('sv', 'errorRead', { file: 'gone.csv' }) }));
  });
});

describe('workspace channels', () => {
  const ZIP = new Uint8Array([0x50, 0x4b, 3, 4, 20, 0]);
  const valid: WorkspaceSaveRequest = { bytes: ZIP, saveAs: false, suggestedName: 'Kartläggning 2024.metodkartan' };
  const secret = 'EACCES: permission denied, open /home/anna/hemligt/kartläggning.metodkartan';
  const failure = (code: string): Error => Object.assign(new Error(secret), { code });

  describe('saveWorkspace', () => {
    it('passes a valid request on and returns the result', async () => {
      const workspace = fakeWorkspace();
      const { invoke } = setup({ workspace });
      await expect(invoke(IPC.saveWorkspace, valid)).resolves.toEqual({ ok: true, value: { saved: true, name: 'a.metodkartan' } });
      expect(workspace.save).toHaveBeenCalledExactlyOnceWith(valid);
    });

    it.each([
      ['Kartläggning', 'Kartläggning.metodkartan'],
      ['rapport.csv', 'rapport.csv.metodkartan'],
      ['Arbetsyta.METODKARTAN', 'Arbetsyta.METODKARTAN'],
    ])('makes the suggested name %s end in .metodkartan: %s', async (suggestedName, expected) => {
      const workspace = fakeWorkspace();
      const { invoke } = setup({ workspace });
      await invoke(IPC.saveWorkspace, { ...valid, suggestedName, saveAs: true });
      expect(workspace.save).toHaveBeenCalledExactlyOnceWith({ bytes: ZIP, saveAs: true, suggestedName: expected });
    });

    const inherited: unknown = Object.create(valid);
    const throwingGetter: unknown = Object.defineProperty({ ...valid }, 'suggestedName', {
      get: () => {
        throw new Error('trap');
      },
      enumerable: true,
    });
    it.each([
      ['no argument', () => []],
      ['null', () => [null]],
      ['undefined', () => [undefined]],
      ['a string', () => ['Kartläggning.metodkartan']],
      ['the fields as an array', () => [[ZIP, false, 'a.metodkartan']]],
      ['missing bytes', () => [{ saveAs: false, suggestedName: 'a.metodkartan' }]],
      ['bytes as a string', () => [{ ...valid, bytes: 'PK\u0003\u0004' }]],
      ['bytes as an array of numbers', () => [{ ...valid, bytes: [...ZIP] }]],
      ['bytes as an ArrayBuffer', () => [{ ...valid, bytes: ZIP.slice().buffer }]],
      ['bytes as a Uint16Array', () => [{ ...valid, bytes: new Uint16Array(3) }]],
      ['bytes as a DataView', () => [{ ...valid, bytes: new DataView(ZIP.slice().buffer) }]],
      ['empty bytes', () => [{ ...valid, bytes: new Uint8Array(0) }]],
      ['missing saveAs', () => [{ bytes: ZIP, suggestedName: 'a.metodkartan' }]],
      ['saveAs as a string', () => [{ ...valid, saveAs: 'true' }]],
      ['saveAs as a number', () => [{ ...valid, saveAs: 1 }]],
      ['a traversal name', () => [{ ...valid, suggestedName: '../../.config/autostart/x.metodkartan' }]],
      ['an absolute path', () => [{ ...valid, suggestedName: '/etc/cron.d/x.metodkartan' }]],
      ['a Windows path', () => [{ ...valid, suggestedName: 'C:\\Users\\anna\\x.metodkartan' }]],
      ['a hidden name (only the extension)', () => [{ ...valid, suggestedName: '.metodkartan' }]],
      ['a reserved device name', () => [{ ...valid, suggestedName: 'CON' }]],
      ['a name with a NUL', () => [{ ...valid, suggestedName: 'a\u0000.metodkartan' }]],
      ['a name too long once the extension is added', () => [{ ...valid, suggestedName: 'a'.repeat(115) }]],
      ['a name that is not a string', () => [{ ...valid, suggestedName: 42 }]],
      ['fields inherited from a prototype', () => [inherited]],
      ['a getter that throws', () => [throwingGetter]],
      ['an extra argument', () => [valid, valid]],
    ])('refuses %s without saving', async (_label, args) => {
      const workspace = fakeWorkspace();
      const { invoke } = setup({ workspace });
      await expect(invoke(IPC.saveWorkspace, ...args())).resolves.toEqual({ ok: false, error: 'invalid-argument' });
      expect(workspace.save).not.toHaveBeenCalled();
    });

    it('reports a failed write as write-failed with the error code only', async () => {
      const workspace = fakeWorkspace();
      workspace.save.mockRejectedValue(failure('ENOSPC'));
      const { invoke } = setup({ workspace });
      const result = await invoke(IPC.saveWorkspace, valid);
      expect(result).toEqual({ ok: false, error: 'write-failed', detail: 'ENOSPC' });
      expect(JSON.stringify(result)).not.toMatch(/hemligt|anna|at |Error/);
    });
  });

  describe('openWorkspace', () => {
    it('returns what the workspace module read', async () => {
      const workspace = fakeWorkspace();
      workspace.open.mockResolvedValue({ ok: true, value: { name: 'a.metodkartan', bytes: ZIP } });
      const { invoke } = setup({ workspace });
      await expect(invoke(IPC.openWorkspace)).resolves.toEqual({ ok: true, value: { name: 'a.metodkartan', bytes: ZIP } });
    });

    it.each([['a path', ['/etc/passwd']], ['undefined', [undefined]], ['an options object', [{ defaultPath: '/' }]]])(
      'refuses an argument (%s) without a dialog',
      async (_label, args) => {
        const workspace = fakeWorkspace();
        const { invoke } = setup({ workspace });
        await expect(invoke(IPC.openWorkspace, ...args)).resolves.toEqual({ ok: false, error: 'invalid-argument' });
        expect(workspace.open).not.toHaveBeenCalled();
      },
    );

    it('reports a failure as read-failed with the error code only', async () => {
      const workspace = fakeWorkspace();
      workspace.open.mockRejectedValue(failure('EACCES'));
      const { invoke } = setup({ workspace });
      const result = await invoke(IPC.openWorkspace);
      expect(result).toEqual({ ok: false, error: 'read-failed', detail: 'EACCES' });
      expect(JSON.stringify(result)).not.toContain('hemligt');
    });
  });

  describe('writeAutosave', () => {
    it('writes valid bytes', async () => {
      const session = fakeSession();
      const { invoke } = setup({ session });
      await expect(invoke(IPC.writeAutosave, ZIP)).resolves.toEqual({ ok: true, value: null });
      expect(session.writeAutosave).toHaveBeenCalledExactlyOnceWith(ZIP);
    });

    it.each([
      ['no argument', () => []],
      ['null', () => [null]],
      ['a string', () => ['PK\u0003\u0004']],
      ['an array of numbers', () => [[...ZIP]]],
      ['an ArrayBuffer', () => [ZIP.slice().buffer]],
      ['an Int8Array', () => [new Int8Array(ZIP)]],
      ['an object that borrows Uint8Array.prototype', () => [Object.setPrototypeOf({ byteLength: 6, 0: 0x50 }, Uint8Array.prototype)]],
      ['empty bytes', () => [new Uint8Array(0)]],
      ['a save request instead of bytes', () => [valid]],
      ['an extra argument', () => [ZIP, ZIP]],
    ])('refuses %s without writing', async (_label, args) => {
      const session = fakeSession();
      const { invoke } = setup({ session });
      await expect(invoke(IPC.writeAutosave, ...args())).resolves.toEqual({ ok: false, error: 'invalid-argument' });
      expect(session.writeAutosave).not.toHaveBeenCalled();
    });

    it('reports a failed write as write-failed with the error code only', async () => {
      const session = fakeSession();
      session.writeAutosave.mockRejectedValue(failure('EROFS'));
      const { invoke } = setup({ session });
      const result = await invoke(IPC.writeAutosave, ZIP);
      expect(result).toEqual({ ok: false, error: 'write-failed', detail: 'EROFS' });
      expect(JSON.stringify(result)).not.toContain('hemligt');
    });
  });

  describe('takeRecovery, discardRecovery, readyToClose', () => {
    it('takeRecovery returns the recovery result as it is', async () => {
      const session = fakeSession();
      session.takeRecovery.mockResolvedValueOnce({ ok: true, value: ZIP }).mockResolvedValueOnce({ ok: false, error: 'file-too-large' });
      const { invoke } = setup({ session });
      await expect(invoke(IPC.takeRecovery)).resolves.toEqual({ ok: true, value: ZIP });
      await expect(invoke(IPC.takeRecovery)).resolves.toEqual({ ok: false, error: 'file-too-large' });
    });

    it('takeRecovery reports a failure as read-failed with the error code only', async () => {
      const session = fakeSession();
      session.takeRecovery.mockRejectedValue(failure('EIO'));
      const { invoke } = setup({ session });
      const result = await invoke(IPC.takeRecovery);
      expect(result).toEqual({ ok: false, error: 'read-failed', detail: 'EIO' });
      expect(JSON.stringify(result)).not.toContain('hemligt');
    });

    it('discardRecovery discards, and reports a failure as write-failed', async () => {
      const session = fakeSession();
      const { invoke } = setup({ session });
      await expect(invoke(IPC.discardRecovery)).resolves.toEqual({ ok: true, value: null });
      expect(session.discardRecovery).toHaveBeenCalledOnce();
      session.discardRecovery.mockRejectedValue(failure('EBUSY'));
      await expect(invoke(IPC.discardRecovery)).resolves.toEqual({ ok: false, error: 'write-failed', detail: 'EBUSY' });
    });

    it('readyToClose lets the window close', async () => {
      const { deps, invoke } = setup();
      await expect(invoke(IPC.readyToClose)).resolves.toEqual({ ok: true, value: null });
      expect(deps.readyToClose).toHaveBeenCalledOnce();
    });

    it('savingBeforeClose makes the window wait for the save', async () => {
      const { deps, invoke } = setup();
      await expect(invoke(IPC.savingBeforeClose)).resolves.toEqual({ ok: true, value: null });
      expect(deps.savingBeforeClose).toHaveBeenCalledOnce();
      await expect(invoke(IPC.savingBeforeClose, 'now')).resolves.toEqual({ ok: false, error: 'invalid-argument' });
    });

    it.each([
      [IPC.takeRecovery, [true]],
      [IPC.takeRecovery, [undefined]],
      [IPC.discardRecovery, ['/home/anna/.config/Metodkartan/autosave.metodkartan']],
      [IPC.readyToClose, [{ force: true }]],
    ])('%s refuses an argument (%s) and does nothing', async (channel, args) => {
      const session = fakeSession();
      const { deps, invoke } = setup({ session });
      await expect(invoke(channel, ...args)).resolves.toEqual({ ok: false, error: 'invalid-argument' });
      expect(session.takeRecovery).not.toHaveBeenCalled();
      expect(session.discardRecovery).not.toHaveBeenCalled();
      expect(deps.readyToClose).not.toHaveBeenCalled();
    });
  });

  describe('sender check', () => {
    const calls: [string, unknown[]][] = [
      [IPC.saveWorkspace, [valid]],
      [IPC.openWorkspace, []],
      [IPC.writeAutosave, [ZIP]],
      [IPC.takeRecovery, []],
      [IPC.discardRecovery, []],
      [IPC.readyToClose, []],
      [IPC.savingBeforeClose, []],
    ];
    const senders = [
      ['a foreign https page', frame('https://evil.example/')],
      ['a file page', frame('file:///C:/Users/anna/evil.html')],
      ['a subframe on the app origin', frame(APP_PAGE, frame(APP_PAGE))],
      ['no sender frame', null],
    ] as const;

    it.each(calls.flatMap(([channel, args]) => senders.map(([label, sender]) => [channel, label, sender, args] as const)))(
      '%s refuses %s and does nothing',
      async (channel, _label, sender, args) => {
        const workspace = fakeWorkspace();
        const session = fakeSession();
        const { ipcMain, invoke } = fakeIpcMain();
        const { deps } = setup({ workspace, session });
        registerIpcHandlers({ ...deps, ipcMain });
        await expect(invoke(channel, sender, ...args)).resolves.toEqual({ ok: false, error: 'invalid-argument' });
        for (const spy of [workspace.save, workspace.open, session.writeAutosave, session.takeRecovery, session.discardRecovery, deps.readyToClose]) {
          expect(spy).not.toHaveBeenCalled();
        }
      },
    );

    it('refuses the app page of a frame that is not one of its windows', async () => {
      const session = fakeSession();
      const { ipcMain, invoke } = fakeIpcMain();
      registerIpcHandlers({ ...setup({ session }).deps, ipcMain, isTrustedSender: () => false });
      await expect(invoke(IPC.takeRecovery, frame(APP_PAGE))).resolves.toEqual({ ok: false, error: 'invalid-argument' });
      expect(session.takeRecovery).not.toHaveBeenCalled();
    });
  });
});
