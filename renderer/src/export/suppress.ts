// Small-cell suppression for tables of counts, as Kolada publishes them: a count of fewer than
// `threshold` children is shown as `..` ("sekretess") so that no individual child can be singled out.
//
// Two steps:
//  1. Primary suppression: every count c with 0 < c < threshold becomes `..`.
//     0 stays 0 and null (no data) stays null: "no child" and "not reported" identify nobody, and hiding
//     them would only make the table harder to read (Kolada shows 0 as well). Totals the reader sees are
//     counts too, so a small total (0 < total < threshold) is suppressed the same way.
//  2. Complementary (secondary) suppression: where a row or column total is shown, a line with exactly
//     one hidden figure would let the reader recompute it as "total minus the rest". Such a line gets one
//     more hidden figure: its smallest other non-null, non-zero cell (the cheapest loss of information),
//     or the total itself when every other cell is 0 or null. A newly hidden cell can leave its crossing
//     line with a single hidden figure in turn, so rows and columns are re-checked until nothing changes.
//
// This is the per-line rule statistics offices apply by hand. It is not a full audit of every combination
// of rows and columns (as tau-Argus would run): in rare patterns that span several lines a reader could
// still narrow a hidden figure down, but never from any single row or column.
//
// Pure functions: no I/O, no locale, no state.

export interface SuppressionSettings {
  /** Off only for internal work where no table leaves the analyst's machine. */
  enabled: boolean;
  /** Counts strictly below this (and above 0) are hidden. Kolada and Socialstyrelsen use 5. */
  threshold: number;
}

export const DEFAULT_SUPPRESSION: SuppressionSettings = Object.freeze({ enabled: true, threshold: 5 });

/** Kolada's mark for a figure withheld for confidentiality ("sekretess"). */
export const SUPPRESSED = '..';

/** A grid of counts: rows × columns, with optional row totals / column totals that are shown to the reader. */
export interface CountGrid {
  rows: string[];
  columns: string[];
  /** values[row][column]; null = no data. Missing entries of a ragged array count as null. */
  values: (number | null)[][];
  /** A total per row (the sum across its columns) is shown. */
  rowTotals?: boolean;
  /** A total per column (the sum down its rows) is shown. */
  columnTotals?: boolean;
}

export interface SuppressedGrid {
  /** cells[row][column], same shape as the grid's rows × columns. */
  cells: (number | typeof SUPPRESSED | null)[][];
  /** Present when the grid shows row totals: the true sums (or `..`), one per row. */
  rowTotals?: (number | typeof SUPPRESSED)[];
  /** Present when the grid shows column totals: the true sums (or `..`), one per column. */
  columnTotals?: (number | typeof SUPPRESSED)[];
  /** How many figures (cells and totals) are shown as `..`. */
  suppressedCount: number;
  /** The explanation to print under the table; null when nothing was suppressed. */
  footnote: { sv: string; en: string } | null;
}

/** True for a count that must be hidden on its own account: 0 < value < threshold. */
function isSmall(value: number | null, threshold: number): boolean {
  return value !== null && value > 0 && value < threshold;
}

/**
 * One count on its own (primary suppression only): `..` when 0 < value < threshold, otherwise the value
 * unchanged (0 and null included). With settings disabled the value is returned as it is.
 */
export function suppressValue(value: number | null, settings: SuppressionSettings): number | typeof SUPPRESSED | null {
  return settings.enabled && isSmall(value, settings.threshold) ? SUPPRESSED : value;
}

/** The footnote for a table where something was suppressed, with the threshold filled in. */
function footnoteFor(threshold: number): { sv: string; en: string } {
  return {
    sv: `${SUPPRESSED} = färre än ${threshold}; uppgiften visas inte för att skydda enskilda (sekretess).`,
    en: `${SUPPRESSED} = fewer than ${threshold}; not shown to protect individuals (confidentiality).`,
  };
}

/** Sum of the non-null values; an all-null (or empty) line sums to 0. */
function sum(values: readonly (number | null)[]): number {
  return values.reduce<number>((acc, v) => acc + (v ?? 0), 0);
}

