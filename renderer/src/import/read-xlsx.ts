// XLSX → rows of cells, offline, with read-excel-file (MIT; xlsx@0.18 on npm has open CVEs).
// Before read-excel-file sees a workbook, checkWorkbook unzips it once as a stream, keeping nothing:
// it counts the bytes as they come and stops at the cap (a zip bomb), and scans the sheets' XML for
// the limits read-excel-file would pay for in memory or time (limits.ts).
import { Inflate } from 'fflate';
import readXlsxFile from 'read-excel-file/universal';
import {
  LimitError,
  MAX_COLUMNS,
  MAX_XLSX_CELL_CHARS,
  MAX_XLSX_GRID_CELLS,
  MAX_XLSX_MARKUP_BYTES,
  MAX_XLSX_RATIO,
  MAX_XLSX_UNZIPPED_BYTES,
  XLSX_RATIO_FLOOR_BYTES,
  type LimitCode,
} from './limits';

export type Cell = string | number | boolean | Date | null;

export interface Sheet {
  name: string;
  rows: Cell[][];
}

function toCells(rows: readonly (readonly unknown[])[]): Cell[][] {
  return rows.map((row) => row.map((cell) => (cell === undefined ? null : (cell as Cell))));
}

// A live preview sniffs the same file again on every change of an option, and the import follows:
// the parsed workbook is kept for as long as the caller keeps the bytes.
const workbooks = new WeakMap<Uint8Array, Promise<Sheet[]>>();

/**
 * Every sheet of the workbook, in order. Rejects with LimitError when the workbook passes a limit
 * (checkWorkbook), otherwise when the bytes are not a readable XLSX.
 */
export function readWorkbook(bytes: Uint8Array): Promise<Sheet[]> {
  let workbook = workbooks.get(bytes);
  if (!workbook) {
    workbook = Promise.resolve()
      .then(() => checkWorkbook(bytes))
      .then(() => readXlsxFile(bytes.slice().buffer))
      .then((sheets) => sheets.map((sheet) => ({ name: sheet.sheet, rows: toCells(sheet.data) })));
    workbooks.set(bytes, workbook);
    workbook.catch(() => workbooks.delete(bytes));
  }
  return workbook;
}

/** A workbook whose XML is not what any spreadsheet writes (planFile reports it as 'bad-xlsx'). */
class MalformedXlsxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedXlsxError';
  }
}

// ZIP structure, read exactly as fflate's `unzip` (which read-excel-file uses) reads it: the central
// directory's entries (not the local headers one after another: entries may overlap), their sizes and
// methods. fflate allocates each entry's declared size up front and inflates every entry.
const b2 = (d: Uint8Array, b: number) => d[b]! | (d[b + 1]! << 8);
const b4 = (d: Uint8Array, b: number) => (d[b]! | (d[b + 1]! << 8) | (d[b + 2]! << 16) | (d[b + 3]! << 24)) >>> 0;
const b8 = (d: Uint8Array, b: number) => b4(d, b) + b4(d, b + 4) * 4294967296;

interface ZipEntry {
  name: string;
  method: number;
  /** Where the entry's data starts, and its compressed and declared uncompressed sizes. */
  start: number;
  compressed: number;
  declared: number;
}

const utf8 = new TextDecoder();
const latin1 = new TextDecoder('latin1');

/** The central directory's entries as fflate reads them; [] when it finds none (fflate fails too). */
function zipEntries(d: Uint8Array): ZipEntry[] {
  let e = d.length - 22;
  for (; b4(d, e) !== 0x6054b50; --e) if (e <= 0 || d.length - e > 65558) return [];
  let count = b2(d, e + 8);
  let o = b4(d, e + 16);
  let z = b4(d, e - 20) === 0x7064b50;
  if (z) {
    const ze = b4(d, e - 12);
    z = b4(d, ze) === 0x6064b50;
    if (z) {
      count = b4(d, ze + 32);
      o = b4(d, ze + 48);
    }
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count && o < d.length; i++) {
    const nameLength = b2(d, o + 28);
    const extraLength = b2(d, o + 30);
    const nameBytes = d.subarray(o + 46, o + 46 + nameLength);
    const name = (b2(d, o + 8) & 2048 ? utf8 : latin1).decode(nameBytes);
    let compressed = b4(d, o + 20);
    let declared = b4(d, o + 24);
    let offset = b4(d, o + 42);
    const extra = o + 46 + nameLength;
    if (z && (compressed === 0xffffffff || declared === 0xffffffff || offset === 0xffffffff)) {
      const nsu = declared === 0xffffffff ? 1 : 0;
      const nsc = compressed === 0xffffffff ? 1 : 0;
      for (let b = extra; b + 4 < extra + extraLength; b += 4 + b2(d, b + 2)) {
        if (b2(d, b) === 1) {
          if (nsc) compressed = b8(d, b + 4 + 8 * nsu);
          if (nsu) declared = b8(d, b + 4);
          if (offset === 0xffffffff) offset = b8(d, b + 4 + 8 * (nsu + nsc));
          break;
        }
      }
    }
    const start = offset + 30 + b2(d, offset + 26) + b2(d, offset + 28);
    entries.push({ name, method: b2(d, o + 10), start, compressed, declared });
    o = extra + extraLength + b2(d, o + 32);
  }
  return entries;
}

