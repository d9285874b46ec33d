import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenDialogReturnValue, SaveDialogReturnValue } from 'electron';
import { IPC, MAX_FILE_BYTES, type Lang } from '../../../electron/shared/ipc-contract';
import { translate } from '../../../electron/strings';
import type { DialogLike } from '../../../electron/dialogs';
import { createRecentFiles, RECENT_FILES_NAME } from '../../../electron/recent-files';
import {
  createWorkspaceFiles,
  openWorkspaceDialogOptions,
  saveWorkspaceDialogOptions,
  withWorkspaceExtension,
  WORKSPACE_FILTER_NAME,
} from '../../../electron/workspace-files';
import { fsError, memoryFs } from './fakes';

const WINDOW = { id: 'main-window' };
type Window = typeof WINDOW;
const DATA = '/home/anna/.config/Metodkartan';
const DOCS = '/home/anna/Dokument';
const STATE = new Uint8Array([0x50, 0x4b, 3, 4, 7]);
const OLD = new Uint8Array([0x50, 0x4b, 3, 4, 1]);
const request = { bytes: STATE, saveAs: false, suggestedName: 'Kartläggning 2024.metodkartan' };

function fakeDialog(options: { save?: SaveDialogReturnValue[]; open?: OpenDialogReturnValue[] } = {}) {
  const saves = [...(options.save ?? [])];
  const opens = [...(options.open ?? [])];
  return {
    showSaveDialog: vi.fn<DialogLike<Window>['showSaveDialog']>(async () => saves.shift() ?? { canceled: true, filePath: '' }),
    showOpenDialog: vi.fn<DialogLike<Window>['showOpenDialog']>(async () => opens.shift() ?? { canceled: true, filePaths: [] }),
    showMessageBox: vi.fn<DialogLike<Window>['showMessageBox']>(async () => ({ response: 0 })),
  };
}

function setup(options: { files?: Record<string, Uint8Array | string>; dialog?: ReturnType<typeof fakeDialog>; window?: Window | null; lang?: Lang } = {}) {
  const disk = memoryFs(options.files);
  const dialog = options.dialog ?? fakeDialog();
  const recent = createRecentFiles(disk.fs, DATA);
  const onRecentChanged = vi.fn<(paths: string[]) => void>();
  const workspace = createWorkspaceFiles<Window>({
    dialog,
    fs: disk.fs,
    getWindow: () => (options.window === undefined ? WINDOW : options.window),
    getLanguage: () => options.lang ?? 'sv',
    recent,
    onRecentChanged,
  });
  return { disk, dialog, recent, onRecentChanged, workspace };
}

