// A CSV reader over UTF-8 bytes: RFC 4180 quoting ("" inside quotes is one quote, quoted fields may
// span lines), LF, CRLF or lone CR line ends, mixed freely. It finds field boundaries only; the
// callers copy or decode what they need, so a 200 MB file never becomes 200 MB of strings.
// Each record knows the physical line it starts on, so a rejected row is reported by the line number
// the user sees in a text editor.
// Limits (limits.ts): a record holds at most MAX_COLUMNS fields and a field at most MAX_CSV_FIELD_BYTES;
// past either the parser throws LimitError before scanning or allocating more.
import type { Delimiter } from './detect-delimiter';
import { LimitError, MAX_COLUMNS, MAX_CSV_FIELD_BYTES } from './limits';

export const QUOTED = 1;
const ESCAPED = 2; // contains "" pairs to unescape
export const CONTENT = 4; // has something other than blanks

export type RecordError = 'unterminated-quote' | 'bad-quote';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

const decoder = new TextDecoder();

export class DelimitedParser {
  /** 1-based physical line the current record starts on. */
  line = 0;
  fieldCount = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  flags = new Uint8Array(64);
  error: RecordError | null = null;
  /** Some field holds more than blanks: a record without content is a blank line. */
  hasContent = false;
  /** A quoted field of this record ran over a line end. */
  multiLine = false;
  recordStart = 0;
  recordEnd = 0;
  private pos = 0;
  private nextLine = 1;
  private readonly delimiter: number;

  /**
   * `complete = false` reads a prefix of a file: a last record that runs into the end of the bytes
   * may be cut off, so it is not returned.
   */
  constructor(
    readonly bytes: Uint8Array,
    delimiter: Delimiter,
    readonly complete = true,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Reads the next record; false at the end. */
  next(): boolean {
    const b = this.bytes;
    const n = b.length;
    const D = this.delimiter;
    let p = this.pos;
    if (p >= n) return false;
    this.recordStart = p;
    this.line = this.nextLine;
    let line = this.nextLine;
    let fields = 0;
    let content = false;
    let multiLine = false;
    let ended = false; // by a line end (not by the end of the bytes)
    let overlong = false; // a quoted field ran over lines past the field limit: a quote never closed
    let error: RecordError | null = null;
    let starts = this.starts;
    let ends = this.ends;
    let flags = this.flags;
    for (;;) {
      if (fields === starts.length) {
        this.grow();
        starts = this.starts;
        ends = this.ends;
        flags = this.flags;
      }
      const f = fields++;
      if (p < n && b[p] === QUOTE) {
        p++;
        const s = p;
        const stop = n - s > MAX_CSV_FIELD_BYTES ? s + MAX_CSV_FIELD_BYTES + 1 : n;
        const firstLine = line;
        let flag = QUOTED;
        for (;;) {
          if (p >= stop) {
            error = 'unterminated-quote';
            if (p >= n) break;
            // Past the limit: over line ends, a quote that never closes (reject the row, read on from
            // its next line); on one line, one field too long for any table.
            if (line === firstLine) throw new LimitError('field-too-long');
            overlong = true;
            break;
          }
          const c = b[p]!;
          if (c === QUOTE) {
            if (b[p + 1] === QUOTE) {
              flag |= ESCAPED | CONTENT;
              p += 2;
              continue;
            }
            break;
          }
          if (c === LF || (c === CR && b[p + 1] !== LF)) {
            line++;
            multiLine = true;
          }
          if (c !== SPACE && c !== TAB) flag |= CONTENT;
          p++;
        }
        if (error) break;
        starts[f] = s;
        ends[f] = p;
        flags[f] = flag;
        if (flag & CONTENT) content = true;
        p++; // the closing quote
        while (p < n && (b[p] === SPACE || (b[p] === TAB && D !== TAB))) p++;
        if (p >= n) break;
        const c = b[p]!;
        if (c === D) {
          p++;
          continue;
        }
        if (c === LF || c === CR) {
          p += c === CR && b[p + 1] === LF ? 2 : 1;
          line++;
          ended = true;
          break;
        }
        error = 'bad-quote'; // text after a closing quote: `"a"b`
        break;
      }
      const s = p;
      const stop = n - s > MAX_CSV_FIELD_BYTES ? s + MAX_CSV_FIELD_BYTES + 1 : n;
      let flag = 0;
      while (p < stop) {
        const c = b[p]!;
        if (c === D || c === LF || c === CR) break;
        if (c !== SPACE && c !== TAB) flag = CONTENT;
        p++;
      }
      if (p > s + MAX_CSV_FIELD_BYTES) throw new LimitError('field-too-long');
      starts[f] = s;
      ends[f] = p;
      flags[f] = flag;
      if (flag) content = true;
      if (p >= n) break;
      if (b[p] === D) {
        p++;
        continue;
      }
      p += b[p] === CR && b[p + 1] === LF ? 2 : 1;
      line++;
      ended = true;
      break;
    }
    // In a prefix, a record running into the end may be cut off: leave it for a longer prefix.
    // (A quote that ran past the field limit is no cut-off: it never closes.)
    if (!this.complete && ((error === 'unterminated-quote' && !overlong) || (!error && !ended))) return false;
    this.fieldCount = fields;
    // A quote that ran over a line end and then broke the record is, most likely, one never closed.
    this.error = error && multiLine ? 'unterminated-quote' : error;
    this.hasContent = content || error !== null;
    this.multiLine = multiLine;
    if (error) {
      // Resynchronise on the next physical line: a stray quote must not swallow the rest of the file.
      this.skipToNextLine();
      return true;
    }
    this.pos = p;
    this.recordEnd = p;
    this.nextLine = line;
    return true;
  }

  /**
   * Gives up on the current record after its first physical line and reads on from the next one:
   * used for broken records and for rejected records whose quoted field spans lines (most likely an
   * unmatched quote that paired with one further down).
   */
  skipToNextLine(): void {
    const b = this.bytes;
    let p = this.recordStart;
    while (p < b.length && b[p] !== LF && b[p] !== CR) p++;
    if (p < b.length) p += b[p] === CR && b[p + 1] === LF ? 2 : 1;
    this.pos = p;
    this.recordEnd = p;
    this.nextLine = this.line + 1;
  }

  /** Byte offset where reading stopped (the start of the next record). */
  get offset(): number {
    return this.pos;
  }

  /** Field `i` of the current record as a string, quotes unescaped. */
  text(i: number): string {
    const value = decoder.decode(this.bytes.subarray(this.starts[i]!, this.ends[i]!));
    return this.flags[i]! & ESCAPED ? value.replace(/""/g, '"') : value;
  }

  /** All fields of the current record as strings; a broken record is its first line, whole. */
  texts(): string[] {
    if (this.error) return [this.raw()];
    return Array.from({ length: this.fieldCount }, (_, i) => this.text(i));
  }

  /** The current record's bytes as text, without its line end (for a broken one: its first line). */
  raw(): string {
    return decoder.decode(this.bytes.subarray(this.recordStart, this.recordEnd)).replace(/\r?\n$|\r$/, '');
  }

  /** Room for more fields; a record may not hold more than MAX_COLUMNS. */
  private grow() {
    if (this.starts.length >= MAX_COLUMNS) throw new LimitError('too-many-columns');
    const size = Math.min(this.starts.length * 2, MAX_COLUMNS);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const flags = new Uint8Array(size);
    starts.set(this.starts);
    ends.set(this.ends);
    flags.set(this.flags);
    this.starts = starts;
    this.ends = ends;
    this.flags = flags;
  }
}
