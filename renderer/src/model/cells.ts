// How the import's SQL reads a unit cell: as clean text, and as a total rather than a unit. Shared by
// the model, the accounting and the statistics reader.
import { quoteIdent } from '../db/table-name';

/**
 * Rows whose unit cell is a total, not a unit: hand-made sheets end with them.
 * Kolada's ids for the whole country (`0000`) and the regions (`0001`–`0025`) are totals too, also where
 * Excel made them numbers (`0`, `1`, `20`): no municipality code starts `00` or has fewer than three digits.
 */
export const TOTALS = '^(totalt?|summa|samtliga|alla|hela kommunen|riket|00[0-9]{2}|[0-9]{1,2})$';

/** Every name cell as clean text; a whole number stays whole (`180`, not `180.0`, where a reader made codes decimals). */
export function cellText(column: string): string {
  const value = quoteIdent(column);
  return `trim(CASE WHEN typeof(${value}) IN ('FLOAT', 'DOUBLE') THEN regexp_replace(CAST(${value} AS VARCHAR), '\\.0+$', '') ELSE CAST(${value} AS VARCHAR) END)`;
}
