// The one typing step: a table of text, as read from the file, gets its column types in SQL. The rules
// are the way Swedish files write numbers and dates: `34,5`, `1 234` (space, no-break space or narrow
// no-break space between thousands), `34 %` (→ 34), `−5` (U+2212); ISO dates `2024-10-01` and timestamps
// `2024-10-01 08:15[:00[.000]][Z]`. Everything else is text, and so is a number with a leading zero
// (`0180` is a municipality code, not 180) or an integer of more than 15 digits (an identifier).
// A column's type is decided from its DISTINCT values (a few hundred in an extract of a million rows),
// then the column is converted in place (ALTER … USING): the table is never copied.
import { toRows, type Engine, type Row } from '../db/engine';
import { quoteIdent } from '../db/table-name';

/** The blanks a Swedish number may be grouped with, and that surround a value: space, tab, NBSP, narrow NBSP. */
const BLANKS = " \t\u00a0\u202f";
const BLANK = `[${BLANKS}]`;
const SIGN = '[+\\-\u2212]?';
const PERCENT = `(?:${BLANK}?%)?`;
/** An integer part: 0, or up to 15 digits without a leading zero, or grouped in threes by a blank. */
const INT_PART_15 = `(?:0|[1-9][0-9]{0,14}|[1-9][0-9]{0,2}(?:${BLANK}[0-9]{3}){1,4})`;
const INT_PART = `(?:0|[1-9][0-9]*|[1-9][0-9]{0,2}(?:${BLANK}[0-9]{3})+)`;

/** Kinds, as the SQL below numbers them; a column's kind is the join of its values' kinds (mergeKinds). */
const KIND = { int: 1, float: 2, date: 3, timestamp: 4, text: 5 } as const;

// Macros, created once per engine (TEMP: nothing of them is saved in a workspace). `v` is already trimmed
// of blanks and not empty. Regular expressions are RE2's (DuckDB): whole-value matches only.
const MACROS = [
  `CREATE OR REPLACE TEMP MACRO mk_trim(v) AS trim(v, '${BLANKS}')`,
  `CREATE OR REPLACE TEMP MACRO mk_timestamp_text(v) AS replace(rtrim(v, 'Z'), 'T', ' ')`,
  `CREATE OR REPLACE TEMP MACRO mk_kind(v) AS CASE
     WHEN regexp_full_match(v, '${SIGN}${INT_PART_15}${PERCENT}') THEN ${KIND.int}
     WHEN regexp_full_match(v, '${SIGN}${INT_PART}[.,][0-9]+${PERCENT}') THEN ${KIND.float}
     WHEN regexp_full_match(v, '[0-9]{4}-[0-9]{2}-[0-9]{2}') AND v NOT LIKE '0000%' AND try_cast(v AS DATE) IS NOT NULL THEN ${KIND.date}
     WHEN regexp_full_match(v, '[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]{1,6})?)?Z?')
       AND v NOT LIKE '0000%' AND try_cast(mk_timestamp_text(v) AS TIMESTAMP) IS NOT NULL THEN ${KIND.timestamp}
     ELSE ${KIND.text} END`,
  // A number as DuckDB casts it: blanks and the percent sign out, U+2212 → '-', decimal comma → point.
  `CREATE OR REPLACE TEMP MACRO mk_number_text(v) AS
     replace(replace(regexp_replace(mk_trim(v), '${BLANK}|%', '', 'g'), '\u2212', '-'), ',', '.')`,
  // Characters XML 1.0 forbids (U+0001 from a copy-paste made every chart it was drawn in malformed SVG).
  `CREATE OR REPLACE TEMP MACRO mk_xml_clean(v) AS regexp_replace(v, '[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x{FFFE}\\x{FFFF}]', '', 'g')`,
];
const macrosMade = new WeakSet<Engine>();

async function makeMacros(engine: Engine): Promise<void> {
  if (macrosMade.has(engine)) return;
  for (const sql of MACROS) await engine.query(sql); // in order: a macro is made after those it calls
  macrosMade.add(engine);
}

/** The narrowest kind holding values of kinds `a` and `b` (a join: the order values come in never matters). */
function mergeKinds(a: number, b: number): number {
  if (a === b || b === 0) return a;
  if (a === 0) return b;
  if ((a === KIND.int && b === KIND.float) || (a === KIND.float && b === KIND.int)) return KIND.float;
  if ((a === KIND.date && b === KIND.timestamp) || (a === KIND.timestamp && b === KIND.date)) return KIND.timestamp;
  return KIND.text;
}

/** What a column's distinct values say. */
interface ColumnFacts {
  /** The join of its values' kinds; 0 when it holds no value. */
  kind: number;
  /** Some value is blank (spaces, NBSP, ``): it becomes NULL. */
  blanks: boolean;
  /** Every number is written the way DuckDB casts it (`12`, `-3.5`): no rewriting needed. */
  plain: boolean;
  /** Some value holds a character XML forbids. */
  dirty: boolean;
}

/** Up to this many columns, each is converted in place; a wider table is copied once, converted. */
const ALTER_COLUMNS = 64;

/** The facts of one column from its rows of (kind, plain, dirty), one per kind. */
function factsOf(rows: readonly Row[]): ColumnFacts {
  let kind = 0;
  for (const row of rows) kind = mergeKinds(kind, Number(row.kind));
  return {
    kind,
    blanks: rows.some((row) => Number(row.kind) === 0),
    plain: rows.every((row) => Number(row.kind) === 0 || row.plain === true),
    dirty: rows.some((row) => row.dirty === true),
  };
}

