// The app's rules for delimited text, in JavaScript where DuckDB's reader cannot apply them: the header
// and a preview from a prefix of the file, and, for a file with rows DuckDB would reject, the rows walked
// one by one. Rows whose field count does not match the header, and rows with broken quoting, are
// rejected one by one (with their line number and a reason in Swedish) instead of failing the file;
// everything else is imported.
import { CONTENT, DelimitedParser, QUOTED } from './delimited';
import type { Delimiter } from './detect-delimiter';
import { detectHeaderRow } from './header-row';
import { uniqueHeaders } from './rows-to-arrow';

export interface RejectedRow {
  /** 1-based line in the file where the row starts. */
  line: number;
  /** Plain Swedish, without the line number: `5 fält, rubriken har 4`. */
  reason: string;
}

/** At most this many rejected rows are listed (all are counted). */
const MAX_LISTED_REJECTS = 1000;

const REASONS = {
  'unterminated-quote': 'ett citattecken avslutas aldrig',
  'bad-quote': 'text efter ett avslutande citattecken',
} as const;

/** Rows at the top of the file looked at to find the header. */
export const HEADER_SEARCH_ROWS = 40;

interface Visitor {
  /** The header record; `width` fields, the last named one at `named - 1`. */
  header(parser: DelimitedParser): void;
  /** A data row that fits the header. Return false to stop reading. */
  row(parser: DelimitedParser, width: number): boolean;
  reject(line: number, reason: string): void;
}

/** Bytes read between two progress reports. */
const PROGRESS_STEP = 1 << 20;

/**
 * Walks the records after `headerRow` (a 0-based record index; blank lines count as records).
 * Field count rule: at least as many fields as the header has named columns, and any field beyond
 * the header's last one empty (Excel writes a trailing `;`). Returns false if there is no such row.
 * `progress` hears the share of the bytes read so far, about every megabyte.
 */
function walk(parser: DelimitedParser, headerRow: number, visit: Visitor, progress?: (fraction: number) => void): boolean {
  let index = 0;
  let found = false;
  while (parser.next()) {
    if (index++ === headerRow) {
      found = true;
      break;
    }
  }
  if (!found) return false;
  const width = parser.fieldCount;
  let named = width;
  while (named > 0 && !(parser.flags[named - 1]! & CONTENT)) named--;
  visit.header(parser);
  const total = parser.bytes.length;
  let nextReport = progress ? parser.offset + PROGRESS_STEP : Infinity;
  // Below a blank line, notes written in the first field alone (SCB's `Fotnoter;`, `Källa: SCB;`) are
  // rows of the file, for the reader to account for (statistics-read.ts), not malformed ones.
  let rows = 0;
  let belowBlank = false;
  while (parser.next()) {
    if (parser.offset >= nextReport) {
      progress!(parser.offset / total);
      nextReport = parser.offset + PROGRESS_STEP;
    }
    if (!parser.hasContent) {
      belowBlank = rows > 0;
      continue; // blank line, or only delimiters
    }
    rows++;
    if (parser.error) {
      visit.reject(parser.line, REASONS[parser.error]);
      continue;
    }
    const count = parser.fieldCount;
    let fits = count >= named;
    for (let i = width; fits && i < count; i++) if (parser.flags[i]! & CONTENT) fits = false;
    if (!fits && belowBlank && count < named && countUpToLastContent(parser) === 1) {
      if (!visit.row(parser, width)) break;
      continue;
    }
    if (!fits) {
      const fieldCount = count > width ? countUpToLastContent(parser) : count;
      visit.reject(parser.line, `${fieldCount} fält, rubriken har ${count > width ? width : named}`);
      if (parser.multiLine) parser.skipToNextLine();
      continue;
    }
    if (!visit.row(parser, width)) break;
  }
  return true;
}

/** Field count without trailing empty fields (the `;;;` some exports end every line with). */
function countUpToLastContent(parser: DelimitedParser): number {
  let n = parser.fieldCount;
  while (n > 0 && !(parser.flags[n - 1]! & CONTENT)) n--;
  return n;
}

/** The header record of a file: its fields as written, and where the data below it starts. */
interface DelimitedHeader {
  /** The header's fields, trimmed; `width` of them. */
  names: string[];
  /** Byte offset of the first record below the header. */
  dataStart: number;
}

/** Record `headerRow` (blank lines count as records); null when the file has no such record. */
export function readHeader(utf8: Uint8Array, delimiter: Delimiter, headerRow: number): DelimitedHeader | null {
  const parser = new DelimitedParser(utf8, delimiter);
  for (let index = 0; parser.next(); index++) {
    if (index === headerRow) return { names: parser.texts().map((name) => name.trim()), dataStart: parser.offset };
  }
  return null;
}

