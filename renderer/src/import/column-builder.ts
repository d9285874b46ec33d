// One CSV column on its way to Arrow, typed while it is read: it keeps the field's UTF-8 bytes
// (for text) and, while every value so far is a number or an ISO date, that value too. At the end
// the column is BIGINT, DOUBLE, DATE, TIMESTAMP or VARCHAR, and a single pass over the file suffices.
// Arrow buffers are built by hand: apache-arrow's builders use `new Function`, which the CSP forbids.
// Text values lose the characters XML 1.0 forbids here, as the bytes are copied (see push).
import { DateDay, Float64, Int64, makeData, TimestampMicrosecond, Utf8, type Data, type DataType } from 'apache-arrow';
import { hasSuspectByte, stripXmlForbiddenBytes } from '../safe-text';
import { DATE, EMPTY, FLOAT, INT, TEXT, TIMESTAMP, classifyBytes, type ValueKind } from './parse-value';

const MS_PER_DAY = 86_400_000;
const QUOTE = 0x22;

/** The narrowest kind holding values of kinds `a` and `b` (a join: the order values come in never matters). */
export function mergeKinds(a: ValueKind, b: ValueKind): ValueKind {
  if (a === b || b === EMPTY) return a;
  if (a === EMPTY) return b;
  if ((a === INT && b === FLOAT) || (a === FLOAT && b === INT)) return FLOAT;
  if ((a === DATE && b === TIMESTAMP) || (a === TIMESTAMP && b === DATE)) return TIMESTAMP;
  return TEXT;
}

/** Little-endian int64 words of integral doubles (exact below 2^53), without a BigInt per value. */
function int64Words(values: Float64Array, scale = 1): BigInt64Array {
  const out = new BigInt64Array(values.length);
  const words = new Uint32Array(out.buffer);
  for (let i = 0; i < values.length; i++) {
    const x = scale === 1 ? values[i]! : Math.round(values[i]! * scale);
    words[2 * i] = x >>> 0;
    words[2 * i + 1] = Math.floor(x / 4294967296) >>> 0;
  }
  return out;
}

export class ColumnBuilder {
  length = 0;
  private data = new Uint8Array(1 << 12);
  private byteLength = 0;
  private offsets = new Int32Array(1 << 10);
  private validity = new Uint8Array(1 << 7);
  private values: Float64Array | null;
  private readonly scratch = new Float64Array(1);

  /**
   * A builder types its column as the values come. When the column's kind is known beforehand (a
   * first pass over the file found it), pass it as `kind`: every batch then has that type, and values
   * keep exactly the meaning they would have had in one pass. For TEXT, `textFrom` is the row (of this
   * builder) where one pass would have turned the column to text: a blank-like value above it (a lone
   * no-break space) is a null, as it was before the column became text.
   */
  constructor(
    public kind: ValueKind = EMPTY,
    private readonly textFrom = 0,
  ) {
    this.values = kind === TEXT ? null : new Float64Array(1 << 10);
  }

