import { describe, expect, it } from 'vitest';
import {
  decodeAs,
  decodeText,
  decodeWindows1252,
  detectEncoding,
  isUtf8,
  NotTextError,
  toUtf8,
  windows1252ToUtf8,
} from '../../../renderer/src/import/decode-text';

const SWEDISH = 'Kommun;Län\nMörbylånga – “Ö”;12,5 €\n';

function utf16le(text: string, bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[(bom ? 2 : 0) + i * 2] = code & 0xff;
    out[(bom ? 2 : 0) + i * 2 + 1] = code >> 8;
  }
  return out;
}

describe('decodeText', () => {
  it('reads plain UTF-8', () => {
    expect(decodeText(new TextEncoder().encode(SWEDISH))).toEqual({ text: SWEDISH, encoding: 'utf-8' });
  });

  it('strips the UTF-8 byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SWEDISH)]);
    expect(decodeText(bytes)).toEqual({ text: SWEDISH, encoding: 'utf-8-bom' });
  });

  it('reads UTF-16LE as Excel writes "Unicode text"', () => {
    expect(decodeText(utf16le(SWEDISH))).toEqual({ text: SWEDISH, encoding: 'utf-16le' });
  });

  it('falls back to Windows-1252, including the 0x80–0x9F range Latin-1 gets wrong', () => {
    // "Mörbylånga – “Ö” 12,5 €" in Windows-1252: ö=F6 å=E5 –=96 “=93 ”=94 €=80
    const bytes = new Uint8Array([0x4d, 0xf6, 0x72, 0x62, 0x79, 0x6c, 0xe5, 0x6e, 0x67, 0x61, 0x20, 0x96, 0x20, 0x93, 0xd6, 0x94, 0x20, 0x80]);
    expect(decodeText(bytes)).toEqual({ text: 'Mörbylånga – “Ö” €', encoding: 'windows-1252' });
  });

  it('maps every assigned byte of 0x80–0x9F to its Windows-1252 character', () => {
    const expected = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
    const assigned = [...Array(32).keys()].map((i) => 0x80 + i).filter((b) => ![0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b));
    expect(decodeWindows1252(Uint8Array.from(assigned))).toBe(expected);
  });

  it('refuses binary junk rather than importing garbage', () => {
    const junk = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    expect(() => decodeText(junk)).toThrow(NotTextError);
  });
});

describe('detectEncoding, isUtf8, toUtf8, decodeAs', () => {
  const ansi = Uint8Array.from([0x4d, 0xf6, 0x72, 0x62, 0x79, 0x20, 0x96, 0x20, 0x80, 0x20, 0x93, 0x78, 0x94]); // Mörby – € “x”

  it('detects each encoding', () => {
    expect(detectEncoding(new TextEncoder().encode(SWEDISH))).toBe('utf-8');
    expect(detectEncoding(ansi)).toBe('windows-1252');
    expect(detectEncoding(utf16le(SWEDISH))).toBe('utf-16le');
    expect(() => detectEncoding(Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))).toThrow(NotTextError);
  });

  it('validates UTF-8 strictly, and a prefix cut inside a character when told so', () => {
    const bytes = new TextEncoder().encode('Å€😀');
    expect(isUtf8(bytes)).toBe(true);
    expect(isUtf8(bytes.subarray(0, bytes.length - 1))).toBe(false);
    expect(isUtf8(bytes.subarray(0, bytes.length - 1), true)).toBe(true);
    expect(isUtf8(Uint8Array.from([0xc0, 0x80]))).toBe(false); // overlong
    expect(isUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(false); // surrogate
    expect(isUtf8(ansi)).toBe(false);
  });

  it('transcodes Windows-1252 to UTF-8 exactly as it decodes it', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(new TextDecoder().decode(windows1252ToUtf8(all))).toBe(decodeWindows1252(all));
    expect(new TextDecoder().decode(toUtf8(ansi, 'windows-1252'))).toBe('Mörby – € “x”');
  });

  it('hands UTF-8 through without copying and strips byte order marks', () => {
    const bytes = new TextEncoder().encode(SWEDISH);
    expect(toUtf8(bytes, 'utf-8').buffer).toBe(bytes.buffer);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    expect(new TextDecoder().decode(toUtf8(bom, 'utf-8-bom'))).toBe(SWEDISH);
    expect(new TextDecoder().decode(toUtf8(utf16le(SWEDISH), 'utf-16le'))).toBe(SWEDISH);
  });

  it('decodes as the user says, even when that is wrong', () => {
    expect(decodeText(new TextEncoder().encode('Åre'), 'windows-1252')).toEqual({ text: 'Ã…re', encoding: 'windows-1252' });
    expect(decodeAs(ansi, 'utf-8')).toBe('M\ufffdrby \ufffd \ufffd \ufffdx\ufffd');
    expect(new TextDecoder().decode(toUtf8(ansi, 'utf-8'))).toBe('M\ufffdrby \ufffd \ufffd \ufffdx\ufffd');
  });
});
