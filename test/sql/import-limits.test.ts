// The resource limits end to end: each hostile file of the security review, through importFile against
// a real DuckDB-WASM and through the command line, is refused with its own code (no table left behind)
// and, on the command line, one Swedish line naming the file and the limit, exit status 1, nothing on
// stdout and no stack trace. Unit tests of each limit: test/unit/import/limits.test.ts.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRows, type Engine } from '../../renderer/src/db/engine';
import { ImportError, importFile, removeTable, type ImportErrorCode, type SourceFile } from '../../renderer/src/import/import-file';
import { rebuildError, serialiseError } from '../../renderer/src/import/parse-protocol';
import { minimalXlsx, paddedSharedStrings, SHEET_CLOSE, SHEET_OPEN, sharedStringsXml, smallSheet } from '../fixtures/hostile-files';
import { startNodeEngine } from '../support/node-engine';

const MB = 1024 * 1024;
const text = (s: string) => new TextEncoder().encode(s);

/** The five findings, made here: name, bytes, the code refusing it, and the line the command line prints. */
function hostileFiles(): { file: SourceFile; code: ImportErrorCode; line: string }[] {
  const field = new Uint8Array(100 * MB + 20).fill(0x61);
  field.set(text('Kommun;Text\nFalun;'));
  field[field.length - 1] = 0x0a;
  const columns = Array.from({ length: 100_000 }, (_, i) => `k${i}`).join(';');
  const cell = `<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>${'a'.repeat(50 * MB)}</t></is></c></row>`;
  return [
    {
      file: { name: 'fält.csv', bytes: field },
      code: 'field-too-long',
      line: 'en cell är längre än 1 MB (gränsen för en cell i en CSV-fil). Filen läses inte.',
    },
    {
      file: { name: 'kolumner.csv', bytes: text(`${columns}\n${columns.replace(/k\d+/g, '1')}\n`) },
      code: 'too-many-columns',
      line: 'en rad har fler än 16\u00a0384 kolumner (gränsen för en tabell, densamma som i Excel). Filen läses inte.',
    },
    {
      file: { name: 'cell.xlsx', bytes: minimalXlsx(SHEET_OPEN + cell + SHEET_CLOSE, sharedStringsXml(['Kommun']), 0) },
      code: 'cell-too-long',
      line: 'en cell är längre än 32\u00a0767 tecken (gränsen för en cell i Excel). Filen läses inte.',
    },
    {
      file: { name: 'bomb.xlsx', bytes: minimalXlsx(smallSheet(1).sheet, paddedSharedStrings(64 * MB, ['Kommun', 'Antal', 'Falun']), 9) },
      code: 'unzip-ratio',
      line: 'arbetsboken packas upp till mer än 100 gånger sin egen storlek (gränsen för en Excel-fil, ett skydd mot så kallade zipbomber). Filen läses inte.',
    },
    {
      file: { name: 'djup.json', bytes: text(`[{"Kommun":"Falun","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}]`) },
      code: 'too-deep',
      line: 'JSON-filen är nästlad i fler än 64 nivåer (gränsen för en JSON-fil). Filen läses inte.',
    },
  ];
}

let engine: Engine;
let dir: string;
const files = hostileFiles();
beforeAll(async () => {
  engine = await startNodeEngine();
  dir = await mkdtemp(path.join(tmpdir(), 'metodkartan-limits-'));
});
afterAll(async () => {
  await engine?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const tables = async () => toRows(await engine.query('SELECT count(*) AS n FROM duckdb_tables()'))[0]!.n;

describe('importFile refuses each hostile file with its limit', () => {
  it.each(files.map((f) => [f.file.name, f] as const))('%s', async (_name, { file, code }) => {
    const before = await tables();
    const error = await importFile(engine, file, new Set()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe(code);
    expect(await tables()).toBe(before);
    // From the app's parse worker, the same error arrives.
    const rebuilt = rebuildError(serialiseError(error, file.name)) as ImportError;
    expect([rebuilt.code, rebuilt.detail]).toEqual([code, (error as ImportError).detail]);
  });
});

/** The import's refusal of `file`: an ImportError, and no table left behind. */
async function refusal(file: SourceFile): Promise<ImportError> {
  const before = await tables();
  const error = await importFile(engine, file, new Set()).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  expect(await tables()).toBe(before);
  return error as ImportError;
}

describe('CSV limits, through DuckDB’s reader and the app’s walk of the rows', () => {
  it('refuses a quoted field over 1 MB on one line, and reads one of exactly 1 MB', async () => {
    const file = (length: number, quoted: boolean) => {
      const value = quoted ? `"${'x'.repeat(length)}"` : 'x'.repeat(length);
      return { name: 'fält.csv', bytes: text(`Kommun;Text\nFalun;${value}\nMora;kort\n`) };
    };
    for (const quoted of [true, false]) {
      const error = await refusal(file(MB + 1, quoted));
      expect([error.code, error.detail]).toEqual(['field-too-long', String(MB)]);
      const table = await importFile(engine, file(MB, quoted), new Set());
      expect(table.report).toMatchObject({ rowsRead: 2, rejectedCount: 0 });
      await removeTable(engine, table.table);
    }
  });

  it('takes a quote that runs over lines past 1 MB for one never closed: that row is rejected, the rest read', async () => {
    const rows = 'Mora;2\n'.repeat(200_000); // 1.4 MB below the stray quote
    const table = await importFile(engine, { name: 'citat.csv', bytes: text(`Kommun;Antal\n"Falun;1\n${rows}`) }, new Set());
    expect(table.report).toMatchObject({ rowsRead: 200_001, rejectedCount: 1, rejected: [{ line: 2, reason: 'ett citattecken avslutas aldrig' }] });
    await removeTable(engine, table.table);
  });

  it('reads 16,384 columns, Excel’s width, and refuses a data row wider than that', async () => {
    const header = Array.from({ length: 16_384 }, (_, i) => `k${i}`).join(';');
    const row = Array.from({ length: 16_384 }, (_, i) => String(i % 10)).join(';');
    const table = await importFile(engine, { name: 'excel.csv', bytes: text(`${header}\n${row}\n`) }, new Set());
    expect(table.report).toMatchObject({ rowsRead: 1, rejectedCount: 0 });
    expect(table.columns).toHaveLength(16_384);
    await removeTable(engine, table.table);
    const error = await refusal({ name: 'rad.csv', bytes: text(`Kommun;Antal\nFalun;1\n${'x;'.repeat(16_384)}\n`) });
    expect(error.code).toBe('too-many-columns');
  });
});

describe('metodkartan summarize on a hostile file', () => {
  it('prints one Swedish line naming the file and the limit, and exits 1', async () => {
    const run = promisify(execFile);
    const results = await Promise.all(
      files.map(async ({ file, line }) => {
        const where = path.join(dir, file.name);
        await writeFile(where, file.bytes);
        const result = await run('node_modules/.bin/tsx', ['scripts/metodkartan.ts', 'summarize', '--json', where], { timeout: 60_000 }).then(
          ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
          (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
        );
        return { ...result, expected: `${where}: ${line}\n` };
      }),
    );
    for (const { code, stdout, stderr, expected } of results) {
      expect(stderr).toBe(expected);
      expect([code, stdout]).toEqual([1, '']);
    }
  });
});
