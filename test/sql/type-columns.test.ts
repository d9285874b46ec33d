// The one typing step (renderer/src/import/type-columns.ts): text values typed in SQL the Swedish way.
// One table of cases, each a column of its own, typed by the real DuckDB; then a property: for any value
// the SQL rules and the spreadsheet reader's rules (parse-value.ts) agree on its kind and number.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRows, type Engine } from '../../renderer/src/db/engine';
import { describeTable } from '../../renderer/src/db/table-info';
import { classifyText, DATE, EMPTY, FLOAT, INT, TEXT, TIMESTAMP } from '../../renderer/src/import/parse-value';
import { quoteIdent } from '../../renderer/src/db/table-name';
import { typeColumns } from '../../renderer/src/import/type-columns';
import { startNodeEngine } from '../support/node-engine';

let engine: Engine;
beforeAll(async () => {
  engine = await startNodeEngine();
});
afterAll(async () => {
  await engine?.close();
});

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const ms = (iso: string) => Date.parse(iso);

/** Makes a table of text columns `v0`, `v1` … holding `columns`, types it, and gives each column's type and values. */
async function typed(columns: readonly (readonly (string | null)[])[], names = columns.map((_, i) => `n${i}`)) {
  const table = `typing_${Math.random().toString(36).slice(2)}`;
  const rows = Math.max(...columns.map((c) => c.length));
  const staging = columns.map((_, i) => `v${i}`);
  await engine.query(`CREATE TABLE ${table} (${staging.map((c) => `${c} VARCHAR`).join(', ')})`);
  for (let r = 0; r < rows; r++) {
    await engine.query(`INSERT INTO ${table} VALUES (${staging.map((_, i) => `$${i + 1}`).join(', ')})`, columns.map((c) => c[r] ?? null));
  }
  await typeColumns(engine, table, staging, names, names.map((name) => name === ''));
  const info = await describeTable(engine, table);
  const values = toRows(await engine.query(`SELECT * FROM ${quoteIdent(table)} ORDER BY rowid`));
  await engine.query(`DROP TABLE ${table}`);
  return { types: info.columns.map((c) => c.type), values, names: info.columns.map((c) => c.name) };
}

const CASES: [string, string, unknown][] = [
  ['34,5', 'DOUBLE', 34.5],
  ['34.5', 'DOUBLE', 34.5],
  ['1 234', 'BIGINT', 1234],
  [`1${NBSP}234`, 'BIGINT', 1234],
  [`1${NNBSP}234${NNBSP}567`, 'BIGINT', 1234567],
  ['1 234,5', 'DOUBLE', 1234.5],
  ['12 345 678,25', 'DOUBLE', 12345678.25],
  ['34 %', 'BIGINT', 34],
  ['34%', 'BIGINT', 34],
  [`12,5${NBSP}%`, 'DOUBLE', 12.5],
  ['-5', 'BIGINT', -5],
  ['−5', 'BIGINT', -5],
  ['+7', 'BIGINT', 7],
  ['-0,05', 'DOUBLE', -0.05],
  ['0', 'BIGINT', 0],
  ['  12  ', 'BIGINT', 12],
  [`${NBSP}12${NBSP}`, 'BIGINT', 12],
  ['123456789012345', 'BIGINT', 123456789012345],
  ['0,123456789012345678', 'DOUBLE', 0.12345678901234568],
  ['2024-10-01', 'DATE', ms('2024-10-01T00:00:00Z')],
  ['2024-02-29', 'DATE', ms('2024-02-29T00:00:00Z')],
  ['2024-10-01 08:15', 'TIMESTAMP', ms('2024-10-01T08:15:00Z')],
  ['2024-10-01T08:15:30', 'TIMESTAMP', ms('2024-10-01T08:15:30Z')],
  ['2024-10-01T08:15:30.5Z', 'TIMESTAMP', ms('2024-10-01T08:15:30.500Z')],
  ['0180', 'VARCHAR', '0180'],
  ['00', 'VARCHAR', '00'],
  ['12345678901234567', 'VARCHAR', '12345678901234567'],
  ['2023-04', 'VARCHAR', '2023-04'],
  ['2023 T1', 'VARCHAR', '2023 T1'],
  ['+46 8 123 456', 'VARCHAR', '+46 8 123 456'],
  ['1 23', 'VARCHAR', '1 23'],
  ['1234 567', 'VARCHAR', '1234 567'],
  ['1.234.567', 'VARCHAR', '1.234.567'],
  ['1e5', 'VARCHAR', '1e5'],
  [',5', 'VARCHAR', ',5'],
  ['12,', 'VARCHAR', '12,'],
  ['5 %x', 'VARCHAR', '5 %x'],
  ['Falun', 'VARCHAR', 'Falun'],
  ['2023-02-29', 'VARCHAR', '2023-02-29'],
  ['2024-13-01', 'VARCHAR', '2024-13-01'],
  ['2024-1-5', 'VARCHAR', '2024-1-5'],
  ['2024-10-01T25:00', 'VARCHAR', '2024-10-01T25:00'],
  ['2024-10-01T08:15+02:00', 'VARCHAR', '2024-10-01T08:15+02:00'],
  ['a\u0001b', 'VARCHAR', 'ab'],
];

