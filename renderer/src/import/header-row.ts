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
    if (!rows[i]!.some(isText) && !isYearHeading(rows[i]!)) continue;
    return i;
  }
  return nonBlank[0]!;
}

/** PX-Web's workbook heading: the years above the value columns, nothing above the region and age columns. */
function isYearHeading(row: readonly Cell[]): boolean {
  const cells = row.filter((cell) => !isBlank(cell));
  return cells.length > 0 && isBlank(row[0]) && cells.every((cell) => /^(19|20)\d{2}$/.test(String(cell).trim()));
}

/**
 * A two-row header (Netigate, Esmaker, hand-made reports): the question in the top row, merged across its
 * option columns (so only its first cell holds text), the option names in the row below, and single
 * columns (`Kommun`) in the top row with nothing below. Returns the top row's index when rows
 * `header - 1, header` or `header, header + 1` are such a pair, else null.
 */
export function detectTwoRowHeader(rows: readonly (readonly Cell[])[], header: number): number | null {
  for (const top of [header - 1, header]) {
    if (top < 0 || top + 1 >= rows.length) continue;
    if (isQuestionRow(rows[top]!, rows[top + 1]!)) return top;
  }
  return null;
}

function isQuestionRow(top: readonly Cell[], below: readonly Cell[]): boolean {
  const width = Math.max(top.length, below.length);
  let spans = 0; // option columns under a question written further left (a merged cell)
  let alone = 0; // columns named in one row only, outside a question (`Kommun` above, or below, nothing else)
  let question = false;
  let startsWithout = 0; // question starts with no option column under them: a header above a data row
  for (let c = 0; c < width; c++) {
    const up = !isBlank(top[c]);
    const down = !isBlank(below[c]);
    if (up && !isText(top[c])) return false;
    if (down && !isText(below[c])) return false;
    // A question written over each of its options (an export without merged cells) spans them too.
    if (up && down && question && String(top[c]).trim() === String(top[c - 1] ?? '').trim()) spans++;
    else if (up && down) {
      question = true;
      const next = c + 1 < width ? [!isBlank(top[c + 1]), !isBlank(below[c + 1]), String(top[c + 1] ?? '').trim() === String(top[c]).trim()] : [false, false, false];
      // An option column follows: blank above (merged) or the same question repeated above.
      if (!(next[1] && (!next[0] || next[2]))) startsWithout++;
    }
    else if (!up && down) {
      if (question) spans++;
      else alone++;
    } else if (up && !down) {
      alone++;
      question = false; // a single column ends the question before it
    } else question = false;
  }
  // A header above a data row has every named column filled below it: no column stands alone.
  if (alone === 0 || startsWithout > 0) return false;
  // A title above the header ("Insatser 2024") is one cell at the left edge, not a question.
  const filled = top.map((cell, c) => (isBlank(cell) ? -1 : c)).filter((c) => c >= 0);
  return spans > 0 && !(filled.length === 1 && filled[0] === 0);
}

/** The two rows as one header: `question: option` under a question, the top row's name elsewhere. */
export function combineHeaderRows(top: readonly Cell[], below: readonly Cell[]): Cell[] {
  const width = Math.max(top.length, below.length);
  const names: Cell[] = [];
  let question: string | null = null;
  for (let c = 0; c < width; c++) {
    const up = isBlank(top[c]) ? null : String(top[c]).trim();
    const down = isBlank(below[c]) ? null : String(below[c]).trim();
    if (up !== null && down !== null) question = up;
    else if (up !== null) question = null;
    else if (down === null) question = null;
    names.push(down === null ? up : question === null ? down : `${question}: ${down}`);
  }
  return names;
}
