// `metodkartan summarize --json` end to end: the real command line on the four shapes. Every number
// below was counted by hand from test/fixtures/shapes (see make-fixtures.ts).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { loadSource, type LoadedSource } from '../../renderer/src/model/load-source';
import { sha256Hex } from '../../renderer/src/export/sha256';
import { loadParquetNode } from '../../renderer/src/import/parquet-node';
import { saveWorkspace } from '../../renderer/src/workspace/workspace-file';
import { startNodeEngine } from '../support/node-engine';
import { savedStateFor } from '../support/saved-state';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../renderer/src/model/summarize';

const FIXTURES = 'test/fixtures/shapes';

function run(...args: string[]) {
  const result = spawnSync('node_modules/.bin/tsx', ['scripts/metodkartan.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function summarize(...files: string[]): Summary {
  const { status, stdout, stderr } = run('summarize', '--json', ...files.map((f) => `${FIXTURES}/${f}`));
  expect(stderr, stderr).not.toMatch(/Error|at /);
  expect(status).toBe(0);
  return JSON.parse(stdout) as Summary;
}

const methodRows = (summary: Summary) => summary.methods.map((m) => [m.id, m.kind, m.units_using, m.units_total]);

describe('metodkartan summarize --json', () => {
  it('reads a usage extract: units with a count above zero, units named by code or name counted once', () => {
    const summary = summarize('usage-long.csv');
    expect(summary.files).toMatchObject([{ file: 'usage-long.csv', shape: 'usage', rows: 8, imported: 8, rejected: 0 }]);
    expect(methodRows(summary)).toEqual([
      ['komet', 'intervention', 2, 3],
      ['fft', 'intervention', 2, 3],
      ['mst', 'intervention', 1, 3],
    ]);
    expect(summary.methods[0]!.share).toBe(0.6667);
    expect(summary.unmatched).toEqual({ units: [], methods: ['BiFF'] });
    expect(summary.units).toContainEqual({ name_in_file: '2380', municipality_code: '2380', county_code: '23' });
  });

  it('reads a training export and lists its districts', () => {
    const summary = summarize('training.csv');
    expect(summary.files).toMatchObject([{ file: 'training.csv', shape: 'training', rows: 5, imported: 5, rejected: 0 }]);
    expect(summary.units.map((u) => [u.name_in_file, u.municipality_code, u.county_code])).toEqual([
      ['Enskede-Årsta-Vantör', '0180', '01'],
      ['Skärholmen', '0180', '01'],
    ]);
    expect(summary.methods).toEqual([]);
  });

  it('combines all four shapes, counting each unit once and each method over the files that ask it', () => {
    const summary = summarize('survey-wide.csv', 'survey-multi.xlsx', 'usage-long.csv', 'training.csv');
    expect(summary.files.map((f) => [f.file, f.shape, f.rows, f.imported, f.rejected])).toEqual([
      ['survey-wide.csv', 'survey-wide', 7, 7, 0],
      ['survey-multi.xlsx', 'survey-multi', 4, 4, 0],
      ['usage-long.csv', 'usage', 8, 8, 0],
      ['training.csv', 'training', 5, 5, 0],
    ]);
    expect(methodRows(summary)).toEqual([
      ['komet', 'intervention', 7, 10],
      ['bsft', 'intervention', 1, 4],
      ['fft', 'intervention', 7, 10],
      ['mst', 'intervention', 2, 10],
      ['tfco', 'intervention', 1, 4],
      ['stodsamtal-ungdom', 'intervention', 2, 4],
      ['stodsamtal-foralder', 'intervention', 1, 4],
      ['savry', 'tool', 3, 6],
    ]);
    expect(summary.unmatched.methods).toEqual(['BiFF', 'Föräldraskap i Sverige']);
    // The totals row is not a unit; the unit outside the register is listed, never dropped.
    expect(summary.unmatched.units).toEqual(['Norra Storstockholms kommunalförbund']);
    expect(summary.units.map((u) => u.name_in_file)).not.toContain('Totalt');
    expect(summary.units.find((u) => u.name_in_file === 'Skärholmens sdf')).toEqual({
      name_in_file: 'Skärholmens sdf',
      municipality_code: '0180',
      county_code: '01',
    });
  });

  it('gives the shares of the final report from the pilot methods survey alone (data-samples/)', () => {
    const { status, stdout, stderr } = run('summarize', '--json', 'data-samples/pilot-methods-survey-2023.xlsx');
    expect(stderr, stderr).not.toMatch(/Error|at /);
    expect(status).toBe(0);
    const summary = JSON.parse(stdout) as Summary;
    expect(summary.files).toMatchObject([{ file: 'pilot-methods-survey-2023.xlsx', shape: 'survey-multi', rows: 56, imported: 56, rejected: 0 }]);
    expect(summary.units).toHaveLength(56);
    expect(summary.unmatched).toEqual({ units: [], methods: [] });
    // A Forms export lists only the options someone ticked: Triple P, CPP, Dina, SNAP and YLS/CMI (0 %
    // in the report) are absent here; the usage extract's zeros make them a measured 0 % (queries.test.ts).
    const percent = Object.fromEntries(summary.methods.map((m) => [m.id, [m.units_using, m.units_total, Math.round(m.share * 100)]]));
    expect(percent).toEqual({
      komet: [19, 56, 34],
      cope: [1, 56, 2],
      'de-otroliga-aren': [2, 56, 4],
      bsft: [2, 56, 4],
      fft: [23, 56, 41],
      mdft: [1, 56, 2],
      mst: [8, 56, 14],
      tfco: [9, 56, 16],
      'kbt-individual': [16, 56, 29],
      'stodsamtal-ungdom': [52, 56, 93],
      'stodsamtal-foralder': [51, 56, 91],
      familjebehandling: [47, 56, 84],
      kontaktperson: [45, 56, 80],
      mi: [38, 56, 68],
      savry: [12, 56, 21],
      earl: [8, 56, 14],
      ester: [6, 56, 11],
      erasor: [16, 56, 29],
    });
    expect(summary.methods.find((m) => m.id === 'fft')).toEqual({ id: 'fft', kind: 'intervention', units_using: 23, units_total: 56, share: 0.4107 });
    expect(summary.methods.find((m) => m.id === 'erasor')!.kind).toBe('tool');
  });

  it('exits 1 with one Swedish line naming a file it cannot read', () => {
    const missing = run('summarize', '--json', `${FIXTURES}/finns-inte.csv`);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trim()).toBe(`${FIXTURES}/finns-inte.csv: filen finns inte.`);
  });

  it('exits 1 for a file without data rows, and 2 for bad usage', () => {
    const headerOnly = run('summarize', '--json', 'test/fixtures/shapes/header-only.csv');
    expect(headerOnly.status).toBe(1);
    expect(headerOnly.stderr.trim()).toBe('test/fixtures/shapes/header-only.csv: filen har rubriker men inga datarader.');
    expect(run('summarize').status).toBe(2);
    expect(run('rapport', 'x.csv').status).toBe(2);
    expect(run('summarize', '--xml', 'x.csv').status).toBe(2);
  });

  it('reads a saved workspace as its files, with the app’s checks; a tampered one is one line, exit 1, no SQL run', async () => {
    const engine = await startNodeEngine();
    const dir = await mkdtemp(path.join(tmpdir(), 'metodkartan-cli-'));
    try {
      const files = ['pilot-methods-survey-2023.xlsx', 'usage-2022-2024.csv'];
      const sources: (LoadedSource & { sha256: string })[] = [];
      for (const name of files) {
        const bytes = new Uint8Array(await readFile(`data-samples/${name}`));
        sources.push({ ...(await loadSource(engine, { name, bytes }, new Set(sources.map((s) => s.table.table)), { loadParquet: loadParquetNode })), sha256: await sha256Hex(bytes) });
      }
      const workspace = await saveWorkspace(engine, { sourceTables: sources.map((s) => s.table.table), state: savedStateFor(sources) as unknown as Record<string, unknown>, appVersion: '0.1.0', saved: new Date() }, loadParquetNode);
      const target = path.join(dir, 'arbetsyta.metodkartan');
      await writeFile(target, workspace);
      const fromWorkspace = run('summarize', '--json', target);
      expect(fromWorkspace.stderr).not.toMatch(/Error|at /);
      expect(fromWorkspace.status).toBe(0);
      const fromFiles = run('summarize', '--json', ...files.map((f) => `data-samples/${f}`));
      expect(JSON.parse(fromWorkspace.stdout)).toEqual(JSON.parse(fromFiles.stdout));

      // A column type that is SQL: refused before the database is touched, in one line.
      const files2 = unzipSync(workspace);
      const document = JSON.parse(strFromU8(files2['workspace.json']!)) as { tables: { columns: { type: string }[] }[] };
      document.tables[0]!.columns[0]!.type = "VARCHAR); COPY (SELECT 42) TO 'pwned.csv'; CREATE TABLE x (a VARCHAR";
      files2['workspace.json'] = strToU8(JSON.stringify(document));
      const tampered = path.join(dir, 'manipulerad.metodkartan');
      await writeFile(tampered, zipSync(files2));
      const refused = spawnSync('node', [path.resolve('node_modules/.bin/tsx'), path.resolve('scripts/metodkartan.ts'), 'summarize', '--json', tampered], { encoding: 'utf8', timeout: 60_000, cwd: dir });
      expect(refused.status).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr.trim()).toBe(`${tampered} är skadad eller ofullständig och kunde inte öppnas. Det du hade öppet är orört.`);
      expect(existsSync(path.join(dir, 'pwned.csv'))).toBe(false);
    } finally {
      await engine.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
