// Delimited text → header, typed columns and a list of rejected rows. Rows whose field count does not
// match the header, and rows with broken quoting, are rejected one by one (with their line number and
// a reason in Swedish) instead of failing the file; everything else is imported.
import { ColumnBuilder } from './column-builder';
import { CONTENT, DelimitedParser, ESCAPED } from './delimited';
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
export const MAX_LISTED_REJECTS = 1000;

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

/**
 * Walks the records after `headerRow` (a 0-based record index; blank lines count as records).
 * Field count rule: at least as many fields as the header has named columns, and any field beyond
 * the header's last one empty (Excel writes a trailing `;`). Returns false if there is no such row.
 */
function walk(parser: DelimitedParser, headerRow: number, visit: Visitor): boolean {
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
  while (parser.next()) {
    if (!parser.hasContent) continue; // blank line, or only delimiters
    if (parser.error) {
      visit.reject(parser.line, REASONS[parser.error]);
      continue;
    }
    const count = parser.fieldCount;
    let fits = count >= named;
    for (let i = width; fits && i < count; i++) if (parser.flags[i]! & CONTENT) fits = false;
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

export interface DelimitedTable {
  columns: string[];
  builders: ColumnBuilder[];
  rowsRead: number;
  rejected: RejectedRow[];
  rejectedCount: number;
}

/** Reads the whole file into typed columns. Null when the file has no record `headerRow`. */
export function readDelimited(utf8: Uint8Array, delimiter: Delimiter, headerRow: number): DelimitedTable | null {
  const parser = new DelimitedParser(utf8, delimiter);
  let names: string[] = [];
  let rawNames: string[] = [];
  let builders: ColumnBuilder[] = [];
  const rejected: RejectedRow[] = [];
  let rejectedCount = 0;
  let rowsRead = 0;
  const found = walk(parser, headerRow, {
    header(p) {
      rawNames = p.texts().map((name) => name.trim());
      names = uniqueHeaders(rawNames, rawNames.length);
      builders = rawNames.map(() => new ColumnBuilder());
    },
    row(p, width) {
      rowsRead++;
      const count = Math.min(p.fieldCount, width);
      for (let i = 0; i < count; i++) {
        const flags = p.flags[i]!;
        if (flags & CONTENT) builders[i]!.push(utf8, p.starts[i]!, p.ends[i]!, (flags & ESCAPED) !== 0);
        else builders[i]!.pushNull();
      }
      for (let i = count; i < width; i++) builders[i]!.pushNull();
      return true;
    },
    reject(line, reason) {
      rowsRead++;
      rejectedCount++;
      if (rejected.length < MAX_LISTED_REJECTS) rejected.push({ line, reason });
    },
  });
  if (!found) return null;
  // Columns with neither a name nor a value are an artefact of trailing delimiters: drop them.
  const keep = builders.map((builder, i) => rawNames[i] !== '' || !builder.isEmpty);
  return {
    columns: names.filter((_, i) => keep[i]),
    builders: builders.filter((_, i) => keep[i]),
    rowsRead,
    rejected,
    rejectedCount,
  };
}

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
