// A loaded table's columns with a sample of their distinct values: what shape detection looks at.
import { toRows, type Engine } from '../db/engine';
import type { ColumnInfo } from '../db/table-info';
import { quoteIdent } from '../import/table-name';
import { cellText, TOTALS } from './model';
import type { ColumnProfile } from './shape-detect';

/** Enough rows to see every option of a survey; a million-row extract needs no more to show its shape. */
const SAMPLE_ROWS = 5000;
const DISTINCT_VALUES = 60;

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
  // empty code) must not make a column of ticks look like numbers.
  const where = unit ? `WHERE coalesce(${unit}, '') <> '' AND NOT regexp_matches(${unit}, ?)` : '';
  for (const column of columns) {
    // Distinct values first (a sample to read), then how many cells are filled and distinct: a unit
    // column whose names repeat is an extract's, one that does not is a survey's.
    const rows = toRows(
      await engine.query(
        `WITH sample AS (SELECT ${cellText(column.name)} AS v FROM (SELECT * FROM ${quoteIdent(table)} ${where} LIMIT ${SAMPLE_ROWS}))
         SELECT v, (SELECT count(v) FROM sample WHERE v <> '')::INTEGER AS filled,
                (SELECT count(DISTINCT v) FROM sample WHERE v <> '')::INTEGER AS distinct_values
         FROM (SELECT DISTINCT v FROM sample WHERE v IS NOT NULL AND v <> '' LIMIT ${DISTINCT_VALUES})`,
        unit ? [TOTALS] : [],
      ),
    );
    profiles.push({
      name: column.name,
      type: column.type,
      values: rows.map((r) => String(r.v)),
      filled: Number(rows[0]?.filled ?? 0),
      distinct: Number(rows[0]?.distinct_values ?? 0),
    });
  }
  return profiles;
}
