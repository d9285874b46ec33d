// Before a file is imported for good: every unit and method name its columns hold, with what the
// register and the catalogue make of it, so the user settles the unknown and ambiguous ones first.
import { toRows, type Engine } from '../db/engine';
import { choiceSplitter, flagOptionName, matchMethod, METHODS } from '../domain/methods';
import { cellText, TOTALS } from './cells';
import { distinctOf, unitName, unitNameColumns } from './model';
import type { ShapeGuess } from '../domain/shape-detect';
import { matchUnit, type UnitMatch, type UnitRef } from '../domain/units';

export interface NamePreview {
  units: { name: string; match: UnitMatch }[];
  methods: { name: string; id: string | null }[];
}

/**
 * The distinct non-empty values of `value` (an expression over `columns`: a column's text, or the unit's
 * name), totals rows left out when `unitColumn` is given. Read from the distinct cells of those columns,
 * so the text and the totals test run once per distinct cell (a few hundred), not once per row.
 */
async function distinctValues(engine: Engine, table: string, value: string, columns: readonly string[], unitColumn: string | null): Promise<string[]> {
  const unit = unitColumn ? `lower(${cellText(unitColumn)})` : null;
  const read = unitColumn && !columns.includes(unitColumn) ? [...columns, unitColumn] : columns;
  // The app's own pattern, written in as a constant: as a bound parameter, DuckDB compiles the regular
  // expression again for every value it tests.
  const rows = toRows(
    await engine.query(
      `SELECT DISTINCT ${value} AS v FROM ${distinctOf(table, read)}
       WHERE ${value} <> ''${unit ? ` AND NOT regexp_matches(coalesce(${unit}, ''), '${TOTALS}')` : ''}
       ORDER BY v`,
    ),
  );
  return rows.map((r) => String(r.v));
}

export async function previewNames(
  engine: Engine,
  table: string,
  guess: ShapeGuess,
  remembered: ReadonlyMap<string, UnitRef>,
  localMethods: ReadonlyMap<string, string>,
): Promise<NamePreview> {
  const unitColumn = Object.keys(guess.roles).find((name) => guess.roles[name]!.role === 'unit') ?? null;
  // The unit names, and whether any unit cell is a total, from one read of the distinct unit cells.
  const unitRows = unitColumn
    ? toRows(
        await engine.query(
          `SELECT ${unitName(guess)} AS v, bool_or(regexp_matches(coalesce(lower(${cellText(unitColumn)}), ''), '${TOTALS}')) AS total
           FROM ${distinctOf(table, unitNameColumns(guess))} GROUP BY 1 ORDER BY 1`,
        ),
      )
    : [];
  const units = unitRows.filter((r) => r.v !== null && r.v !== '').map((r) => String(r.v));
  // Method names are read from rows whose unit is not a total. Most files hold no totals row: then each
  // method column's distinct cells are read alone, not its distinct (cell, unit) pairs (thousands).
  const totalsAside = unitRows.some((r) => r.total === true) ? unitColumn : null;
  const methodNames = new Set<string>();
  for (const [column, role] of Object.entries(guess.roles)) {
    if (role.role === 'method-flag') methodNames.add(flagOptionName(role.methodName, localMethods));
    if (role.role === 'method') for (const v of await distinctValues(engine, table, cellText(column), [column], totalsAside)) methodNames.add(v);
    if (role.role === 'method-choices') {
      const cells = await distinctValues(engine, table, cellText(column), [column], totalsAside);
      const split = choiceSplitter(cells, localMethods);
      for (const cell of cells) for (const choice of split(cell)) methodNames.add(choice);
      // Options the questionnaire offered that nobody ticked: asked, under the catalogue's name.
      for (const id of role.offered ?? []) methodNames.add(METHODS.find((m) => m.id === id)?.name ?? id);
    }
  }
  return {
    units: units
      .filter((name) => !new RegExp(TOTALS).test(name.toLowerCase()))
      .map((name) => ({ name, match: matchUnit(name, remembered) })),
    methods: [...methodNames].sort((a, b) => a.localeCompare(b, 'sv')).map((name) => ({ name, id: matchMethod(name, localMethods) })),
  };
}
