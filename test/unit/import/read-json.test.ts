import { describe, expect, it } from 'vitest';
import { JsonShapeError, keysInOrder, readJson } from '../../../renderer/src/import/read-json';

describe('readJson', () => {
  it('keeps the key order of the file, integer-like keys included, then adds later keys', () => {
    const table = readJson('[{"Kommun": "Falun", "2023": 3, "nested": {"2022": 1}}, {"2023": 4, "Ny": true, "Kommun": "Mora"}]');
    expect(table.columns).toEqual(['Kommun', '2023', 'nested', 'Ny']);
    expect(table.rows).toEqual([
      ['Falun', 3, '{"2022":1}', null],
      ['Mora', 4, null, true],
    ]);
    expect(table.rowsRead).toBe(2);
  });

  it('reads NDJSON and rejects lines that are not objects, by line number', () => {
    const table = readJson('{"a": 1}\n\n{"a": 2, "b": "x"}\n{broken\n[1]\n', true);
    expect(table.columns).toEqual(['a', 'b']);
    expect(table.rows).toEqual([
      [1, null],
      [2, 'x'],
    ]);
    expect(table.rejected).toEqual([
      { line: 4, reason: 'ogiltig JSON' },
      { line: 5, reason: 'inte ett JSON-objekt' },
    ]);
    expect(table.rowsRead).toBe(4);
  });

  it.each([
    ['not JSON', 'Kommun;Antal', 'bad-json'],
    ['a broken array', '[{"a": 1}, {"a"', 'bad-json'],
    ['one object', '{"data": [{"a": 1}]}', 'json-not-table'],
    ['an array of numbers', '[1, 2]', 'json-not-table'],
    ['an array with null', '[{"a": 1}, null]', 'json-not-table'],
    ['a string', '"text"', 'json-not-table'],
  ])('refuses %s', (_label, text, code) => {
    expect(() => readJson(text)).toThrow(JsonShapeError);
    expect(() => readJson(text)).toThrow(expect.objectContaining({ code }) as Error);
  });

  it('reads one object on one line as a row only when the file is NDJSON', () => {
    expect(readJson('{"a": 1}', true).rows).toEqual([[1]]);
  });
});

describe('keysInOrder', () => {
  it('reads top-level keys only, past strings with escapes and nested values', () => {
    const text = '{"b": "x\\"y", "1": [{"z": 1}], "a": {"c": 2}, "é": null}';
    expect(keysInOrder(text, 0)).toEqual(['b', '1', 'a', 'é']);
  });
});
