// One file through the whole pipeline: import → profile → shape → canonical tables → mappings.
// The app and the command line both call this, so they cannot disagree about a file.
import type { Engine } from '../db/engine';
import { importFile, removeTable, type ImportDeps, type ImportedTable, type SourceFile } from '../import/import-file';
import { accountFile, type FileAccount } from './accounting';
import { matchMethod, splitMultiChoice } from './methods';
import { addSource, createModel, refreshMappings, removeSource } from './model';
import { profileTable } from './profile';
import { detectShape, findUnitColumn, type Matchers, type ShapeGuess } from './shape-detect';
import { matchUnit } from './units';

export interface LoadedSource {
  table: ImportedTable;
  guess: ShapeGuess;
  /** What became of every column, choice and row (see accounting.ts). */
  account: FileAccount;
}

export const MATCHERS: Matchers = {
  isUnit: (text) => matchUnit(text).status === 'matched',
  methodOf: (text) => matchMethod(text),
  splitChoices: splitMultiChoice,
};

export async function loadSource(engine: Engine, file: SourceFile, taken: ReadonlySet<string>, deps: ImportDeps = {}): Promise<LoadedSource> {
  await createModel(engine);
  const table = await importFile(engine, file, taken, {}, deps);
  // Profile twice: once to find the unit column, then without its totals rows to read the rest.
  const unitColumn = findUnitColumn(await profileTable(engine, table.table, table.columns), MATCHERS);
  const guess = detectShape(await profileTable(engine, table.table, table.columns, unitColumn ?? undefined), MATCHERS);
  const account = await accountFile(engine, table.table, table.columns.map((c) => c.name), guess);
  await addSource(engine, table.table, guess, new Map(), table.fileName);
  await refreshMappings(engine);
  return { table, guess, account };
}

export async function unloadSource(engine: Engine, source: string): Promise<void> {
  await removeSource(engine, source);
  await removeTable(engine, source);
}
