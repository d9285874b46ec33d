import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecentFiles, MAX_RECENT_FILES, parseRecentList, RECENT_FILES_NAME } from '../../../electron/recent-files';
import { fsError, memoryFs } from './fakes';

const DATA = '/home/anna/.config/Metodkartan';
const LIST = `${DATA}/${RECENT_FILES_NAME}`;
const WORKSPACE = '/home/anna/Dokument/kartläggning.metodkartan';
const ZIP = new Uint8Array([0x50, 0x4b, 3, 4]);

/** `count` workspace files that exist, named a0…a(count-1). */
function workspaces(count: number): Record<string, Uint8Array> {
  return Object.fromEntries(Array.from({ length: count }, (_, index) => [`/d/a${index}.metodkartan`, ZIP]));
}

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('parseRecentList', () => {
  it('keeps absolute paths in order', () => {
    expect(parseRecentList('["/a/x.metodkartan", "/b/y.metodkartan"]')).toEqual(['/a/x.metodkartan', '/b/y.metodkartan']);
  });

  it.each([
    ['an empty file', ''],
    ['broken JSON', '["/a/x.metodkartan"'],
    ['a JSON object', '{"files":["/a/x.metodkartan"]}'],
    ['a JSON string', '"/a/x.metodkartan"'],
    ['null', 'null'],
    ['a number', '42'],
    ['binary garbage', '\u0000\u0001PK\u0003\u0004'],
    ['a prototype-polluting object', '{"__proto__":{"length":1,"0":"/etc/passwd"}}'],
  ])('treats %s as an empty list', (_label, text) => {
    expect(parseRecentList(text)).toEqual([]);
  });

  it('drops entries that are not absolute paths, duplicates, and everything past ten', () => {
    const entries = [
      '/a/one.metodkartan',
      'relative/two.metodkartan',
      '../../etc/passwd',
      '',
      42,
      null,
      { path: '/a/x' },
      ['/a/x'],
      '/a/one.metodkartan',
      '/a/nul\u0000.metodkartan',
      `/${'a'.repeat(5000)}`,
      ...Array.from({ length: 12 }, (_, index) => `/b/${index}.metodkartan`),
    ];
    const list = parseRecentList(JSON.stringify(entries));
    expect(list).toHaveLength(MAX_RECENT_FILES);
    expect(list[0]).toBe('/a/one.metodkartan');
    expect(list.slice(1)).toEqual(Array.from({ length: 9 }, (_, index) => `/b/${index}.metodkartan`));
  });
});

