// The state of the analyst's working set, and every change to it as a pure reducer: what the files
// are, which one is being mapped, which wait behind it, and what went wrong. The hook in
// use-workspace.ts does the reading and the SQL and reports each outcome here as an action.
import type { FileAccount } from '../model/accounting';
import type { LoadedSource } from '../model/load-source';
import type { NamePreview } from '../model/name-preview';
import { shapeFromRoles, type ColumnRole, type ShapeGuess } from '../domain/shape-detect';
import type { StatisticsChoice, StatisticsReading } from '../model/statistics-read';
import type { UnitRef } from '../domain/units';
import type { WaveReading } from '../domain/waves';
import type { ImportOptions, ImportedTable, SourceFile } from '../import/import-file';
import type { PickedFile } from '../platform';
import type { UserMessage } from './error-message';
import type { ImportTemplate, Preferences } from './preferences';

export interface LoadError {
  id: number;
  message: UserMessage;
}

/** The user's answer for a name: a unit or method, or left unmatched (null). */
export type MethodPick = string | 'new-local' | null;

/**
 * A file opened and waiting to be read: the user's own, or one of the samples bundled with the app
 * (Öppna exempeldata), which is marked as sample data wherever its figures go and is confirmed as
 * detected unless it needs the user (`confirmsItself`).
 */
export interface QueuedFile extends PickedFile {
  readonly sample?: boolean;
}

export interface PendingImport {
  /** Changes on every reload of the raw table, so views showing its rows know to read them again. */
  stamp: number;
  /** One of the samples bundled with the app (queued as one by Öppna exempeldata); kept when read again with new settings. */
  sample: boolean;
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
  /** A survey's wave, as its dates or name give it or the user chose it (the mapping view's Omgång). */
  wave: WaveReading;
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
  /**
   * One of the samples bundled with the app, loaded through Öppna exempeldata: its figures are marked
   * as sample data in the header, on every chart and in the report pack. Absent for the user's files
   * and in workspaces saved before there were samples.
   */
  sample?: boolean;
  /** A survey's wave ('2024'); absent or null when none was said (workspaces saved before waves: one wave). */
  wave?: string | null;
  unitsMatched: number;
  unitsUnmatched: string[];
  methodsMatched: number;
  methodsUnmatched: string[];
}

/** What a workspace file keeps of the loaded files: their records and the remembered choices. */
export interface WorkspaceSnapshot {
  sources: Source[];
  selected: string | null;
  preferences: Preferences;
}

export interface WorkspaceState {
  sources: Source[];
  pending: PendingImport | null;
  selected: string | null;
  /** The name of the file being read or imported; null when none is. */
  busy: string | null;
  /** How much of the file being read is done, in whole percent (0–100); null when no file is read. */
  progress: number | null;
  errors: LoadError[];
  /** Goes up whenever the canonical tables change (a file confirmed or removed), so views query again. */
  dataVersion: number;
  /** Files opened and not yet taken, in the order given. */
  queue: QueuedFile[];
  /** The file taken from the queue by the last `next`; null when the queue was empty. */
  inHand: QueuedFile | null;
  /**
   * True from the moment a file is taken from the queue until its mapping is confirmed or cancelled and
   * the queue is empty: a file opened meanwhile waits in the queue instead of being read beside it.
   */
  handling: boolean;
  /** Table names in use, so a queued import never takes the name of one imported before it. */
  taken: ReadonlySet<string>;
  preferences: Preferences;
  /**
   * The roles as last changed, ahead of the names that follow them: a second change made while the
   * first one's names are being looked up builds on the first, never loses it.
   */
  latestGuess: { stamp: number; guess: ShapeGuess } | null;
  nextErrorId: number;
  nextStamp: number;
}

