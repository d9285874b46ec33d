// Picks the field delimiter of a delimited text file. Swedish exports are mostly semicolon-separated
// because the comma is the decimal mark, so a naive "most commas" rule gets them wrong.

export type Delimiter = ',' | ';' | '\t' | '|';

const CANDIDATES: Delimiter[] = [';', '\t', ',', '|'];

/** Counts each candidate per line, outside double quotes, over the first lines. */
function countPerLine(text: string, maxLines: number): Map<Delimiter, number[]> {
  const counts = new Map<Delimiter, number[]>(CANDIDATES.map((d) => [d, [0]]));
  let inQuotes = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < maxLines; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      inQuotes = !inQuotes;
    } else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      lines++;
      for (const list of counts.values()) list.push(0);
    } else if (!inQuotes) {
      const list = counts.get(ch as Delimiter);
      if (list) list[list.length - 1]!++;
    }
  }
  // Drop the trailing empty line a final newline leaves behind.
  for (const list of counts.values()) if (list.length > 1 && list.at(-1) === 0) list.pop();
  return counts;
}

/**
 * The delimiter that appears on the header line and the same number of times on most lines.
 * Ties go to the order of CANDIDATES (semicolon first). Falls back to comma for one-column files.
 */
export function detectDelimiter(text: string, maxLines = 50): Delimiter {
  const counts = countPerLine(text, maxLines);
  let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of CANDIDATES) {
    const perLine = counts.get(delimiter)!;
    const header = perLine[0] ?? 0;
    if (header === 0) continue;
    const consistent = perLine.filter((n) => n === header).length / perLine.length;
    const score = consistent * 1000 + header;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}
