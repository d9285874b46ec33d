// Characters XML 1.0 forbids, on the way in: column names and text values lose them at import (CSV
// values in the SQL typing step: test/sql/import-delimited.test.ts; spreadsheet and JSON cells as they
// become text), so a name from a file can be drawn in an exported chart. TAB, LF and CR stay.
import { describe, expect, it } from 'vitest';
import { readJson } from '../../../renderer/src/import/read-json';
import { cellsToArrow, sheetLayout, toText, uniqueHeaders } from '../../../renderer/src/import/rows-to-arrow';

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
