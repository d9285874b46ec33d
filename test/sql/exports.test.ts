// Exports as the real tools write them (test/fixtures/exports and exports-more, counted by hand in expected.ts): each is
// read through the app's own pipeline and engine, and every count, unit, unmatched name and column role
// must come out as a person reading the file would have it.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../renderer/src/db/engine';
import { loadSource, unloadSource, type LoadedSource } from '../../renderer/src/model/load-source';
import { summarize, type Summary } from '../../renderer/src/model/summarize';
import { loadParquetNode } from '../../renderer/src/import/parquet-node';
import { EXPECTED } from '../fixtures/exports/expected';
import { EXPECTED as EXPECTED_MORE } from '../fixtures/exports-more/expected';
import { EXPECTED as EXPECTED_THIRD } from '../fixtures/exports-third/expected';
import { EXPECTED as EXPECTED_FOURTH, EXPECTED_TOGETHER } from '../fixtures/exports-fourth/expected';
import { startNodeEngine } from '../support/node-engine';

let engine: Engine;
beforeAll(async () => {
  engine = await startNodeEngine();
}, 60_000);
afterAll(async () => {
  await engine.close();
});

/** Files read together in a clean model: load, summarize, unload (the model's mappings are cleared too). */
async function readTogether(files: readonly string[]): Promise<{ sources: LoadedSource[]; summary: Summary }> {
  const sources: LoadedSource[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(await readFile(`test/fixtures/${file}`));
    const taken = new Set(sources.map((s) => s.table.table));
    sources.push(await loadSource(engine, { name: file.split('/').pop()!, bytes }, taken, { loadParquet: loadParquetNode }));
  }
  const summary = await summarize(engine, sources);
  for (const source of sources) await unloadSource(engine, source.table.table);
  await engine.query('DELETE FROM unit_map');
  await engine.query('DELETE FROM method_map');
  return { sources, summary };
}

async function read(file: string): Promise<{ source: LoadedSource; summary: Summary }> {
  const { sources, summary } = await readTogether([file]);
  return { source: sources[0]!, summary };
}

// Four sets: one per class of the issue (exports/), and three rounds of variations made to break the reader.
const CASES = [
  ...Object.entries(EXPECTED).map(([file, expected]) => [`exports/${file}`, expected] as const),
  ...Object.entries(EXPECTED_MORE).map(([file, expected]) => [`exports-more/${file}`, expected] as const),
  ...Object.entries(EXPECTED_THIRD).map(([file, expected]) => [`exports-third/${file}`, expected] as const),
  ...Object.entries(EXPECTED_FOURTH).map(([file, expected]) => [`exports-fourth/${file}`, expected] as const),
];

describe.each(CASES)('%s', (file, expected) => {
  let summary: Summary;
  let source: LoadedSource;
  beforeAll(async () => {
    ({ source, summary } = await read(file));
  }, 60_000);

  it('has its shape and rows', () => {
    expect(summary.files[0]).toMatchObject({ shape: expected.shape, rows: expected.rows, rejected: 0 });
  });

  it('gives every column its role', () => {
    expect(Object.fromEntries(Object.entries(source.guess.roles).map(([column, role]) => [column, role.role]))).toEqual(expected.columns);
  });

  it('matches every unit as the register has it', () => {
    expect(Object.fromEntries(summary.units.map((u) => [u.name_in_file, u.municipality_code]))).toEqual(expected.units);
    expect(summary.unmatched.units).toEqual(expected.unmatchedUnits);
  });

  it('counts each method over the units asked, and lists every unknown name', () => {
    const methods = Object.fromEntries(summary.methods.map((m) => [m.id, [m.units_using, m.units_total]]));
    expect(methods).toEqual(expected.methods);
    expect([...summary.unmatched.methods].sort()).toEqual(expected.unmatchedMethods);
  });

  it('accounts for every column and every multiple-choice cell', () => {
    const [f] = summary.files;
    expect(f!.columns.map((c) => c.name)).toEqual(source.table.columns.map((c) => c.name));
    expect(Object.values(f!.column_fates).reduce((a, b) => a + b, 0)).toBe(source.table.columns.length);
    for (const column of f!.columns) if (column.fate === 'ignored') expect(column.reason, column.name).toBeDefined();
    expect(f!.unaccounted_cells).toEqual([]);
    if (expected.noValueCells !== undefined) expect(f!.no_value).toBe(expected.noValueCells);
  });
});

describe.each(Object.entries(EXPECTED_TOGETHER))('%s, files summarized together', (_, expected) => {
  it('counts each unit once across the files, by its register identity', async () => {
    const { summary } = await readTogether(expected.files.map((file) => `exports-fourth/${file}`));
    expect(Object.fromEntries(summary.units.map((u) => [u.name_in_file, u.municipality_code]))).toEqual(expected.units);
    expect(Object.fromEntries(summary.methods.map((m) => [m.id, [m.units_using, m.units_total]]))).toEqual(expected.methods);
    expect([...summary.unmatched.methods].sort()).toEqual(expected.unmatchedMethods);
    expect(summary.unmatched.units).toEqual(expected.unmatchedUnits);
  }, 60_000);
});
