// The analyst's working set: the files confirmed into the model, the file being mapped before import,
// and what went wrong. Files are handled one at a time, in the order given; a failure never touches
// what is already loaded.
import { useCallback, useRef, useState } from 'react';
import { MAX_FILE_BYTES } from '../../../electron/shared/ipc-contract';
import type { Engine } from '../db/engine';
import { accountFile, type FileAccount } from '../domain/accounting';
import { importAnswers, type LoadedSource } from '../domain/load-source';
import { addLocalMethod, addSource, createModel, forgetNames, refreshMappings, removeSource } from '../domain/model';
import { previewNames, type NamePreview } from '../domain/name-preview';
import { shapeFromRoles, type ColumnRole, type ShapeGuess } from '../domain/shape-detect';
import { readStatistics, type StatisticsChoice, type StatisticsReading } from '../domain/statistics-read';
import type { UnitRef } from '../domain/units';
import { ImportCancelled, removeTable, type ImportOptions, type ImportedTable, type SourceFile } from '../import/import-file';
import { parseInWorker } from '../import/parse-in-worker';
import { transcodeInWorker } from '../import/transcode-in-worker';
import { sha256Hex } from '../export/sha256';
import type { PickedFile } from '../platform';
import { errorMessage, tooLargeMessage, type UserMessage } from './error-message';
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
  type ImportTemplate,
  type Preferences,
} from './preferences';

export interface LoadError {
  id: number;
  message: UserMessage;
}

/** The user's answer for a name: a unit or method, or left unmatched (null). */
export type MethodPick = string | 'new-local' | null;

export interface PendingImport {
  /** Changes on every reload of the raw table, so views showing its rows know to read them again. */
  stamp: number;
  file: SourceFile;
  table: ImportedTable;
  options: ImportOptions;
  guess: ShapeGuess;
  names: NamePreview;
  /** What becomes of every column and multiple-choice cell under the current roles. */
  account: FileAccount;
  /** The roles `names` and `account` were worked out under (a role change shows before they follow). */
  namesFor: ShapeGuess;
  /** A statistics file: what it holds under the current roles and the user's year and rate choice. */
  statistics: StatisticsReading | null;
  statisticsChoice: StatisticsChoice;
  template: ImportTemplate | null;
  unitPicks: Record<string, UnitRef | null>;
  methodPicks: Record<string, MethodPick>;
}

export interface Source extends Omit<LoadedSource, 'account' | 'statistics'> {
  /** Absent in workspaces saved before the import accounted for every column. */
  account?: FileAccount;
  /** Absent in workspaces saved before statistics files were read as such. */
  statistics?: StatisticsReading | null;
  /** The file's SHA-256: the report pack's manifest names its inputs by content. */
  sha256: string;
  unitsMatched: number;
  unitsUnmatched: string[];
  methodsMatched: number;
  methodsUnmatched: string[];
}

