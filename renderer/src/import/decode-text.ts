// Turns a file's bytes into text the way Swedish offices write it: UTF-8 (with or without BOM),
// UTF-16 ("Unicode text" from Excel) or Windows-1252 ("ANSI"). DuckDB and the parsers only ever see UTF-8.

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

export class NotTextError extends Error {
  constructor() {
    super('not text');
    this.name = 'NotTextError';
  }
}

// Windows-1252 differs from Latin-1 only in 0x80–0x9F. Node 20's TextDecoder('windows-1252') maps
// that range as Latin-1 (Chromium does it right), so the table keeps tests and app in agreement.
// 0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned and kept as their C1 code points.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b;
    }
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join('');
}

/** Windows-1252 bytes → UTF-8 bytes directly, without building a (possibly huge) string. */
export function windows1252ToUtf8(bytes: Uint8Array): Uint8Array {
  let size = bytes.length;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x80) size += b <= 0x9f && CP1252_HIGH[b - 0x80]! > 0x7ff ? 2 : 1;
  }
  const out = new Uint8Array(size);
  let j = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) {
      out[j++] = b;
      continue;
    }
    const code = b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b;
    if (code <= 0x7ff) {
      out[j++] = 0xc0 | (code >> 6);
      out[j++] = 0x80 | (code & 0x3f);
    } else {
      out[j++] = 0xe0 | (code >> 12);
      out[j++] = 0x80 | ((code >> 6) & 0x3f);
      out[j++] = 0x80 | (code & 0x3f);
    }
  }
  return out;
}

/** Control bytes that never occur in a text export (NUL, and C0 controls other than tab, LF, CR, FF). */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) controls++;
  }
  return controls > sample.length / 100;
}

/**
 * Strict UTF-8 validity without decoding (no string is built, so it is cheap on a 50 MB file).
 * `allowTruncatedEnd` accepts a sequence cut off by the end of the buffer (a prefix of a file).
 */
export function isUtf8(bytes: Uint8Array, allowTruncatedEnd = false): boolean {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (need === 0) return false;
    const min = need === 1 ? 0x80 : need === 2 ? 0x800 : 0x10000;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return allowTruncatedEnd; // cut off by the end of a prefix
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return false;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}

// Validating 50 MB takes ~0.1 s: the sniff and the import ask about the same bytes, so remember.
const validated = new WeakMap<Uint8Array, boolean>();

function isUtf8Remembered(bytes: Uint8Array): boolean {
  let valid = validated.get(bytes);
  if (valid === undefined) {
    valid = isUtf8(bytes);
    validated.set(bytes, valid);
  }
  return valid;
}

/** The encoding of a text file: byte order mark, else strict UTF-8, else Windows-1252. */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (looksBinary(bytes)) throw new NotTextError();
  // A Windows-1252 file with åäö is never valid UTF-8, so the fallback is safe.
  return isUtf8Remembered(bytes) ? 'utf-8' : 'windows-1252';
}

function withoutBom(bytes: Uint8Array, encoding: TextEncodingName): Uint8Array {
  const bom =
    (encoding === 'utf-8' || encoding === 'utf-8-bom') && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
      ? 3
      : encoding === 'utf-16le' && bytes[0] === 0xff && bytes[1] === 0xfe
        ? 2
        : encoding === 'utf-16be' && bytes[0] === 0xfe && bytes[1] === 0xff
          ? 2
          : 0;
  return bytes.subarray(bom);
}

/** Decodes as the given encoding (a user's choice may be wrong: never throws, shows what it gets). */
export function decodeAs(bytes: Uint8Array, encoding: TextEncodingName): string {
  const body = withoutBom(bytes, encoding);
  if (encoding === 'windows-1252') return decodeWindows1252(body);
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  return new TextDecoder(label).decode(body);
}

/**
 * The text as UTF-8 bytes, for the parser: a view of the input (no copy) when it already is UTF-8,
 * else transcoded. Invalid UTF-8 (when the user forces UTF-8) becomes U+FFFD, like the decoder does.
 * `prefix`: the bytes are the start of a file, and may end in the middle of a character.
 */
export function toUtf8(bytes: Uint8Array, encoding: TextEncodingName, prefix = false): Uint8Array {
  const body = withoutBom(bytes, encoding);
  if (encoding === 'windows-1252') return windows1252ToUtf8(body);
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') {
    if (prefix ? isUtf8(bytes, true) : isUtf8Remembered(bytes)) return body;
  }
  return new TextEncoder().encode(decodeAs(bytes, encoding));
}

/** Detects (or takes) the encoding and decodes the whole text. */
export function decodeText(bytes: Uint8Array, encoding?: TextEncodingName): DecodedText {
  const used = encoding ?? detectEncoding(bytes);
  return { text: decodeAs(bytes, used), encoding: used };
}