export type WorkspaceAction =
  | { type: 'opened'; files: QueuedFile[] }
  /** Take the next file from the queue into `inHand` (none left: no longer handling). */
  | { type: 'next' }
  | { type: 'reading'; file: string }
  | { type: 'progressed'; percent: number | null }
  | { type: 'staged'; pending: Omit<PendingImport, 'stamp'> }
  /** The file in hand is gone: read again without success, or nothing is being mapped. */
  | { type: 'unstaged' }
  | { type: 'done' }
  | { type: 'failed'; message: UserMessage }
  | { type: 'errorDismissed'; id: number }
  | { type: 'roleChanged'; column: string; role: ColumnRole }
  | { type: 'namesFollowed'; stamp: number; guess: ShapeGuess; names: NamePreview; account: FileAccount; statistics: StatisticsReading | null; wave: WaveReading }
  /** The wave typed in the mapping view's Omgång field (null: none). */
  | { type: 'waveChosen'; wave: string | null }
  /** A loaded survey's wave changed in the file list. */
  | { type: 'sourceWaveChanged'; table: string; wave: string | null }
  | { type: 'statisticsChosen'; choice: StatisticsChoice }
  | { type: 'statisticsRead'; stamp: number; guess: ShapeGuess; choice: StatisticsChoice; statistics: StatisticsReading | null }
  | { type: 'unitPicked'; name: string; ref: UnitRef | null }
  | { type: 'methodPicked'; name: string; pick: MethodPick }
  | { type: 'preferencesChanged'; preferences: Preferences }
  | { type: 'confirmed'; source: Source }
  | { type: 'removed'; table: string }
  | { type: 'selected'; table: string | null }
  | { type: 'restored'; saved: WorkspaceSnapshot };

export function initialWorkspace(preferences: Preferences): WorkspaceState {
  return {
    sources: [],
    pending: null,
    selected: null,
    busy: null,
    progress: null,
    errors: [],
    dataVersion: 0,
    queue: [],
    inHand: null,
    handling: false,
    taken: new Set(),
    preferences,
    latestGuess: null,
    nextErrorId: 1,
    nextStamp: 1,
  };
}

/** The roles after one column's change; one unit column at most, so choosing a new one demotes the old. */
function withRole(base: ShapeGuess, column: string, role: ColumnRole): ShapeGuess {
  const roles = { ...base.roles, [column]: role };
  if (role.role === 'unit') for (const name of Object.keys(roles)) if (name !== column && roles[name]!.role === 'unit') roles[name] = { role: 'ignore', reason: 'chosen' };
  return { shape: shapeFromRoles(roles), roles };
}

/** A workspace's remembered choices over this computer's: the file's win where both have one. */
function mergePreferences(saved: Preferences, mine: Preferences): Preferences {
  return {
    templates: [...saved.templates, ...mine.templates.filter((t) => !saved.templates.some((s) => s.signature === t.signature))],
    units: { ...mine.units, ...saved.units },
    methods: { ...mine.methods, ...saved.methods },
  };
}

/**
 * What the mapping view asks of the user and Importera alone would not answer: a file of no known
 * shape, a statistics file that says no year (it gives no figures until the user gives one), a scale
 * whose order the user is to confirm (its answers are not read until then). Names the register or the
 * catalogue does not know are not among them: Importera leaves them unmatched and the import report
 * lists them, guessing none.
 */
export function needsUser(pending: Pick<PendingImport, 'guess' | 'statistics'>): boolean {
  const { guess, statistics } = pending;
  if (guess.shape === 'unknown') return true;
  if (guess.shape === 'statistics' && statistics?.noRate === 'no-year') return true;
  return Object.values(guess.roles).some((role) => role.role === 'ignore' && role.reason === 'scale-order' && role.proposal !== undefined);
}

/**
 * A sample is confirmed as soon as it is staged, with the roles the detector (or a remembered template)
 * proposes, exactly as if the user had clicked Importera; one that needs the user waits in the mapping
 * view as any file does. The user's own files always wait for Importera.
 */
export function confirmsItself(pending: PendingImport): boolean {
  return pending.sample && !needsUser(pending);
}

/** Changes `pending` only if it is still the import `stamp` names (a reloaded table has a new stamp). */
function onPending(state: WorkspaceState, stamp: number, change: (p: PendingImport) => PendingImport | null): WorkspaceState {
  const { pending } = state;
  if (!pending || pending.stamp !== stamp) return state;
  const next = change(pending);
  return next === null ? state : { ...state, pending: next };
}

