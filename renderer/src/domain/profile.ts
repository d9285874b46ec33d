// A loaded table's columns with a sample of their distinct values: what shape detection looks at.
import { toRows, type Engine } from '../db/engine';
import type { ColumnInfo } from '../db/table-info';
import { quoteIdent } from '../import/table-name';
import { cellText, TOTALS } from './model';
import type { ColumnProfile } from './shape-detect';

/** Enough rows to see every option of a survey; a million-row extract needs no more to show its shape. */
const SAMPLE_ROWS = 5000;
const DISTINCT_VALUES = 60;
/** Each profile samples into a table of its own: two may run at once (settings changed quickly). */
let samples = 0;

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
  const profiles: ColumnProfile[] = [];
  const unit = unitColumn === undefined ? null : `lower(${cellText(unitColumn)})`;
  // Rows without a unit are not imported either: a sum written under the name column (`Totalt` beside an
  // empty code) must not make a column of ticks look like numbers. (The pattern is the app's constant.)
  const where = unit ? `WHERE coalesce(${unit}, '') <> '' AND NOT regexp_matches(${unit}, '${TOTALS}')` : '';
  // The sample is taken once, not once per column: on a million-row extract each take is a scan.
  const sampleTable = `profile_sample_${++samples}`;
  await engine.query(`CREATE OR REPLACE TEMP TABLE ${sampleTable} AS SELECT * FROM ${quoteIdent(table)} ${where} LIMIT ${SAMPLE_ROWS}`);
  try {
    for (const column of columns) {
      const sample = `SELECT ${cellText(column.name)} AS v FROM ${sampleTable}`;
      const values = toRows(await engine.query(`SELECT DISTINCT v FROM (${sample}) WHERE v IS NOT NULL AND v <> '' LIMIT ${DISTINCT_VALUES}`));
      // How many cells are filled and distinct: a unit column whose names repeat is an extract's, one that
      // does not is a survey's. (A query of its own: beside a scalar subquery, DuckDB-WASM 1.32 returns no
      // rows for the DISTINCT … LIMIT above once a column holds over ~2,000 distinct values.)
      const [counts] = toRows(
        await engine.query(`SELECT count(v)::INTEGER AS filled, count(DISTINCT v)::INTEGER AS distinct_values FROM (${sample}) WHERE v <> ''`),
      );
      profiles.push({
        name: column.name,
        type: column.type,
        values: values.map((r) => String(r.v)),
        filled: Number(counts?.filled ?? 0),
        distinct: Number(counts?.distinct_values ?? 0),
      });
    }
  } finally {
    await engine.query(`DROP TABLE IF EXISTS ${sampleTable}`);
  }
  return profiles;
}
