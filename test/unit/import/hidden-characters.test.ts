// Characters XML 1.0 forbids, on the way in: column names and text values lose them at import (CSV
// while its bytes are copied, spreadsheet and JSON cells as they become text), so a name from a file
// can be drawn in an exported chart. TAB, LF and CR stay; numbers are never touched.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ColumnBuilder } from '../../../renderer/src/import/column-builder';
import { readJson } from '../../../renderer/src/import/read-json';
import { cellsToArrow, sheetLayout, toText, uniqueHeaders } from '../../../renderer/src/import/rows-to-arrow';
import { hasSuspectByte, stripXmlForbidden, stripXmlForbiddenBytes } from '../../../renderer/src/safe-text';

const encoder = new TextEncoder();
// ignoreBOM: a U+FEFF at the start of a value is text, not a byte order mark.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** One CSV column: each value pushed as the parser would (`escaped` when it holds `""`). */
function column(values: string[]): string[] {
  const builder = new ColumnBuilder();
  for (const value of values) {
    const bytes = encoder.encode(value);
    builder.push(bytes, 0, bytes.length, value.includes('""'));
  }
  const data = builder.slice(0, builder.length);
  const offsets = data.valueOffsets;
  return Array.from({ length: builder.length }, (_, i) => decoder.decode((data.values as Uint8Array).subarray(offsets[i], offsets[i + 1])));
}

describe('stripXmlForbiddenBytes', () => {
  it('drops in UTF-8 what stripXmlForbidden drops in a string', () => {
    // Any text a file can hold once decoded: valid UTF-8, so no lone surrogates.
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('\u0001', '\u001F', '\t', '\n', '\r', '\uFFFE', '\uFFFF', '\uFFFD', '\uFEFF', '＝'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })) });
    fc.assert(
      fc.property(fc.string({ maxLength: 3 }), text, fc.string({ maxLength: 3 }), (before, middle, after) => {
        const bytes = encoder.encode(before + middle + after);
        const s = encoder.encode(before).length;
        const e = bytes.length - encoder.encode(after).length;
        const expected = stripXmlForbidden(middle);
        if (expected !== middle) expect(hasSuspectByte(bytes, s, e)).toBe(true);
        const end = stripXmlForbiddenBytes(bytes, s, e);
        expect(decoder.decode(bytes.subarray(s, end))).toBe(expected);
        expect(decoder.decode(bytes.subarray(0, s))).toBe(before);
      }),
    );
  });
});

describe('CSV text values', () => {
  it('lose control characters, U+FFFE and U+FFFF, short, long, quoted or not', () => {
    const long = `Stockholms stad \u0001 Skarpnäcks stadsdelsförvaltning\u0002`;
    expect(column(['Falu\u0001 kommun', long, 'säg ""hej""\u0008', 'a\uFFFEb\uFFFFc', '\u0001'])).toEqual([
      'Falu kommun',
      'Stockholms stad  Skarpnäcks stadsdelsförvaltning',
      'säg "hej"',
      'abc',
      '',
    ]);
  });

  it('keep TAB, LF, CR and every other character as written', () => {
    const values = ['rad\nbrytning', 'tab\there', 'cr\r\nlf', 'ÅÄÖ ＝ € 😀 \uFEFF \u007F'];
    expect(column(values)).toEqual(values);
  });

  it('stay as they are in a column that was numbers first', () => {
    expect(column(['1', '2,5', 'ett\u0001', '3'])).toEqual(['1', '2,5', 'ett', '3']);
  });
});

describe('spreadsheet and JSON cells, and column names', () => {
  it('names columns without them; a name of nothing else is blank', () => {
    expect(uniqueHeaders(['Enhet\u0001', '\u0001', 'Kommun', 'Kommun\u001F', ' Län\uFFFE '], 5)).toEqual(['Enhet', 'kolumn_2', 'Kommun', 'Kommun_2', 'Län']);
  });

  it('makes text cells without them, the preview and the table alike', () => {
    expect(toText('Falu\u0001 kommun\uD800')).toBe('Falu kommun');
    const { columns, table } = cellsToArrow(['Enhet\u0001', 'Antal'], [
      ['Falu\u0001 kommun', 3],
      ['Mora\tkommun', 4],
    ]);
    expect(columns).toEqual(['Enhet', 'Antal']);
    expect(table.getChild('Enhet')!.toArray()).toEqual(['Falu kommun', 'Mora\tkommun']);
    expect(sheetLayout(['Enhet\u0001'], [['x']]).columns).toEqual(['Enhet']);
  });

  it('reads JSON keys without them, as the import will name the columns', () => {
    const table = readJson('[{"Enhet\\u0001": "Falu\\u0001 kommun", "Antal": 3}]');
    expect(table.columns).toEqual(['Enhet', 'Antal']);
    expect(cellsToArrow(table.columns, table.rows).table.getChild('Enhet')!.toArray()).toEqual(['Falu kommun']);
  });
});
