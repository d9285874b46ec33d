// Delimited text → header, typed columns and a list of rejected rows. Rows whose field count does not
// match the header, and rows with broken quoting, are rejected one by one (with their line number and
// a reason in Swedish) instead of failing the file; everything else is imported.
// Two passes over the bytes: the first finds each column's type and the rejected rows without
// storing anything, the second builds the typed columns a batch at a time, so a big file never has
// all its values in memory twice (as columns and as the Arrow batches made from them).
import { ColumnBuilder, mergeKinds } from './column-builder';
import { CONTENT, DelimitedParser, ESCAPED } from './delimited';
import type { Delimiter } from './detect-delimiter';
import { detectHeaderRow } from './header-row';
import { classifyBytes, EMPTY, TEXT, type ValueKind } from './parse-value';
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

export interface DelimitedTable {
  columns: string[];
  builders: ColumnBuilder[];
  rowsRead: number;
  rejected: RejectedRow[];
  rejectedCount: number;
}

/**
 * What a first pass over the file learns: the columns kept, each one's kind (and, for text, the row
 * where it became text), and which rows are rejected. The second pass builds the columns from it.
 */
export interface DelimitedLayout {
  columns: string[];
  /** For each kept column, its index among the header's fields. */
  fields: number[];
  kinds: ValueKind[];
  /** For each kept column of kind TEXT, the data row whose value made it text. */
  textFrom: number[];
  /** Data rows read (imported + rejected). */
  rowsRead: number;
  rejected: RejectedRow[];
  rejectedCount: number;
}

/** First pass: the header, each column's type and the rejected rows; nothing is stored. Null when the file has no record `headerRow`. */
export function scanDelimited(
  utf8: Uint8Array,
  delimiter: Delimiter,
  headerRow: number,
  progress?: (fraction: number) => void,
): DelimitedLayout | null {
  let rawNames: string[] = [];
  let names: string[] = [];
  let kinds: ValueKind[] = [];
  let textFrom: number[] = [];
  const scratch = new Float64Array(1);
  const rejected: RejectedRow[] = [];
  let rejectedCount = 0;
  let rowsRead = 0;
  let row = 0; // data rows accepted so far
  const found = walk(
    new DelimitedParser(utf8, delimiter),
    headerRow,
    {
      header(p) {
        rawNames = p.texts().map((name) => name.trim());
        names = uniqueHeaders(rawNames, rawNames.length);
        kinds = rawNames.map(() => EMPTY);
        textFrom = rawNames.map(() => 0);
      },
      row(p, width) {
        rowsRead++;
        const count = Math.min(p.fieldCount, width);
        for (let i = 0; i < count; i++) {
          const known = kinds[i]!;
          const flags = p.flags[i]!;
          if (known === TEXT || !(flags & CONTENT)) continue;
          const kind = flags & ESCAPED ? TEXT : classifyBytes(utf8, p.starts[i]!, p.ends[i]!, scratch);
          if (kind === EMPTY) continue;
          const merged = mergeKinds(known, kind);
          if (merged === TEXT) textFrom[i] = row;
          kinds[i] = merged;
        }
        row++;
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
  // Columns with neither a name nor a value are an artefact of trailing delimiters: drop them.
  const fields = rawNames.flatMap((name, i) => (name !== '' || kinds[i] !== EMPTY ? [i] : []));
  return {
    columns: fields.map((i) => names[i]!),
    fields,
    kinds: fields.map((i) => kinds[i]!),
    textFrom: fields.map((i) => textFrom[i]!),
    rowsRead,
    rejected,
    rejectedCount,
  };
}

/**
 * Second pass: the kept columns' values, typed as the first pass found, handed over `batchRows`
 * rows at a time (the last batch may be shorter; with no data row, one empty batch). Only one batch
 * of columns is in memory at a time.
 */
export function fillDelimited(
  utf8: Uint8Array,
  delimiter: Delimiter,
  headerRow: number,
  layout: DelimitedLayout,
  batchRows: number,
  onBatch: (builders: ColumnBuilder[], length: number) => void,
  progress?: (fraction: number) => void,
): void {
  const { fields, kinds, textFrom } = layout;
  const fresh = (start: number) => kinds.map((kind, k) => new ColumnBuilder(kind, textFrom[k]! - start));
  let builders = fresh(0);
  let start = 0; // first data row of the batch being built
  let length = 0; // rows in it
  let emitted = false;
  walk(
    new DelimitedParser(utf8, delimiter),
    headerRow,
    {
      header() {},
      row(p, width) {
        const count = Math.min(p.fieldCount, width);
        for (let k = 0; k < fields.length; k++) {
          const i = fields[k]!;
          const flags = i < count ? p.flags[i]! : 0;
          if (flags & CONTENT) builders[k]!.push(utf8, p.starts[i]!, p.ends[i]!, (flags & ESCAPED) !== 0);
          else builders[k]!.pushNull();
        }
        if (++length === batchRows) {
          onBatch(builders, length);
          emitted = true;
          start += length;
          length = 0;
          builders = fresh(start);
        }
        return true;
      },
      reject() {},
    },
    progress,
  );
  if (length > 0 || !emitted) onBatch(builders, length);
}

/** Reads the whole file into typed columns. Null when the file has no record `headerRow`. */
export function readDelimited(utf8: Uint8Array, delimiter: Delimiter, headerRow: number): DelimitedTable | null {
  const layout = scanDelimited(utf8, delimiter, headerRow);
  if (!layout) return null;
  let builders: ColumnBuilder[] = [];
  fillDelimited(utf8, delimiter, headerRow, layout, Infinity, (all) => (builders = all));
  const { columns, rowsRead, rejected, rejectedCount } = layout;
  return { columns, builders, rowsRead, rejected, rejectedCount };
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
