// Picks the field delimiter of a delimited text file. Swedish exports are mostly semicolon-separated
// because the comma is the decimal mark, so a naive "most commas" rule gets them wrong.

export type Delimiter = ',' | ';' | '\t' | '|';

const DELIMITERS: readonly Delimiter[] = [';', '\t', ',', '|'];

/** Counts each candidate per non-blank line, outside double quotes, over the first lines. */
function countPerLine(text: string, maxLines: number): Map<Delimiter, number[]> {
  const counts = new Map<Delimiter, number[]>(DELIMITERS.map((d) => [d, []]));
  const current = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  let blank = true;
  let lines = 0;
  const endLine = () => {
    if (!blank) for (const d of DELIMITERS) counts.get(d)!.push(current.get(d)!);
    for (const d of DELIMITERS) current.set(d, 0);
    blank = true;
    lines++;
  };
  for (let i = 0; i < text.length && lines < maxLines; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      inQuotes = !inQuotes;
      blank = false;
    } else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endLine();
    } else if (!inQuotes) {
      const n = current.get(ch as Delimiter);
      if (n !== undefined) current.set(ch as Delimiter, n + 1);
      if (ch !== ' ') blank = false;
    }
  }
  if (lines < maxLines) endLine();
  return counts;
}

/** The most common non-zero count and the share of lines that have exactly it. */
function modeOf(perLine: readonly number[]): { mode: number; share: number } {
  const tally = new Map<number, number>();
  for (const n of perLine) if (n > 0) tally.set(n, (tally.get(n) ?? 0) + 1);
  let mode = 0;
  let hits = 0;
  for (const [n, count] of tally) {
    if (count > hits || (count === hits && n > mode)) {
      mode = n;
      hits = count;
    }
  }
  return { mode, share: perLine.length === 0 ? 0 : hits / perLine.length };
}

/**
 * The delimiter that occurs the same number of times on most lines. Title lines above the header
 * (no delimiter at all) lower every candidate's share alike, so they do not decide. Ties go to the
 * order of DELIMITERS (semicolon first). Falls back to comma for one-column files.
 */
export function detectDelimiter(text: string, maxLines = 50): Delimiter {
  const counts = countPerLine(text, maxLines);
  let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of DELIMITERS) {
    const { mode, share } = modeOf(counts.get(delimiter)!);
    if (mode === 0) continue;
    const score = Math.round(share * 1000) + Math.min(mode, 99) / 100;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}
