// What a text value is, the way Swedish files write numbers and dates: `34,5`, `1 234`, `1 234,5`
// (space, no-break space or narrow no-break space between thousands), `34 %` (→ 34), `−5`; ISO dates
// `2024-10-01` and timestamps `2024-10-01 08:15[:00[.000]][Z]`. Everything else is text, and so is
// a number with a leading zero (`0180` is a municipality code, not 180) or more than 15 digits (an id).
// Used for the text cells of spreadsheets and JSON, which arrive typed otherwise; delimited text is typed
// in SQL by the same rules (type-columns.ts; test/sql/type-columns.test.ts holds the two to agreement).

export const EMPTY = 0;
export const INT = 1;
export const FLOAT = 2;
export const DATE = 3;
export const TIMESTAMP = 4;
export const TEXT = 5;
export type ValueKind = typeof EMPTY | typeof INT | typeof FLOAT | typeof DATE | typeof TIMESTAMP | typeof TEXT;

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** Length of the blank (space, tab, NBSP, narrow NBSP) starting at `p`, 0 if none. */
function blankAt(b: Uint8Array, p: number, end: number): number {
  const c = b[p];
  if (c === 0x20 || c === 0x09) return 1;
  if (c === 0xc2 && p + 1 < end && b[p + 1] === 0xa0) return 2;
  if (c === 0xe2 && p + 2 < end && b[p + 1] === 0x80 && b[p + 2] === 0xaf) return 3;
  return 0;
}

/** Length of the blank ending just before `e`, 0 if none. */
function blankBefore(b: Uint8Array, s: number, e: number): number {
  const c = b[e - 1];
  if (c === 0x20 || c === 0x09) return 1;
  if (c === 0xa0 && e - 2 >= s && b[e - 2] === 0xc2) return 2;
  if (c === 0xaf && e - 3 >= s && b[e - 2] === 0x80 && b[e - 3] === 0xe2) return 3;
  return 0;
}

const isDigit = (c: number | undefined) => c !== undefined && c >= 0x30 && c <= 0x39;

function parseNumber(b: Uint8Array, s: number, e: number, out: Float64Array): ValueKind {
  // The common case first, a plain count (`0`, `12`, `1234`): digits only, no leading zero, at most 15.
  if (e - s <= 15 && (b[s] !== 0x30 || e - s === 1)) {
    let value = 0;
    let q = s;
    for (; q < e; q++) {
      const d = b[q]! - 0x30;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
    }
    if (q === e) {
      out[0] = value;
      return INT;
    }
  }
  let p = s;
  let negative = false;
  const first = b[p];
  if (first === 0x2d || first === 0x2b) {
    negative = first === 0x2d;
    p++;
  } else if (first === 0xe2 && b[p + 1] === 0x88 && b[p + 2] === 0x92) {
    negative = true; // U+2212 MINUS SIGN, as Excel and typeset reports write it
    p += 3;
  }
  let mantissa = 0;
  let significant = 0;
  let overflow = false;
  const digit = (d: number) => {
    if (mantissa === 0 && d === 0) return;
    if (++significant > 15) overflow = true;
    else mantissa = mantissa * 10 + d;
  };
  // Integer part, optionally grouped in threes by a blank.
  const intStart = p;
  let intDigits = 0;
  let group = 0;
  let grouped = false;
  for (;;) {
    while (p < e && isDigit(b[p])) {
      digit(b[p]! - 0x30);
      intDigits++;
      group++;
      p++;
    }
    const blank = p < e ? blankAt(b, p, e) : 0;
    if (blank > 0 && isDigit(b[p + blank]) && group > 0 && (grouped ? group === 3 : group <= 3)) {
      grouped = true;
      group = 0;
      p += blank;
      continue;
    }
    break;
  }
  if (intDigits === 0 || (grouped && group !== 3)) return TEXT;
  if (intDigits > 1 && b[intStart] === 0x30) return TEXT; // leading zero: a code
  let scale = 0;
  let fraction = false;
  if ((b[p] === 0x2c || b[p] === 0x2e) && isDigit(b[p + 1])) {
    fraction = true;
    p++;
    while (p < e && isDigit(b[p])) {
      digit(b[p]! - 0x30);
      if (!overflow) scale++;
      p++;
    }
  }
  if (scale > 22) overflow = true;
  // Percent sign, optionally after a blank: the number is kept as written (34 % → 34).
  const blank = p < e ? blankAt(b, p, e) : 0;
  if (b[p + blank] === 0x25 && p + blank < e) p += blank + 1;
  if (p !== e) return TEXT;
  if (overflow) {
    if (!fraction) return TEXT; // more than 15 digits: an identifier, not a count
    let text = negative ? '-' : '';
    for (let i = intStart; i < p; i++) {
      const c = b[i]!;
      if (isDigit(c)) text += String.fromCharCode(c);
      else if (c === 0x2c || c === 0x2e) text += '.';
      else if (c === 0x25) break;
    }
    out[0] = Number.parseFloat(text);
    return FLOAT;
  }
  const value = scale === 0 ? mantissa : mantissa / POW10[scale]!;
  out[0] = negative ? -value : value;
  return fraction ? FLOAT : INT;
}

