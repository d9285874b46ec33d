// The file-system edge users' laptops have: a save whose target another program holds for a moment
// (Windows: an indexer, an antivirus scan, OneDrive), and one dialog's files too large together.
import { describe, expect, it, vi } from 'vitest';
import { readChosenFiles, RENAME_RETRY_DELAYS, TargetBusyError, writeFileAtomically, type FileSystem } from '../../../electron/fs/files';
import { handle, type IpcMainLike } from '../../../electron/ipc/handle';
import { IPC, MAX_SELECTION_BYTES } from '../../../electron/shared/ipc-contract';

const MiB = 1024 * 1024;
const errno = (code: string) => Object.assign(new Error(code), { code });

/** A file system in memory whose rename fails with `codes`, one per try, before it succeeds. */
function disk(codes: string[] = []) {
  const files = new Map<string, Uint8Array>([['/data/arbetsyta.metodkartan', new Uint8Array([1])]]);
  const failures = [...codes];
  const fs: FileSystem = {
    stat: async (p) => ({ size: files.get(p)?.length ?? 0, isFile: () => files.has(p) }),
    readFile: async (p) => files.get(p)!,
    writeFile: async (p, data) => void files.set(p, data),
    rename: vi.fn(async (from: string, to: string) => {
      const code = failures.shift();
      if (code) throw errno(code);
      files.set(to, files.get(from)!);
      files.delete(from);
    }),
    rm: vi.fn(async (p: string) => void files.delete(p)),
  };
  return { fs, files };
}

describe('writeFileAtomically', () => {
  it('tries a rename another program blocks again, waiting longer each time, and then saves', async () => {
    const { fs, files } = disk(['EPERM', 'EBUSY', 'EACCES']);
    const waits: number[] = [];
    await writeFileAtomically(fs, '/data/arbetsyta.metodkartan', new Uint8Array([2]), { wait: async (ms) => void waits.push(ms) });
    expect(waits).toEqual(RENAME_RETRY_DELAYS.slice(0, 3));
    expect(files.get('/data/arbetsyta.metodkartan')).toEqual(new Uint8Array([2]));
    expect([...files.keys()]).toEqual(['/data/arbetsyta.metodkartan']);
  });

  it('gives up after about ten seconds of retries, says the target is busy, and leaves the old file and no temp file', async () => {
    const { fs, files } = disk(Array(RENAME_RETRY_DELAYS.length + 1).fill('EBUSY'));
    const waits: number[] = [];
    const saving = writeFileAtomically(fs, '/data/arbetsyta.metodkartan', new Uint8Array([2]), { wait: async (ms) => void waits.push(ms) });
    await expect(saving).rejects.toBeInstanceOf(TargetBusyError);
    await expect(saving).rejects.toMatchObject({ code: 'EBUSY' });
    expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(9_000);
    expect(waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(12_000);
    expect([...files.entries()]).toEqual([['/data/arbetsyta.metodkartan', new Uint8Array([1])]]);
  });

  it('does not retry what waiting cannot mend (a full disk)', async () => {
    const { fs } = disk(['ENOSPC']);
    const wait = vi.fn(async () => undefined);
    await expect(writeFileAtomically(fs, '/data/arbetsyta.metodkartan', new Uint8Array([2]), { wait })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(wait).not.toHaveBeenCalled();
    expect(fs.rename).toHaveBeenCalledTimes(1);
  });

  it('reaches the renderer as target-busy, with the code, through the IPC edge', async () => {
    const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    const ipcMain: IpcMainLike = { handle: (channel, listener) => void handlers.set(channel, listener as never) };
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    handle(ipcMain, IPC.writeAutosave, (args) => [args[0] as Uint8Array] as never, async () => {
      throw new TargetBusyError('/data/autosave.metodkartan', 'EPERM');
    }, () => true);
    const event = { senderFrame: { parent: null, url: 'app://metodkartan/index.html' } };
    expect(await handlers.get(IPC.writeAutosave)!(event, new Uint8Array([1]))).toEqual({ ok: false, error: 'target-busy', detail: 'EPERM' });
  });
});

describe('readChosenFiles', () => {
  function sized(sizes: Record<string, number>) {
    const readFile = vi.fn(async (p: string) => new Uint8Array(Math.min(sizes[p]!, 16)));
    const fs: FileSystem = { stat: async (p) => ({ size: sizes[p]!, isFile: () => true }), readFile, writeFile: async () => undefined, rename: async () => undefined, rm: async () => undefined };
    return { fs, readFile };
  }

  it('refuses files too large together before reading any, saying their total', async () => {
    const { fs, readFile } = sized({ '/a.csv': 300 * MiB, '/b.csv': 300 * MiB });
    expect(await readChosenFiles(fs, ['/a.csv', '/b.csv'])).toEqual({ ok: false, error: 'selection-too-large', name: '', size: 600 * MiB });
    expect(readFile).not.toHaveBeenCalled();
  });

  it('reads files that fit together, up to the cap', async () => {
    const { fs } = sized({ '/a.csv': MAX_SELECTION_BYTES / 2, '/b.csv': MAX_SELECTION_BYTES / 2 });
    const outcome = await readChosenFiles(fs, ['/a.csv', '/b.csv']);
    expect(outcome.ok && outcome.files.map((f) => f.name)).toEqual(['a.csv', 'b.csv']);
  });
});
