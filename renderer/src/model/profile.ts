// A loaded table's columns with a sample of their distinct values: what shape detection looks at.
import { toRows, type Engine } from '../db/engine';
import type { ColumnInfo } from '../db/table-info';
import { quoteIdent } from '../db/table-name';
import { cellText, TOTALS } from './cells';
import { MAX_SHAPE_COLUMNS, type ColumnProfile } from '../domain/shape-detect';

/** Enough rows to see every option of a survey; a million-row extract needs no more to show its shape. */
const SAMPLE_ROWS = 5000;
const DISTINCT_VALUES = 60;
/** Columns counted per query, and columns whose values are read. */
const COUNT_COLUMNS = 64;
const VALUE_COLUMNS = 1000;
/** Each profile samples into a table of its own: two may run at once (settings changed quickly). */
let samples = 0;

/** Rows at the end of a table looked at first for its last table row (notes below a table are a few lines). */
const TAIL_ROWS = 1000;

/**
 * The rowid of the last row where `filled` holds (a value beside the first column), -1 when none. The
 * last thousand rows are looked at first: DuckDB reads a rowid range alone, where testing every row of a
 * million-row extract took most of the profile's time. Only a table whose last thousand rows are all notes
 * is read whole. (The rowid bound is a number DuckDB gave, written in so the range reaches the scan.)
 */
async function lastTableRow(engine: Engine, table: string, filled: string): Promise<number> {
  const [{ n } = { n: 0 }] = toRows(await engine.query(`SELECT count(*) AS n FROM ${quoteIdent(table)}`));
  const tail = Math.max(0, Number(n) - TAIL_ROWS);
  const [{ last_row: inTail } = { last_row: null }] = toRows(
    await engine.query(`SELECT max(rowid) AS last_row FROM ${quoteIdent(table)} WHERE rowid >= ${tail} AND (${filled})`),
  );
  if (inTail !== null) return Number(inTail);
  if (tail === 0) return -1;
  const [{ last_row: anywhere } = { last_row: -1 }] = toRows(
    await engine.query(`SELECT coalesce(max(rowid), -1) AS last_row FROM ${quoteIdent(table)} WHERE ${filled}`),
  );
  return Number(anywhere);
}

/**
 * With `unitColumn`, rows whose unit is a total ("Totalt", "Summa") or empty are left out: their sums
 * would make a column of ticks look like a column of numbers.
 */
export async function profileTable(
  engine: Engine,
  table: string,
  columns: readonly ColumnInfo[],
  unitColumn?: string,
): Promise<ColumnProfile[]> {
  // Too wide to have a shape (shape-detect.ts): nothing to sample.
  if (columns.length > MAX_SHAPE_COLUMNS) return columns.map((c) => ({ name: c.name, type: c.type, values: [] }));
  const profiles: ColumnProfile[] = [];
  const unit = unitColumn === undefined ? null : `lower(${cellText(unitColumn)})`;
  // Rows without a unit are not imported either: a sum written under the name column (`Totalt` beside an
  // empty code) must not make a column of ticks look like numbers. (The pattern is the app's constant.)
  const conditions = unit ? [`coalesce(${unit}, '') <> ''`, `NOT regexp_matches(${unit}, '${TOTALS}')`] : [];
  // Notes below a table (SCB's `Fotnoter`, `Källa: SCB`) are written in its first column alone: left out,
  // they cannot outnumber the regions of a small download and hide its region column.
  if (columns.length > 1) {
    // A few columns beside the first tell a table row from a note; all of a 16,384-column file need not.
    const others = columns.slice(1, 33).map((c) => `coalesce(${cellText(c.name)}, '') <> ''`);
    conditions.push(`rowid <= ${await lastTableRow(engine, table, others.join(' OR '))}`);
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  // The sample is taken once, not once per column: on a million-row extract each take is a scan.
  const sampleTable = `profile_sample_${++samples}`;
  await engine.query(`CREATE OR REPLACE TEMP TABLE ${sampleTable} AS SELECT * FROM ${quoteIdent(table)} ${where} LIMIT ${SAMPLE_ROWS}`);
  try {
    // How many cells are filled and distinct, every column in one pass: a unit column whose names repeat
    // is an extract's, one that does not is a survey's. (A query apart from the values below: beside a
    // scalar subquery, DuckDB-WASM 1.32 returns no rows for DISTINCT … LIMIT once a column holds over
    // ~2,000 distinct values.)
    const filled = (c: number) => `nullif(${cellText(columns[c]!.name)}, '')`;
    // A few dozen columns per query: one query over thousands of columns holds a hash table per column
    // at once (a 1,000-column file took gigabytes).
    const counts: Record<string, unknown> = {};
    for (let start = 0; start < columns.length; start += COUNT_COLUMNS) {
      const chunk = columns.slice(start, start + COUNT_COLUMNS).map((_, k) => start + k);
      const [row = {}] = toRows(
        await engine.query(`SELECT ${chunk.map((c) => `count(${filled(c)})::INTEGER AS f${c}, count(DISTINCT ${filled(c)})::INTEGER AS d${c}`).join(', ')} FROM ${sampleTable}`),
      );
      Object.assign(counts, row);
    }
    for (const [c, column] of columns.entries()) {
      // Values of the first columns only: no shape reads past a thousand columns, and a query per column
      // of a 16,384-column file would take minutes (its other columns are counted, and left unread).
      const values =
        c < VALUE_COLUMNS
          ? toRows(await engine.query(`SELECT DISTINCT v FROM (SELECT ${cellText(column.name)} AS v FROM ${sampleTable}) WHERE v IS NOT NULL AND v <> '' LIMIT ${DISTINCT_VALUES}`))
          : [];
      profiles.push({
        name: column.name,
        type: column.type,
        values: values.map((r) => String(r.v)),
        filled: Number(counts[`f${c}`] ?? 0),
        distinct: Number(counts[`d${c}`] ?? 0),
      });
    }
  } finally {
    await engine.query(`DROP TABLE IF EXISTS ${sampleTable}`);
  }
  return profiles;
}
