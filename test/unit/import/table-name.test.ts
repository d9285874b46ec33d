import { describe, expect, it } from 'vitest';
import { quoteIdent, tableNameFor } from '../../../renderer/src/db/table-name';

describe('tableNameFor', () => {
  it.each([
    ['Insatser 2023 (Falun).csv', 'insatser_2023_falun'],
    ['Enkät – Östersund.xlsx', 'enkat_ostersund'],
    ['2023.csv', 't_2023'],
    ['"; DROP TABLE x; --.csv', 'drop_table_x'],
    ['...csv', 't_fil'],
  ])('%s → %s', (fileName, expected) => {
    expect(tableNameFor(fileName, new Set())).toBe(expected);
  });

  it('never reuses a taken name', () => {
    expect(tableNameFor('a.csv', new Set(['a', 'a_2']))).toBe('a_3');
  });
});

describe('quoteIdent', () => {
  it('doubles embedded quotes', () => {
    expect(quoteIdent('a"b')).toBe('"a""b"');
  });
});
