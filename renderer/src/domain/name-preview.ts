// Before a file is imported for good: every unit and method name its columns hold, with what the
// register and the catalogue make of it, so the user settles the unknown and ambiguous ones first.
import { toRows, type Engine } from '../db/engine';
import { quoteIdent } from '../import/table-name';
import { choiceSplitter, flagOptionName, matchMethod, METHODS } from './methods';
import { cellText, TOTALS } from './cells';
import { unitName } from './model';
import type { ShapeGuess } from './shape-detect';
import { matchUnit, type UnitMatch, type UnitRef } from './units';

export interface NamePreview {
  units: { name: string; match: UnitMatch }[];
  methods: { name: string; id: string | null }[];
}

/** The distinct non-empty values of `value` (a column's text, or an expression), totals rows left out. */
async function distinctValues(engine: Engine, table: string, value: string, unitColumn: string | null): Promise<string[]> {
  const unit = unitColumn ? `lower(${cellText(unitColumn)})` : null;
  const rows = toRows(
    await engine.query(
      `SELECT DISTINCT ${value} AS v FROM ${quoteIdent(table)}
       WHERE ${value} <> ''${unit ? ` AND NOT regexp_matches(coalesce(${unit}, ''), ?)` : ''}
       ORDER BY v`,
      unit ? [TOTALS] : [],
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
  const units = unitColumn ? await distinctValues(engine, table, unitName(guess), null) : [];
  const methodNames = new Set<string>();
  for (const [column, role] of Object.entries(guess.roles)) {
    if (role.role === 'method-flag') methodNames.add(flagOptionName(role.methodName, localMethods));
    if (role.role === 'method') for (const v of await distinctValues(engine, table, cellText(column), unitColumn)) methodNames.add(v);
    if (role.role === 'method-choices') {
      const cells = await distinctValues(engine, table, cellText(column), unitColumn);
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
