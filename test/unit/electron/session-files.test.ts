import * as realFs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_FILE_BYTES } from '../../../electron/shared/ipc-contract';
import { AUTOSAVE_FILE_NAME, createSessionFiles, SESSION_MARKER_FILE_NAME } from '../../../electron/session-files';
import { fsError, memoryFs } from './fakes';

const DATA = '/home/anna/.config/Metodkartan';
const AUTOSAVE = `${DATA}/${AUTOSAVE_FILE_NAME}`;
const MARKER = `${DATA}/${SESSION_MARKER_FILE_NAME}`;
const STATE = new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]);
const NEWER = new Uint8Array([0x50, 0x4b, 3, 4, 9]);

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('autosave', () => {
  it('writes autosave.metodkartan in the data folder, through a temp file', async () => {
    const disk = memoryFs();
    await createSessionFiles(disk.fs, DATA).writeAutosave(STATE);
    expect(disk.files.get(AUTOSAVE)).toEqual(STATE);
    expect(disk.fs.mkdir).toHaveBeenCalledWith(DATA, { recursive: true });
    const [tempPath, , options] = disk.fs.writeFile.mock.calls[0] ?? [];
    expect(tempPath).toMatch(/autosave\.metodkartan\.tmp-[0-9a-f]{12}$/);
    expect(options).toEqual({ flag: 'wx', flush: true });
    expect([...disk.files.keys()]).toEqual([AUTOSAVE]);
  });

  it('keeps the previous autosave whole when a write fails, and rejects', async () => {
    const disk = memoryFs({ [AUTOSAVE]: STATE });
    disk.fs.rename.mockRejectedValueOnce(fsError('EIO'));
    await expect(createSessionFiles(disk.fs, DATA).writeAutosave(NEWER)).rejects.toMatchObject({ code: 'EIO' });
    expect(disk.files.get(AUTOSAVE)).toEqual(STATE);
    expect([...disk.files.keys()]).toEqual([AUTOSAVE]);
  });

  it('keeps the last of overlapping writes, whatever order the disk finishes them in', async () => {
    const disk = memoryFs();
    // The first write is slow: without ordering, its rename would land after the second's.
    const real = disk.fs.writeFile.getMockImplementation();
    disk.fs.writeFile.mockImplementationOnce(async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      await real?.(...args);
    });
    const session = createSessionFiles(disk.fs, DATA);
    await Promise.all([session.writeAutosave(STATE), session.writeAutosave(NEWER)]);
    expect(disk.files.get(AUTOSAVE)).toEqual(NEWER);
  });
});

describe('recovery', () => {
  it('after a clean quit: no recovery, though an autosave exists; the marker is created', async () => {
    const disk = memoryFs({ [AUTOSAVE]: STATE });
    const session = createSessionFiles(disk.fs, DATA);
    await expect(session.takeRecovery()).resolves.toEqual({ ok: true, value: null });
    expect(disk.files.has(MARKER)).toBe(true);
    expect(disk.fs.readFile).not.toHaveBeenCalled();
  });

  it('after a crash: the autosave bytes', async () => {
    const disk = memoryFs({ [AUTOSAVE]: STATE, [MARKER]: 'left behind' });
    await expect(createSessionFiles(disk.fs, DATA).takeRecovery()).resolves.toEqual({ ok: true, value: STATE });
    expect(disk.files.has(MARKER)).toBe(true);
  });

  it('after a crash with no autosave: null', async () => {
    const disk = memoryFs({ [MARKER]: 'left behind' });
    await expect(createSessionFiles(disk.fs, DATA).takeRecovery()).resolves.toEqual({ ok: true, value: null });
  });

  it('after a crash with an empty autosave: null', async () => {
    const disk = memoryFs({ [MARKER]: '', [AUTOSAVE]: new Uint8Array(0) });
    await expect(createSessionFiles(disk.fs, DATA).takeRecovery()).resolves.toEqual({ ok: true, value: null });
  });

  it('the first call decides: a second call after a clean start does not take its own marker for a crash', async () => {
    const disk = memoryFs({ [AUTOSAVE]: STATE });
    const session = createSessionFiles(disk.fs, DATA);
    await session.takeRecovery();
    await expect(session.takeRecovery()).resolves.toEqual({ ok: true, value: null });
  });

  it('a second call after a crash gives the recovery again, until discarded', async () => {
    const disk = memoryFs({ [AUTOSAVE]: STATE, [MARKER]: '' });
    const session = createSessionFiles(disk.fs, DATA);
    await session.takeRecovery();
    await expect(session.takeRecovery()).resolves.toEqual({ ok: true, value: STATE });
    await session.discardRecovery();
    expect(disk.files.has(AUTOSAVE)).toBe(false);
    await session.writeAutosave(NEWER);
    await expect(session.takeRecovery()).resolves.toEqual({ ok: true, value: null });
  });

  it('discarding without an autosave is fine', async () => {
    const disk = memoryFs();
    await expect(createSessionFiles(disk.fs, DATA).discardRecovery()).resolves.toBeUndefined();
    expect(disk.fs.rm).toHaveBeenCalledWith(AUTOSAVE, { force: true });
  });

  it('refuses an autosave over the size limit before reading it', async () => {
    const disk = memoryFs({ [MARKER]: '', [AUTOSAVE]: STATE });
    disk.fs.stat.mockImplementation(async (filePath: string) => ({ size: filePath === AUTOSAVE ? MAX_FILE_BYTES + 1 : 1, isFile: () => true }));
    await expect(createSessionFiles(disk.fs, DATA).takeRecovery()).resolves.toEqual({ ok: false, error: 'file-too-large' });
    expect(disk.fs.readFile).not.toHaveBeenCalled();
  });

  it('ignores an autosave that is a folder', async () => {
    const disk = memoryFs({ [MARKER]: '' });
    disk.directories.add(AUTOSAVE);
    await expect(createSessionFiles(disk.fs, DATA).takeRecovery()).resolves.toEqual({ ok: true, value: null });
  });

  it('rejects when the autosave exists but cannot be read, keeping it for the next start', async () => {
    const disk = memoryFs({ [MARKER]: '', [AUTOSAVE]: STATE });
    disk.fs.readFile.mockRejectedValueOnce(fsError('EACCES'));
    await expect(createSessionFiles(disk.fs, DATA).takeRecovery()).rejects.toMatchObject({ code: 'EACCES' });
    expect(disk.files.get(AUTOSAVE)).toEqual(STATE);
  });

  it('still answers when the marker cannot be written (a read-only data folder), logging it', async () => {
    const disk = memoryFs({ [MARKER]: '', [AUTOSAVE]: STATE });
    disk.fs.writeFile.mockRejectedValue(fsError('EROFS'));
    await expect(createSessionFiles(disk.fs, DATA).takeRecovery()).resolves.toEqual({ ok: true, value: STATE });
    expect(console.error).toHaveBeenCalled();
  });

  it('takes a marker it cannot check for a clean start, logging it', async () => {
    const disk = memoryFs({ [MARKER]: '', [AUTOSAVE]: STATE });
    disk.fs.stat.mockRejectedValueOnce(fsError('EACCES'));
    await expect(createSessionFiles(disk.fs, DATA).takeRecovery()).resolves.toEqual({ ok: true, value: null });
    expect(console.error).toHaveBeenCalled();
  });
});

