// The analyst's working set: the files confirmed into the model, the file being mapped before import,
// and what went wrong. Files are handled one at a time, in the order given; a failure never touches
// what is already loaded.
import { useCallback, useRef, useState } from 'react';
import { MAX_FILE_BYTES } from '../../../electron/shared/ipc-contract';
import type { Engine } from '../db/engine';
import { accountFile } from '../model/accounting';
import { importAnswers } from '../model/load-source';
import { addLocalMethod, addSource, createModel, forgetNames, refreshMappings, removeSource, setWave } from '../model/model';
import { readWave } from '../model/waves-read';
import type { WaveReading } from '../domain/waves';
import { previewNames } from '../model/name-preview';
import { shapeFromRoles, type ColumnRole, type ShapeGuess } from '../domain/shape-detect';
import { readStatistics, type StatisticsChoice } from '../model/statistics-read';
import type { UnitRef } from '../domain/units';
import { ImportCancelled, removeTable, type ImportOptions, type ImportedTable, type SourceFile } from '../import/import-file';
import { parseInWorker } from '../import/parse-in-worker';
import { transcodeInWorker } from '../import/transcode-in-worker';
import { sha256Hex } from '../export/sha256';
import { errorMessage, tooLargeMessage, type UserMessage } from './error-message';
import { sampleFiles } from './sample-data';
import {
  findTemplate,
  headerSignature,
  loadPreferences,
  localMethodId,
  localMethods,
  rememberedUnits,
  savePreferences,
  withMethodChoice,
  withTemplate,
  withUnitChoice,
  type Preferences,
} from './preferences';
import {
  confirmsItself,
  initialWorkspace,
  workspaceReducer,
  type MethodPick,
  type PendingImport,
  type QueuedFile,
  type Source,
  type WorkspaceAction,
  type WorkspaceSnapshot,
  type WorkspaceState,
} from './workspace-state';

/**
 * The working set as React state, and the reading and SQL behind each change. Every change goes through
 * `workspaceReducer` (workspace-state.ts); the latest state is kept in a ref as well, so a step that
 * awaits the database reads what is current when it resumes, not what it saw when it started.
 */
