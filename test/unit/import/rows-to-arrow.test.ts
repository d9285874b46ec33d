import { describe, expect, it } from 'vitest';
import { cellsToArrow, rowsToArrow, uniqueHeaders } from '../../../renderer/src/import/rows-to-arrow';

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

describe('cellsToArrow', () => {
  const rowsOf = (table: ReturnType<typeof cellsToArrow>['table']) => table.toArray().map((r) => r.toJSON());

  it('reads numbers written as text the Swedish way, alone or among real numbers', () => {
    const { table } = cellsToArrow(['Antal', 'Andel', 'Kod'], [
      ['1 234', '34,5 %', '0180'],
      [12, 0.5, '0840'],
    ]);
    expect(table.schema.fields.map((f) => String(f.type))).toEqual(['Int32', 'Float64', 'Utf8']);
    expect(rowsOf(table)).toEqual([
      { Antal: 1234, Andel: 34.5, Kod: '0180' },
      { Antal: 12, Andel: 0.5, Kod: '0840' },
    ]);
  });

  it('reads ISO dates written as text as dates, and a serial number among dates as a date', () => {
    const { table } = cellsToArrow(['Dag', 'Start'], [
      ['2024-01-05', new Date(Date.UTC(2024, 0, 5, 8, 15))],
      ['2024-02-01', 45323],
    ]);
    expect(table.schema.fields.map((f) => String(f.type))).toEqual(['Date32<DAY>', 'Timestamp<MILLISECOND>']);
    expect(table.getChild('Start')!.toArray()).toEqual(BigInt64Array.from([BigInt(Date.UTC(2024, 0, 5, 8, 15)), BigInt(Date.UTC(2024, 1, 1))]));
  });

  it('leaves a column of numbers alone when only a few cells are dates', () => {
    const { table } = cellsToArrow(['Antal'], [[3], [4], [new Date(Date.UTC(2024, 0, 1))]]);
    expect(String(table.schema.fields[0]!.type)).toBe('Utf8');
  });

  it('drops columns with neither a name nor a value and names unnamed columns with values', () => {
    const { columns } = cellsToArrow(['a', null, null, 'd', null], [[1, 2, null, 4, null]]);
    expect(columns).toEqual(['a', 'kolumn_2', 'd']);
  });

  it('keeps names unique regardless of case', () => {
    expect(uniqueHeaders(['Antal', 'antal', 'Antal_2', 'Antal'], 4)).toEqual(['Antal', 'antal_2', 'Antal_2_2', 'Antal_3']);
  });
});
