// Saving and opening `.metodkartan` workspaces, autosave, and the offer to restore after a crash:
// the app's state goes in and comes back through `state` and `apply`; the file format lives in
// workspace-file.ts, the operating system (dialogs, the data folder, IndexedDB) behind the platform.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { UserMessage } from '../app/error-message';
import type { Source } from '../app/workspace-state';
import type { Preferences } from '../app/preferences';
import type { Engine } from '../db/engine';
import { createModel } from '../model/model';
import type { ChartEdits } from '../export/chart-edits';
import type { SuppressionSettings } from '../export/suppress';
import { loadParquetBrowser } from '../import/parquet-browser';
import { PlatformError, type Platform } from '../platform';
import type { Filters } from '../shaping/filters';
import type { ChangeViewChoice } from '../shaping/view-props';
import { loadWorkspace, readWorkspace, saveWorkspace, WORKSPACE_EXTENSION, WorkspaceError, type WorkspaceProblem } from './workspace-file';
import { closeAction } from './close-action';

/** Everything on screen a workspace keeps (the tables go beside it). */
export interface SavedState {
  tab: string;
  filters: Filters;
  edits: ChartEdits;
  suppression: SuppressionSettings;
  /** Units invited to the survey; absent in files saved before it was kept here. */
  invited?: number | null;
  /** Förändring's choices; absent in files saved before it was kept here. */
  changeView?: ChangeViewChoice;
  files: { sources: Source[]; selected: string | null; preferences: Preferences };
}

/** Autosave after this long without changes, and at least this often while changes keep coming. */
const AUTOSAVE_QUIET_MS = 15_000;
const AUTOSAVE_MAX_MS = 3 * 60_000;

const PROBLEM_KEYS = { corrupt: 'errorWorkspaceCorrupt', foreign: 'errorWorkspaceForeign', 'future-version': 'errorWorkspaceFuture' } as const satisfies Record<WorkspaceProblem, string>;

function problemMessage(file: string, error: unknown): UserMessage {
  const problem: WorkspaceProblem = error instanceof WorkspaceError ? error.problem : 'corrupt';
  return { key: PROBLEM_KEYS[problem], params: () => ({ file }) };
}

interface Deps {
  engine: () => Promise<Engine>;
  platform: Platform;
  state: SavedState;
  apply: (state: SavedState) => void;
  fail: (message: UserMessage) => void;
}

