// One file through the whole pipeline: import → profile → shape → canonical tables → mappings.
// The app and the command line both call this, so they cannot disagree about a file.
import type { Engine } from '../db/engine';
import { importFile, removeTable, type ImportDeps, type ImportedTable, type ImportOptions, type SourceFile } from '../import/import-file';
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

/**
 * Imports a file and finds its unit column. A workbook is read from the sheet that names units: when the
 * sheet with the most table rows names none (a long "Information" sheet before the answers), the other
 * sheets are tried, largest first. A sheet the user chose is kept whatever it holds.
 */
export async function importAnswers(
  engine: Engine,
  file: SourceFile,
  taken: ReadonlySet<string>,
  options: ImportOptions = {},
  deps: ImportDeps = {},
): Promise<{ table: ImportedTable; unitColumn: string | null }> {
  const table = await importFile(engine, file, taken, options, deps);
  const unitColumn = findUnitColumn(await profileTable(engine, table.table, table.columns), MATCHERS);
  if (unitColumn !== null || table.format !== 'xlsx' || options.sheet !== undefined) return { table, unitColumn };
  for (const sheet of [...table.sheets].sort((a, b) => b.rowCount - a.rowCount)) {
    if (sheet.name === table.sheet) continue;
    const other = await importFile(engine, file, taken, { ...options, sheet: sheet.name }, deps).catch(() => null);
    if (other === null) continue;
    const unit = findUnitColumn(await profileTable(engine, other.table, other.columns), MATCHERS);
    if (unit !== null) {
      await removeTable(engine, table.table);
      return { table: other, unitColumn: unit };
    }
    await removeTable(engine, other.table);
  }
  return { table, unitColumn };
}

export async function loadSource(engine: Engine, file: SourceFile, taken: ReadonlySet<string>, deps: ImportDeps = {}): Promise<LoadedSource> {
  await createModel(engine);
  // Profile twice: once to find the unit column, then without its totals rows to read the rest.
  const { table, unitColumn } = await importAnswers(engine, file, taken, {}, deps);
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
