// Every file in queries/ runs against data-samples/ through DuckDB-WASM under Node.
// A new query file without a case here fails the suite, so no analysis ships untested.
import { readdir, readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine, Row } from '../../renderer/src/db/engine';
import { QUERY_SQL, runQuery, type QueryId } from '../../renderer/src/db/query-files';
import { importFile, type ImportedTable } from '../../renderer/src/import/import-file';
import { startNodeEngine } from '../support/node-engine';

let engine: Engine;
const loaded = new Map<string, ImportedTable>();

beforeAll(async () => {
  engine = await startNodeEngine();
  for (const name of (await readdir('data-samples')).filter((f) => /\.(csv|xlsx)$/.test(f)).sort()) {
    const bytes = new Uint8Array(await readFile(`data-samples/${name}`));
    const table = await importFile(engine, { name, bytes }, new Set([...loaded.values()].map((t) => t.table)));
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
  async loaded_tables() {
    const rows = await runQuery(engine, 'loaded_tables');
    expect(rows.map((r) => [r.table_name, r.column_count])).toEqual([
      ['methods_survey_sample', 9],
      ['methods_survey_sample_2', 7],
    ]);
  },
};

describe('queries/', () => {
  it('has a test case for every query file and a file for every case', async () => {
    const files = (await readdir('queries')).filter((f) => f.endsWith('.sql')).map((f) => f.replace(/\.sql$/, ''));
    expect(Object.keys(QUERY_SQL).sort()).toEqual(files.sort());
    expect(Object.keys(CASES).sort()).toEqual(files.sort());
  });

  for (const [id, check] of Object.entries(CASES)) {
    it(`${id}.sql gives the expected result on the samples`, check);
  }
});