/** The file's rows made regular: what DuckDB reads when the file itself has rows it would reject. */
interface RegularRows {
  /** UTF-8, `\n`-ended records of exactly `width` fields, quoted fields kept as written; no header. */
  text: Uint8Array;
  /** The longest record written, in bytes. */
  longest: number;
  rowsRead: number;
  rejected: RejectedRow[];
  rejectedCount: number;
}

/**
 * Walks every record below `headerRow` as the app's reader rules say (walk: field counts, broken
 * quotes, notes below a blank line; each rejected row by its line) and writes the rows kept, padded
 * or cut to the header's width, as text DuckDB's reader takes without a complaint. Used only for a file
 * DuckDB would reject rows of: most files go to DuckDB as they are (load-delimited.ts).
 */
export function regularRows(utf8: Uint8Array, delimiter: Delimiter, headerRow: number, progress?: (fraction: number) => void): RegularRows | null {
  let out = new Uint8Array(Math.max(1024, utf8.length + (utf8.length >> 3)));
  let size = 0;
  const room = (needed: number) => {
    if (size + needed <= out.length) return;
    const grown = new Uint8Array(Math.max(out.length * 2, size + needed));
    grown.set(out.subarray(0, size));
    out = grown;
  };
  const rejected: RejectedRow[] = [];
  let rejectedCount = 0;
  let rowsRead = 0;
  let longest = 0;
  const delim = delimiter.charCodeAt(0);
  const found = walk(
    new DelimitedParser(utf8, delimiter),
    headerRow,
    {
      header() {},
      row(p, width) {
        rowsRead++;
        const count = Math.min(p.fieldCount, width);
        const start = size;
        for (let i = 0; i < width; i++) {
          if (i > 0) {
            room(1);
            out[size++] = delim;
          }
          if (i >= count) continue;
          const s = p.starts[i]!;
          const e = p.ends[i]!;
          const quoted = (p.flags[i]! & QUOTED) !== 0;
          room(e - s + 2);
          if (quoted) out[size++] = QUOTE;
          out.set(utf8.subarray(s, e), size);
          size += e - s;
          if (quoted) out[size++] = QUOTE;
        }
        room(1);
        out[size++] = LF;
        longest = Math.max(longest, size - start);
        return true;
      },
      reject(line, reason) {
        rowsRead++;
        rejectedCount++;
        if (rejected.length < MAX_LISTED_REJECTS) rejected.push({ line, reason });
      },
    },
    progress,
  );
  if (!found) return null;
  return { text: out.subarray(0, size), longest, rowsRead, rejected, rejectedCount };
}

const QUOTE = 0x22;
const LF = 0x0a;

export interface DelimitedPreview {
  headerRow: number;
  /** The first rows of the file as they are (blank lines as []), to choose the header from. */
  topRows: string[][];
  columns: string[];
  rows: string[][];
}

/**
 * The header (detected, or the one the user chose) and the first data rows, from a prefix of the
 * file. `complete` says whether the prefix is the whole file.
 */
export function previewDelimited(
  utf8: Uint8Array,
  delimiter: Delimiter,
  complete: boolean,
  headerRow: number | undefined,
  maxRows = 20,
): DelimitedPreview & { enough: boolean } {
  const top: string[][] = [];
  const scan = new DelimitedParser(utf8, delimiter, complete);
  while (top.length < HEADER_SEARCH_ROWS && scan.next()) top.push(scan.hasContent ? scan.texts() : []);
  const chosen = headerRow ?? detectHeaderRow(top.map((row) => row.map((cell) => (cell.trim() === '' ? null : cell))));
  let columns: string[] = [];
  let rawNames: string[] = [];
  const rows: string[][] = [];
  const found = walk(new DelimitedParser(utf8, delimiter, complete), chosen, {
    header(p) {
      rawNames = p.texts().map((name) => name.trim());
      columns = uniqueHeaders(rawNames, rawNames.length);
    },
    row(p, width) {
      const row = p.texts().slice(0, width);
      while (row.length < width) row.push('');
      rows.push(row);
      return rows.length < maxRows;
    },
    reject() {},
  });
  // Same rule as the import: unnamed columns without a value in the preview are left out.
  const keep = rawNames.map((name, i) => name !== '' || rows.some((row) => row[i]!.trim() !== ''));
  return {
    headerRow: chosen,
    topRows: top,
    columns: columns.filter((_, i) => keep[i]),
    rows: rows.map((row) => row.filter((_, i) => keep[i])),
    enough: complete || (found && rows.length >= maxRows),
  };
}