describe('typeColumns: one table of cases', () => {
  it('types every case as the Swedish rules say, each in a column of its own', async () => {
    const { types, values } = await typed(CASES.map(([text]) => [text]));
    expect(CASES.map(([text], i) => [text, types[i], values[0]![`n${i}`]])).toEqual(CASES);
  });

  it('joins a column’s kinds: whole and decimal numbers are DOUBLE, dates and times TIMESTAMP, anything else text', async () => {
    const { types, values } = await typed([
      ['1', '2,5', null],
      ['2024-01-01', '2024-01-02 10:00', null],
      ['1', 'a', '2'],
      ['2024-01-01', '5', null],
    ]);
    expect(types).toEqual(['DOUBLE', 'TIMESTAMP', 'VARCHAR', 'VARCHAR']);
    expect(values.map((row) => row.n0)).toEqual([1, 2.5, null]);
    expect(values.map((row) => row.n1)).toEqual([ms('2024-01-01T00:00:00Z'), ms('2024-01-02T10:00:00Z'), null]);
    expect(values.map((row) => row.n2)).toEqual(['1', 'a', '2']);
  });

  it('makes blank values NULL, in numbers and in text, and keeps text as written', async () => {
    const { types, values } = await typed([
      ['1 234', ' ', NBSP, '', '7'],
      [' Falun ', '  ', '""', 'x', null],
    ]);
    expect(types).toEqual(['BIGINT', 'VARCHAR']);
    expect(values.map((row) => row.n0)).toEqual([1234, null, null, null, 7]);
    expect(values.map((row) => row.n1)).toEqual([' Falun ', null, '""', 'x', null]);
  });

  it('renames to the header’s names and drops unnamed columns without a value', async () => {
    const { names } = await typed(
      [
        ['1', '2'],
        [null, null],
        [null, '3'],
      ],
      ['Antal', '', 'kolumn_3'],
    );
    expect(names).toEqual(['Antal', 'kolumn_3']);
  });

  it('types a table wider than the in-place limit the same way, in one copy', async () => {
    const columns = Array.from({ length: 70 }, (_, i) => (i % 2 === 0 ? ['1 234', '5'] : ['x', 'y']));
    const { types, values } = await typed(columns);
    expect(types).toEqual(columns.map((_, i) => (i % 2 === 0 ? 'BIGINT' : 'VARCHAR')));
    expect(values[0]!.n68).toBe(1234);
  });
});

describe('typeColumns agrees with the spreadsheet reader’s rules (parse-value.ts)', () => {
  const KIND_TYPE: Record<number, string> = { [INT]: 'BIGINT', [FLOAT]: 'DOUBLE', [DATE]: 'DATE', [TIMESTAMP]: 'TIMESTAMP', [TEXT]: 'VARCHAR', [EMPTY]: 'VARCHAR' };
  const digits = fc.stringMatching(/^[0-9]{1,18}$/);
  const blank = fc.constantFrom(' ', NBSP, NNBSP);
  const swedishNumber = fc
    .tuple(fc.constantFrom('', '-', '−', '+'), digits, fc.option(fc.tuple(fc.constantFrom(',', '.'), fc.stringMatching(/^[0-9]{1,8}$/))), fc.option(fc.tuple(fc.option(blank), fc.constant('%'))))
    .map(([sign, int, fraction, percent]) => `${sign}${int}${fraction ? fraction.join('') : ''}${percent ? `${percent[0] ?? ''}%` : ''}`);
  const grouped = fc
    .tuple(fc.integer({ min: 1, max: 999 }), fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 5 }), blank)
    .map(([head, groups, b]) => [String(head), ...groups.map((g) => String(g).padStart(3, '0'))].join(b));
  const date = fc
    .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.option(fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }))))
    .map(([y, m, d, time]) => {
      const day = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      return time ? `${day} ${String(time[0]).padStart(2, '0')}:${String(time[1]).padStart(2, '0')}` : day;
    });
  const value = fc.oneof(swedishNumber, grouped, date, fc.string({ maxLength: 6 }));

  it('gives every value the kind and number classifyText gives it', async () => {
    const values = fc.sample(value, { numRuns: 400, seed: 20261206 });
    const { types, values: rows } = await typed(values.map((v) => [v]));
    values.forEach((text, i) => {
      const out = new Float64Array(1);
      const kind = classifyText(text, out);
      const got = rows[0]![`n${i}`];
      expect([text, types[i]]).toEqual([text, KIND_TYPE[kind]]);
      if (kind === INT || kind === FLOAT) expect(got, text).toBe(out[0]);
      else if (kind === DATE) expect(got, text).toBe(out[0]! * 86_400_000);
      else if (kind === TIMESTAMP) expect(got, text).toBe(out[0]);
      else if (kind === EMPTY) expect(got, text).toBeNull();
    });
  });
});
