// Where the header is. Hand-made sheets put a title and an extract date above it ("Insatser per
// stadsdel 2024", "Uttag 2024-10-01", a blank row, then the header), so the first row is not always it.
import { TEXT, classifyText } from './parse-value';
import type { Cell } from './read-xlsx';
import { isBlank } from './rows-to-arrow';

const scratch = new Float64Array(1);

function isText(cell: Cell | undefined): boolean {
  return typeof cell === 'string' && classifyText(cell, scratch) === TEXT;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

/** Rows searched for the header, and rows after a candidate that show the data's shape. */
const SEARCH = 30;
const FOLLOWING = 10;

/**
 * The 0-based index of the header row: the first row that is followed by consistently shaped data and
 * is itself nearly full (at most one empty cell fewer than a typical data row, and at least as wide)
 * and has some text. Title rows (one cell) and date lines fail the first test. Falls back to the first
 * non-blank row.
 */
export function detectHeaderRow(rows: readonly (readonly Cell[])[]): number {
  const filled = rows.map((row) => row.filter((cell) => !isBlank(cell)).length);
  const width = rows.map((row) => {
    let w = row.length;
    while (w > 0 && isBlank(row[w - 1])) w--;
    return w;
  });
  const nonBlank = rows.map((_, i) => i).filter((i) => filled[i]! > 0);
  if (nonBlank.length === 0) return 0;
  for (let k = 0; k < nonBlank.length && nonBlank[k]! < SEARCH; k++) {
    const i = nonBlank[k]!;
    const following = nonBlank.slice(k + 1, k + 1 + FOLLOWING);
    if (following.length === 0) break;
    const dataFilled = median(following.map((j) => filled[j]!));
    const dataWidth = median(following.map((j) => width[j]!));
    const need = dataFilled <= 2 ? dataFilled : Math.max(2, dataFilled - 1);
    if (filled[i]! < need || width[i]! < dataWidth) continue;
    if (!rows[i]!.some(isText)) continue;
    return i;
  }
  return nonBlank[0]!;
}
