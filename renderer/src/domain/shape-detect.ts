// Which of the four shapes a loaded table has, and the role of each column, decided from the column
// names and the values they hold. Pure: the profiles come from DuckDB, the matchers from the catalogue
// and the register, so every rule is testable with plain data.

export type Shape = 'survey-wide' | 'survey-multi' | 'usage' | 'training' | 'population' | 'unknown';

export type ColumnRole =
  | { role: 'unit' }
  | { role: 'method-flag'; methodName: string } // survey (a): one column per option
  | { role: 'method-choices' } // survey (b): several choices in one cell
  | { role: 'method' } // long form: the method named in each row
  | { role: 'period' }
  | { role: 'count' }
  | { role: 'trained' }
  | { role: 'staff' }
  | { role: 'population' } // children aged 0–17 living in the unit (a population file)
  | { role: 'likert'; scale: ScaleId } // an answer on an ordered scale (mycket nöjd … mycket missnöjd)
  | { role: 'ignore' };

import { likertScaleOf, type ScaleId } from './likert';

export interface ColumnProfile {
  name: string;
  /** DuckDB type name. */
  type: string;
  /** Up to a few dozen distinct non-empty values, as text. */
  values: string[];
}

export interface Matchers {
  /** True when the text names exactly one municipality or district of the register. */
  isUnit(text: string): boolean;
  /** The method a text names, as the catalogue's spelling-independent id, or null. */
  methodOf(text: string): string | null;
  splitChoices(cell: string): string[];
}

export interface ShapeGuess {
  shape: Shape;
  roles: Record<string, ColumnRole>;
}

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL)/;
const PERIOD_HEADER = /(period|månad|manad|datum|kvartal|tertial|halvår|år$|^år|month|date|year|vecka)/i;
const TRAINED_HEADER = /utbildad|utbildning|trained/i;
const STAFF_HEADER = /personal|socialsekreterare|anställda|tjänst|handläggare|staff|medarbetare/i;
const COUNT_HEADER = /antal|count|ärenden|barn|st\b|number/i;
const POPULATION_HEADER = /folkmängd|befolkning|invånare|population/i;
/** Values that mean "not ticked" in a one-column-per-option survey; anything else non-empty is a tick. */
const NO_VALUES = new Set(['nej', 'no', '0', 'false', 'falskt', '-', 'nej.', 'n']);

/** The shape a set of roles describes: detection and the user's own edits both end here. */
export function shapeFromRoles(roles: Readonly<Record<string, ColumnRole>>): Shape {
  const count = (role: ColumnRole['role']) => Object.values(roles).filter((r) => r.role === role).length;
  if (count('unit') !== 1) return 'unknown';
  if (count('method') === 1 && count('trained') === 1 && count('staff') === 1) return 'training';
  if (count('method') === 1 && count('count') === 1) return 'usage';
  if (count('population') === 1 && count('method') + count('method-flag') + count('method-choices') === 0) return 'population';
  const flags = count('method-flag');
  const choices = count('method-choices');
  // A survey of scale questions only (satisfaction, knowledge) is one row per unit, one column per question.
  if (flags + choices === 0) return count('likert') > 0 ? 'survey-wide' : 'unknown';
  return flags >= choices ? 'survey-wide' : 'survey-multi';
}

function share(values: readonly string[], test: (value: string) => boolean): number {
  return values.length === 0 ? 0 : values.filter(test).length / values.length;
}

function isFlagColumn(profile: ColumnProfile, methodName: string, m: Matchers): boolean {
  // Ja/Nej, X, 1/0, true/false, or the option's own text (Netigate writes "KOMET" in "Insatser: KOMET").
  const method = m.methodOf(methodName);
  return profile.values.every((v) => {
    const lower = v.trim().toLowerCase();
    return NO_VALUES.has(lower) || ['ja', 'yes', 'x', '1', 'true', 'sant'].includes(lower) || m.methodOf(v) === method;
  });
}

/**
 * The text column whose values most often name a municipality or district (at least half of them).
 * Only text columns: a column of dates or counts is never the unit, even where its digits look like codes.
 */
export function findUnitColumn(columns: readonly ColumnProfile[], m: Matchers): string | null {
  const scored = columns
    .filter((c) => c.type === 'VARCHAR' && c.values.length > 0)
    .map((c) => ({ name: c.name, score: share(c.values, m.isUnit) }))
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  return best && best.score >= 0.5 ? best.name : null;
}

export function detectShape(columns: readonly ColumnProfile[], m: Matchers): ShapeGuess {
  const roles: Record<string, ColumnRole> = Object.fromEntries(columns.map((c) => [c.name, { role: 'ignore' } as ColumnRole]));
  const unitName = findUnitColumn(columns, m);
  if (unitName === null) return { shape: 'unknown', roles };
  roles[unitName] = { role: 'unit' };
  const rest = columns.filter((c) => c.name !== unitName);

  // Long form: a column of method names, one per row. A cell with a ";" is a list of choices, even
  // when it holds one ("MST;", as Microsoft Forms writes a single choice).
  const methodColumn = rest
    .filter((c) => !NUMERIC.test(c.type) && c.values.length > 0)
    .map((c) => ({ c, score: share(c.values, (v) => !v.includes(';') && m.methodOf(v) !== null) }))
    .sort((a, b) => b.score - a.score)[0];
  const numeric = rest.filter((c) => NUMERIC.test(c.type));
  if (methodColumn && methodColumn.score >= 0.5 && numeric.length > 0) {
    roles[methodColumn.c.name] = { role: 'method' };
    const trained = numeric.find((c) => TRAINED_HEADER.test(c.name));
    const staff = numeric.find((c) => STAFF_HEADER.test(c.name) && c !== trained);
    if (trained && staff) {
      roles[trained.name] = { role: 'trained' };
      roles[staff.name] = { role: 'staff' };
      return { shape: shapeFromRoles(roles), roles };
    }
    const count = numeric.find((c) => COUNT_HEADER.test(c.name)) ?? numeric[0]!;
    roles[count.name] = { role: 'count' };
    const period = rest.find((c) => c !== methodColumn.c && c !== count && (PERIOD_HEADER.test(c.name) || /^(DATE|TIMESTAMP)/.test(c.type)));
    if (period) roles[period.name] = { role: 'period' };
    return { shape: shapeFromRoles(roles), roles };
  }

  // A population file: a unit and its number of children, no methods anywhere.
  const population = numeric.find((c) => POPULATION_HEADER.test(c.name));
  if (population && !rest.some((c) => m.methodOf(c.name) !== null)) {
    roles[population.name] = { role: 'population' };
    return { shape: shapeFromRoles(roles), roles };
  }

  // Survey (a): headers name methods, cells tick them.
  const flags = rest.filter((c) => m.methodOf(c.name) !== null && isFlagColumn(c, c.name, m));
  // Survey (b): cells hold several method names joined by ; or ,.
  const choices = rest.filter(
    (c) =>
      !flags.includes(c) &&
      !NUMERIC.test(c.type) &&
      c.values.length > 0 &&
      share(c.values, (v) => m.splitChoices(v).some((part) => m.methodOf(part) !== null)) >= 0.5,
  );
  for (const c of flags) roles[c.name] = { role: 'method-flag', methodName: c.name };
  for (const c of choices) roles[c.name] = { role: 'method-choices' };
  for (const c of rest) {
    const scale = c.type === 'VARCHAR' && !flags.includes(c) && !choices.includes(c) ? likertScaleOf(c.values) : null;
    if (scale) roles[c.name] = { role: 'likert', scale };
  }
  return { shape: shapeFromRoles(roles), roles };
}