export function useWorkspace(engine: () => Promise<Engine>) {
  const [sources, setSources] = useState<Source[]>([]);
  const [pending, setPending] = useState<PendingImport | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // Goes up whenever the canonical tables change (a file confirmed or removed), so views query again.
  const [dataVersion, setDataVersion] = useState(0);
  // How much of the file being read is done, in whole percent (0–100); null when no file is read.
  const [progress, setProgress] = useState<number | null>(null);
  // Stops the file being read (the progress bar's button); null when none is.
  const reading = useRef<AbortController | null>(null);
  const [errors, setErrors] = useState<LoadError[]>([]);
  const nextErrorId = useRef(1);
  const nextStamp = useRef(1);
  const queue = useRef<PickedFile[]>([]);
  // True from the moment a file is taken from the queue until its mapping is confirmed or cancelled
  // and the queue is empty. A ref, not `pending`/`busy` state: a drop that lands between a cancel and
  // the next render must still see that nothing is in hand, or it waits in the queue for ever.
  const handling = useRef(false);
  const preferences = useRef<Preferences>(loadPreferences());
  // Table names in use, outside React state so a queued import sees the names taken before it.
  const taken = useRef(new Set<string>());

  const fail = useCallback((message: UserMessage) => {
    setErrors((list) => [...list, { id: nextErrorId.current++, message }]);
  }, []);

  /** Loads the raw table and proposes roles and names; nothing reaches the model yet. */
  const stage = useCallback(
    async (file: SourceFile, options: ImportOptions, roles?: Record<string, ColumnRole>): Promise<PendingImport> => {
      const db = await engine();
      await createModel(db);
      // The file is parsed in a worker: the window stays responsive and shows how far it has come.
      // Whole percents only, so a re-render happens at most a hundred times.
      const onProgress = (fraction: number) => setProgress(Math.floor(fraction * 100));
      let table: ImportedTable;
      let detected: ShapeGuess;
      const controller = new AbortController();
      reading.current = controller;
      try {
        ({ table, guess: detected } = await importAnswers(db, file, taken.current, options, { parse: parseInWorker, transcode: transcodeInWorker, onProgress, signal: controller.signal }));
      } finally {
        if (reading.current === controller) reading.current = null;
        setProgress(null);
      }
      // Stopped as the last step finished: the table is dropped all the same.
      if (controller.signal.aborted) {
        await removeTable(db, table.table);
        throw new ImportCancelled();
      }
      const template = roles ? null : findTemplate(preferences.current, table.columns.map((c) => c.name));
      let guess = detected;
      if (roles) guess = { shape: shapeFromRoles(roles), roles };
      else if (template) guess = { shape: shapeFromRoles(template.roles), roles: template.roles };
      const prefs = preferences.current;
      const names = await previewNames(db, table.table, guess, rememberedUnits(prefs), localMethods(prefs));
      const account = await accountFile(db, table.table, table.columns.map((c) => c.name), guess, localMethods(prefs));
      const statistics = await readStatistics(db, table, guess);
      return { stamp: nextStamp.current++, file, table, options, guess, names, account, namesFor: guess, statistics, statisticsChoice: {}, template, unitPicks: {}, methodPicks: {} };
    },
    [engine],
  );

  /** Stages the next queued file for mapping; files that cannot be read are reported and skipped. */
  const startNext = useCallback(async () => {
    handling.current = true;
    for (let next = queue.current.shift(); next; next = queue.current.shift()) {
      if (next.size > MAX_FILE_BYTES) {
        fail(tooLargeMessage(next.name, next.size));
        continue;
      }
      setBusy(next.name);
      try {
        const file = { name: next.name, bytes: await next.bytes() };
        let staged = await stage(file, {});
        // A recognised template may carry settings the detector would not choose (an encoding, a sheet).
        if (staged.template && Object.keys(staged.template.options).length > 0) {
          const template = staged.template;
          await removeTable(await engine(), staged.table.table);
          staged = { ...(await stage(file, template.options, template.roles)), template };
        }
        setPending(staged);
        return;
      } catch (error) {
        // A file that could not be read, or one the user stopped: said once, and the next one is read.
        fail(errorMessage(error, next.name, next.size));
      } finally {
        setBusy(null);
      }
    }
    handling.current = false;
  }, [engine, fail, stage]);

  const open = useCallback(
    (files: PickedFile[]) => {
      queue.current.push(...files);
      if (!handling.current) void startNext();
    },
    [startNext],
  );

  /** Settings changed in the mapping view: load the raw table again with them (live preview). */
  const changeOptions = useCallback(
    async (options: ImportOptions) => {
      if (!pending) return;
      setBusy(pending.file.name);
      let isLost = false;
      try {
        await removeTable(await engine(), pending.table.table);
        setPending(await stage(pending.file, options));
      } catch (error) {
        fail(errorMessage(error, pending.file.name, pending.file.bytes.length));
        const restaged = await stage(pending.file, pending.options).catch(() => null);
        setPending(restaged);
        isLost = restaged === null;
      } finally {
        setBusy(null);
      }
      // The file could not be read again even as it was: go on with the next one.
      if (isLost) await startNext();
    },
    [pending, engine, stage, fail, startNext],
  );

  // The roles as last changed, ahead of React state: a second change (another offered option ticked)
  // made while the first one's names are still being looked up builds on the first, never loses it.
  const latestGuess = useRef<{ stamp: number; guess: ShapeGuess } | null>(null);

  const changeRole = useCallback(
    async (column: string, role: ColumnRole) => {
      if (!pending) return;
      const { stamp } = pending;
      const table = pending.table.table;
      const base = latestGuess.current?.stamp === stamp ? latestGuess.current.guess : pending.guess;
      const roles = { ...base.roles, [column]: role };
      // One unit column at most: choosing a new one demotes the old.
      if (role.role === 'unit') for (const name of Object.keys(roles)) if (name !== column && roles[name]!.role === 'unit') roles[name] = { role: 'ignore', reason: 'chosen' };
      const guess = { shape: shapeFromRoles(roles), roles };
      latestGuess.current = { stamp, guess };
      // The roles show at once; the names and the accounting follow, unless a later change overtook them.
      setPending((p) => (p && p.stamp === stamp ? { ...p, guess } : p));
      const prefs = preferences.current;
      const db = await engine();
      const names = await previewNames(db, table, guess, rememberedUnits(prefs), localMethods(prefs));
      const account = await accountFile(db, table, pending.table.columns.map((c) => c.name), guess, localMethods(prefs));
      const statistics = await readStatistics(db, pending.table, guess, pending.statisticsChoice);
      setPending((p) => (p && p.stamp === stamp && p.guess === guess ? { ...p, names, account, namesFor: guess, statistics } : p));
    },
    [pending, engine],
  );

  /** The year a statistics file is for, and whether the rate map uses it: read again under the user's word. */
  const changeStatistics = useCallback(
    async (choice: StatisticsChoice) => {
      if (!pending) return;
      const { stamp, guess } = pending;
      setPending((p) => (p && p.stamp === stamp ? { ...p, statisticsChoice: choice } : p));
      const statistics = await readStatistics(await engine(), pending.table, guess, choice);
      setPending((p) => (p && p.stamp === stamp && p.guess === guess && p.statisticsChoice === choice ? { ...p, statistics } : p));
    },
    [pending, engine],
  );

  const pickUnit = useCallback((name: string, ref: UnitRef | null) => {
    setPending((p) => (p ? { ...p, unitPicks: { ...p.unitPicks, [name]: ref } } : p));
  }, []);

  const pickMethod = useCallback((name: string, pick: MethodPick) => {
    setPending((p) => (p ? { ...p, methodPicks: { ...p.methodPicks, [name]: pick } } : p));
  }, []);

  const confirm = useCallback(async () => {
    if (!pending) return;
    const { table, guess, unitPicks, methodPicks, options, file, statisticsChoice } = pending;
    setBusy(file.name);
    try {
      // The file's SHA-256 (for the report pack's manifest) is worked out beside the import, not after it.
      const hashing = sha256Hex(file.bytes);
      hashing.catch(() => undefined); // awaited below; not unhandled should an earlier step fail first
      const db = await engine();
      let prefs = preferences.current;
      for (const [name, ref] of Object.entries(unitPicks)) if (ref) prefs = withUnitChoice(prefs, name, ref);
      for (const [name, pick] of Object.entries(methodPicks)) {
        if (pick === 'new-local') {
          prefs = withMethodChoice(prefs, name, localMethodId(name));
          await addLocalMethod(db, localMethodId(name));
        } else if (pick) prefs = withMethodChoice(prefs, name, pick);
      }
      prefs = withTemplate(prefs, { signature: headerSignature(table.columns.map((c) => c.name)), madeFrom: file.name, options, roles: guess.roles });
      preferences.current = prefs;
      savePreferences(prefs);

      await forgetNames(db, Object.keys(unitPicks), Object.keys(methodPicks));
      const statistics = await addSource(db, table.table, guess, localMethods(prefs), table, statisticsChoice);
      await refreshMappings(db, rememberedUnits(prefs), localMethods(prefs));
      // The names and the accounting the mapping view showed hold unless the user picked a unit or method
      // for a name (or the roles changed and they have not followed yet): then they are worked out again.
      const picked = Object.keys(unitPicks).length > 0 || Object.keys(methodPicks).length > 0;
      const shown = !picked && pending.namesFor === guess;
      const final = shown ? pending.names : await previewNames(db, table.table, guess, rememberedUnits(prefs), localMethods(prefs));
      const account = shown ? pending.account : await accountFile(db, table.table, table.columns.map((c) => c.name), guess, localMethods(prefs));
      const unmatchedUnits = final.units.filter((u) => u.match.status !== 'matched').map((u) => u.name);
      const unmatchedMethods = final.methods.filter((m) => m.id === null).map((m) => m.name);
      taken.current.add(table.table);
      const sha256 = await hashing;
      setSources((list) => [
        ...list,
        {
          table,
          guess,
          account,
          statistics,
          sha256,
          unitsMatched: final.units.length - unmatchedUnits.length,
          unitsUnmatched: unmatchedUnits,
          methodsMatched: final.methods.length - unmatchedMethods.length,
          methodsUnmatched: unmatchedMethods,
        },
      ]);
      setDataVersion((v) => v + 1);
      setSelected(table.table);
      setPending(null);
    } catch (error) {
      fail(errorMessage(error, file.name, file.bytes.length));
    } finally {
      setBusy(null);
    }
    await startNext();
  }, [pending, engine, fail, startNext]);

  const cancel = useCallback(async () => {
    if (!pending) return;
    await removeTable(await engine(), pending.table.table);
    setPending(null);
    await startNext();
  }, [pending, engine, startNext]);

  const remove = useCallback(
    async (table: string) => {
      const db = await engine();
      await removeSource(db, table);
      await removeTable(db, table);
      taken.current.delete(table);
      setSources((list) => list.filter((s) => s.table.table !== table));
      setDataVersion((v) => v + 1);
      setSelected((current) => (current === table ? null : current));
    },
    [engine],
  );

  /** What a workspace file keeps of the loaded files: their records and the remembered choices. */
  const snapshot = useCallback(() => ({ sources, selected, preferences: preferences.current }), [sources, selected]);

  /**
   * Shows a workspace just loaded into the database (workspace-file.ts has replaced the tables): its
   * files, and its templates and choices merged into this computer's (the file's win where both have one).
   */
  const restore = useCallback((saved: { sources: Source[]; selected: string | null; preferences: Preferences }) => {
    const mine = preferences.current;
    const merged: Preferences = {
      templates: [...saved.preferences.templates, ...mine.templates.filter((t) => !saved.preferences.templates.some((s) => s.signature === t.signature))],
      units: { ...mine.units, ...saved.preferences.units },
      methods: { ...mine.methods, ...saved.preferences.methods },
    };
    preferences.current = merged;
    savePreferences(merged);
    taken.current = new Set(saved.sources.map((s) => s.table.table));
    // The opened workspace replaces what was in hand, the files waiting behind it included.
    queue.current = [];
    handling.current = false;
    setPending(null);
    setSources(saved.sources);
    setSelected(saved.selected);
    setDataVersion((v) => v + 1);
  }, []);

  const dismissError = useCallback((id: number) => setErrors((list) => list.filter((e) => e.id !== id)), []);

  /** Stops reading the file in hand: nothing of it is kept (importFile leaves no table behind). */
  const stopReading = useCallback(() => reading.current?.abort(), []);

  return { sources, dataVersion, pending, selected, setSelected, busy, progress, errors, snapshot, restore, open, changeOptions, changeRole, changeStatistics, pickUnit, pickMethod, confirm, cancel, remove, dismissError, fail, stopReading };
}