function num2(b: Uint8Array, p: number): number {
  const a = b[p]! - 0x30;
  const c = b[p + 1]! - 0x30;
  return a >= 0 && a <= 9 && c >= 0 && c <= 9 ? a * 10 + c : -1;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** `YYYY-MM-DD` → days; `YYYY-MM-DD[T ]HH:MM[:SS[.fff]][Z]` → milliseconds (fraction kept). */
function parseDate(b: Uint8Array, s: number, e: number, out: Float64Array): ValueKind {
  const length = e - s;
  if (length < 10 || b[s + 4] !== 0x2d || b[s + 7] !== 0x2d) return TEXT;
  const hi = num2(b, s);
  const lo = num2(b, s + 2);
  const m = num2(b, s + 5);
  const d = num2(b, s + 8);
  if (hi < 0 || lo < 0 || m < 1 || m > 12 || d < 1) return TEXT;
  const y = hi * 100 + lo;
  if (y < 1 || d > daysInMonth(y, m)) return TEXT;
  const days = daysFromCivil(y, m, d);
  if (length === 10) {
    out[0] = days;
    return DATE;
  }
  let end = e;
  if (b[end - 1] === 0x5a) end--; // a trailing Z: UTC, which is what a naive TIMESTAMP holds
  const sep = b[s + 10];
  if ((sep !== 0x54 && sep !== 0x20) || end - s < 16 || b[s + 13] !== 0x3a) return TEXT;
  const hh = num2(b, s + 11);
  const mi = num2(b, s + 14);
  if (hh < 0 || hh > 23 || mi < 0 || mi > 59) return TEXT;
  let ms = days * 86_400_000 + hh * 3_600_000 + mi * 60_000;
  let p = s + 16;
  if (p < end) {
    if (b[p] !== 0x3a) return TEXT;
    const ss = num2(b, p + 1);
    if (ss < 0 || ss > 59) return TEXT;
    ms += ss * 1000;
    p += 3;
    if (p < end) {
      if (b[p] !== 0x2e || p + 1 >= end) return TEXT;
      let scale = 100;
      for (p++; p < end; p++) {
        const c = b[p]!;
        if (!isDigit(c)) return TEXT;
        ms += (c - 0x30) * scale;
        scale /= 10;
      }
    }
  }
  out[0] = ms;
  return TIMESTAMP;
}

/**
 * The kind of the UTF-8 value in `b[s, e)` and, in `out[0]`, its number (INT, FLOAT), days since
 * 1970-01-01 (DATE) or milliseconds since 1970-01-01 00:00 (TIMESTAMP). Blank values are EMPTY.
 */
function classifyBytes(b: Uint8Array, s: number, e: number, out: Float64Array): ValueKind {
  for (let n = s < e ? blankAt(b, s, e) : 0; n > 0; n = s < e ? blankAt(b, s, e) : 0) s += n;
  for (let n = e > s ? blankBefore(b, s, e) : 0; n > 0; n = e > s ? blankBefore(b, s, e) : 0) e -= n;
  if (s >= e) return EMPTY;
  const c = b[s]!;
  if (isDigit(c) && e - s >= 10 && b[s + 4] === 0x2d) return parseDate(b, s, e, out);
  if (isDigit(c) || c === 0x2d || c === 0x2b || c === 0xe2) return parseNumber(b, s, e, out);
  return TEXT;
}

const encoder = new TextEncoder();

/** Blanks a value may be surrounded by: space, tab, no-break space, narrow no-break space. */
const isBlankChar = (c: number) => c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x202f;

/** classifyBytes for a string (spreadsheet and JSON cells). */
export function classifyText(text: string, out: Float64Array): ValueKind {
  // Most text cells are names: one that starts with neither a digit nor a sign is text (or blank), as
  // classifyBytes would find, without encoding it first.
  let i = 0;
  while (i < text.length && isBlankChar(text.charCodeAt(i))) i++;
  if (i === text.length) return EMPTY;
  const c = text.charCodeAt(i);
  if (!((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2212)) return TEXT;
  const bytes = encoder.encode(text);
  return classifyBytes(bytes, 0, bytes.length, out);
}

/** The number a text means (`34,5` → 34.5, `1 234` → 1234, `34 %` → 34), or null. */
export function parseNumberText(text: string): number | null {
  const out = new Float64Array(1);
  const kind = classifyText(text, out);
  return kind === INT || kind === FLOAT ? out[0]! : null;
}
