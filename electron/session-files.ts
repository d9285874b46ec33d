// Autosave and crash recovery, in the app's data folder:
//  - autosave.metodkartan holds the renderer's working state, replaced atomically on every autosave;
//  - session.lock exists while a session runs. The renderer's first takeRecovery creates it and a
//    clean quit removes it, so finding it at start means the previous session did not end cleanly:
//    only then is the autosave offered back.
import path from 'node:path';
import { MAX_FILE_BYTES, type Result } from './shared/ipc-contract';
import { writeFileAtomically } from './fs/files';
import type { DataFileSystem } from './recent-files';

export const AUTOSAVE_FILE_NAME = 'autosave.metodkartan';
export const SESSION_MARKER_FILE_NAME = 'session.lock';

export interface SessionFiles {
  /** Replaces the autosave. Writes run one after another, so the last one asked for is the one kept. */
  writeAutosave(bytes: Uint8Array): Promise<void>;
  /**
   * The autosave when the previous session did not end cleanly (and it exists), else null; marks
   * this session as running. Whether the previous session crashed is decided by the first call:
   * later calls (a reloaded page, React's development double effects) get the same answer, until
   * discardRecovery.
   */
  takeRecovery(): Promise<Result<Uint8Array | null>>;
  /** Deletes the autosave; takeRecovery answers null from then on. */
  discardRecovery(): Promise<void>;
  /**
   * Removes the session marker: call on a clean quit. A no-op when takeRecovery never ran in this
   * process, so the marker of a crashed session is kept for a renderer that never got to ask.
   */
  endSession(): Promise<void>;
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

const MARKER_TEXT = new TextEncoder().encode('Metodkartan is running. Left behind if it did not quit cleanly.\n');

export function createSessionFiles(fs: DataFileSystem, dataDir: string): SessionFiles {
  const autosavePath = path.join(dataDir, AUTOSAVE_FILE_NAME);
  const markerPath = path.join(dataDir, SESSION_MARKER_FILE_NAME);

  // Autosave writes, discards and the marker's removal run in order, one at a time: two overlapping
  // atomic writes could otherwise rename in the wrong order and keep the older state.
  let queue: Promise<unknown> = Promise.resolve();
  function serialised<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  }

  /** Whether the previous session crashed: decided once, when the marker is first taken. */
  let previousCrashed: Promise<boolean> | null = null;
  let discarded = false;
  let sessionStarted = false;

  async function markerExists(): Promise<boolean> {
    try {
      await fs.stat(markerPath);
      return true;
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') console.error('Checking the session marker failed:', error);
      return false;
    }
  }

  /** Without a marker the app still works; only the next start's crash detection is lost. */
  async function writeMarker(): Promise<void> {
    try {
      await fs.mkdir(dataDir, { recursive: true });
      await writeFileAtomically(fs, markerPath, MARKER_TEXT);
    } catch (error) {
      console.error('Writing the session marker failed:', error);
    }
  }

  async function readAutosave(): Promise<Result<Uint8Array | null>> {
    try {
      const info = await fs.stat(autosavePath);
      if (!info.isFile()) return { ok: true, value: null };
      if (info.size > MAX_FILE_BYTES) return { ok: false, error: 'file-too-large' };
      const bytes = await fs.readFile(autosavePath);
      if (bytes.byteLength > MAX_FILE_BYTES) return { ok: false, error: 'file-too-large' };
      return { ok: true, value: bytes.byteLength === 0 ? null : bytes };
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return { ok: true, value: null };
      throw error;
    }
  }

  return {
    writeAutosave: (bytes) =>
      serialised(async () => {
        await fs.mkdir(dataDir, { recursive: true });
        await writeFileAtomically(fs, autosavePath, bytes);
      }),

    takeRecovery: () =>
      serialised(async () => {
        previousCrashed ??= markerExists();
        const crashed = await previousCrashed;
        // Written on every call, so a page that asks again (a new window on macOS) is covered too.
        await writeMarker();
        sessionStarted = true;
        if (!crashed || discarded) return { ok: true, value: null };
        return readAutosave();
      }),

    discardRecovery: () =>
      serialised(async () => {
        discarded = true;
        await fs.rm(autosavePath, { force: true });
      }),

    endSession: () =>
      serialised(async () => {
        if (!sessionStarted) return;
        sessionStarted = false;
        await fs.rm(markerPath, { force: true });
      }),
  };
}
