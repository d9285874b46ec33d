import { describe, expect, it } from 'vitest';
import { decodeText, decodeWindows1252, NotTextError } from '../../../renderer/src/import/decode-text';

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
