// Arkiv → Senaste arbetsytor: the workspace files last saved or opened, most recent first, kept as a
// JSON list of absolute paths in the app's data folder. The list never reaches the renderer. Whatever
// the file holds is checked entry by entry: a corrupt, foreign or hand-edited file gives a shorter
// list (at worst an empty one), never a crash.
import path from 'node:path';
import { writeFileAtomically, type FileSystem } from './fs/files';

export const RECENT_FILES_NAME = 'recent-workspaces.json';
export const MAX_RECENT_FILES = 10;
/** Longer than any path a file system accepts: such an entry was not written by this module. */
const MAX_PATH_LENGTH = 4096;
/** The list is ten paths; a larger file is not ours and is not read into memory. */
const MAX_LIST_FILE_BYTES = 64 * 1024;

/** The file system the app's data folder is used through; node:fs/promises satisfies it. */
export interface DataFileSystem extends FileSystem {
  mkdir(dirPath: string, options: { recursive: true }): Promise<unknown>;
}

export interface RecentFiles {
  /** The list, pruned of files that no longer exist (the pruned list is written back). */
  list(): Promise<string[]>;
  /** Puts `filePath` first (once), keeping at most MAX_RECENT_FILES; returns the new list. */
  add(filePath: string): Promise<string[]>;
  /** Drops `filePath`; returns the new list. */
  remove(filePath: string): Promise<string[]>;
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

/** The valid entries of whatever the list file held: absolute paths, deduplicated, at most ten. */
export function parseRecentList(text: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const paths: string[] = [];
  for (const entry of value as unknown[]) {
    if (typeof entry !== 'string' || entry.length === 0 || entry.length > MAX_PATH_LENGTH) continue;
    if (entry.includes('\u0000') || !path.isAbsolute(entry) || paths.includes(entry)) continue;
    paths.push(entry);
    if (paths.length === MAX_RECENT_FILES) break;
  }
  return paths;
}

export function createRecentFiles(fs: DataFileSystem, dataDir: string): RecentFiles {
  const listPath = path.join(dataDir, RECENT_FILES_NAME);

  async function read(): Promise<string[]> {
    try {
      const info = await fs.stat(listPath);
      if (!info.isFile() || info.size > MAX_LIST_FILE_BYTES) return [];
      return parseRecentList(new TextDecoder().decode(await fs.readFile(listPath)));
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') console.error('Reading the recent workspaces failed:', error);
      return [];
    }
  }

  async function write(paths: readonly string[]): Promise<void> {
    await fs.mkdir(dataDir, { recursive: true });
    await writeFileAtomically(fs, listPath, new TextEncoder().encode(`${JSON.stringify(paths, null, 2)}\n`));
  }

  /**
   * Whether the file is gone. Only a definite "not there" (or something that is not a file) counts:
   * a file on a share that is briefly unreachable (EACCES, EIO, ETIMEDOUT) stays in the list.
   */
  async function isGone(filePath: string): Promise<boolean> {
    try {
      return !(await fs.stat(filePath)).isFile();
    } catch (error) {
      const code = errorCode(error);
      return code === 'ENOENT' || code === 'ENOTDIR';
    }
  }

  // One change at a time: each read-modify-write starts after the previous one has written.
  let queue: Promise<unknown> = Promise.resolve();
  function serialised(task: () => Promise<string[]>): Promise<string[]> {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  }

  /** Writes `next` when it differs from `previous`; a failed write keeps the list in use, logged. */
  async function update(previous: readonly string[], next: string[]): Promise<string[]> {
    if (next.length !== previous.length || next.some((entry, index) => entry !== previous[index])) {
      await write(next).catch((error: unknown) => console.error('Writing the recent workspaces failed:', error));
    }
    return next;
  }

  return {
    list: () =>
      serialised(async () => {
        const stored = await read();
        const gone = await Promise.all(stored.map(isGone));
        return update(stored, stored.filter((_entry, index) => !gone[index]));
      }),
    add: (filePath) =>
      serialised(async () => {
        const stored = await read();
        return update(stored, [filePath, ...stored.filter((entry) => entry !== filePath)].slice(0, MAX_RECENT_FILES));
      }),
    remove: (filePath) =>
      serialised(async () => {
        const stored = await read();
        return update(stored, stored.filter((entry) => entry !== filePath));
      }),
  };
}