/** A row or a column whose total is shown: the cells on it and a flag for its total. */
interface Line {
  cells: { row: number; column: number }[];
  totalHidden: boolean;
}

/**
 * Suppresses a grid of counts: primary suppression of small cells and small totals, then complementary
 * suppression in every row and column whose total is shown, until stable. Totals are the sums of the
 * original (unsuppressed) values, as the published table would have them.
 */
export function suppressGrid(grid: CountGrid, settings: SuppressionSettings): SuppressedGrid {
  const { threshold } = settings;
  // A rectangular copy: the caller's arrays are never touched.
  const values: (number | null)[][] = grid.rows.map((_, r) => grid.columns.map((_, c) => grid.values[r]?.[c] ?? null));
  const rowSums = values.map((row) => sum(row));
  const columnSums = grid.columns.map((_, c) => sum(values.map((row) => row[c] ?? null)));

  if (!settings.enabled) {
    return {
      cells: values,
      ...(grid.rowTotals ? { rowTotals: rowSums } : {}),
      ...(grid.columnTotals ? { columnTotals: columnSums } : {}),
      suppressedCount: 0,
      footnote: null,
    };
  }

  const value = (row: number, column: number): number | null => values[row]?.[column] ?? null;

  // Step 1: primary suppression.
  const hidden: boolean[][] = values.map((row) => row.map((v) => isSmall(v, threshold)));
  const isHidden = (row: number, column: number): boolean => hidden[row]?.[column] ?? false;

  const rowLines: Line[] = grid.rowTotals
    ? rowSums.map((total, r) => ({
        cells: grid.columns.map((_, c) => ({ row: r, column: c })),
        totalHidden: isSmall(total, threshold),
      }))
    : [];
  const columnLines: Line[] = grid.columnTotals
    ? columnSums.map((total, c) => ({
        cells: grid.rows.map((_, r) => ({ row: r, column: c })),
        totalHidden: isSmall(total, threshold),
      }))
    : [];

  // Step 2: complementary suppression. Each pass hides at least one more figure or ends the loop, and
  // there are finitely many figures, so this terminates.
  const lines = [...rowLines, ...columnLines];
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const unknowns = line.cells.filter((cell) => isHidden(cell.row, cell.column)).length + (line.totalHidden ? 1 : 0);
      if (unknowns !== 1) continue; // 0: nothing to protect; 2+: the total no longer gives any one away.
      // The smallest other non-null, non-zero visible cell; on a tie the first one (stable output).
      let pick: { row: number; column: number } | null = null;
      let pickValue = Infinity;
      for (const cell of line.cells) {
        const v = value(cell.row, cell.column);
        if (isHidden(cell.row, cell.column) || v === null || v === 0) continue;
        if (v < pickValue) {
          pick = cell;
          pickValue = v;
        }
      }
      if (pick) {
        const row = hidden[pick.row];
        if (row) row[pick.column] = true;
        changed = true;
      } else if (!line.totalHidden) {
        // Every other cell is 0 or null: "total − 0" would still give the hidden cell away.
        line.totalHidden = true;
        changed = true;
      }
    }
  }

  const cells = values.map((row, r) => row.map((v, c) => (isHidden(r, c) ? SUPPRESSED : v)));
  const rowTotals = rowLines.map((line, r) => (line.totalHidden ? SUPPRESSED : (rowSums[r] ?? 0)));
  const columnTotals = columnLines.map((line, c) => (line.totalHidden ? SUPPRESSED : (columnSums[c] ?? 0)));
  const suppressedCount =
    hidden.reduce((n, row) => n + row.filter(Boolean).length, 0) +
    [...rowTotals, ...columnTotals].filter((t) => t === SUPPRESSED).length;

  return {
    cells,
    ...(grid.rowTotals ? { rowTotals } : {}),
    ...(grid.columnTotals ? { columnTotals } : {}),
    suppressedCount,
    footnote: suppressedCount > 0 ? footnoteFor(threshold) : null,
  };
}