describe('createRecentFiles', () => {
  it('is empty when no list has been written, and writes nothing', async () => {
    const { fs } = memoryFs();
    await expect(createRecentFiles(fs, DATA).list()).resolves.toEqual([]);
    expect(fs.writeFile).not.toHaveBeenCalled();
    expect(console.error).not.toHaveBeenCalled();
  });

  it('adds to the front, without duplicates, and writes the list as JSON in the data folder', async () => {
    const disk = memoryFs({ ...workspaces(3) });
    const recent = createRecentFiles(disk.fs, DATA);
    await recent.add('/d/a0.metodkartan');
    await recent.add('/d/a1.metodkartan');
    await expect(recent.add('/d/a0.metodkartan')).resolves.toEqual(['/d/a0.metodkartan', '/d/a1.metodkartan']);
    expect(JSON.parse(disk.text(LIST) ?? '')).toEqual(['/d/a0.metodkartan', '/d/a1.metodkartan']);
    expect(disk.fs.mkdir).toHaveBeenCalledWith(DATA, { recursive: true });
    await expect(recent.list()).resolves.toEqual(['/d/a0.metodkartan', '/d/a1.metodkartan']);
  });

  it('writes through a temp file and a rename, leaving no temp file', async () => {
    const disk = memoryFs();
    await createRecentFiles(disk.fs, DATA).add(WORKSPACE);
    expect(disk.fs.writeFile.mock.calls[0]?.[0]).toMatch(/recent-workspaces\.json\.tmp-[0-9a-f]{12}$/);
    expect(disk.fs.rename).toHaveBeenCalledWith(expect.stringContaining('.tmp-'), LIST);
    expect([...disk.files.keys()]).toEqual([LIST]);
  });

  it('keeps at most ten, dropping the oldest', async () => {
    const disk = memoryFs(workspaces(12));
    const recent = createRecentFiles(disk.fs, DATA);
    for (let index = 0; index < 12; index += 1) await recent.add(`/d/a${index}.metodkartan`);
    const list = await recent.list();
    expect(list).toHaveLength(10);
    expect(list[0]).toBe('/d/a11.metodkartan');
    expect(list.at(-1)).toBe('/d/a2.metodkartan');
  });

  it('prunes files that no longer exist when read, and writes the pruned list back', async () => {
    const disk = memoryFs({ [LIST]: JSON.stringify(['/d/a0.metodkartan', '/d/gone.metodkartan', '/d/a1.metodkartan']), ...workspaces(2) });
    await expect(createRecentFiles(disk.fs, DATA).list()).resolves.toEqual(['/d/a0.metodkartan', '/d/a1.metodkartan']);
    expect(JSON.parse(disk.text(LIST) ?? '')).toEqual(['/d/a0.metodkartan', '/d/a1.metodkartan']);
  });

  it('prunes an entry that is now a folder', async () => {
    const disk = memoryFs({ [LIST]: JSON.stringify(['/d/folder']) });
    disk.directories.add('/d/folder');
    await expect(createRecentFiles(disk.fs, DATA).list()).resolves.toEqual([]);
  });

  it('keeps a file it cannot reach for now (a share offline, no permission)', async () => {
    const disk = memoryFs({ [LIST]: JSON.stringify(['//server/share/a.metodkartan', '/d/a0.metodkartan']), ...workspaces(1) });
    disk.fs.stat.mockImplementation(async (filePath: string) => {
      if (filePath.startsWith('//server')) throw fsError('EACCES');
      return { size: 4, isFile: () => true };
    });
    await expect(createRecentFiles(disk.fs, DATA).list()).resolves.toEqual(['//server/share/a.metodkartan', '/d/a0.metodkartan']);
    expect(disk.fs.writeFile).not.toHaveBeenCalled();
  });

  it('does not rewrite an unchanged list on read', async () => {
    const disk = memoryFs({ [LIST]: JSON.stringify(['/d/a0.metodkartan']), ...workspaces(1) });
    await createRecentFiles(disk.fs, DATA).list();
    expect(disk.fs.writeFile).not.toHaveBeenCalled();
  });

  it.each([
    ['broken JSON', '[/d/a0.metodkartan'],
    ['another program’s settings', '{"theme":"dark","recent":["/d/a0.metodkartan"]}'],
    ['a BOM and garbage', '\ufeff\u0000\u00ff'],
  ])('treats %s as an empty list, never a crash, and replaces it on the next add', async (_label, content) => {
    const disk = memoryFs({ [LIST]: content, ...workspaces(1) });
    const recent = createRecentFiles(disk.fs, DATA);
    await expect(recent.list()).resolves.toEqual([]);
    await expect(recent.add('/d/a0.metodkartan')).resolves.toEqual(['/d/a0.metodkartan']);
    expect(JSON.parse(disk.text(LIST) ?? '')).toEqual(['/d/a0.metodkartan']);
  });

  it('does not read a list file larger than any list it writes', async () => {
    const disk = memoryFs({ [LIST]: `[${'"/d/a0.metodkartan",'.repeat(5000)}"/x"]`, ...workspaces(1) });
    await expect(createRecentFiles(disk.fs, DATA).list()).resolves.toEqual([]);
    expect(disk.fs.readFile).not.toHaveBeenCalled();
  });

  it('treats an unreadable list as empty and logs it', async () => {
    const disk = memoryFs({ [LIST]: '[]' });
    disk.fs.readFile.mockRejectedValueOnce(fsError('EACCES'));
    await expect(createRecentFiles(disk.fs, DATA).list()).resolves.toEqual([]);
    expect(console.error).toHaveBeenCalled();
  });

  it('returns the new list when the data folder cannot be written, logging the failure', async () => {
    const disk = memoryFs();
    disk.fs.writeFile.mockRejectedValue(fsError('EROFS'));
    await expect(createRecentFiles(disk.fs, DATA).add(WORKSPACE)).resolves.toEqual([WORKSPACE]);
    expect(console.error).toHaveBeenCalled();
    expect(disk.files.size).toBe(0);
  });

  it('removes one entry', async () => {
    const disk = memoryFs(workspaces(2));
    const recent = createRecentFiles(disk.fs, DATA);
    await recent.add('/d/a0.metodkartan');
    await recent.add('/d/a1.metodkartan');
    await expect(recent.remove('/d/a0.metodkartan')).resolves.toEqual(['/d/a1.metodkartan']);
    await expect(recent.list()).resolves.toEqual(['/d/a1.metodkartan']);
  });

  it('runs concurrent changes one after another, losing none', async () => {
    const disk = memoryFs(workspaces(5));
    const recent = createRecentFiles(disk.fs, DATA);
    await Promise.all([0, 1, 2, 3, 4].map((index) => recent.add(`/d/a${index}.metodkartan`)));
    await expect(recent.list()).resolves.toEqual([4, 3, 2, 1, 0].map((index) => `/d/a${index}.metodkartan`));
  });
});
