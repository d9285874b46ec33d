// One file through the whole pipeline: import → profile → shape → canonical tables → mappings.
// The app and the command line both call this, so they cannot disagree about a file.
import type { Engine } from '../db/engine';
import { importFile, removeTable, type ImportDeps, type ImportedTable, type ImportOptions, type SourceFile } from '../import/import-file';
import { accountFile, type FileAccount } from './accounting';
import { headerOption, matchMethod, splitMultiChoice } from '../domain/methods';
import { addSource, createModel, refreshMappings, removeSource } from './model';
import { profileTable } from './profile';
import { readWave } from './waves-read';
import { detectShape, findUnitColumn, type Matchers, type ShapeGuess } from '../domain/shape-detect';
import type { StatisticsReading } from './statistics-read';
import { matchCounty, matchUnit } from '../domain/units';

export interface LoadedSource {
  table: ImportedTable;
  guess: ShapeGuess;
  /** What became of every column, choice and row (see accounting.ts). */
  account: FileAccount;
  /** A statistics file: what it holds and what each row became (see statistics-read.ts). */
  statistics: StatisticsReading | null;
  /** A survey's wave, from its response dates or its name (waves-read.ts); null when none is said. */
  wave?: string | null;
}

export const MATCHERS: Matchers = {
  isUnit: (text) => matchUnit(text).status === 'matched',
  isCounty: (text) => matchCounty(text) !== null,
  methodOf: (text) => matchMethod(text),
  optionOf: (header) => headerOption(header),
  isDistrictOf: (unit, part) => {
    const whole = matchUnit(`${unit} – ${part}`);
    const city = matchUnit(unit);
    return whole.status === 'matched' && whole.unit.district !== null && city.status === 'matched' && city.unit.municipalityCode === whole.unit.municipalityCode && city.unit.district === null;
  },
  splitChoices: splitMultiChoice,
};

/** How well a table reads as answers: a survey, an extract or a training export (3), statistics (2), units alone (1), nothing (0). */
async function readAs(engine: Engine, table: ImportedTable): Promise<{ unitColumn: string | null; guess: ShapeGuess; score: number }> {
  const profile = await profileTable(engine, table.table, table.columns);
  const unitColumn = findUnitColumn(profile, MATCHERS);
  if (unitColumn === null) return { unitColumn, guess: detectShape(profile, MATCHERS), score: 0 };
  // Profiled again without the unit column's totals rows, to read the rest.
  const guess = detectShape(await profileTable(engine, table.table, table.columns, unitColumn), MATCHERS);
  return { unitColumn, guess, score: guess.shape === 'unknown' ? 1 : guess.shape === 'statistics' ? 2 : 3 };
}

/**
 * Imports a file and finds its unit column, and the shape its columns read as (profiled without the unit
 * column's totals rows). A workbook is read from the sheet that holds the answers:
 * the sheet with the most table rows unless it reads as less than a survey or an extract (an
 * "Information" cover sheet, a response-rate table, a statistics sheet beside the answers); then the
 * other sheets are tried, largest first, and the best reading wins (the first of equals). A sheet the
 * user chose is kept whatever it holds. No table is left behind but the one returned.
 */
export async function importAnswers(
  engine: Engine,
  file: SourceFile,
  taken: ReadonlySet<string>,
  options: ImportOptions = {},
  deps: ImportDeps = {},
): Promise<{ table: ImportedTable; unitColumn: string | null; guess: ShapeGuess }> {
  type Reading = { table: ImportedTable; unitColumn: string | null; guess: ShapeGuess; score: number };
  const table = await importFile(engine, file, taken, options, deps);
  let best: Reading = { table, unitColumn: null, guess: { shape: 'unknown', roles: {} }, score: -1 };
  try {
    best = { table, ...(await readAs(engine, table)) };
    if (best.score === 3 || table.format !== 'xlsx' || options.sheet !== undefined) return best;
    for (const sheet of [...table.sheets].sort((a, b) => b.rowCount - a.rowCount)) {
      if (sheet.name === table.sheet) continue;
      const other = await importFile(engine, file, taken, { ...options, sheet: sheet.name }, deps).catch(() => null);
      if (other === null) continue;
      const read = await readAs(engine, other).catch(async (error: unknown) => {
        await removeTable(engine, other.table);
        throw error;
      });
      const [keep, drop]: [Reading, ImportedTable] = read.score > best.score ? [{ table: other, ...read }, best.table] : [best, other];
      await removeTable(engine, drop.table);
      best = keep;
      if (best.score === 3) break;
    }
    return best;
  } catch (error) {
    await removeTable(engine, best.table.table).catch(() => undefined);
    throw error;
  }
}

export async function loadSource(engine: Engine, file: SourceFile, taken: ReadonlySet<string>, deps: ImportDeps = {}): Promise<LoadedSource> {
  await createModel(engine);
  const { table, guess } = await importAnswers(engine, file, taken, {}, deps);
  const account = await accountFile(engine, table.table, table.columns.map((c) => c.name), guess);
  const { wave } = await readWave(engine, table, guess.shape);
  const statistics = await addSource(engine, table.table, guess, new Map(), { ...table, wave });
  await refreshMappings(engine);
  return { table, guess, account, statistics, wave };
}

export async function unloadSource(engine: Engine, source: string): Promise<void> {
  await removeSource(engine, source);
  await removeTable(engine, source);
}