/** Compressed bytes handed to the inflater at a time: at most about 16 MB come out of each. */
const INFLATE_SLICE = 16 * 1024;

/** Unzips one entry as a stream, handing each piece of output to `onData` (which may throw to stop). */
function inflateEntry(d: Uint8Array, entry: ZipEntry, onData: (chunk: Uint8Array) => void): void {
  const data = d.subarray(entry.start, entry.start + entry.compressed);
  if (entry.method === 0) {
    onData(data);
    return;
  }
  if (entry.method !== 8) return; // fflate refuses it: read-excel-file fails, 'bad-xlsx'
  const inflater = new Inflate((chunk) => onData(chunk));
  try {
    for (let at = 0; at < data.length; at += INFLATE_SLICE) {
      const end = Math.min(data.length, at + INFLATE_SLICE);
      inflater.push(data.subarray(at, end), end === data.length);
    }
  } catch (error) {
    if (error instanceof LimitError || error instanceof MalformedXlsxError) throw error;
    // Broken deflate data: fflate's unzip fails on it the same way, and the import says 'bad-xlsx'.
  }
}

/** The XML parts read-excel-file reads as cells: the shared strings and the worksheets, from the workbook's relationships. */
function cellParts(rels: string): { sharedStrings: string; sheets: Set<string> } {
  const path = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  const attribute = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  const sheets = new Set<string>();
  let sharedStrings = 'xl/sharedStrings.xml';
  for (const [tag] of rels.matchAll(/<(?:[\w.-]+:)?Relationship\s[^>]*>/g)) {
    const type = attribute(tag, 'Type');
    const target = attribute(tag, 'Target');
    if (!type || !target) continue;
    const kind = (type[2] ?? type[3] ?? '').replace(/.*\//, '');
    const file = path((target[2] ?? target[3] ?? '').replace(/&amp;/g, '&'));
    if (kind === 'worksheet') sheets.add(file);
    else if (kind === 'sharedStrings') sharedStrings = file;
  }
  return { sharedStrings, sheets };
}

const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const SEMI = 0x3b;
const SLASH = 0x2f;
const COLON = 0x3a;
const EQUALS = 0x3d;
const BANG = 0x21;
const DASH = 0x2d;
const BRACKET = 0x5d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const CDATA_OPEN = [0x21, 0x5b, 0x43, 0x44, 0x41, 0x54, 0x41, 0x5b]; // ![CDATA[

const TEXT = 0;
const MARKUP = 1;
const COMMENT = 2;
const CDATA = 3;

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** What a start or end tag is to the scanner, by its local name. */
const OTHER = 0;
const CELL = 1; // <c> in a sheet, <si> in the shared strings
const VALUE = 2; // <is>, <f>, <v>: each counted on its own
const ROW = 3;

function tagKind(tag: Uint8Array, start: number, end: number): number {
  const length = end - start;
  const a = tag[start];
  if (length === 1) return a === 0x63 ? CELL : a === 0x66 || a === 0x76 ? VALUE : OTHER; // c, f, v
  if (length === 2) {
    const b = tag[start + 1];
    if (a === 0x73 && b === 0x69) return CELL; // si
    if (a === 0x69 && b === 0x73) return VALUE; // is
    return OTHER;
  }
  return length === 3 && a === 0x72 && tag[start + 1] === 0x6f && tag[start + 2] === 0x77 ? ROW : OTHER;
}

/**
 * Scans one XML part as it is unzipped, chunk by chunk, without keeping it: the characters of each
 * cell's text (a shared string's runs together, a cell's formula, value and inline string each on its
 * own); in a sheet, the length of each other token (a tag, a comment, the text between tags: a sheet
 * is parsed in chunks, and a token spanning many is rescanned for each), and the grid: its columns,
 * and its last row times its last column with a value.
 */
class XmlScanner {
  private state = TEXT;
  /** Characters of the current cell (or, outside a cell, of the current text). */
  private chars = 0;
  private inCell = false;
  private inEntity = false;
  private quote = 0;
  /** The current tag's bytes (its name and attributes) and length. */
  private readonly tag = new Uint8Array(MAX_XLSX_MARKUP_BYTES);
  private tagLength = 0;
  /** The last two bytes seen in a comment or CDATA section, to find its end. */
  private last1 = 0;
  private last2 = 0;
  private maxRow = 0;
  private maxColumn = 0;

  constructor(private readonly sheet: boolean) {}

  push(chunk: Uint8Array): void {
    const tag = this.tag;
    const n = chunk.length;
    let { state, chars, quote, tagLength, inEntity, inCell } = this;
    for (let i = 0; i < n; i++) {
      const b = chunk[i]!;
      if (state === MARKUP) {
        if (quote !== 0) {
          if (b === quote) quote = 0;
        } else if (b === GT) {
          this.tagLength = tagLength;
          this.chars = chars;
          this.endTag();
          chars = this.chars;
          inCell = this.inCell;
          state = TEXT;
          continue;
        } else if (b === DQUOTE || b === SQUOTE) {
          quote = b;
        }
        if (tagLength < MAX_XLSX_MARKUP_BYTES) tag[tagLength++] = b;
        else this.tooLong(); // elsewhere, the tag's head (its name and first attributes) is enough
        if (tag[0] === BANG) {
          if (tagLength === 3 && tag[1] === DASH && tag[2] === DASH) state = COMMENT;
          else if (tagLength === 8 && CDATA_OPEN.every((c, k) => tag[k] === c)) state = CDATA;
          if (state !== MARKUP) this.last1 = this.last2 = 0;
        }
      } else if (state === TEXT) {
        if (b === LT) {
          state = MARKUP;
          tagLength = 0;
          quote = 0;
          inEntity = false;
        } else if (!inCell) {
          // Text between a sheet's tags (whitespace, as a rule): no cell, but a token all the same.
          if (++chars > MAX_XLSX_MARKUP_BYTES) chars = this.tooLong();
        } else if (inEntity) {
          if (b === SEMI) inEntity = false;
        } else if ((b & 0xc0) !== 0x80) {
          // A character starts here (UTF-16 units, as Excel counts: four UTF-8 bytes are two).
          if (b === AMP) inEntity = true;
          chars += b >= 0xf0 ? 2 : 1;
          if (chars > MAX_XLSX_CELL_CHARS) throw new LimitError('cell-too-long');
        }
      } else {
        // A comment ends at `-->`, CDATA at `]]>`; CDATA's content is text.
        const mark = state === COMMENT ? DASH : BRACKET;
        if (b === GT && this.last1 === mark && this.last2 === mark) {
          if (state === CDATA) chars -= 2;
          if (!inCell) chars = 0;
          state = TEXT;
          continue;
        }
        this.last2 = this.last1;
        this.last1 = b;
        if (state === COMMENT) {
          if (++tagLength > MAX_XLSX_MARKUP_BYTES) tagLength = this.tooLong();
        } else if (!inCell) {
          if (++chars > MAX_XLSX_MARKUP_BYTES) chars = this.tooLong();
        } else if ((b & 0xc0) !== 0x80) {
          chars += b >= 0xf0 ? 2 : 1;
          if (chars > MAX_XLSX_CELL_CHARS) throw new LimitError('cell-too-long');
        }
      }
    }
    Object.assign(this, { state, chars, quote, tagLength, inEntity });
  }

  /** Only a sheet is parsed in chunks; elsewhere a long token costs no more than its bytes. */
  private tooLong(): number {
    if (this.sheet) throw new MalformedXlsxError(`a tag, comment or text outside a cell longer than ${MAX_XLSX_MARKUP_BYTES} bytes`);
    return 0;
  }

  /** A tag is complete in `tag[0 … tagLength)`: a cell starts or ends, a sheet's grid grows. */
  private endTag(): void {
    const tag = this.tag;
    const length = this.tagLength;
    const closing = tag[0] === SLASH;
    let start = closing ? 1 : 0;
    let end = start;
    while (end < length && !isSpace(tag[end]!) && tag[end] !== SLASH) {
      if (tag[end] === COLON) start = end + 1; // the local name, after a prefix
      end++;
    }
    const kind = tagKind(tag, start, end);
    if (closing) {
      if (kind === CELL) this.inCell = false;
      if (!this.inCell) this.chars = 0;
      return;
    }
    const selfClosing = tag[length - 1] === SLASH;
    if (kind === CELL) {
      this.chars = 0;
      this.inCell = !selfClosing;
      if (this.sheet && start === 0 && end === 1) this.cell(end, length, !selfClosing); // <c>, not <si>
    } else if (kind === VALUE) {
      this.chars = 0;
    } else if (!this.inCell) {
      this.chars = 0;
      if (this.sheet && kind === ROW) {
        const r = this.attributeR(end, length);
        if (r !== null) this.grow(Number(String.fromCharCode(...tag.subarray(r[0], r[1]))), 0);
      }
    }
  }

  /** A cell's address (its `r`), read as read-excel-file reads it: letters, then the row number. */
  private cell(from: number, to: number, hasValue: boolean): void {
    const r = this.attributeR(from, to);
    if (r === null) return;
    const tag = this.tag;
    let column = 0;
    let i = r[0];
    for (; i < r[1]; i++) {
      const c = tag[i]!;
      if (c >= 48 && c <= 57) break;
      column = column * 26 + (c - 64);
      if (column > MAX_COLUMNS) throw new LimitError('too-many-columns');
    }
    let row = 0;
    let digits = true;
    for (let k = i; k < r[1]; k++) {
      const c = tag[k]!;
      if (c < 48 || c > 57) digits = false;
      else row = row * 10 + (c - 48);
    }
    if (!digits) row = Number(String.fromCharCode(...tag.subarray(i, r[1])));
    this.grow(row, hasValue ? column : 0);
  }

  /**
   * read-excel-file fills the rows up to each row's number and pads every row to the last column
   * with a value: refuse a grid larger than MAX_XLSX_GRID_CELLS before it is made.
   */
  private grow(row: number, column: number): void {
    if (row > this.maxRow) this.maxRow = row;
    if (column > this.maxColumn) this.maxColumn = column;
    if (this.maxRow * Math.max(1, this.maxColumn) > MAX_XLSX_GRID_CELLS) throw new LimitError('too-many-cells');
  }

  /** Where the value of attribute `r` is in `tag[from … to)`: [start, end), or null. */
  private attributeR(from: number, to: number): [number, number] | null {
    const tag = this.tag;
    let i = from;
    while (i < to) {
      while (i < to && isSpace(tag[i]!)) i++;
      const nameStart = i;
      while (i < to && tag[i] !== EQUALS && !isSpace(tag[i]!)) i++;
      const isR = i === nameStart + 1 && tag[nameStart] === 0x72;
      while (i < to && isSpace(tag[i]!)) i++;
      if (tag[i] !== EQUALS) return null;
      i++;
      while (i < to && isSpace(tag[i]!)) i++;
      const q = tag[i];
      if (q !== DQUOTE && q !== SQUOTE) return null;
      const valueStart = ++i;
      while (i < to && tag[i] !== q) i++;
      if (isR) return [valueStart, i];
      i++;
    }
    return null;
  }
}

/**
 * Unzips the workbook as read-excel-file would, keeping nothing, and throws LimitError (or
 * MalformedXlsxError) at the first limit passed: the unzipped size, in all (declared, which fflate
 * allocates up front, and counted while inflating, which it spends the time on) against the cap; the
 * cells of the shared strings and the sheets; a sheet's columns and grid; a sheet's tags.
 */
function checkWorkbook(bytes: Uint8Array): void {
  const ratioCap = Math.max(XLSX_RATIO_FLOOR_BYTES, MAX_XLSX_RATIO * bytes.length);
  const cap = Math.min(ratioCap, MAX_XLSX_UNZIPPED_BYTES);
  const code: LimitCode = ratioCap < MAX_XLSX_UNZIPPED_BYTES ? 'unzip-ratio' : 'unzipped-too-large';
  const entries = zipEntries(bytes);
  let declared = 0;
  for (const entry of entries) declared += entry.method === 0 ? entry.compressed : entry.declared;
  if (declared > cap) throw new LimitError(code);
  let total = 0;
  const count = (chunk: Uint8Array) => {
    total += chunk.length;
    if (total > cap) throw new LimitError(code);
  };
  // The relationships first: they say which parts are sheets.
  const relsIndex = entries.findLastIndex((entry) => entry.name === 'xl/_rels/workbook.xml.rels');
  const relsChunks: Uint8Array[] = [];
  if (relsIndex >= 0) {
    inflateEntry(bytes, entries[relsIndex]!, (chunk) => {
      count(chunk);
      relsChunks.push(chunk);
    });
  }
  const relsBytes = new Uint8Array(relsChunks.reduce((n, chunk) => n + chunk.length, 0));
  relsChunks.reduce((at, chunk) => (relsBytes.set(chunk, at), at + chunk.length), 0);
  const { sharedStrings, sheets } = cellParts(utf8.decode(relsBytes));
  entries.forEach((entry, i) => {
    if (i === relsIndex) return;
    const isSheet = sheets.has(entry.name);
    const scanner = isSheet || entry.name === sharedStrings ? new XmlScanner(isSheet) : null;
    inflateEntry(bytes, entry, (chunk) => {
      count(chunk);
      scanner?.push(chunk);
    });
  });
}