export function workspaceReducer(state: WorkspaceState, action: WorkspaceAction): WorkspaceState {
  switch (action.type) {
    case 'opened':
      return { ...state, queue: [...state.queue, ...action.files] };
    case 'next': {
      const [first, ...rest] = state.queue;
      return { ...state, queue: rest, inHand: first ?? null, handling: first !== undefined };
    }
    case 'reading':
      return { ...state, busy: action.file };
    case 'progressed':
      return { ...state, progress: action.percent };
    case 'staged':
      return { ...state, pending: { ...action.pending, stamp: state.nextStamp }, nextStamp: state.nextStamp + 1 };
    case 'unstaged':
      return { ...state, pending: null };
    case 'done':
      return { ...state, busy: null, progress: null };
    case 'failed':
      return { ...state, errors: [...state.errors, { id: state.nextErrorId, message: action.message }], nextErrorId: state.nextErrorId + 1 };
    case 'errorDismissed':
      return { ...state, errors: state.errors.filter((e) => e.id !== action.id) };
    case 'roleChanged': {
      const { pending, latestGuess } = state;
      if (!pending) return state;
      const base = latestGuess?.stamp === pending.stamp ? latestGuess.guess : pending.guess;
      const guess = withRole(base, action.column, action.role);
      // The roles show at once; the names and the accounting follow (`namesFollowed`).
      return { ...state, latestGuess: { stamp: pending.stamp, guess }, pending: { ...pending, guess } };
    }
    case 'namesFollowed': {
      const { guess, names, account, statistics } = action;
      // Unless a later change overtook them: then that change's names are on their way. A wave the user chose stays.
      return onPending(state, action.stamp, (p) =>
        p.guess === guess ? { ...p, names, account, namesFor: guess, statistics, wave: p.wave.from.kind === 'chosen' ? p.wave : action.wave } : null,
      );
    }
    case 'waveChosen':
      return state.pending ? { ...state, pending: { ...state.pending, wave: { wave: action.wave, from: { kind: 'chosen' } } } } : state;
    case 'sourceWaveChanged':
      return {
        ...state,
        sources: state.sources.map((s) => (s.table.table === action.table ? { ...s, wave: action.wave } : s)),
        dataVersion: state.dataVersion + 1,
      };
    case 'statisticsChosen':
      return state.pending ? { ...state, pending: { ...state.pending, statisticsChoice: action.choice } } : state;
    case 'statisticsRead': {
      const { guess, choice, statistics } = action;
      return onPending(state, action.stamp, (p) => (p.guess === guess && p.statisticsChoice === choice ? { ...p, statistics } : null));
    }
    case 'unitPicked':
      return state.pending ? { ...state, pending: { ...state.pending, unitPicks: { ...state.pending.unitPicks, [action.name]: action.ref } } } : state;
    case 'methodPicked':
      return state.pending ? { ...state, pending: { ...state.pending, methodPicks: { ...state.pending.methodPicks, [action.name]: action.pick } } } : state;
    case 'preferencesChanged':
      return { ...state, preferences: action.preferences };
    case 'confirmed': {
      const table = action.source.table.table;
      return {
        ...state,
        sources: [...state.sources, action.source],
        taken: new Set([...state.taken, table]),
        dataVersion: state.dataVersion + 1,
        selected: table,
        pending: null,
      };
    }
    case 'removed': {
      const taken = new Set(state.taken);
      taken.delete(action.table);
      return {
        ...state,
        sources: state.sources.filter((s) => s.table.table !== action.table),
        taken,
        dataVersion: state.dataVersion + 1,
        selected: state.selected === action.table ? null : state.selected,
      };
    }
    case 'selected':
      return { ...state, selected: action.table };
    case 'restored': {
      const { saved } = action;
      // The opened workspace replaces what was in hand, the files waiting behind it included.
      return {
        ...state,
        preferences: mergePreferences(saved.preferences, state.preferences),
        taken: new Set(saved.sources.map((s) => s.table.table)),
        queue: [],
        inHand: null,
        handling: false,
        pending: null,
        sources: saved.sources,
        selected: saved.selected,
        dataVersion: state.dataVersion + 1,
      };
    }
  }
}