/** Per distinct value `v`: its kind, whether it is a plain number, whether it holds a forbidden character. */
const VALUE_FACTS = `CASE WHEN mk_trim(v) = '' THEN 0 ELSE mk_kind(mk_trim(v)) END AS kind,
  bool_and(regexp_full_match(v, '-?[0-9]+(?:\\.[0-9]+)?')) AS plain,
  bool_or(regexp_matches(v, '[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x{FFFE}\\x{FFFF}]')) AS dirty`;

async function columnFacts(engine: Engine, table: string, columns: readonly string[]): Promise<ColumnFacts[]> {
  const t = quoteIdent(table);
  let rows: Row[];
  if (columns.length <= ALTER_COLUMNS) {
    // A DISTINCT per column: an extract's million rows hold a few hundred names and counts.
    const parts = columns.map(
      (column, k) => `SELECT ${k} AS k, ${VALUE_FACTS} FROM (SELECT DISTINCT ${quoteIdent(column)} AS v FROM ${t} WHERE ${quoteIdent(column)} IS NOT NULL) GROUP BY ALL`,
    );
    rows = toRows(await engine.query(parts.join(' UNION ALL ')));
  } else {
    // A wide table (a survey of thousands of columns, few rows): every value in one column, one query.
    const index = new Map(columns.map((column, k) => [column, k]));
    rows = toRows(await engine.query(`SELECT name, ${VALUE_FACTS} FROM (SELECT DISTINCT name, v FROM (UNPIVOT ${t} ON COLUMNS(*) INTO NAME name VALUE v)) GROUP BY ALL`));
    for (const row of rows) row.k = index.get(String(row.name));
  }
  const byColumn = columns.map((): Row[] => []);
  for (const row of rows) byColumn[Number(row.k)]!.push(row);
  return byColumn.map(factsOf);
}

/** The SQL that converts text column `c` to its kind; null when it stays as it is. */
function conversion(c: string, facts: ColumnFacts): { type: string; using: string } | null {
  const value = `nullif(mk_trim(${c}), '')`;
  switch (facts.kind) {
    case KIND.int:
      return { type: 'BIGINT', using: facts.plain && !facts.blanks ? `CAST(${c} AS BIGINT)` : `CAST(nullif(mk_number_text(${c}), '') AS BIGINT)` };
    case KIND.float:
      return { type: 'DOUBLE', using: facts.plain && !facts.blanks ? `CAST(${c} AS DOUBLE)` : `CAST(nullif(mk_number_text(${c}), '') AS DOUBLE)` };
    case KIND.date:
      return { type: 'DATE', using: `CAST(${value} AS DATE)` };
    case KIND.timestamp:
      return { type: 'TIMESTAMP', using: `CAST(mk_timestamp_text(${value}) AS TIMESTAMP)` };
    default: {
      // Text (or nothing at all): blank values are NULL, forbidden characters dropped; else untouched.
      if (!facts.blanks && !facts.dirty) return null;
      const text = facts.dirty ? `mk_xml_clean(${c})` : c;
      return { type: 'VARCHAR', using: facts.blanks ? `CASE WHEN mk_trim(${text}) = '' THEN NULL ELSE ${text} END` : text };
    }
  }
}

/**
 * Types the VARCHAR columns `columns` of `table` in place and renames them to `names` (same order,
 * unique regardless of case, none clashing with `columns`). A column whose header was blank
 * (`unnamed`) and that holds no value is dropped: an artefact of trailing delimiters.
 */
export async function typeColumns(
  engine: Engine,
  table: string,
  columns: readonly string[],
  names: readonly string[],
  unnamed: readonly boolean[],
): Promise<void> {
  await makeMacros(engine);
  const facts = await columnFacts(engine, table, columns);
  const t = quoteIdent(table);
  const kept = columns.flatMap((column, i) => (unnamed[i] && facts[i]!.kind === 0 ? [] : [i]));
  if (columns.length > ALTER_COLUMNS) {
    // A wide table is copied once with every column converted: thousands of ALTERs would take minutes.
    const staged = quoteIdent(`${table}__staged`);
    await engine.query(`ALTER TABLE ${t} RENAME TO ${staged}`);
    const select = kept.map((i) => {
      const c = quoteIdent(columns[i]!);
      return `${conversion(c, facts[i]!)?.using ?? c} AS ${quoteIdent(names[i]!)}`;
    });
    await engine.query(`CREATE TABLE ${t} AS SELECT ${select.join(', ')} FROM ${staged}`);
    await engine.query(`DROP TABLE ${staged}`);
    return;
  }
  // Otherwise each column is converted in place, and only where it changes: no copy of the table.
  for (const [i, column] of columns.entries()) {
    const c = quoteIdent(column);
    if (!kept.includes(i)) {
      await engine.query(`ALTER TABLE ${t} DROP COLUMN ${c}`);
      continue;
    }
    const change = conversion(c, facts[i]!);
    if (change) await engine.query(`ALTER TABLE ${t} ALTER ${c} TYPE ${change.type} USING ${change.using}`);
    await engine.query(`ALTER TABLE ${t} RENAME ${c} TO ${quoteIdent(names[i]!)}`);
  }
}