  /** Appends the value in `src[s, e)`; `escaped` when it holds `""` pairs to unescape. */
  push(src: Uint8Array, s: number, e: number, escaped: boolean): void {
    const row = this.length;
    if (row + 1 >= this.offsets.length) this.growRows();
    const kind = this.kind === TEXT && row >= this.textFrom ? TEXT : escaped ? TEXT : classifyBytes(src, s, e, this.scratch);
    if (kind === EMPTY) {
      this.offsets[++this.length] = this.byteLength;
      return;
    }
    const size = e - s;
    if (this.byteLength + size > this.data.length) this.growBytes(this.byteLength + size);
    const data = this.data;
    let j = this.byteLength;
    if (escaped) {
      for (let k = s; k < e; k++) {
        const c = src[k]!;
        data[j++] = c;
        if (c === QUOTE && src[k + 1] === QUOTE) k++;
      }
    } else if (size < 32) {
      for (let k = s; k < e; k++) data[j++] = src[k]!;
    } else {
      data.set(src.subarray(s, e), j);
      j += size;
    }
    // A control character in a name (U+0001 from a copy-paste or an old system) made every chart it was
    // drawn in malformed SVG. Dropped here, once, for text only: a value that parsed as a number or date
    // has none. The scan is one table lookup a byte, and the copy is redone only where one is found.
    if (kind === TEXT && hasSuspectByte(data, this.byteLength, j)) j = stripXmlForbiddenBytes(data, this.byteLength, j);
    this.byteLength = j;
    this.validity[row >> 3]! |= 1 << (row & 7);
    this.offsets[++this.length] = j;
    if (this.kind === TEXT) return;
    const merged = mergeKinds(this.kind, kind);
    if (merged === TEXT) {
      this.kind = TEXT;
      this.values = null; // no longer needed
      return;
    }
    const values = this.values!;
    if (merged === TIMESTAMP && this.kind === DATE) for (let i = 0; i < row; i++) values[i]! *= MS_PER_DAY;
    values[row] = merged === TIMESTAMP && kind === DATE ? this.scratch[0]! * MS_PER_DAY : this.scratch[0]!;
    this.kind = merged;
  }

  pushNull(): void {
    if (this.length + 1 >= this.offsets.length) this.growRows();
    this.offsets[this.length + 1] = this.byteLength;
    this.length++;
  }

  /** True when the column holds no value at all. */
  get isEmpty(): boolean {
    return this.kind === EMPTY;
  }

  get type(): DataType {
    switch (this.kind) {
      case INT:
        return new Int64();
      case FLOAT:
        return new Float64();
      case DATE:
        return new DateDay();
      case TIMESTAMP:
        return new TimestampMicrosecond();
      default:
        return new Utf8();
    }
  }

  /** Rows [start, end) as Arrow data; `start` must be a multiple of 8 (validity bytes are shared). */
  slice(start: number, end: number): Data {
    const length = end - start;
    const nullBitmap = this.validity.slice(start >> 3, (end + 7) >> 3);
    if (end & 7) nullBitmap[nullBitmap.length - 1]! &= (1 << (end & 7)) - 1;
    let valid = 0;
    for (const byte of nullBitmap) valid += POPCOUNT[byte]!;
    const nullCount = length - valid;
    const values = this.values?.subarray(start, end);
    switch (this.kind) {
      case INT:
        return makeData({ type: new Int64(), length, nullCount, nullBitmap, data: int64Words(values!) });
      case FLOAT:
        return makeData({ type: new Float64(), length, nullCount, nullBitmap, data: values! });
      case DATE:
        return makeData({ type: new DateDay(), length, nullCount, nullBitmap, data: Int32Array.from(values!) });
      case TIMESTAMP:
        return makeData({ type: new TimestampMicrosecond(), length, nullCount, nullBitmap, data: int64Words(values!, 1000) });
      default: {
        const first = this.offsets[start]!;
        const valueOffsets = this.offsets.slice(start, end + 1);
        if (first !== 0) for (let i = 0; i < valueOffsets.length; i++) valueOffsets[i]! -= first;
        const data = this.data.slice(first, this.offsets[end]!);
        return makeData({ type: new Utf8(), length, nullCount, nullBitmap, valueOffsets, data });
      }
    }
  }

  private growRows() {
    const size = this.offsets.length * 2;
    const offsets = new Int32Array(size);
    offsets.set(this.offsets);
    this.offsets = offsets;
    const validity = new Uint8Array(size >> 3);
    validity.set(this.validity);
    this.validity = validity;
    if (this.values) {
      const values = new Float64Array(size);
      values.set(this.values);
      this.values = values;
    }
  }

  private growBytes(needed: number) {
    let size = this.data.length * 2;
    while (size < needed) size *= 2;
    const data = new Uint8Array(size);
    data.set(this.data.subarray(0, this.byteLength));
    this.data = data;
  }
}

const POPCOUNT = Uint8Array.from({ length: 256 }, (_, i) => {
  let n = 0;
  for (let b = i; b; b >>= 1) n += b & 1;
  return n;
});
