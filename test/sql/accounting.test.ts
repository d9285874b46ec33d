// The import's accounting invariant, over every fixture the project has: every column of a file has
// exactly one fate (a role, a matched method option, an unmatched name, or not used with a reason), and
// every multiple-choice cell is covered by the choices read from it. Also the value macros the model
// reads periods and numbers with.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRows, type Engine } from '../../renderer/src/db/engine';
import { FATES } from '../../renderer/src/model/accounting';
import { loadSource, unloadSource } from '../../renderer/src/model/load-source';
import { createModel } from '../../renderer/src/model/model';
import { profileTable } from '../../renderer/src/model/profile';
import { IGNORE_REASONS } from '../../renderer/src/domain/shape-detect';
import { summarize } from '../../renderer/src/model/summarize';
import { ImportError } from '../../renderer/src/import/import-file';
import { loadParquetNode } from '../../renderer/src/import/parquet-node';
import { startNodeEngine } from '../support/node-engine';

let engine: Engine;
beforeAll(async () => {
  engine = await startNodeEngine();
  await createModel(engine);
}, 60_000);
afterAll(async () => {
  await engine.close();
});

async function fixtureFiles(): Promise<string[]> {
  const found: string[] = [];
  for (const dir of ['test/fixtures', 'data-samples']) {
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && /\.(csv|txt|xlsx|json|ndjson|parquet)$/.test(entry.name)) found.push(path.join(entry.parentPath, entry.name));
    }
  }
  return found.sort();
}

describe('every fixture is accounted for', () => {
  it('gives every column exactly one fate and leaves no multiple-choice cell uncovered', async () => {
    const files = await fixtureFiles();
    expect(files.length).toBeGreaterThanOrEqual(30);
    const checked: string[] = [];
    for (const file of files) {
      const bytes = new Uint8Array(await readFile(file));
      let source;
      try {
        source = await loadSource(engine, { name: path.basename(file), bytes }, new Set(), { loadParquet: loadParquetNode });
      } catch (error) {
        // A file that cannot be read says so (a header without rows); it is not silently half-read.
        expect(error, file).toBeInstanceOf(ImportError);
        continue;
      }
      const { account, table } = source;
      expect(account.columns.map((c) => c.column), file).toEqual(table.columns.map((c) => c.name));
      for (const column of account.columns) {
        expect(FATES, `${file}: ${column.column}`).toContain(column.fate);
        if (column.fate === 'ignored') expect(IGNORE_REASONS, `${file}: ${column.column}`).toContain(column.reason);
        if (column.fate === 'method') expect(column.method, `${file}: ${column.column}`).toBeTruthy();
        if (column.fate === 'unmatched') expect(column.name, `${file}: ${column.column}`).toBeTruthy();
      }
      expect(Object.values(account.counts).reduce((a, b) => a + b, 0), file).toBe(table.columns.length);
      expect(account.unaccountedCells, file).toEqual([]);
      await unloadSource(engine, table.table);
      checked.push(file);
    }
    expect(checked.length).toBeGreaterThanOrEqual(files.length - 2);
  }, 240_000);
});

describe('the value macros', () => {
  async function one(sql: string, params: unknown[]): Promise<unknown> {
    return toRows(await engine.query(`SELECT ${sql} AS v`, params))[0]!.v;
  }

  it.each([
    ['2023', '2023'],
    ['2023-01', '2023-01'],
    ['202303', '2023-03'],
    ['2023-03-31', '2023-03'],
    ['jan 2023', '2023-01'],
    ['Maj 2023', '2023-05'],
    ['okt. 2023', '2023-10'],
    ['2023 M03', '2023-03'],
    ['2023M11', '2023-11'],
    ['2023 T1', '2023-T1'],
    ['2023K2', '2023-K2'],
    ['2023 Q4', '2023-K4'],
    ['2023/01/31', '2023-01'],
    ['2023-M03', '2023-03'],
    ['jan-2023', '2023-01'],
    ['2023 H2', '2023-H2'],
    ['', null],
  ])('reads the period %j as %j', async (raw, period) => {
    expect(await one('normalise_period(?)', [raw])).toBe(period);
  });

  it('reads a year a reader made a decimal as the year', async () => {
    expect(await one('normalise_period(CAST(? AS DOUBLE))', [2023])).toBe('2023');
  });

  it.each([
    ['12', 12],
    ['1 234', 1234],
    ['1\u00a0234', 1234],
    ['3,5', 3.5],
    ['0', 0],
    ['..', null],
    ['–', null],
    ['', null],
    ['x', null],
  ])('reads the value %j as %j', async (raw, value) => {
    expect(await one('number_value(?)', [raw])).toBe(value);
  });
});

describe('the profile shape detection reads', () => {
  it('samples a column of many distinct values, and counts its filled and distinct cells', async () => {
    await engine.query('CREATE OR REPLACE TABLE many AS SELECT CAST(range AS VARCHAR) AS v, CAST(range % 7 AS VARCHAR) AS w FROM range(3000)');
    const [v, w] = await profileTable(engine, 'many', [
      { name: 'v', type: 'VARCHAR' },
      { name: 'w', type: 'VARCHAR' },
    ]);
    expect(v!.values).toHaveLength(60);
    expect([v!.filled, v!.distinct]).toEqual([3000, 3000]);
    expect([w!.filled, w!.distinct]).toEqual([3000, 7]);
    await engine.query('DROP TABLE many');
  });
});

describe('a city district beside its municipality', () => {
  it('makes the unit, and a district cell reading Totalt is a subtotal, never a unit', async () => {
    const csv = [
      'Kommun;Stadsområde;Månad;Insats;Antal',
      'Göteborg;Centrum;2023-01;KOMET;1',
      'Göteborg;Nordost;2023-01;KOMET;0',
      'Göteborg;Nordost;2023-02;KOMET;0',
      'Göteborg;Totalt;2023-01;KOMET;1',
      'Mölndal;;2023-01;KOMET;2',
      'Mölndal;;2023-02;KOMET;1',
    ].join('\n');
    // A clean model: the names matched for the fixtures above are not this file's.
    await engine.query('DELETE FROM unit_map');
    await engine.query('DELETE FROM method_map');
    const source = await loadSource(engine, { name: 'stadsomraden.csv', bytes: new TextEncoder().encode(csv) }, new Set());
    expect(source.guess.roles['Stadsområde']).toEqual({ role: 'district' });
    const summary = await summarize(engine, [source]);
    expect(summary.units.map((u) => [u.name_in_file, u.municipality_code])).toEqual([
      ['Göteborg – Centrum', '1480'],
      ['Göteborg – Nordost', '1480'],
      ['Mölndal', '1481'],
    ]);
    expect(summary.methods.map((m) => [m.id, m.units_using, m.units_total])).toEqual([['komet', 2, 3]]);
    expect(summary.files[0]!.breakdown_rows).toBe(1);
    await unloadSource(engine, source.table.table);
  });
});
