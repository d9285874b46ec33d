// Fuzzing the two doors files come in by: the import and the workspace open. Random bytes, CSV-like
// text, and mutated copies of real fixtures each either load or are refused with the app's own error
// (ImportError, WorkspaceError), never anything else; a refused workspace leaves the open one as it was.
// Bounded (a fixed seed and run count) so it stays well under 30 s in `npm test`.
import { readFile } from 'node:fs/promises';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRows, type Engine } from '../../renderer/src/db/engine';
import { loadSource, unloadSource, type LoadedSource } from '../../renderer/src/model/load-source';
import { createModel } from '../../renderer/src/model/model';
import { sha256Hex } from '../../renderer/src/export/sha256';
import { ImportError } from '../../renderer/src/import/import-file';
import { loadParquetNode } from '../../renderer/src/import/parquet-node';
import { loadWorkspace, readWorkspace, saveWorkspace, WorkspaceError } from '../../renderer/src/workspace/workspace-file';
import { startNodeEngine } from '../support/node-engine';
import { savedStateFor } from '../support/saved-state';

const SEED = 20261206;
let engine: Engine;
let workspace: Uint8Array;

beforeAll(async () => {
  engine = await startNodeEngine();
  await createModel(engine);
  const sources: (LoadedSource & { sha256: string })[] = [];
  for (const name of ['usage-long.csv', 'survey-wide.csv']) {
    const bytes = new Uint8Array(await readFile(`test/fixtures/shapes/${name}`));
    sources.push({ ...(await loadSource(engine, { name, bytes }, new Set(sources.map((s) => s.table.table)), { loadParquet: loadParquetNode })), sha256: await sha256Hex(bytes) });
  }
  workspace = await saveWorkspace(engine, { sourceTables: sources.map((s) => s.table.table), state: savedStateFor(sources) as unknown as Record<string, unknown>, appVersion: '0.1.0', saved: new Date() }, loadParquetNode);
}, 60_000);

afterAll(async () => {
  await engine.close();
});

/** Imports the bytes and takes the table away again: only a load or the app's own refusal may happen. */
async function importsOrRefuses(name: string, bytes: Uint8Array): Promise<void> {
  const tablesBefore = await tableNames();
  try {
    const loaded = await loadSource(engine, { name, bytes }, new Set(), { loadParquet: loadParquetNode });
    await unloadSource(engine, loaded.table.table);
  } catch (error) {
    if (!(error instanceof ImportError)) throw new Error(`${name}: not an ImportError: ${String(error)}`, { cause: error });
  }
  // Nothing is left behind by a refusal (or by a load taken away again).
  expect(await tableNames()).toEqual(tablesBefore);
}

async function tableNames(): Promise<string[]> {
  return toRows(await engine.query("SELECT table_name FROM duckdb_tables() WHERE NOT temporary ORDER BY 1")).map((r) => String(r.table_name));
}

/** A few bytes changed, cut or inserted: how damaged copies of real files look. */
const mutated = (original: Uint8Array) =>
  fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('flip', 'cut', 'insert')), { minLength: 1, maxLength: 6 }).map((edits) => {
    let bytes = Uint8Array.from(original);
    for (const [at, value, kind] of edits) {
      const i = at % Math.max(1, bytes.length);
      if (kind === 'flip') bytes[i] = value;
      else if (kind === 'cut') bytes = bytes.slice(0, i);
      else bytes = Uint8Array.from([...bytes.slice(0, i), value, ...bytes.slice(i)]);
    }
    return bytes;
  });

const csvLike = fc
  .array(fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('"', '""', ';', ',', '\t', '\r\n', '\n', '..', '1 234,5', 'Falun', 'KOMET', '\u0001', '\ufeff')), { maxLength: 8 }), { maxLength: 12 })
  .map((rows) => new TextEncoder().encode(rows.map((cells) => cells.join(';')).join('\r\n')));