describe('endSession', () => {
  it('removes the marker taken by this session, so the next start offers nothing', async () => {
    const disk = memoryFs({ [AUTOSAVE]: STATE });
    const first = createSessionFiles(disk.fs, DATA);
    await first.takeRecovery();
    await first.writeAutosave(NEWER);
    await first.endSession();
    expect(disk.files.has(MARKER)).toBe(false);
    expect(disk.files.get(AUTOSAVE)).toEqual(NEWER);
    await expect(createSessionFiles(disk.fs, DATA).takeRecovery()).resolves.toEqual({ ok: true, value: null });
  });

  it('a session that ended without endSession is recovered at the next start', async () => {
    const disk = memoryFs();
    const crashed = createSessionFiles(disk.fs, DATA);
    await crashed.takeRecovery();
    await crashed.writeAutosave(NEWER);
    await expect(createSessionFiles(disk.fs, DATA).takeRecovery()).resolves.toEqual({ ok: true, value: NEWER });
  });

  it('keeps the marker of a crashed session when this one never took it (the page never asked)', async () => {
    const disk = memoryFs({ [MARKER]: '', [AUTOSAVE]: STATE });
    await createSessionFiles(disk.fs, DATA).endSession();
    expect(disk.files.has(MARKER)).toBe(true);
    expect(disk.fs.rm).not.toHaveBeenCalled();
  });

  it('waits for a pending autosave before removing the marker', async () => {
    const disk = memoryFs();
    const session = createSessionFiles(disk.fs, DATA);
    await session.takeRecovery();
    const real = disk.fs.writeFile.getMockImplementation();
    disk.fs.writeFile.mockImplementationOnce(async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      await real?.(...args);
    });
    const writing = session.writeAutosave(NEWER);
    await session.endSession();
    expect(disk.files.get(AUTOSAVE)).toEqual(NEWER);
    expect(disk.files.has(MARKER)).toBe(false);
    await writing;
  });
});

describe('on a real disk', () => {
  let dir: string;
  const realDisk = () => ({
    stat: realFs.stat,
    readFile: realFs.readFile,
    writeFile: realFs.writeFile,
    rename: realFs.rename,
    rm: realFs.rm,
    mkdir: realFs.mkdir,
  });

  beforeEach(async () => {
    dir = path.join(await realFs.mkdtemp(path.join(tmpdir(), 'metodkartan-session-')), 'userData');
  });
  afterEach(async () => {
    await realFs.rm(path.dirname(dir), { recursive: true, force: true });
  });

  it('creates the data folder, recovers after a crash and not after a clean quit', async () => {
    const crashed = createSessionFiles(realDisk(), dir);
    await expect(crashed.takeRecovery()).resolves.toEqual({ ok: true, value: null });
    await crashed.writeAutosave(STATE);
    expect((await realFs.readdir(dir)).sort()).toEqual([AUTOSAVE_FILE_NAME, SESSION_MARKER_FILE_NAME].sort());

    const next = createSessionFiles(realDisk(), dir);
    const recovered = await next.takeRecovery();
    expect(recovered.ok && recovered.value !== null ? [...recovered.value] : null).toEqual([...STATE]);
    await next.discardRecovery();
    await next.endSession();
    expect(await realFs.readdir(dir)).toEqual([]);

    await expect(createSessionFiles(realDisk(), dir).takeRecovery()).resolves.toEqual({ ok: true, value: null });
  });
});
