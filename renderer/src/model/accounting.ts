// What became of every column, every multiple-choice cell and every row of a file: the import's
// promise that nothing is dropped unsaid. Each column has exactly one fate: a role, a method option
// matched to the catalogue, an option whose name is unmatched (the user is asked), or not used with a
// reason. Each multiple-choice cell is covered by its choices, or listed with what was left over.
import { toRows, type Engine } from '../db/engine';
import { quoteIdent } from '../db/table-name';
import { choiceSplitter, flagOptionName, matchMethod, unaccountedText } from '../domain/methods';
import { cellText, TOTALS } from './cells';
import { totalsOnly, unitColumns } from './model';
import type { ColumnRole, IgnoreReason, ShapeGuess } from '../domain/shape-detect';

export const FATES = ['role', 'method', 'unmatched', 'ignored'] as const;
export type Fate = (typeof FATES)[number];

interface ColumnAccount {
  column: string;
  fate: Fate;
  role: ColumnRole['role'];
  /** `method`: the catalogue (or local) id; `unmatched`: the option's name as the file writes it. */
  method?: string;
  name?: string;
  /** `ignored`: why. */
  reason?: IgnoreReason;
}

interface ChoiceAccount {
  column: string;
  /** Non-empty cells, and the choices read from them (matched to a method or not). */
  cells: number;
  matched: number;
  unmatched: number;
}

export interface FileAccount {
  columns: ColumnAccount[];
  counts: Record<Fate, number>;
  choices: ChoiceAccount[];
  /** Multiple-choice cells whose text the choices do not cover, with what was left over (none expected). */
  unaccountedCells: { column: string; cell: string; rest: string }[];
  /** Count cells of an extract holding no value (`..`, a dash, a blank): neither 0 nor use. */
  noValue: number;
  /** Rows whose unit is a total (`Totalt`, `Summa`, Kolada's `0000`): read, never counted as a unit. */
  totalsRows: number;
  /** Rows with no unit at all: read, not imported (a sum written under another column, a note). */
  noUnitRows: number;
  /** Rows per sex beside their total (Kolada's `Kön` K and M): the total is read instead. */
  breakdownRows: number;
}

/** The fate of one column under its role (pure: the caller matches method names). */
function columnFate(column: string, role: ColumnRole, methodOf: (name: string) => string | null): ColumnAccount {
  if (role.role === 'ignore') return { column, fate: 'ignored', role: 'ignore', reason: role.reason ?? 'chosen' };
  if (role.role !== 'method-flag') return { column, fate: 'role', role: role.role };
  const id = methodOf(role.methodName);
  return id === null ? { column, fate: 'unmatched', role: role.role, name: role.methodName } : { column, fate: 'method', role: role.role, method: id };
}

export async function accountFile(
  engine: Engine,
  table: string,
  columns: readonly string[],
  guess: ShapeGuess,
  localMethods: ReadonlyMap<string, string> = new Map(),
): Promise<FileAccount> {
  const methodOf = (name: string) => matchMethod(name, localMethods);
  const accounts = columns.map((column) =>
    columnFate(column, guess.roles[column] ?? { role: 'ignore', reason: 'not-recognised' }, (name) => methodOf(flagOptionName(name, localMethods))),
  );
  const counts = Object.fromEntries(FATES.map((fate) => [fate, accounts.filter((a) => a.fate === fate).length])) as Record<Fate, number>;

  const unit = columns.find((c) => guess.roles[c]?.role === 'unit');
  // The app's own pattern, written into the SQL as a constant: as a bound parameter, DuckDB would
  // compile the regular expression again for every row it tests.
  const isTotal = unit ? `regexp_matches(lower(${cellText(unit)}), '${TOTALS}')` : 'false';
  // The rows the import leaves aside: totals, rows without a unit, rows per sex beside their total, and
  // count cells without a value. Whether a row is left aside depends on its unit, district and sex cells
  // only, so the rows are first counted per distinct (unit, district, sex) in one pass over the table (a
  // million-row extract included), and the tests then run once per distinct cell, not once per row.
  const onlyTotals = totalsOnly(guess);
  const keys = [...new Set([...(unit ? [unit] : []), ...unitColumns(guess)])];
  const measures = columns.filter((c) => ['count', 'trained', 'staff'].includes(guess.roles[c]?.role ?? ''));
  const hasUnit = unit ? ` AND coalesce(${cellText(unit)}, '') <> ''` : '';
  const noValueSql = measures.map((c) => `count(*) FILTER (WHERE number_value(${quoteIdent(c)}) IS NULL)`);
  const perCells = `SELECT ${[...keys.map(quoteIdent), 'count(*) AS row_count', `(${noValueSql.length > 0 ? noValueSql.join(' + ') : '0'}) AS no_value_cells`].join(', ')}
                    FROM ${quoteIdent(table)}${keys.length > 0 ? ` GROUP BY ${keys.map(quoteIdent).join(', ')}` : ''}`;
  const rowsWhere = (test: string) => `coalesce(sum(row_count) FILTER (WHERE ${test}), 0)::INTEGER`;
  const [rows = {}] = toRows(
    await engine.query(
      `SELECT ${rowsWhere(isTotal)} AS totals,
              ${unit ? rowsWhere(`coalesce(${cellText(unit)}, '') = ''`) : '0'} AS no_unit,
              ${onlyTotals === '' ? '0' : rowsWhere(`NOT (true${onlyTotals})`)} AS breakdown,
              coalesce(sum(no_value_cells) FILTER (WHERE NOT coalesce(${isTotal}, false)${hasUnit}${onlyTotals}), 0)::INTEGER AS no_value
       FROM (${perCells})`,
    ),
  );

  const choices: ChoiceAccount[] = [];
  const unaccountedCells: FileAccount['unaccountedCells'] = [];
  for (const column of columns) {
    const role = guess.roles[column]?.role;
    if (role === 'method-choices') {
      const cells = toRows(
        await engine.query(
          `SELECT ${cellText(column)} AS cell FROM ${quoteIdent(table)} WHERE ${cellText(column)} <> '' AND NOT coalesce(${isTotal}, false)`,
        ),
      ).map((r) => String(r.cell));
      const split = choiceSplitter(cells, localMethods);
      const account = { column, cells: cells.length, matched: 0, unmatched: 0 };
      for (const cell of cells) {
        const found = split(cell);
        for (const choice of found) account[methodOf(choice) === null ? 'unmatched' : 'matched']++;
        const rest = unaccountedText(cell, found);
        if (rest !== '') unaccountedCells.push({ column, cell, rest });
      }
      choices.push(account);
    }
  }
  return {
    columns: accounts,
    counts,
    choices,
    unaccountedCells,
    noValue: Number(rows.no_value ?? 0),
    totalsRows: Number(rows.totals ?? 0),
    noUnitRows: Number(rows.no_unit ?? 0),
    breakdownRows: Number(rows.breakdown ?? 0),
  };
}
