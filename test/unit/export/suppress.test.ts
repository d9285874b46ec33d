import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SUPPRESSION,
  SUPPRESSED,
  suppressGrid,
  suppressValue,
  type CountGrid,
  type SuppressionSettings,
} from '../../../renderer/src/export/suppress';

const ON = DEFAULT_SUPPRESSION;
const OFF: SuppressionSettings = { enabled: false, threshold: 5 };
const X = SUPPRESSED;

/** A grid with generated labels: only the values and the totals flags matter to suppression. */
function grid(values: (number | null)[][], totals: { rowTotals?: boolean; columnTotals?: boolean } = {}): CountGrid {
  return {
    rows: values.map((_, r) => `rad ${r + 1}`),
    columns: (values[0] ?? []).map((_, c) => `kolumn ${c + 1}`),
    values,
    ...totals,
  };
}

describe('DEFAULT_SUPPRESSION and SUPPRESSED', () => {
  it('follow Kolada: on, threshold 5, mark ".."', () => {
    expect(DEFAULT_SUPPRESSION).toEqual({ enabled: true, threshold: 5 });
    expect(SUPPRESSED).toBe('..');
  });
});

describe('suppressValue', () => {
  it.each<[number | null, SuppressionSettings, number | typeof SUPPRESSED | null]>([
    [4, ON, X], // just below the threshold
    [1, ON, X],
    [0.5, ON, X], // anything strictly between 0 and the threshold
    [5, ON, 5], // the threshold itself is shown
    [6, ON, 6],
    [0, ON, 0], // "no child" identifies nobody
    [null, ON, null], // no data stays no data
    [4, OFF, 4], // disabled: nothing hidden
    [1, OFF, 1],
    [9, { enabled: true, threshold: 10 }, X], // changed threshold
    [10, { enabled: true, threshold: 10 }, 10],
    [4, { enabled: true, threshold: 3 }, 4],
    [2, { enabled: true, threshold: 3 }, X],
  ])('%j with %j → %j', (value, settings, expected) => {
    expect(suppressValue(value, settings)).toBe(expected);
  });
});

describe('suppressGrid: primary suppression', () => {
  it('hides 1–4, shows 0, null and 5 and above, without totals nothing else is hidden', () => {
    const result = suppressGrid(grid([[4, 5, 0, null, 1, 100]]), ON);
    expect(result.cells).toEqual([[X, 5, 0, null, X, 100]]);
    expect(result.suppressedCount).toBe(2);
    expect(result.rowTotals).toBeUndefined();
    expect(result.columnTotals).toBeUndefined();
  });

  it('follows a changed threshold', () => {
    const values = [[3, 9, 10, 12]];
    expect(suppressGrid(grid(values), { enabled: true, threshold: 10 }).cells).toEqual([[X, X, 10, 12]]);
    expect(suppressGrid(grid(values), { enabled: true, threshold: 3 }).cells).toEqual([[3, 9, 10, 12]]);
    expect(suppressGrid(grid(values), { enabled: true, threshold: 4 }).cells).toEqual([[X, 9, 10, 12]]);
  });

  it('gives the footnote with the threshold in both languages, only when something was hidden', () => {
    expect(suppressGrid(grid([[3, 20]]), ON).footnote).toEqual({
      sv: '.. = färre än 5; uppgiften visas inte för att skydda enskilda (sekretess).',
      en: '.. = fewer than 5; not shown to protect individuals (confidentiality).',
    });
    expect(suppressGrid(grid([[3, 20]]), { enabled: true, threshold: 10 }).footnote?.sv).toBe(
      '.. = färre än 10; uppgiften visas inte för att skydda enskilda (sekretess).',
    );
    expect(suppressGrid(grid([[3, 20]]), { enabled: true, threshold: 10 }).footnote?.en).toBe(
      '.. = fewer than 10; not shown to protect individuals (confidentiality).',
    );
    const clean = suppressGrid(grid([[0, 5, null]], { rowTotals: true, columnTotals: true }), ON);
    expect(clean.footnote).toBeNull();
    expect(clean.suppressedCount).toBe(0);
  });

  it('treats ragged rows as null and never changes the input', () => {
    const values = [[3, 7], [8]];
    const input = grid(values, { rowTotals: true });
    const copy = structuredClone(input);
    const result = suppressGrid(input, ON);
    expect(input).toEqual(copy);
    expect(result.cells).toEqual([
      [X, X],
      [8, null],
    ]);
    expect(result.rowTotals).toEqual([10, 8]);
  });
});

