// The workspace file on real DuckDB: save → reopen in a fresh engine round-trips the data, the model
// and the state exactly (every analysis gives the same rows); damaged, foreign and future files are
// refused before anything changes; a save interrupted at any step leaves the previous file readable.
import { mkdtemp, readFile, rename, rm, stat, writeFile as writeDisk } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomically, type FileSystem } from '../../electron/fs/files';
import { toRows, type Engine, type Row } from '../../renderer/src/db/engine';
import { runQuery, type QueryId } from '../../renderer/src/db/query-files';
import { loadSource, type LoadedSource } from '../../renderer/src/model/load-source';
import { createModel } from '../../renderer/src/model/model';
import { loadParquetNode } from '../../renderer/src/import/parquet-node';
import { loadWorkspace, readWorkspace, saveWorkspace, WorkspaceError, type WorkspaceDocument } from '../../renderer/src/workspace/workspace-file';
import { startNodeEngine } from '../support/node-engine';
import { savedStateFor } from '../support/saved-state';
import { sha256Hex } from '../../renderer/src/export/sha256';
import type { SavedState } from '../../renderer/src/workspace/use-workspace-file';

const SAMPLES = ['pilot-methods-survey-2023.xlsx', 'pilot-activities-survey-2023.csv', 'usage-2022-2024.csv', 'assessment-training-2024.csv', 'population-0-17-2023.csv'];
const VIEW_QUERIES: QueryId[] = ['overview', 'overview_sources', 'method_adoption', 'scale_answers', 'training_coverage', 'county_method_share', 'county_units', 'coverage_gaps', 'usage_trend', 'usage_periods', 'unit_matches', 'unmatched_methods', 'population_rate'];
const DALARNA = ['20', null, null, '2023'];
/** The state on screen as the app saves it; its files are filled in once the samples are loaded. */
let STATE: SavedState;

let saved: Engine;
let sourceTables: string[];
let bytes: Uint8Array;

/** Every analysis, unfiltered and filtered, plus the source tables' rows: the picture a workspace must keep. */
async function picture(engine: Engine, tables: readonly string[]): Promise<Record<string, Row[]>> {
  const result: Record<string, Row[]> = {};
  for (const id of VIEW_QUERIES) {
    result[id] = await runQuery(engine, id, [null, null, null, null]);
    result[`${id} (Dalarna 2023)`] = await runQuery(engine, id, DALARNA);
  }
  for (const table of tables) result[`table ${table}`] = toRows(await engine.query(`SELECT * FROM "${table}"`));
  return result;
}

async function sourceTableNames(engine: Engine): Promise<string[]> {
  return toRows(await engine.query('SELECT source FROM sources ORDER BY source')).map((r) => String(r.source));
}

beforeAll(async () => {
  saved = await startNodeEngine();
  const taken = new Set<string>();
  const sources: (LoadedSource & { sha256: string })[] = [];
  for (const name of SAMPLES) {
    const fileBytes = new Uint8Array(await readFile(`data-samples/${name}`));
    const loaded = await loadSource(saved, { name, bytes: fileBytes }, taken, { loadParquet: loadParquetNode });
    taken.add(loaded.table.table);
    sources.push({ ...loaded, sha256: await sha256Hex(fileBytes) });
  }
  sourceTables = [...taken];
  STATE = savedStateFor(sources);
  bytes = await saveWorkspace(saved, { sourceTables, state: STATE as unknown as Record<string, unknown>, appVersion: '0.1.0', saved: new Date('2026-11-30T12:00:00Z') }, loadParquetNode);
}, 120_000);

afterAll(async () => {
  await saved?.close();
});

/** A fresh engine with one other file open: the workspace that opening must replace, or keep on failure. */
async function engineWithOtherWork(): Promise<{ engine: Engine; open: string[] }> {
  const engine = await startNodeEngine();
  await createModel(engine);
  const { table } = await loadSource(engine, { name: 'usage-long.csv', bytes: new Uint8Array(await readFile('test/fixtures/shapes/usage-long.csv')) }, new Set());
  return { engine, open: [table.table] };
}

function rezip(mutate: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(bytes);
  mutate(files);
  return zipSync(files, { level: 0 });
}