export function useWorkspaceFile({ engine, platform, state, apply, fail }: Deps) {
  const [name, setName] = useState<string | null>(null);
  const [recovery, setRecovery] = useState<Uint8Array | null>(null);
  const [status, setStatus] = useState<{ key: 'workspaceSaved' | 'workspaceOpened' | 'workspaceSaving' | 'workspaceOpening' | 'workspaceSavingBeforeClose'; file: string } | null>(null);
  // The state as of the last render, for saves started from events and timers.
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  }, [state]);
  // After a file failed to open, Spara must ask where: main already holds that file as the current
  // one, and writing the open work over it would lose it.
  const mustAsk = useRef(false);
  // No autosave before the crash offer is answered: it would replace the state it offers.
  const recoveryState = useRef<'unknown' | 'offered' | 'settled'>('unknown');

  const bytesOfState = useCallback(async () => {
    const current = latest.current;
    return saveWorkspace(
      await engine(),
      { sourceTables: current.files.sources.map((s) => s.table.table), state: current as unknown as Record<string, unknown>, appVersion: __APP_VERSION__, saved: new Date() },
      loadParquetBrowser,
    );
  }, [engine]);

  const save = useCallback(
    async (saveAs: boolean) => {
      const suggestedName = name ?? `arbetsyta${WORKSPACE_EXTENSION}`;
      setStatus({ key: 'workspaceSaving', file: suggestedName });
      try {
        const result = await platform.saveWorkspace(await bytesOfState(), { saveAs: saveAs || mustAsk.current, suggestedName });
        if (result.saved) mustAsk.current = false;
        if (result.saved && result.name) setName(result.name);
        setStatus(result.saved ? { key: 'workspaceSaved', file: result.name ?? suggestedName } : null);
      } catch (error) {
        console.error(error);
        setStatus(null);
        // Another program (OneDrive, an antivirus scan) held the file through every retry: said as such.
        const isBusy = error instanceof PlatformError && error.code === 'target-busy';
        fail({ key: isBusy ? 'errorTargetBusy' : 'errorWorkspaceSave', params: () => ({ file: suggestedName }) });
      }
    },
    [name, platform, bytesOfState, fail],
  );

  const openBytes = useCallback(
    async (file: string, bytes: Uint8Array): Promise<boolean> => {
      setStatus({ key: 'workspaceOpening', file });
      try {
        const read = await readWorkspace(bytes);
        const db = await engine();
        await createModel(db);
        const open = latest.current.files.sources.map((s) => s.table.table);
        const document = await loadWorkspace(db, read, open, loadParquetBrowser);
        apply(document.state as unknown as SavedState);
        mustAsk.current = false;
        setStatus({ key: 'workspaceOpened', file });
        return true;
      } catch (error) {
        console.error(error);
        mustAsk.current = true;
        setStatus(null);
        fail(problemMessage(file, error));
        return false;
      }
    },
    [engine, apply, fail],
  );

  const open = useCallback(async () => {
    const file = await platform.openWorkspace();
    if (file && (await openBytes(file.name, file.bytes))) setName(file.name);
  }, [platform, openBytes]);

  useEffect(
    () =>
      platform.onWorkspaceOpened((file) => {
        void openBytes(file.name, file.bytes).then((isOpen) => isOpen && setName(file.name));
      }),
    [platform, openBytes],
  );

  // A session that did not end cleanly left its working state: offer it once, at start.
  useEffect(() => {
    void platform.takeRecovery().then(
      (bytes) => {
        recoveryState.current = bytes ? 'offered' : 'settled';
        setRecovery(bytes);
      },
      (error: unknown) => {
        recoveryState.current = 'settled';
        console.error(error);
      },
    );
  }, [platform]);

  const restoreRecovery = useCallback(async () => {
    const bytes = recovery;
    setRecovery(null);
    recoveryState.current = 'settled';
    if (bytes) await openBytes('autosave', bytes);
  }, [recovery, openBytes]);

  const discardRecovery = useCallback(async () => {
    setRecovery(null);
    recoveryState.current = 'settled';
    await platform.discardRecovery();
  }, [platform]);

  // Autosave: a while after the last change, and at least every few minutes while changes go on.
  const dirtySince = useRef<number | null>(null);
  // Said once when autosave starts failing, not at every try; a success lets the next failure be said again.
  const autosaveFailing = useRef(false);
  // The state the last autosave wrote, and the autosave being written: a close waits for the one and
  // writes nothing when the state is the other (closeAction).
  const lastSaved = useRef<SavedState | null>(null);
  const writing = useRef<Promise<void> | null>(null);
  const autosave = useCallback(async () => {
    if (recoveryState.current !== 'settled') return;
    dirtySince.current = null;
    if (latest.current.files.sources.length === 0) return;
    const saving = latest.current;
    const write = (async () => {
      try {
        await platform.writeAutosave(await bytesOfState());
        lastSaved.current = saving;
        autosaveFailing.current = false;
      } catch (error) {
        console.error(error); // the next change tries again; the user's own saves are unaffected
        if (!autosaveFailing.current) fail({ key: 'errorAutosave', params: () => ({}) });
        autosaveFailing.current = true;
      }
    })();
    writing.current = write;
    await write;
    if (writing.current === write) writing.current = null;
  }, [platform, bytesOfState, fail]);

  useEffect(() => {
    const now = Date.now();
    dirtySince.current ??= now;
    const wait = Math.min(AUTOSAVE_QUIET_MS, Math.max(0, dirtySince.current + AUTOSAVE_MAX_MS - now));
    const timer = setTimeout(() => void autosave(), wait);
    return () => clearTimeout(timer);
  }, [state, autosave]);

  // Electron asks before the window closes. Nothing changed since the last autosave: it closes at once,
  // writing nothing. Otherwise the window is told to wait (however long a large workspace takes), the
  // window says so, an autosave in progress is waited for, the latest state written, and then it closes.
  useEffect(
    () =>
      platform.onMenuCommand((command) => {
        if (command !== 'app:closing') return;
        const action = closeAction({ hasFiles: latest.current.files.sources.length > 0, isSaved: lastSaved.current === latest.current, isWriting: writing.current !== null, recovery: recoveryState.current });
        if (action === 'close') {
          void platform.readyToClose();
          return;
        }
        void (async () => {
          await platform.savingBeforeClose().catch(() => undefined);
          setStatus({ key: 'workspaceSavingBeforeClose', file: '' });
          await writing.current;
          if (lastSaved.current !== latest.current) await autosave();
        })().finally(() => void platform.readyToClose());
      }),
    [platform, autosave],
  );

  return { name, status, save, open, recovery, restoreRecovery, discardRecovery };
}
