// Every file in queries/ runs against data-samples/ through DuckDB-WASM under Node.
// A new query file without a case here fails the suite, so no analysis ships untested.
import { readdir, readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine, Row } from '../../renderer/src/db/engine';
import { runQuery, type QueryId } from '../../renderer/src/db/query-files';
import { loadSource } from '../../renderer/src/domain/load-source';
import type { ImportedTable } from '../../renderer/src/import/import-file';
import { startNodeEngine } from '../support/node-engine';

let engine: Engine;
const loaded = new Map<string, ImportedTable>();

beforeAll(async () => {
  engine = await startNodeEngine();
  for (const name of (await readdir('data-samples')).filter((f) => /\.(csv|xlsx)$/.test(f)).sort()) {
    const bytes = new Uint8Array(await readFile(`data-samples/${name}`));
    const { table } = await loadSource(engine, { name, bytes }, new Set([...loaded.values()].map((t) => t.table)));
    loaded.set(name, table);
  }
});

afterAll(async () => {
  await engine?.close();
});

const CASES: Record<QueryId, () => Promise<void>> = {
  async table_columns() {
    const rows = await runQuery(engine, 'table_columns', ['methods_survey_sample']);
    expect(rows.map((r: Row) => [r.column_name, r.data_type])).toEqual([
      ['Kommun/stadsdel', 'VARCHAR'],
      ['Län', 'VARCHAR'],
      ['Antal svarande', 'BIGINT'],
      ['Insatser: KOMET', 'VARCHAR'],
      ['Insatser: FFT', 'VARCHAR'],
      ['Insatser: MST', 'VARCHAR'],
      ['Bedömning: SAVRY', 'VARCHAR'],
      ['Andel utbildade (%)', 'DOUBLE'],
      ['Kommentar', 'VARCHAR'],
    ]);
    expect(await runQuery(engine, 'table_columns', ['no_such_table'])).toEqual([]);
  },
  async method_adoption() {
    // The CSV (one column per option) and the XLSX (choices in one cell) hold the same 12 units:
    // each unit counts once, by its register identity.
    const rows = await runQuery(engine, 'method_adoption');
    expect(rows.map((r) => [r.id, r.kind, r.units_using, r.units_total])).toEqual([
      ['komet', 'intervention', 9, 12],
      ['fft', 'intervention', 7, 12],
      ['mst', 'intervention', 3, 12],
      ['stodsamtal-ungdom', 'intervention', 12, 12],
      ['savry', 'tool', 8, 12],
    ]);
    expect(rows[0]!.share).toBeCloseTo(0.75, 10);
    expect(rows[0]!.recommendation).toBe('parenting-programme');
  },
  async unit_matches() {
    const rows = await runQuery(engine, 'unit_matches');
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.status === 'matched')).toBe(true);
    const byName = new Map(rows.map((r) => [r.name_in_file, r]));
    expect(byName.get('Stockholms stad – Skarpnäcks stadsdelsförvaltning')).toMatchObject({ municipality_code: '0180', county_code: '01', district: 'Skarpnäck' });
    expect(byName.get('Skärholmens sdf')).toMatchObject({ municipality_code: '0180', district: 'Skärholmen' });
    expect(byName.get('Region Gotland')).toMatchObject({ municipality_code: '0980', county_code: '09', district: null });
    expect(byName.get('Falu kommun')).toMatchObject({ municipality_code: '2080', county_code: '20' });
  },
  async unmatched_methods() {
    // Every name in the samples is in the catalogue.
    expect(await runQuery(engine, 'unmatched_methods')).toEqual([]);
  },
};

describe('queries/', () => {
  it('has a test case for every query file and a file for every case', async () => {
    const files = (await readdir('queries')).filter((f) => f.endsWith('.sql')).map((f) => f.replace(/\.sql$/, ''));
    expect(Object.keys(engine.queryFiles).sort()).toEqual(files.sort());
    expect(Object.keys(CASES).sort()).toEqual(files.sort());
  });

  for (const [id, check] of Object.entries(CASES)) {
    it(`${id}.sql gives the expected result on the samples`, check);
  }
});
