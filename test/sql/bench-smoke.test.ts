// The benchmark's correctness, without its timings (those stay out of `npm test`): the generator writes
// the extract it promises, and the query comparison the runner makes gives the same rows from native
// DuckDB and from the app's DuckDB-WASM, in process and through the runner's own child processes.
// No Chromium here.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOM, HEADER, METHOD_NAMES, unitNames, writeUsageCsv, writeUsageXlsx } from '../../bench/generate';
import { comparable, filteredQueries, loadNative, loadWasm, queryCases, runCase, caseName, type NativeLoaded, type WasmLoaded } from '../../bench/queries';
import { median, queryCases as runnerQueryCases } from '../../bench/run';
import { matchUnit } from '../../renderer/src/domain/units';

const ROWS = 2_000;

let dir: string;
let csv: string;
let wasm: WasmLoaded;
let native: NativeLoaded;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'metodkartan-bench-'));
  csv = path.join(dir, 'usage-2k.csv');
  await writeUsageCsv(csv, ROWS);
  wasm = await loadWasm(csv);
  native = await loadNative(csv, wasm);
});

afterAll(async () => {
  await wasm?.engine.close();
  await native?.engine.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the extract generator', () => {
  it('writes a semicolon-separated UTF-8 extract with BOM, its header and the rows asked for', async () => {
    const bytes = await readFile(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.startsWith(BOM)).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines.pop()).toBe(''); // ends with a line break
    expect(lines[0]).toBe(HEADER.join(';'));
    expect(lines).toHaveLength(ROWS + 1);
    const rows = lines.slice(1).map((line) => line.split(';'));
    for (const row of rows) {
      expect(row).toHaveLength(4);
      expect(row[1]).toMatch(/^20(1[5-9]|2[0-4])-(0[1-9]|1[0-2])$/);
      expect(METHOD_NAMES).toContain(row[2]);
      expect(row[3]).toMatch(/^\d+$/);
    }
    // Rows run through the months in order, as exports list them.
    expect(rows.map((r) => r[1]!)).toEqual(rows.map((r) => r[1]!).sort());
    // The same bytes every time.
    const again = path.join(dir, 'again.csv');
    await writeUsageCsv(again, ROWS);
    expect((await readFile(again)).equals(bytes)).toBe(true);
  });

  it('writes unit names as exports do, every one recognised by the app’s unit matcher', async () => {
    const text = (await readFile(csv, 'utf8')).slice(1);
    const inFile = new Set(text.split('\r\n').slice(1, -1).map((line) => line.split(';')[0]!));
    expect(inFile.size).toBeGreaterThan(250);
    for (const name of inFile) expect(matchUnit(name).status, name).toBe('matched');
    // Distinct names are distinct register units.
    const keys = unitNames().map((name) => {
      const match = matchUnit(name);
      return match.status === 'matched' ? `${match.unit.municipalityCode}/${match.unit.district ?? ''}` : name;
    });
    expect(new Set(keys).size).toBe(unitNames().length);
    // The forms exports write: suffixes, genitives, city districts.
    expect([...inFile].some((name) => name.endsWith(' kommun'))).toBe(true);
    expect([...inFile].some((name) => / [sS]tad$/.test(name))).toBe(true);
    expect([...inFile].some((name) => name.endsWith(' sdf'))).toBe(true);
    expect(inFile).toContain('Falu kommun');
  });

  it('writes the same rows as an Excel workbook the app reads as a usage extract', async () => {
    const xlsx = path.join(dir, 'usage-200.xlsx');
    await writeUsageXlsx(xlsx, 200);
    const loaded = await loadWasm(xlsx);
    try {
      expect(loaded.rows).toBe(200);
      expect(loaded.guess.shape).toBe('usage');
    } finally {
      await loaded.engine.close();
    }
  });
});

describe('the query comparison', () => {
  it('loads the same rows in both engines, read as a usage extract', () => {
    expect(wasm.guess.shape).toBe('usage');
    expect(wasm.rows).toBe(ROWS);
    expect(native.rows).toBe(ROWS);
  });

  it('covers every analysis that takes the view filters', () => {
    expect(filteredQueries()).toEqual(expect.arrayContaining(['method_adoption', 'county_method_share', 'coverage_gaps', 'usage_trend', 'overview']));
    expect(filteredQueries()).not.toContain('table_columns');
  });

  it('gives the same result rows from native DuckDB and from DuckDB-WASM', async () => {
    for (const c of queryCases()) {
      const fromWasm = comparable(await runCase(wasm.engine, c));
      const fromNative = comparable(await runCase(native.engine, c));
      expect(fromNative, caseName(c)).toEqual(fromWasm);
    }
    // …and the comparison is not of empty results.
    const adoption = await runCase(wasm.engine, { id: 'method_adoption', variant: { label: 'no filter', params: [] } });
    expect(adoption.length).toBeGreaterThan(10);
    expect(adoption.some((row) => Number(row.units_using) > 0)).toBe(true);
  });

  it('agrees through the runner’s own child processes', async () => {
    const { cases, setup } = await runnerQueryCases(csv, ROWS, 1);
    expect(cases).toHaveLength(queryCases().length);
    for (const c of cases) {
      expect(c.same_result, c.name).toBe(true);
      expect(c.app_runs_ms).toHaveLength(1);
      expect(c.native_runs_ms).toHaveLength(1);
      expect(c.ratio).toBeGreaterThan(0);
    }
    expect(setup.rows).toBe(ROWS);
  });

  it('takes medians as the runner reports them', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