function withDocument(mutate: (document: WorkspaceDocument) => void): Uint8Array {
  return rezip((files) => {
    const document = JSON.parse(strFromU8(files['workspace.json']!)) as WorkspaceDocument;
    mutate(document);
    files['workspace.json'] = strToU8(JSON.stringify(document));
  });
}

describe('workspace file', () => {
  it('reopens on another engine with the same data, model, analyses and state', async () => {
    const before = await picture(saved, sourceTables);
    const { engine, open } = await engineWithOtherWork();
    try {
      const document = await loadWorkspace(engine, await readWorkspace(bytes), open, loadParquetNode);
      expect(document.state).toEqual(STATE);
      expect(document.sourceTables).toEqual(sourceTables);
      // The file that was open before is gone; the workspace's files are back, with their rows.
      expect(toRows(await engine.query(`SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = '${open[0]}'`))).toEqual([{ n: 0 }]);
      expect(await sourceTableNames(engine)).toEqual([...sourceTables].sort());
      const after = await picture(engine, sourceTables);
      for (const key of Object.keys(before)) expect(after[key], key).toEqual(before[key]);
      // The report's figures, to be sure the picture is not empty on both sides.
      const fft = (after.method_adoption ?? []).find((r) => r.id === 'fft')!;
      expect([fft.units_using, fft.units_total]).toEqual([23, 56]);
      expect(toRows(await engine.query("SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name LIKE 'workspace_staging_%'"))).toEqual([{ n: 0 }]);
    } finally {
      await engine.close();
    }
  }, 120_000);

  it('opens a file saved by version 1: its population (no age, no year) left out, never the open one kept', async () => {
    const v1 = withDocument((d) => {
      d.version = 1;
      d.tables = d.tables.filter((t) => t.name !== 'reference_files');
      d.tables.find((t) => t.name === 'population')!.columns = [
        { name: 'source', type: 'VARCHAR' },
        { name: 'unit_name', type: 'VARCHAR' },
        { name: 'children', type: 'DOUBLE' },
      ];
    });
    const { engine, open } = await engineWithOtherWork();
    try {
      const population = await loadSource(engine, { name: 'population-0-17-2023.csv', bytes: new Uint8Array(await readFile('data-samples/population-0-17-2023.csv')) }, new Set(open));
      await loadWorkspace(engine, await readWorkspace(v1), [...open, population.table.table], loadParquetNode);
      const count = async (table: string) => toRows(await engine.query(`SELECT count(*)::INTEGER AS n FROM ${table}`))[0]!.n;
      expect([await count('population'), await count('reference_files')]).toEqual([0, 0]);
      expect(await runQuery(engine, 'population_rate', [null, null, null, null])).toEqual([]);
      // Everything else is the workspace's.
      const fft = (await runQuery(engine, 'method_adoption', [null, null, null])).find((r) => r.id === 'fft')!;
      expect([fft.units_using, fft.units_total]).toEqual([23, 56]);
    } finally {
      await engine.close();
    }
  }, 120_000);

  it('opens a file saved by version 2, before waves: every survey in one wave, none named', async () => {
    // Version 2's `sources` had no `wave`: the same rows, written without it.
    const parquet = await loadParquetNode();
    const oldSources = new Uint8Array(parquet.writeParquet(parquet.Table.fromIPCStream(await saved.queryIpc('SELECT source, file_name, shape FROM sources'))));
    const document = JSON.parse(strFromU8(unzipSync(bytes)['workspace.json']!)) as WorkspaceDocument;
    const stored = document.tables.find((t) => t.name === 'sources')!;
    expect(stored.columns.map((c) => c.name)).toEqual(['source', 'file_name', 'shape', 'wave']);
    const v2 = await (async () => {
      const files = unzipSync(bytes);
      files[stored.file] = oldSources;
      const old = { ...document, version: 2, tables: document.tables.map((t) => (t.name === 'sources' ? { ...t, columns: t.columns.slice(0, 3), sha256: '' } : t)) };
      old.tables.find((t) => t.name === 'sources')!.sha256 = await sha256Hex(oldSources);
      const state = old.state as unknown as SavedState;
      old.state = { ...state, files: { ...state.files, sources: state.files.sources.map(({ wave: _, ...rest }) => rest) } } as unknown as WorkspaceDocument['state'];
      files['workspace.json'] = strToU8(JSON.stringify(old));
      return zipSync(files, { level: 0 });
    })();
    const { engine, open } = await engineWithOtherWork();
    try {
      await loadWorkspace(engine, await readWorkspace(v2), open, loadParquetNode);
      expect(toRows(await engine.query('SELECT count(*)::INTEGER AS n, count(wave)::INTEGER AS waves FROM sources'))).toEqual([{ n: 5, waves: 0 }]);
      const fft = (await runQuery(engine, 'method_adoption', [null, null, null])).find((r) => r.id === 'fft')!;
      expect([fft.units_using, fft.units_total]).toEqual([23, 56]);
      // A version-3 file whose `sources` lacks the column is not this app's.
      const broken = rezip((files) => {
        files[stored.file] = oldSources;
        const d = { ...document, tables: document.tables.map((t) => (t.name === 'sources' ? { ...t, columns: t.columns.slice(0, 3) } : t)) };
        files['workspace.json'] = strToU8(JSON.stringify(d));
      });
      await expect(readWorkspace(broken).then((read) => loadWorkspace(engine, read, [], loadParquetNode))).rejects.toBeInstanceOf(WorkspaceError);
    } finally {
      await engine.close();
    }
  }, 120_000);

  it('keeps which files are the bundled samples; a file saved before there were samples opens with none marked', async () => {
    type Files = SavedState['files'];
    const marked = withDocument((d) => ((d.state as unknown as SavedState).files.sources[0]!.sample = true));
    const sources = (read: { document: WorkspaceDocument }) => (read.document.state.files as Files).sources.map((source) => source.sample);
    expect(sources(await readWorkspace(marked))).toEqual([true, undefined, undefined, undefined, undefined]);
    // The samples' files above were saved without the field, as every workspace before it was.
    expect(JSON.parse(strFromU8(unzipSync(bytes)['workspace.json']!))).not.toHaveProperty('state.files.sources.0.sample');
    expect(sources(await readWorkspace(bytes))).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  const refusals: [string, () => Uint8Array, WorkspaceError['problem']][] = [
    ['truncated', () => bytes.slice(0, Math.floor(bytes.length / 2)), 'corrupt'],
    ['cut after the first bytes', () => bytes.slice(0, 100), 'corrupt'],
    ['not a ZIP (a CSV renamed)', () => strToU8('Enhet;Insats\nFalun;KOMET\n'), 'foreign'],
    ['empty', () => new Uint8Array(0), 'foreign'],
    ['a ZIP from elsewhere', () => zipSync({ 'word/document.xml': strToU8('<w:document/>') }), 'foreign'],
    ['another format name', () => withDocument((d) => Object.assign(d, { format: 'tad-view' })), 'foreign'],
    ['saved by a future version', () => withDocument((d) => Object.assign(d, { version: 99 })), 'future-version'],
    ['unreadable JSON', () => rezip((files) => (files['workspace.json'] = strToU8('{"format": "metodkartan-wor'))), 'corrupt'],
    ['a table file damaged', () => rezip((files) => files['tables/003.parquet']!.fill(7, 200, 260)), 'corrupt'],
    ['a table file missing', () => rezip((files) => delete files['tables/002.parquet']), 'corrupt'],
    ['a model table left out', () => withDocument((d) => (d.tables = d.tables.filter((t) => t.name !== 'unit_map'))), 'corrupt'],
    ['a column type that does not fit the data', () => withDocument((d) => (d.tables[0]!.columns[0]!.type = 'DATE')), 'corrupt'],
    // Hostile files: nothing in them may run as SQL, and nothing is half-opened.
    ['a column type that is SQL', () => withDocument((d) => (d.tables[0]!.columns[0]!.type = 'VARCHAR); CREATE TABLE pwned AS SELECT 42 AS x; CREATE TABLE staging_dummy (a VARCHAR')), 'corrupt'],
    ['a model column type that is SQL', () => withDocument((d) => (d.tables.find((t) => t.name === 'unit_map')!.columns[0]!.type = "VARCHAR); COPY (SELECT 1) TO 'pwned.csv'; --")), 'corrupt'],
    ['a table the app does not write', () => withDocument((d) => (d.tables.find((t) => t.name === 'unit_map')!.name = 'pwned')), 'corrupt'],
    ['a model table with other columns', () => withDocument((d) => d.tables.find((t) => t.name === 'unit_map')!.columns.reverse()), 'corrupt'],
    ['a source table name that is not an identifier the app makes', () => withDocument((d) => (d.sourceTables[0] = 'x"; DROP TABLE sources; --')), 'corrupt'],
    ['a state without its fields', () => withDocument((d) => (d.state = {})), 'corrupt'],
    ['a method filter that is a path', () => withDocument((d) => ((d.state as unknown as SavedState).filters.method = '../../../../x')), 'corrupt'],
    ['an unknown county code', () => withDocument((d) => ((d.state as unknown as SavedState).filters.county = "20' OR 1=1")), 'corrupt'],
    ['an unknown tab', () => withDocument((d) => ((d.state as unknown as SavedState).tab = 'admin')), 'corrupt'],
    ['files on screen that are not its tables', () => withDocument((d) => (d.state as unknown as SavedState).files.sources.pop()), 'corrupt'],
    ['a sample mark that is not yes or no', () => withDocument((d) => ((d.state as unknown as SavedState).files.sources[0]!.sample = 'ja' as never)), 'corrupt'],
    ['a role that is not one', () => withDocument((d) => ((d.state as unknown as SavedState).files.sources[0]!.guess.roles = { x: { role: 'sql' } as never })), 'corrupt'],
    // A part deflated a thousandfold (a workspace is stored, never deflated): refused before it is unpacked.
    ['a part that inflates a thousandfold', () => rezip((files) => (files['extra.bin'] = [new Uint8Array(20 * 1024 * 1024), { level: 9 }] as never)), 'corrupt'],
  ];

  describe('refusals', () => {
    // One engine for all: each refusal must leave it exactly as it was, which the next one relies on too.
    let other: { engine: Engine; open: string[] };
    let before: Record<string, Row[]>;
    beforeAll(async () => {
      other = await engineWithOtherWork();
      before = await picture(other.engine, other.open);
    }, 60_000);
    afterAll(async () => {
      await other?.engine.close();
    });

    it.each(refusals)('refuses a file %s, and the open workspace stays as it was', async (_label, make, problem) => {
      const { engine, open } = other;
      const attempt = readWorkspace(make()).then((read) => loadWorkspace(engine, read, open, loadParquetNode));
      await expect(attempt).rejects.toBeInstanceOf(WorkspaceError);
      await expect(attempt).rejects.toMatchObject({ problem });
      expect(await picture(engine, open)).toEqual(before);
      expect(toRows(await engine.query("SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name IN ('pwned', 'staging_dummy')"))).toEqual([{ n: 0 }]);
      expect(toRows(await engine.query("SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name LIKE 'workspace_staging_%'"))).toEqual([{ n: 0 }]);
    });
  });

  it('survives a save interrupted at every step: the previous file still opens', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'metodkartan-ws-'));
    const target = path.join(dir, 'Dalarna.metodkartan');
    try {
      await writeDisk(target, bytes);
      const newer = withDocument((d) => (d.state = { ...d.state, tab: 'trends' }));
      const disk: FileSystem = {
        stat,
        readFile: async (p) => new Uint8Array(await readFile(p)),
        writeFile: (p, data, options) => writeDisk(p, data, options),
        rename,
        rm: (p, options) => rm(p, options),
      };
      const crashes: [string, Partial<FileSystem>][] = [
        ['before writing', { writeFile: () => Promise.reject(Object.assign(new Error('disk full'), { code: 'ENOSPC' })) }],
        ['half way through writing', { writeFile: async (p, data, o) => { await writeDisk(p, data.slice(0, data.length / 2), o); throw Object.assign(new Error('power'), { code: 'EIO' }); } }],
        ['after writing, before the rename', { rename: () => Promise.reject(Object.assign(new Error('crash'), { code: 'EIO' })) }],
      ];
      for (const [moment, failing] of crashes) {
        await expect(writeFileAtomically({ ...disk, ...failing }, target, newer), moment).rejects.toThrow();
        const { document } = await readWorkspace(new Uint8Array(await readFile(target)));
        expect(document.state, moment).toEqual(STATE);
      }
      await writeFileAtomically(disk, target, newer);
      expect((await readWorkspace(new Uint8Array(await readFile(target)))).document.state).toEqual({ ...STATE, tab: 'trends' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
