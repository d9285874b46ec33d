import { describe, expect, it } from 'vitest';
import { rowsToArrow, uniqueHeaders } from '../../../renderer/src/import/rows-to-arrow';

const typesOf = (rows: Parameters<typeof rowsToArrow>[0]) =>
  rowsToArrow(rows).table.schema.fields.map((f) => [f.name, String(f.type)]);

describe('rowsToArrow', () => {
  it('uses the first non-blank row as header, keeps column order and skips blank rows', () => {
    const { columns, table } = rowsToArrow([
      [null, null, null],
      ['2023', 'Kommun', 'Antal'],
      [1, 'Falun', 3],
      [null, '  ', null],
      [2, 'Mora', 5],
    ]);
    // "2023" first: a JS object would have reordered the integer-like key.
    expect(columns).toEqual(['2023', 'Kommun', 'Antal']);
    expect(table.toArray().map((r) => r.toJSON())).toEqual([
      { 2023: 1, Kommun: 'Falun', Antal: 3 },
      { 2023: 2, Kommun: 'Mora', Antal: 5 },
    ]);
  });

  it('gives each column one type, and text where kinds mix', () => {
    expect(
      typesOf([
        ['Heltal', 'Decimal', 'Blandat', 'Datum', 'Sant', 'Tomt'],
        [3, 1.5, 3, new Date(Date.UTC(2023, 9, 2)), true, null],
        [4, 2, 'uppgift saknas', new Date(Date.UTC(2023, 9, 3)), false, ''],
      ]),
    ).toEqual([
      ['Heltal', 'Int32'],
      ['Decimal', 'Float64'],
      ['Blandat', 'Utf8'],
      ['Datum', 'Timestamp<MILLISECOND>'],
      ['Sant', 'Bool'],
      ['Tomt', 'Utf8'],
    ]);
    const { table } = rowsToArrow([['Blandat'], [3], ['uppgift saknas']]);
    expect(table.getChild('Blandat')!.toArray()).toEqual(['3', 'uppgift saknas']);
  });

  it('pads short rows with null', () => {
    const { table } = rowsToArrow([['a', 'b', 'c'], ['x']]);
    expect(table.toArray().map((r) => r.toJSON())).toEqual([{ a: 'x', b: null, c: null }]);
  });
});

describe('uniqueHeaders', () => {
  it('names blanks and numbers repeats', () => {
    expect(uniqueHeaders(['Namn', null, 'Namn', ' '], 5)).toEqual(['Namn', 'kolumn_2', 'Namn_2', 'kolumn_4', 'kolumn_5']);
  });
});