const saved = (filePath: string): SaveDialogReturnValue => ({ canceled: false, filePath });
const chosen = (...filePaths: string[]): OpenDialogReturnValue => ({ canceled: false, filePaths });

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('dialog options', () => {
  it('filters on .metodkartan files', () => {
    expect(WORKSPACE_FILTER_NAME).toBe('Metodkartan-arbetsyta');
    expect(openWorkspaceDialogOptions(null)).toEqual({
      properties: ['openFile'],
      filters: [{ name: 'Metodkartan-arbetsyta', extensions: ['metodkartan'] }],
    });
    expect(saveWorkspaceDialogOptions('a.metodkartan', null)).toEqual({
      defaultPath: 'a.metodkartan',
      filters: [{ name: 'Metodkartan-arbetsyta', extensions: ['metodkartan'] }],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
  });

  it('starts in the folder of the current workspace', () => {
    expect(saveWorkspaceDialogOptions('b.metodkartan', `${DOCS}/a.metodkartan`).defaultPath).toBe(`${DOCS}/b.metodkartan`);
    expect(openWorkspaceDialogOptions(`${DOCS}/a.metodkartan`).defaultPath).toBe(DOCS);
  });

  it.each([
    ['/d/a.metodkartan', '/d/a.metodkartan'],
    ['/d/A.METODKARTAN', '/d/A.METODKARTAN'],
    ['/d/a', '/d/a.metodkartan'],
    ['/d/a.zip', '/d/a.zip.metodkartan'],
    ['/d/a.metodkartan.bak', '/d/a.metodkartan.bak.metodkartan'],
  ])('withWorkspaceExtension(%s) is %s', (input, expected) => {
    expect(withWorkspaceExtension(input)).toBe(expected);
  });
});

describe('save', () => {
  it('asks where the first time; a cancelled dialog writes nothing', async () => {
    const { disk, dialog, workspace } = setup();
    await expect(workspace.save(request)).resolves.toEqual({ ok: true, value: { saved: false, name: null } });
    expect(dialog.showSaveDialog).toHaveBeenCalledExactlyOnceWith(WINDOW, saveWorkspaceDialogOptions(request.suggestedName, null));
    expect(disk.fs.writeFile).not.toHaveBeenCalled();
  });

  it('writes the chosen file atomically and returns its base name, never the path', async () => {
    const target = `${DOCS}/Kartläggning 2024.metodkartan`;
    const { disk, workspace, onRecentChanged } = setup({ dialog: fakeDialog({ save: [saved(target)] }) });
    const result = await workspace.save(request);
    expect(result).toEqual({ ok: true, value: { saved: true, name: 'Kartläggning 2024.metodkartan' } });
    expect(JSON.stringify(result)).not.toContain(DOCS);
    expect(disk.files.get(target)).toEqual(STATE);
    expect(disk.fs.writeFile.mock.calls[0]?.[0]).toMatch(/\.metodkartan\.tmp-[0-9a-f]{12}$/);
    expect(disk.fs.rename).toHaveBeenCalledWith(expect.stringContaining('.tmp-'), target);
    expect(onRecentChanged).toHaveBeenLastCalledWith([target]);
    expect(JSON.parse(disk.text(`${DATA}/${RECENT_FILES_NAME}`) ?? '')).toEqual([target]);
  });

  it('adds the extension to a name typed without it (Linux)', async () => {
    const { disk, workspace } = setup({ dialog: fakeDialog({ save: [saved(`${DOCS}/kartläggning`)] }) });
    await expect(workspace.save(request)).resolves.toEqual({ ok: true, value: { saved: true, name: 'kartläggning.metodkartan' } });
    expect(disk.files.has(`${DOCS}/kartläggning.metodkartan`)).toBe(true);
    expect(disk.files.has(`${DOCS}/kartläggning`)).toBe(false);
  });

  it('Spara then writes over the same file without asking', async () => {
    const target = `${DOCS}/a.metodkartan`;
    const { disk, dialog, workspace } = setup({ dialog: fakeDialog({ save: [saved(target)] }) });
    await workspace.save(request);
    const newer = new Uint8Array([0x50, 0x4b, 3, 4, 8]);
    await expect(workspace.save({ ...request, bytes: newer, suggestedName: 'ignored.metodkartan' })).resolves.toEqual({
      ok: true,
      value: { saved: true, name: 'a.metodkartan' },
    });
    expect(dialog.showSaveDialog).toHaveBeenCalledOnce();
    expect(disk.files.get(target)).toEqual(newer);
  });

  it('Spara som always asks, starting in the current folder, and the new file becomes current', async () => {
    const first = `${DOCS}/a.metodkartan`;
    const second = `${DOCS}/b.metodkartan`;
    const { disk, dialog, workspace, onRecentChanged } = setup({ dialog: fakeDialog({ save: [saved(first), saved(second)] }) });
    await workspace.save(request);
    await workspace.save({ ...request, saveAs: true, suggestedName: 'b.metodkartan' });
    expect(dialog.showSaveDialog).toHaveBeenLastCalledWith(WINDOW, saveWorkspaceDialogOptions('b.metodkartan', first));
    await workspace.save({ ...request, bytes: OLD });
    expect(dialog.showSaveDialog).toHaveBeenCalledTimes(2);
    expect(disk.files.get(second)).toEqual(OLD);
    expect(disk.files.get(first)).toEqual(STATE);
    expect(onRecentChanged).toHaveBeenLastCalledWith([second, first]);
  });

  it('Spara som cancelled keeps the current file', async () => {
    const target = `${DOCS}/a.metodkartan`;
    const { disk, workspace } = setup({ dialog: fakeDialog({ save: [saved(target)] }) });
    await workspace.save(request);
    await expect(workspace.save({ ...request, saveAs: true })).resolves.toEqual({ ok: true, value: { saved: false, name: null } });
    await workspace.save({ ...request, bytes: OLD });
    expect(disk.files.get(target)).toEqual(OLD);
  });

  it('a failed write rejects, leaves the old file whole, and does not make the target current', async () => {
    const target = `${DOCS}/a.metodkartan`;
    const { disk, dialog, workspace, onRecentChanged } = setup({
      files: { [target]: OLD },
      dialog: fakeDialog({ save: [saved(target), saved(target)] }),
    });
    disk.fs.rename.mockRejectedValueOnce(fsError('EIO'));
    await expect(workspace.save(request)).rejects.toMatchObject({ code: 'EIO' });
    expect(disk.files.get(target)).toEqual(OLD);
    expect([...disk.files.keys()]).toEqual([target]);
    expect(onRecentChanged).not.toHaveBeenCalled();
    // Spara asks again: nothing was saved, so there is no current file.
    await workspace.save(request);
    expect(dialog.showSaveDialog).toHaveBeenCalledTimes(2);
  });

  it('a recent list that cannot be written does not fail the save', async () => {
    const target = `${DOCS}/a.metodkartan`;
    const { disk, workspace } = setup({ dialog: fakeDialog({ save: [saved(target)] }) });
    disk.fs.mkdir.mockRejectedValue(fsError('EROFS'));
    await expect(workspace.save(request)).resolves.toEqual({ ok: true, value: { saved: true, name: 'a.metodkartan' } });
    expect(console.error).toHaveBeenCalled();
  });

  it('reports write-failed without a window, showing no dialog', async () => {
    const { dialog, workspace } = setup({ window: null });
    await expect(workspace.save(request)).resolves.toEqual({ ok: false, error: 'write-failed' });
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('shows one dialog at a time: a second request waits for the first', async () => {
    let answer: (value: SaveDialogReturnValue) => void = () => undefined;
    const dialog = fakeDialog();
    dialog.showSaveDialog.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const { disk, workspace } = setup({ dialog });
    const first = workspace.save(request);
    const second = workspace.save({ ...request, bytes: OLD });
    await vi.waitFor(() => expect(dialog.showSaveDialog).toHaveBeenCalledOnce());
    answer(saved(`${DOCS}/a.metodkartan`));
    await first;
    await second;
    // The second Spara found the file the first one chose.
    expect(dialog.showSaveDialog).toHaveBeenCalledOnce();
    expect(disk.files.get(`${DOCS}/a.metodkartan`)).toEqual(OLD);
  });

  it('forget(): after the window closed, Spara asks again', async () => {
    const { dialog, workspace } = setup({ dialog: fakeDialog({ save: [saved(`${DOCS}/a.metodkartan`)] }) });
    await workspace.save(request);
    workspace.forget();
    await workspace.save(request);
    expect(dialog.showSaveDialog).toHaveBeenCalledTimes(2);
  });
});

describe('open', () => {
  it('resolves to null when cancelled, reading nothing', async () => {
    const { disk, dialog, workspace } = setup();
    await expect(workspace.open()).resolves.toEqual({ ok: true, value: null });
    expect(dialog.showOpenDialog).toHaveBeenCalledExactlyOnceWith(WINDOW, openWorkspaceDialogOptions(null));
    expect(disk.fs.readFile).not.toHaveBeenCalled();
  });

  it('reads the chosen file, returns its base name, and makes it current and recent', async () => {
    const target = `${DOCS}/a.metodkartan`;
    const { disk, dialog, workspace, onRecentChanged } = setup({ files: { [target]: OLD }, dialog: fakeDialog({ open: [chosen(target)] }) });
    const result = await workspace.open();
    expect(result).toEqual({ ok: true, value: { name: 'a.metodkartan', bytes: OLD } });
    expect(JSON.stringify(result)).not.toContain(DOCS);
    expect(onRecentChanged).toHaveBeenLastCalledWith([target]);
    await workspace.save(request);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(disk.files.get(target)).toEqual(STATE);
  });

  it('refuses a file over the limit before reading it, keeping the current file', async () => {
    const { disk, workspace } = setup({ files: { '/d/huge.metodkartan': OLD }, dialog: fakeDialog({ open: [chosen('/d/huge.metodkartan')] }) });
    disk.fs.stat.mockResolvedValueOnce({ size: MAX_FILE_BYTES + 1, isFile: () => true });
    await expect(workspace.open()).resolves.toEqual({ ok: false, error: 'file-too-large', detail: 'huge.metodkartan' });
    expect(disk.fs.readFile).not.toHaveBeenCalled();
  });

  it('reports a folder or a vanished file as read-failed with its name only', async () => {
    const { disk, workspace, onRecentChanged } = setup({ dialog: fakeDialog({ open: [chosen('/d/folder.metodkartan'), chosen('/d/gone.metodkartan')] }) });
    disk.directories.add('/d/folder.metodkartan');
    await expect(workspace.open()).resolves.toEqual({ ok: false, error: 'read-failed', detail: 'folder.metodkartan' });
    await expect(workspace.open()).resolves.toEqual({ ok: false, error: 'read-failed', detail: 'gone.metodkartan' });
    expect(onRecentChanged).not.toHaveBeenCalled();
  });

  it('shows no dialog without a window', async () => {
    const { dialog, workspace } = setup({ window: null });
    await expect(workspace.open()).resolves.toEqual({ ok: true, value: null });
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });
});

describe('openRecent', () => {
  it('sends the file to the renderer and puts it first in the list', async () => {
    const a = `${DOCS}/a.metodkartan`;
    const b = `${DOCS}/b.metodkartan`;
    const { recent, workspace, onRecentChanged } = setup({ files: { [a]: OLD, [b]: STATE } });
    await recent.add(a);
    await recent.add(b);
    const send = vi.fn();
    await workspace.openRecent(a, { send });
    expect(send).toHaveBeenCalledExactlyOnceWith(IPC.workspaceOpened, { name: 'a.metodkartan', bytes: OLD });
    expect(onRecentChanged).toHaveBeenLastCalledWith([a, b]);
  });

  it('makes the opened file current', async () => {
    const a = `${DOCS}/a.metodkartan`;
    const { disk, dialog, workspace } = setup({ files: { [a]: OLD } });
    await workspace.openRecent(a, { send: vi.fn() });
    await workspace.save(request);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(disk.files.get(a)).toEqual(STATE);
  });

  it.each(['sv', 'en'] as const)('explains a file that no longer exists (%s), prunes it and sends nothing', async (lang) => {
    const a = `${DOCS}/a.metodkartan`;
    const gone = `${DOCS}/borta.metodkartan`;
    const { disk, dialog, recent, workspace, onRecentChanged } = setup({ files: { [a]: OLD, [gone]: STATE }, lang });
    await recent.add(a);
    await recent.add(gone);
    disk.files.delete(gone);
    const send = vi.fn();
    await workspace.openRecent(gone, { send });
    expect(send).not.toHaveBeenCalled();
    expect(onRecentChanged).toHaveBeenLastCalledWith([a]);
    expect(dialog.showMessageBox).toHaveBeenCalledExactlyOnceWith(WINDOW, {
      type: 'error',
      message: translate(lang, 'errorTitle'),
      detail: translate(lang, 'errorRecentMissing', { file: 'borta.metodkartan' }),
    });
    await expect(recent.list()).resolves.toEqual([a]);
  });

  it('explains a file over the limit without reading it, keeping it in the list', async () => {
    const a = `${DOCS}/a.metodkartan`;
    const { disk, dialog, recent, workspace } = setup({ files: { [a]: OLD } });
    await recent.add(a);
    disk.fs.stat.mockResolvedValue({ size: 600 * 1024 * 1024, isFile: () => true });
    const send = vi.fn();
    await workspace.openRecent(a, { send });
    expect(send).not.toHaveBeenCalled();
    expect(disk.fs.readFile).not.toHaveBeenCalledWith(a);
    expect(dialog.showMessageBox).toHaveBeenCalledWith(WINDOW, {
      type: 'error',
      message: translate('sv', 'errorTitle'),
      detail: translate('sv', 'errorTooLarge', { file: 'a.metodkartan', size: '600 MB', max: '512 MB' }),
    });
  });

  it('explains a file it cannot read, keeping it in the list', async () => {
    const a = `${DOCS}/a.metodkartan`;
    const { disk, dialog, recent, workspace } = setup({ files: { [a]: OLD } });
    await recent.add(a);
    disk.fs.readFile.mockImplementation(async (filePath: string) => {
      if (filePath === a) throw fsError('EACCES');
      return new TextEncoder().encode(JSON.stringify([a]));
    });
    await workspace.openRecent(a, { send: vi.fn() });
    expect(dialog.showMessageBox).toHaveBeenCalledWith(WINDOW, expect.objectContaining({ detail: translate('sv', 'errorRead', { file: 'a.metodkartan' }) }));
  });
});