describe('suppressGrid: complementary suppression', () => {
  it.each<[string, (number | null)[][], (number | typeof SUPPRESSED | null)[][], (number | typeof SUPPRESSED)[]]>([
    // One small cell: the smallest other non-zero cell goes too, the total stays.
    ['the smallest other cell', [[3, 10, 7, 20]], [[X, 10, X, 20]], [40]],
    // The smallest other is picked even when 0 and null lie around it; on a tie the first.
    ['skipping 0 and null', [[0, 3, null, 8, 8, 0]], [[0, X, null, X, 8, 0]], [19]],
    // Two small cells already protect each other: nothing else.
    ['nothing when two are hidden already', [[2, 3, 50]], [[X, X, 50]], [55]],
    // The only other cell is 0: the total would give 3 away, so the total goes.
    ['the total when the only other cell is zero', [[3, 0]], [[X, 0]], [X]],
    ['the total when the only other cell is null', [[3, null]], [[X, null]], [X]],
    ['the total when the cell is alone', [[4]], [[X]], [X]],
    // A total of 6 from 4 + 2: both hidden by the primary rule; the total (6 ≥ 5) is shown.
    ['nothing more when the total is large enough', [[4, 2, 0]], [[X, X, 0]], [6]],
  ])('in a row with its total: %s', (_, values, cells, rowTotals) => {
    const result = suppressGrid(grid(values, { rowTotals: true }), ON);
    expect(result.cells).toEqual(cells);
    expect(result.rowTotals).toEqual(rowTotals);
    expect(result.columnTotals).toBeUndefined();
    expect(result.suppressedCount).toBe([...cells.flat(), ...rowTotals].filter((v) => v === X).length);
  });

  it('hides a small total, since it is a count of fewer than five children', () => {
    // 1 + 2 = 3: both cells are hidden and so is their total.
    const result = suppressGrid(grid([[1, 2]], { rowTotals: true }), ON);
    expect(result.cells).toEqual([[X, X]]);
    expect(result.rowTotals).toEqual([X]);
    expect(result.suppressedCount).toBe(3);
  });

  it.each<[string, (number | null)[][], (number | typeof SUPPRESSED | null)[][], (number | typeof SUPPRESSED)[]]>([
    ['the smallest other cell', [[3], [10], [7], [20]], [[X], [10], [X], [20]], [40]],
    ['the total when the only other cell is zero', [[0], [2]], [[0], [X]], [X]],
    ['the total when the only other cell is null', [[null], [2]], [[null], [X]], [X]],
  ])('in a column with its total: %s', (_, values, cells, columnTotals) => {
    const result = suppressGrid(grid(values, { columnTotals: true }), ON);
    expect(result.cells).toEqual(cells);
    expect(result.columnTotals).toEqual(columnTotals);
    expect(result.rowTotals).toBeUndefined();
  });

  it('only protects the lines whose totals are shown', () => {
    const values = [
      [3, 10],
      [20, 30],
    ];
    // Row totals only: row 1 loses its 10 as well; the columns are left alone.
    expect(suppressGrid(grid(values, { rowTotals: true }), ON).cells).toEqual([
      [X, X],
      [20, 30],
    ]);
    // Column totals only: column 1 loses its 20 as well.
    expect(suppressGrid(grid(values, { columnTotals: true }), ON).cells).toEqual([
      [X, 10],
      [X, 30],
    ]);
    // No totals: only the small cell.
    expect(suppressGrid(grid(values), ON).cells).toEqual([
      [X, 10],
      [20, 30],
    ]);
  });

  it('iterates across rows and columns until no line has a single hidden figure', () => {
    const values = [
      [2, 10, 50],
      [30, 40, 60],
      [70, 80, 90],
    ];
    const result = suppressGrid(grid(values, { rowTotals: true, columnTotals: true }), ON);
    // Row 1: 2 → hide 10. Column 1: 2 → hide 30. Column 2: 10 → hide 40. Row 2: 30 and 40 → two, stable.
    expect(result.cells).toEqual([
      [X, X, 50],
      [X, X, 60],
      [70, 80, 90],
    ]);
    expect(result.rowTotals).toEqual([62, 130, 240]);
    expect(result.columnTotals).toEqual([102, 130, 200]);
    expect(result.suppressedCount).toBe(4);
    // Every row and column with a total now has zero or at least two hidden figures.
    const hiddenIn = (line: (number | typeof SUPPRESSED | null)[]) => line.filter((v) => v === X).length;
    for (const row of result.cells) expect([0, 2, 3]).toContain(hiddenIn(row));
    for (let c = 0; c < 3; c++) expect([0, 2, 3]).toContain(hiddenIn(result.cells.map((row) => row[c] ?? null)));
  });

  it.each<[string, number | null]>([
    ['zero', 0],
    ['null', null],
  ])('hides a large total when a complementary cell has only %s beside it, in rows and in columns', (_, empty) => {
    // Row 1: 3 → 10 goes too. Column 1: 3 → 20 goes too. Column 2 = [10, empty]: 10 is hidden and alone,
    // so its total (10) goes. Row 2 = [20, empty]: likewise its total (20) goes.
    const result = suppressGrid(grid([[3, 10], [20, empty]], { rowTotals: true, columnTotals: true }), ON);
    expect(result.cells).toEqual([
      [X, X],
      [X, empty],
    ]);
    expect(result.rowTotals).toEqual([13, X]);
    expect(result.columnTotals).toEqual([23, X]);
    expect(result.suppressedCount).toBe(5);
  });

  it('keeps going after a hidden total, across rows and columns', () => {
    // Row 1 = [3, 0]: its total (3) is small and hidden. Column 1 = [3, 12]: 12 goes with it.
    // Row 2 = [12, 20]: 20 goes. Column 2 = [0, 20]: 20 is alone, nothing else non-zero → the total goes.
    const result = suppressGrid(grid([[3, 0], [12, 20]], { rowTotals: true, columnTotals: true }), ON);
    expect(result.cells).toEqual([
      [X, 0],
      [X, X],
    ]);
    expect(result.rowTotals).toEqual([X, 32]);
    expect(result.columnTotals).toEqual([15, X]);
    expect(result.suppressedCount).toBe(5);
  });

  it('does nothing when disabled, but still gives the true totals', () => {
    const result = suppressGrid(grid([[3, 0], [1, 20]], { rowTotals: true, columnTotals: true }), OFF);
    expect(result.cells).toEqual([
      [3, 0],
      [1, 20],
    ]);
    expect(result.rowTotals).toEqual([3, 21]);
    expect(result.columnTotals).toEqual([4, 20]);
    expect(result.suppressedCount).toBe(0);
    expect(result.footnote).toBeNull();
  });

  it('computes totals from the unsuppressed values', () => {
    const result = suppressGrid(grid([[3, 10, 7, 20], [1, 1, 1, 100]], { rowTotals: true, columnTotals: true }), ON);
    expect(result.rowTotals).toEqual([40, 103]);
    expect(result.columnTotals).toEqual([X, 11, 8, 120]);
  });
});