export function useWorkspace(engine: () => Promise<Engine>) {
  const store = useRef<WorkspaceState | null>(null);
  store.current ??= initialWorkspace(loadPreferences());
  const [state, setState] = useState(store.current);
  // Stops the file being read (the progress bar's button); null when none is.
  const reading = useRef<AbortController | null>(null);
  // True while the bundled samples are fetched (Öppna exempeldata), before they join the queue.
  const fetchingSamples = useRef(false);

  const dispatch = useCallback((action: WorkspaceAction) => {
    store.current = workspaceReducer(store.current!, action);
    setState(store.current);
  }, []);
  const current = () => store.current!;

  const fail = useCallback((message: UserMessage) => dispatch({ type: 'failed', message }), [dispatch]);

  const remember = useCallback(
    (preferences: Preferences) => {
      dispatch({ type: 'preferencesChanged', preferences });
      savePreferences(preferences);
    },
    [dispatch],
  );

  /** Loads the raw table and proposes roles and names; nothing reaches the model yet. */
  const stage = useCallback(
    async (file: SourceFile, options: ImportOptions, roles?: Record<string, ColumnRole>): Promise<Omit<PendingImport, 'stamp' | 'sample'>> => {
      const db = await engine();
      await createModel(db);
      // The file is parsed in a worker: the window stays responsive and shows how far it has come.
      // Whole percents only, so a re-render happens at most a hundred times.
      let percent = -1;
      const onProgress = (fraction: number) => {
        if (Math.floor(fraction * 100) !== percent) dispatch({ type: 'progressed', percent: (percent = Math.floor(fraction * 100)) });
      };
      let table: ImportedTable;
      let detected: ShapeGuess;
      const controller = new AbortController();
      reading.current = controller;
      try {
        ({ table, guess: detected } = await importAnswers(db, file, current().taken, options, { parse: parseInWorker, transcode: transcodeInWorker, onProgress, signal: controller.signal }));
      } finally {
        if (reading.current === controller) reading.current = null;
        dispatch({ type: 'progressed', percent: null });
      }
      // Stopped as the last step finished: the table is dropped all the same.
      if (controller.signal.aborted) {
        await removeTable(db, table.table);
        throw new ImportCancelled();
      }
      const prefs = current().preferences;
      const template = roles ? null : findTemplate(prefs, table.columns.map((c) => c.name));
      let guess = detected;
      if (roles) guess = { shape: shapeFromRoles(roles), roles };
      else if (template) guess = { shape: shapeFromRoles(template.roles), roles: template.roles };
      // Four reads of the same table, asked for together: DuckDB answers them in turn, without a
      // round trip to its worker between them.
      const [names, account, statistics, read] = await Promise.all([
        previewNames(db, table.table, guess, rememberedUnits(prefs), localMethods(prefs)),
        accountFile(db, table.table, table.columns.map((c) => c.name), guess, localMethods(prefs)),
        readStatistics(db, table, guess),
        readWave(db, table, guess.shape),
      ]);
      // A wave the user gave this very file before comes back with its template.
      const wave: WaveReading = template?.wave !== undefined && template.madeFrom === file.name ? { wave: template.wave, from: { kind: 'chosen' } } : read;
      return { file, table, options, guess, names, account, namesFor: guess, statistics, statisticsChoice: {}, wave, template, unitPicks: {}, methodPicks: {} };
    },
    [engine, dispatch],
  );

  /** Imports the file being mapped into the model with its roles and the user's picks (Importera). */
  const importPending = useCallback(async () => {
    const pending = current().pending;
    if (!pending) return;
    const { table, guess, unitPicks, methodPicks, options, file, statisticsChoice } = pending;
    dispatch({ type: 'reading', file: file.name });
    try {
      // The file's SHA-256 (for the report pack's manifest) is worked out beside the import, not after it.
      const hashing = sha256Hex(file.bytes);
      hashing.catch(() => undefined); // awaited below; not unhandled should an earlier step fail first
      const db = await engine();
      let prefs = current().preferences;
      for (const [name, ref] of Object.entries(unitPicks)) if (ref) prefs = withUnitChoice(prefs, name, ref);
      for (const [name, pick] of Object.entries(methodPicks)) {
        if (pick === 'new-local') {
          prefs = withMethodChoice(prefs, name, localMethodId(name));
          await addLocalMethod(db, localMethodId(name));
        } else if (pick) prefs = withMethodChoice(prefs, name, pick);
      }
      const isSurvey = guess.shape === 'survey-wide' || guess.shape === 'survey-multi';
      // A survey's wave, or a training export's year (its source lines say it).
      const wave = isSurvey || guess.shape === 'training' ? pending.wave.wave : null;
      const chosenWave = isSurvey && pending.wave.from.kind === 'chosen' && wave !== null ? { wave } : {};
      prefs = withTemplate(prefs, { signature: headerSignature(table.columns.map((c) => c.name)), madeFrom: file.name, options, roles: guess.roles, ...chosenWave });
      remember(prefs);

      await forgetNames(db, Object.keys(unitPicks), Object.keys(methodPicks));
      const statistics = await addSource(db, table.table, guess, localMethods(prefs), { ...table, wave }, statisticsChoice);
      await refreshMappings(db, rememberedUnits(prefs), localMethods(prefs));
      // The names and the accounting the mapping view showed hold unless the user picked a unit or method
      // for a name (or the roles changed and they have not followed yet): then they are worked out again.
      const picked = Object.keys(unitPicks).length > 0 || Object.keys(methodPicks).length > 0;
      const shown = !picked && pending.namesFor === guess;
      const final = shown ? pending.names : await previewNames(db, table.table, guess, rememberedUnits(prefs), localMethods(prefs));
      const account = shown ? pending.account : await accountFile(db, table.table, table.columns.map((c) => c.name), guess, localMethods(prefs));
      const unmatchedUnits = final.units.filter((u) => u.match.status !== 'matched').map((u) => u.name);
      const unmatchedMethods = final.methods.filter((m) => m.id === null).map((m) => m.name);
      const source: Source = {
        table,
        guess,
        account,
        statistics,
        sha256: await hashing,
        ...(pending.sample ? { sample: true } : {}),
        wave,
        unitsMatched: final.units.length - unmatchedUnits.length,
        unitsUnmatched: unmatchedUnits,
        methodsMatched: final.methods.length - unmatchedMethods.length,
        methodsUnmatched: unmatchedMethods,
      };
      dispatch({ type: 'confirmed', source });
    } catch (error) {
      fail(errorMessage(error, file.name, file.bytes.length));
    } finally {
      dispatch({ type: 'done' });
    }
  }, [engine, dispatch, fail, remember]);

  /**
   * Stages the next queued file for mapping; files that cannot be read are reported and skipped. A
   * sample that needs nothing of the user is imported at once, as Importera would, and the next one
   * taken (`confirmsItself`): a newcomer sees the figures after one click.
   */
  const startNext = useCallback(async () => {
    for (dispatch({ type: 'next' }); current().inHand; dispatch({ type: 'next' })) {
      const next = current().inHand!;
      if (next.size > MAX_FILE_BYTES) {
        fail(tooLargeMessage(next.name, next.size));
        continue;
      }
      dispatch({ type: 'reading', file: next.name });
      try {
        const file = { name: next.name, bytes: await next.bytes() };
        let staged = await stage(file, {});
        // A recognised template may carry settings the detector would not choose (an encoding, a sheet).
        if (staged.template && Object.keys(staged.template.options).length > 0) {
          const template = staged.template;
          await removeTable(await engine(), staged.table.table);
          staged = { ...(await stage(file, template.options, template.roles)), template };
        }
        dispatch({ type: 'staged', pending: { ...staged, sample: next.sample === true } });
      } catch (error) {
        // A file that could not be read, or one the user stopped: said once, and the next one is read.
        fail(errorMessage(error, next.name, next.size));
        continue;
      } finally {
        dispatch({ type: 'done' });
      }
      const pending = current().pending;
      if (!pending || !confirmsItself(pending)) return;
      await importPending();
      // Its import failed: the mapping view stays, with the error, before anything else is read.
      if (current().pending) return;
    }
  }, [engine, dispatch, fail, stage, importPending]);

  const open = useCallback(
    (files: QueuedFile[]) => {
      dispatch({ type: 'opened', files });
      if (!current().handling) void startNext();
    },
    [dispatch, startNext],
  );

  /**
   * Öppna exempeldata: the bundled samples, through the same queue, reading and mapping as a dropped
   * file, each marked as a sample. Fetched from the app's own files only now, when asked for.
   */
  const openSamples = useCallback(async () => {
    if (fetchingSamples.current) return; // a second click while the first one's files arrive
    fetchingSamples.current = true;
    let files: QueuedFile[];
    try {
      files = await sampleFiles();
    } catch (error) {
      console.error(error);
      fail({ key: 'errorSamples', params: () => ({}) });
      return;
    } finally {
      fetchingSamples.current = false;
    }
    open(files);
  }, [open, fail]);

  /** Settings changed in the mapping view: load the raw table again with them (live preview). */
  const changeOptions = useCallback(
    async (options: ImportOptions) => {
      const pending = current().pending;
      if (!pending) return;
      dispatch({ type: 'reading', file: pending.file.name });
      let isLost = false;
      try {
        await removeTable(await engine(), pending.table.table);
        dispatch({ type: 'staged', pending: { ...(await stage(pending.file, options)), sample: pending.sample } });
      } catch (error) {
        fail(errorMessage(error, pending.file.name, pending.file.bytes.length));
        const restaged = await stage(pending.file, pending.options).catch(() => null);
        dispatch(restaged ? { type: 'staged', pending: { ...restaged, sample: pending.sample } } : { type: 'unstaged' });
        isLost = restaged === null;
      } finally {
        dispatch({ type: 'done' });
      }
      // The file could not be read again even as it was: go on with the next one.
      if (isLost) await startNext();
    },
    [engine, dispatch, stage, fail, startNext],
  );

  const changeRole = useCallback(
    async (column: string, role: ColumnRole) => {
      const pending = current().pending;
      if (!pending) return;
      dispatch({ type: 'roleChanged', column, role });
      const { stamp, guess } = current().latestGuess!;
      const prefs = current().preferences;
      const db = await engine();
      const names = await previewNames(db, pending.table.table, guess, rememberedUnits(prefs), localMethods(prefs));
      const account = await accountFile(db, pending.table.table, pending.table.columns.map((c) => c.name), guess, localMethods(prefs));
      const statistics = await readStatistics(db, pending.table, guess, pending.statisticsChoice);
      // A file read as a survey only now gets its wave now.
      const wave = await readWave(db, pending.table, guess.shape);
      dispatch({ type: 'namesFollowed', stamp, guess, names, account, statistics, wave });
    },
    [engine, dispatch],
  );

  /** The year a statistics file is for, and whether the rate map uses it: read again under the user's word. */
  const changeStatistics = useCallback(
    async (choice: StatisticsChoice) => {
      const pending = current().pending;
      if (!pending) return;
      const { stamp, guess } = pending;
      dispatch({ type: 'statisticsChosen', choice });
      const statistics = await readStatistics(await engine(), pending.table, guess, choice);
      dispatch({ type: 'statisticsRead', stamp, guess, choice, statistics });
    },
    [engine, dispatch],
  );

  const chooseWave = useCallback((wave: string | null) => dispatch({ type: 'waveChosen', wave }), [dispatch]);

  /** A loaded survey's wave, changed in the file list: its figures move to that wave. */
  const changeSourceWave = useCallback(
    async (table: string, wave: string | null) => {
      await setWave(await engine(), table, wave);
      dispatch({ type: 'sourceWaveChanged', table, wave });
    },
    [engine, dispatch],
  );

  const pickUnit = useCallback((name: string, ref: UnitRef | null) => dispatch({ type: 'unitPicked', name, ref }), [dispatch]);
  const pickMethod = useCallback((name: string, pick: MethodPick) => dispatch({ type: 'methodPicked', name, pick }), [dispatch]);

  const confirm = useCallback(async () => {
    if (!current().pending) return;
    await importPending();
    await startNext();
  }, [importPending, startNext]);

  const cancel = useCallback(async () => {
    const pending = current().pending;
    if (!pending) return;
    await removeTable(await engine(), pending.table.table);
    dispatch({ type: 'unstaged' });
    await startNext();
  }, [engine, dispatch, startNext]);

  const remove = useCallback(
    async (table: string) => {
      const db = await engine();
      await removeSource(db, table);
      await removeTable(db, table);
      dispatch({ type: 'removed', table });
    },
    [engine, dispatch],
  );

  const setSelected = useCallback((table: string | null) => dispatch({ type: 'selected', table }), [dispatch]);

  /** What a workspace file keeps of the loaded files: their records and the remembered choices. */
  const snapshot = useCallback((): WorkspaceSnapshot => ({ sources: state.sources, selected: state.selected, preferences: state.preferences }), [state.sources, state.selected, state.preferences]);

  /**
   * Shows a workspace just loaded into the database (workspace-file.ts has replaced the tables): its
   * files, and its templates and choices merged into this computer's (the file's win where both have one).
   */
  const restore = useCallback(
    (saved: WorkspaceSnapshot) => {
      dispatch({ type: 'restored', saved });
      savePreferences(current().preferences);
    },
    [dispatch],
  );

  const dismissError = useCallback((id: number) => dispatch({ type: 'errorDismissed', id }), [dispatch]);

  /** Stops reading the file in hand: nothing of it is kept (importFile leaves no table behind). */
  const stopReading = useCallback(() => reading.current?.abort(), []);

  const { sources, dataVersion, pending, selected, busy, progress, errors, handling } = state;
  return { sources, dataVersion, pending, selected, setSelected, busy, progress, errors, handling, snapshot, restore, open, openSamples, changeOptions, changeRole, changeStatistics, chooseWave, changeSourceWave, pickUnit, pickMethod, confirm, cancel, remove, dismissError, fail, stopReading };
}