describe('fuzz: the import', () => {
  it('random bytes and CSV-like text load or are refused with ImportError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 2000 }), csvLike), fc.constantFrom('x.csv', 'x.txt', 'x.json', 'x.xlsx', 'x.parquet'), async (bytes, name) => {
        await importsOrRefuses(name, bytes);
      }),
      { seed: SEED, numRuns: 120 },
    );
  }, 60_000);

  it('mutated copies of the fixture XLSX, JSON and Parquet files load or are refused with ImportError', async () => {
    const originals = await Promise.all(
      ['import/titled.xlsx', 'shapes/survey-multi.xlsx', 'import/insatser.json', 'import/insatser.ndjson', 'import/insatser.parquet'].map(async (path) => ({ name: path.split('/').pop()!, bytes: new Uint8Array(await readFile(`test/fixtures/${path}`)) })),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...originals).chain((o) => mutated(o.bytes).map((bytes) => ({ name: o.name, bytes }))), async ({ name, bytes }) => {
        await importsOrRefuses(name, bytes);
      }),
      { seed: SEED, numRuns: 120 },
    );
  }, 60_000);
});

/** Every value in a JSON document, by path, so one can be replaced. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (out.length > 3000) return out;
  out.push(prefix);
  if (value && typeof value === 'object') for (const [key, child] of Object.entries(value)) paths(child, [...prefix, Array.isArray(value) ? Number(key) : key], out);
  return out;
}

function replaced(document: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = Array.isArray(document) ? [...(document as unknown[])] : { ...(document as Record<string, unknown>) };
  const [head, ...rest] = path;
  (copy as Record<string | number, unknown>)[head!] = replaced((document as Record<string | number, unknown>)[head!], rest, value);
  return copy;
}

describe('fuzz: opening a workspace', () => {
  it('tampered workspace.json and damaged ZIP bytes open or are refused with WorkspaceError, the open work untouched', async () => {
    const files = unzipSync(workspace);
    const document = JSON.parse(strFromU8(files['workspace.json']!)) as unknown;
    const all = paths(document);
    const hostile = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom('VARCHAR); CREATE TABLE pwned (x INT); --', '../../../x', "'; DROP TABLE sources; --", '__proto__', '\u0001'));
    const tamperedJson = fc.tuple(fc.nat({ max: all.length - 1 }), hostile).map(([i, value]) => {
      const copy = { ...files, 'workspace.json': strToU8(JSON.stringify(replaced(document, all[i]!, value))) };
      return zipSync(copy, { level: 0 });
    });
    const open = ['usage_long', 'survey_wide'];
    // The open work is the workspace itself (the import fuzz above left mappings of its own behind).
    await loadWorkspace(engine, await readWorkspace(workspace), open, loadParquetNode);
    const before = await snapshot(open);
    await fc.assert(
      fc.asyncProperty(fc.oneof(tamperedJson, mutated(workspace)), async (bytes) => {
        try {
          const read = await readWorkspace(bytes);
          await loadWorkspace(engine, read, open, loadParquetNode);
          // It opened: put the original work back for the next run.
          await loadWorkspace(engine, await readWorkspace(workspace), read.document.sourceTables, loadParquetNode);
        } catch (error) {
          if (!(error instanceof WorkspaceError)) throw new Error(`not a WorkspaceError: ${String(error)}`, { cause: error });
        }
        expect(await snapshot(open)).toEqual(before);
        expect(toRows(await engine.query("SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'pwned' OR table_name LIKE 'workspace_staging_%'"))).toEqual([{ n: 0 }]);
      }),
      { seed: SEED, numRuns: 120 },
    );
  }, 60_000);
});

/** The open work: its source tables' rows and the model's row counts. */
async function snapshot(open: readonly string[]): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {};
  for (const table of [...open, 'sources', 'responding_units', 'method_use', 'usage', 'unit_map', 'method_map']) {
    result[table] = toRows(await engine.query(`SELECT count(*)::INTEGER AS n FROM "${table}"`))[0]!.n;
  }
  return result;
}
