// The import pipeline against a real DuckDB-WASM: every format, encoding, delimiter, header position
// and number format, checked by the values that land in the table. Fixtures: test/fixtures/import/
// (written by make-fixtures.ts there) and test/fixtures/samples/.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRows, type Engine } from '../../renderer/src/db/engine';
import { allRows, previewRows } from '../../renderer/src/db/table-info';
import {
  CHUNK_BYTES,
  ImportCancelled,
  describeRejected,
  ImportError,
  importFile,
  parseFile,
  removeTable,
  type ImportDeps,
  type ImportedTable,
  type ImportOptions,
  type ParseFile,
  type SourceFile,
} from '../../renderer/src/import/import-file';
import { rebuildError, serialiseError } from '../../renderer/src/import/parse-protocol';
import { loadParquetNode } from '../../renderer/src/import/parquet-node';
import { startNodeEngine } from '../support/node-engine';

let engine: Engine;
beforeAll(async () => {
  engine = await startNodeEngine();
});
afterAll(async () => {
  await engine?.close();
});

const deps: ImportDeps = { loadParquet: loadParquetNode };
const text = (s: string) => new TextEncoder().encode(s);
const sample = async (name: string) => ({ name, bytes: new Uint8Array(await readFile(`test/fixtures/samples/${name}`)) });
const fixture = async (name: string) => ({ name, bytes: new Uint8Array(await readFile(`test/fixtures/import/${name}`)) });
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** Imports, hands the table and its rows to `check`, and always drops the table. */
async function withImport(
  file: SourceFile,
  check: (table: ImportedTable, rows: Record<string, unknown>[]) => void | Promise<void>,
  options?: ImportOptions,
) {
  const table = await importFile(engine, file, new Set(), options, deps);
  try {
    await check(table, await allRows(engine, table.table));
  } finally {
    await removeTable(engine, table.table);
  }
}

const types = (table: ImportedTable) => table.columns.map((c) => `${c.name}:${c.type}`);

async function tableCount(): Promise<number> {
  return Number(toRows(await engine.query('SELECT count(*)::INTEGER AS n FROM duckdb_tables()'))[0]!.n);
}

describe('importFile: the samples', () => {
  it('loads the Windows-1252 semicolon sample with åäö, en dash and decimal comma intact', async () => {
    const table = await importFile(engine, await sample('methods-survey-sample.csv'), new Set());
    expect(table).toMatchObject({ table: 'methods_survey_sample', format: 'csv', encoding: 'windows-1252', delimiter: ';', rowCount: 12, headerRow: 0 });
    const rows = await previewRows(engine, table.table, 20);
    expect(rows[4]).toMatchObject({
      'Kommun/stadsdel': 'Stockholms stad – Skarpnäcks stadsdelsförvaltning',
      Län: 'Stockholms län',
      'Andel utbildade (%)': 55,
      Kommentar: '“KOMET 12-18” och BSFT',
    });
    expect(rows[0]!['Andel utbildade (%)']).toBe(42.5);
    expect(table.report).toEqual({ rowsRead: 12, imported: 12, rejected: [], rejectedCount: 0 });
    await removeTable(engine, table.table);
  });

  it('loads the Microsoft Forms XLSX sample with its dates and multi-choice cells', async () => {
    const table = await importFile(engine, await sample('methods-survey-sample.xlsx'), new Set());
    expect(table).toMatchObject({ format: 'xlsx', rowCount: 12, headerRow: 0 });
    expect(table.columns.slice(0, 3)).toEqual([
      { name: 'ID', type: 'INTEGER' },
      { name: 'Starttid', type: 'TIMESTAMP_MS' },
      { name: 'Slutförandetid', type: 'TIMESTAMP_MS' },
    ]);
    const [first] = await previewRows(engine, table.table, 1);
    expect(first!.Kommun).toBe('Falu kommun');
    expect(new Date(first!.Starttid as number).toISOString()).toBe('2023-10-02T08:15:00.000Z');
    expect(first!['Vilka av följande insatser har ni använt för barn 6–17 år under 2022/23?']).toBe('KOMET;FFT;Stödsamtal till ungdomar;');
    await removeTable(engine, table.table);
  });

  it('never takes, or drops, the name of a table that exists but is not in `taken`', async () => {
    await engine.query('CREATE TABLE insatser (x INTEGER)');
    await engine.query('INSERT INTO insatser VALUES (42)');
    const error = await importFile(engine, { name: 'insatser.csv', bytes: text('a;b\n') }, new Set()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'no-rows' });
    const table = await importFile(engine, { name: 'insatser.csv', bytes: text('a;b\n1;2\n') }, new Set());
    expect(table.table).toBe('insatser_2');
    expect(toRows(await engine.query('SELECT x FROM insatser'))).toEqual([{ x: 42 }]);
    await removeTable(engine, table.table);
    await removeTable(engine, 'insatser');
  });

  it('keeps two loads of the same file side by side under distinct names', async () => {
    const first = await importFile(engine, { name: 'a.csv', bytes: text('x;y\n1;2\n') }, new Set());
    const second = await importFile(engine, { name: 'a.csv', bytes: text('x;y\n3;4\n5;6\n') }, new Set([first.table]));
    expect([first.table, first.rowCount, second.table, second.rowCount]).toEqual(['a', 1, 'a_2', 2]);
    await removeTable(engine, first.table);
    await removeTable(engine, second.table);
  });
});

describe('importFile: CSV the way Swedish offices write it', () => {
  it('finds the header below title rows and reads decimal comma, spaces between thousands, percent and dates', async () => {
    await withImport(await fixture('titled.csv'), (table, rows) => {
      expect(table).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';', headerRow: 3, sheet: null });
      expect(types(table)).toEqual(['Enhet:VARCHAR', 'Period:VARCHAR', 'Insats:VARCHAR', 'Antal:DOUBLE', 'Andel:DOUBLE', 'Datum:DATE']);
      expect(rows).toEqual([
        { Enhet: 'Skärholmen', Period: '2024-01', Insats: 'KOMET', Antal: 1234, Andel: 34.5, Datum: day('2024-01-05') },
        { Enhet: 'Rinkeby-Kista', Period: '2024-02', Insats: 'FFT; "MST"', Antal: 1234.5, Andel: 12, Datum: day('2024-02-01') },
        { Enhet: 'Östermalm', Period: '2024-03', Insats: 'Stödsamtal\r\ntill ungdomar', Antal: 12, Andel: 0.5, Datum: day('2024-03-01') },
        // Totals rows are imported: the domain layer knows what they are.
        { Enhet: 'Totalt', Period: null, Insats: null, Antal: 2480, Andel: null, Datum: null },
      ]);
      expect(table.report).toEqual({ rowsRead: 4, imported: 4, rejected: [], rejectedCount: 0 });
    });
  });

  it('reads Windows-1252 with € – “ ” and a decimal comma after a space-grouped thousand', async () => {
    await withImport(await fixture('ansi-1252.csv'), (table, rows) => {
      expect(table).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
      expect(types(table)).toEqual(['Kommun:VARCHAR', 'Län:VARCHAR', 'Kostnad (€):DOUBLE', 'Kommentar:VARCHAR']);
      expect(rows).toEqual([
        { Kommun: 'Mörbylånga', Län: 'Kalmar län', 'Kostnad (€)': 1234.5, Kommentar: '“KOMET 12–18” och BSFT' },
        { Kommun: 'Västerås', Län: 'Västmanlands län', 'Kostnad (€)': 99.9, Kommentar: 'Ökad användning – se bilaga' },
      ]);
    });
  });

  it('reads UTF-8 with BOM, comma-separated, with a quoted decimal comma', async () => {
    await withImport(await fixture('bom-comma.csv'), (table, rows) => {
      expect(table).toMatchObject({ encoding: 'utf-8-bom', delimiter: ',' });
      expect(types(table)).toEqual(['kommun:VARCHAR', 'andel:DOUBLE', 'antal:DOUBLE']);
      expect(rows).toEqual([
        { kommun: 'Örebro', andel: 0.345, antal: 12.5 },
        { kommun: 'Umeå', andel: 12.5, antal: 7 },
      ]);
    });
  });

  it('reads UTF-16LE tab-separated "Unicode text" and UTF-16BE', async () => {
    await withImport(await fixture('unicode-text.txt'), (table, rows) => {
      expect(table).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
      expect(rows).toEqual([{ Kommun: 'Östersund', Andel: 12.5, Kommentar: '€ – “bra”' }]);
    });
    await withImport(await fixture('utf16be.csv'), (table, rows) => {
      expect(table).toMatchObject({ encoding: 'utf-16be', delimiter: ';' });
      expect(rows).toEqual([{ Kommun: 'Åre', Antal: 3 }]);
    });
  });

  it('reads pipe-separated text', async () => {
    await withImport(await fixture('pipe.txt'), (table, rows) => {
      expect(table.delimiter).toBe('|');
      expect(types(table)).toEqual(['Kommun:VARCHAR', 'Antal:BIGINT', 'Andel:DOUBLE']);
      expect(rows).toEqual([
        { Kommun: 'Falun', Antal: 3, Andel: 0.5 },
        { Kommun: 'Mora', Antal: 4, Andel: 1.5 },
      ]);
    });
  });

  it('keeps codes with a leading zero, periods and long identifiers as text', async () => {
    await withImport(await fixture('codes.csv'), (table, rows) => {
      expect(types(table)).toEqual(['Kommunkod:VARCHAR', 'Period:VARCHAR', 'Ärende-id:VARCHAR', 'Antal:BIGINT']);
      expect(rows.map((r) => r.Kommunkod)).toEqual(['0180', '0840']);
      expect(rows.map((r) => r.Period)).toEqual(['2023-04', '2023 T1']);
    });
  });

  it('imports the good rows of a ragged file and lists each rejected row by its line', async () => {
    await withImport(await fixture('ragged.csv'), (table, rows) => {
      expect(rows.map((r) => r.Enhet)).toEqual(['Falun', 'Mora', 'Gagnef', 'Ludvika', 'Vansbro', 'Malung']);
      expect(rows.map((r) => r.Antal)).toEqual([3, 4, 6, 8, 10, 11]);
      expect(table.report).toEqual({
        rowsRead: 10,
        imported: 6,
        rejectedCount: 4,
        rejected: [
          { line: 4, reason: '5 fält, rubriken har 4' },
          { line: 5, reason: '2 fält, rubriken har 4' },
          { line: 8, reason: 'text efter ett avslutande citattecken' },
          { line: 9, reason: 'ett citattecken avslutas aldrig' },
        ],
      });
      expect(describeRejected(table.report.rejected[0]!)).toBe('rad 4: 5 fält, rubriken har 4');
    });
  });

  it('counts lines across CRLF, lone CR and quoted line breaks', async () => {
    const file = { name: 'radbrytningar.csv', bytes: text('a;b\r\n1;"två\r\nrader"\r\n3;4;5\r6;7\n8\n') };
    await withImport(file, (table, rows) => {
      expect(rows).toEqual([
        { a: 1, b: 'två\r\nrader' },
        { a: 6, b: '7' },
      ]);
      expect(table.report.rejected).toEqual([
        { line: 4, reason: '3 fält, rubriken har 2' },
        { line: 6, reason: '1 fält, rubriken har 2' },
      ]);
    });
  });
});

describe('importFile: options override what was detected', () => {
  it('uses the header row, delimiter and encoding the user chose', async () => {
    const titled = await fixture('titled.csv');
    await withImport(
      titled,
      (table, rows) => {
        expect(table.headerRow).toBe(4);
        expect(table.columns.map((c) => c.name)).toEqual(['Skärholmen', '2024-01', 'KOMET', '1 234', '34,5 %', '2024-01-05']);
        expect(rows).toHaveLength(3);
      },
      { headerRow: 4 },
    );
    await withImport(
      titled,
      (table) => {
        expect(table.delimiter).toBe(',');
        expect(table.columns.map((c) => c.name)[0]).toBe('Enhet;Period;Insats;Antal;Andel;Datum');
      },
      { delimiter: ',', headerRow: 3 },
    );
    await withImport(
      titled,
      (table, rows) => {
        expect(table.encoding).toBe('windows-1252');
        expect(rows[0]!.Enhet).toBe('SkÃ¤rholmen');
      },
      { encoding: 'windows-1252' },
    );
    const ansi = await fixture('ansi-1252.csv');
    await withImport(
      ansi,
      (table, rows) => {
        expect(table.encoding).toBe('utf-8');
        expect(rows[0]!.Kommun).toBe('M\ufffdrbyl\ufffdnga');
      },
      { encoding: 'utf-8' },
    );
  });
});

describe('importFile: XLSX', () => {
  it('picks the first sheet with a table, finds the header below the titles and reads numbers written as text', async () => {
    await withImport(await fixture('titled.xlsx'), (table, rows) => {
      expect(table).toMatchObject({ format: 'xlsx', sheet: 'Insatser', headerRow: 3, encoding: null, delimiter: null });
      expect(table.sheets).toEqual([
        { name: 'Info', rowCount: 1 },
        { name: 'Insatser', rowCount: 7 },
        { name: 'Per år', rowCount: 3 },
      ]);
      expect(types(table)).toEqual(['Enhet:VARCHAR', 'Period:VARCHAR', 'Insats:VARCHAR', 'Antal:INTEGER', 'Andel:DOUBLE', 'Startdatum:TIMESTAMP_MS']);
      expect(rows).toEqual([
        { Enhet: 'Skärholmen', Period: '2024-01', Insats: 'KOMET', Antal: 1234, Andel: 34.5, Startdatum: day('2024-01-05') },
        // 45323 is a date serial number in a date column: 2024-02-01.
        { Enhet: 'Rinkeby-Kista', Period: '2024-02', Insats: 'FFT', Antal: 12, Andel: 0.5, Startdatum: day('2024-02-01') },
        { Enhet: 'Östermalm', Period: '2024-03', Insats: 'Stödsamtal – “ungdom”', Antal: 7, Andel: 12, Startdatum: day('2024-03-01') },
        { Enhet: 'Totalt', Period: null, Insats: null, Antal: 1253, Andel: null, Startdatum: null },
      ]);
      expect(table.report).toEqual({ rowsRead: 4, imported: 4, rejected: [], rejectedCount: 0 });
    });
  });

  it('reads the sheet and header row the user chose', async () => {
    const file = await fixture('titled.xlsx');
    await withImport(
      file,
      (table, rows) => {
        expect(table).toMatchObject({ sheet: 'Per år', headerRow: 0 });
        expect(types(table)).toEqual(['Kommun:VARCHAR', '2023:INTEGER', '2024:INTEGER']);
        expect(rows).toEqual([
          { Kommun: 'Falun', 2023: 3, 2024: 5 },
          { Kommun: 'Mora', 2023: 4, 2024: 6 },
        ]);
      },
      { sheet: 'Per år' },
    );
    await withImport(
      file,
      (table, rows) => {
        expect(table.headerRow).toBe(0);
        expect(table.columns[0]!.name).toBe('Insatser per stadsdel 2024');
        expect(rows[0]!['Insatser per stadsdel 2024']).toBe('Uttag 2024-10-01');
      },
      { sheet: 'Insatser', headerRow: 0 },
    );
  });
});

describe('importFile: Parquet and JSON', () => {
  it('reads Parquet through parquet-wasm, keeping column order and types', async () => {
    await withImport(await fixture('insatser.parquet'), (table, rows) => {
      expect(table).toMatchObject({ format: 'parquet', encoding: null, headerRow: null });
      expect(types(table)).toEqual(['Enhet:VARCHAR', 'Antal:BIGINT', 'Andel:DOUBLE', 'Datum:DATE']);
      expect(rows).toEqual([
        { Enhet: 'Skärholmen', Antal: 1234, Andel: 34.5, Datum: day('2024-01-05') },
        { Enhet: 'Östermalm – City', Antal: 7, Andel: 0.5, Datum: day('2024-03-01') },
        { Enhet: null, Antal: 2 ** 40, Andel: -1, Datum: 0 },
      ]);
      expect(table.report).toEqual({ rowsRead: 3, imported: 3, rejected: [], rejectedCount: 0 });
    });
  });

  it('reads a JSON array of objects in the order its keys are written', async () => {
    await withImport(await fixture('insatser.json'), (table, rows) => {
      expect(table).toMatchObject({ format: 'json', encoding: 'utf-8' });
      expect(types(table)).toEqual(['Kommun:VARCHAR', '2023:INTEGER', 'Antal:INTEGER', 'Andel:DOUBLE', 'Insatser:VARCHAR', 'Datum:DATE', 'Extra:BOOLEAN']);
      expect(rows).toEqual([
        { Kommun: 'Mörbylånga', 2023: 5, Antal: 1234, Andel: 34.5, Insatser: '["KOMET","FFT"]', Datum: day('2024-01-05'), Extra: null },
        { Kommun: 'Västerås – city', 2023: null, Antal: 12, Andel: 0.5, Insatser: '[]', Datum: day('2024-02-01'), Extra: true },
      ]);
    });
  });

  it('reads NDJSON and lists the lines that are not objects', async () => {
    await withImport(await fixture('insatser.ndjson'), (table, rows) => {
      expect(rows).toEqual([
        { enhet: 'Falun', antal: 3 },
        { enhet: 'Mora', antal: 4 },
        { enhet: 'Rättvik', antal: 6 },
      ]);
      expect(table.report).toEqual({
        rowsRead: 5,
        imported: 3,
        rejectedCount: 2,
        rejected: [
          { line: 3, reason: 'ogiltig JSON' },
          { line: 5, reason: 'inte ett JSON-objekt' },
        ],
      });
    });
  });
});

describe('importFile: bad input', () => {
  const parquetHalf = async () => {
    const { bytes } = await fixture('insatser.parquet');
    return bytes.slice(0, bytes.length >> 1);
  };
  const junk = Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256);

  it.each<[string, () => Uint8Array | Promise<Uint8Array>, string, ImportOptions?]>([
    ['tom.csv', () => new Uint8Array(), 'empty'],
    ['blank.csv', () => text('\n\n  \n'), 'empty'],
    ['bara-rubriker.csv', () => text('Kommun;Antal\n'), 'no-rows'],
    ['bara-fel.csv', () => text('Kommun;Antal\nFalun\nMora;1;2\n'), 'no-rows'],
    ['skrap.csv', () => junk, 'binary'],
    ['falsk.xlsx', () => text('Kommun;Antal\nFalun;3\n'), 'bad-xlsx'],
    ['avkortad.xlsx', () => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), 'bad-xlsx'],
    ['halv.xlsx', async () => (await fixture('titled.xlsx')).bytes.slice(0, 2000), 'bad-xlsx'],
    ['titled.xlsx', async () => (await fixture('titled.xlsx')).bytes, 'sheet-not-found', { sheet: 'Blad9' }],
    ['bild.png', () => text('x'), 'unsupported'],
    ['text.parquet', () => text('Kommun;Antal\nFalun;3\n'), 'bad-parquet'],
    ['magisk.parquet', () => text('PAR1 inte alls parquet PAR1'), 'bad-parquet'],
    ['halv.parquet', parquetHalf, 'bad-parquet'],
    ['tom.parquet', () => new Uint8Array(), 'empty'],
    ['inte.json', () => text('Kommun;Antal\nFalun;3\n'), 'bad-json'],
    ['avbruten.json', () => text('[{"a": 1}, {"a": '), 'bad-json'],
    ['objekt.json', () => text('{"data": [{"a": 1}]}'), 'json-not-table'],
    ['tal.json', () => text('[1, 2, 3]'), 'json-not-table'],
    ['tom-lista.json', () => text('[]'), 'no-rows'],
    ['skrap.json', () => junk, 'binary'],
  ])('refuses %s with a clear code and leaves no table behind', async (name, bytes, code, options) => {
    const before = await tableCount();
    const error = await importFile(engine, { name, bytes: await bytes() }, new Set(), options, deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code, fileName: name });
    expect(await tableCount()).toBe(before);
  });

  it('reads a good Parquet file after a broken one (the wasm module survives)', async () => {
    await importFile(engine, { name: 'halv.parquet', bytes: await parquetHalf() }, new Set(), {}, deps).catch(() => undefined);
    await withImport(await fixture('insatser.parquet'), (table) => expect(table.rowCount).toBe(3));
  });
});

/** A long-form extract: unit;period;method;count, with thousands written `1 234`. ~65 bytes a row. */
function longCsv(rows: number): Uint8Array {
  const units = ['Stockholms stad – Skarpnäcks stadsdelsförvaltning', 'Falu kommun', 'Mörbylånga kommun', 'Västerås stad', 'Östersunds kommun'];
  const methods = ['Funktionell familjeterapi (FFT)', 'KOMET föräldraprogram', 'Multisystemisk terapi (MST)', 'Stödsamtal till ungdomar', 'SAVRY riskbedömning'];
  const parts = ['enhet;period;metod;antal\n'];
  for (let i = 0; i < rows; i++) {
    const n = (i * 7919) % 5000;
    const count = n >= 1000 ? `${Math.floor(n / 1000)} ${String(n % 1000).padStart(3, '0')}` : String(n);
    parts.push(`${units[i % 5]};${2015 + (i % 10)}-${String(1 + (i % 12)).padStart(2, '0')};${methods[(i >> 2) % 5]};${count}\n`);
  }
  return text(parts.join(''));
}

describe('importFile: size', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'metodkartan-import-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('imports a 1,000,000-row long CSV (~65 MB) within a few seconds', async () => {
    const file = path.join(dir, 'long.csv');
    await writeFile(file, longCsv(1_000_000));
    const bytes = new Uint8Array(await readFile(file));
    const started = performance.now();
    const table = await importFile(engine, { name: 'long.csv', bytes }, new Set());
    const seconds = (performance.now() - started) / 1000;
    console.warn(`1M-row CSV (${(bytes.length / 1e6).toFixed(0)} MB) imported in ${seconds.toFixed(2)} s`);
    expect(types(table)).toEqual(['enhet:VARCHAR', 'period:VARCHAR', 'metod:VARCHAR', 'antal:BIGINT']);
    const [sums] = toRows(await engine.query(`SELECT count(*)::INTEGER AS n, sum(antal)::DOUBLE AS s, count(DISTINCT enhet)::INTEGER AS u FROM long`));
    expect(sums).toEqual({ n: 1_000_000, s: 2_499_500_000, u: 5 });
    expect(seconds).toBeLessThan(15);
    await removeTable(engine, table.table);
  });

  it('refuses a file the database has no memory for as too large, leaving no table', async () => {
    const before = await tableCount();
    const [setting] = toRows(await engine.query("SELECT current_setting('memory_limit') AS limit"));
    await engine.query("SET memory_limit = '40MB'");
    try {
      const error = await importFile(engine, { name: 'minne.csv', bytes: longCsv(1_000_000) }, new Set()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect(error).toMatchObject({ code: 'too-large' });
      expect((error as ImportError).detail).toMatch(/could not allocate/);
    } finally {
      // RESET does not restore DuckDB-WASM's limit: set the one it had.
      await engine.query(`SET memory_limit = '${String(setting!.limit).replace(/'/g, '')}'`);
    }
    expect(await tableCount()).toBe(before);
  });

  it('imports a 200 MB CSV, or refuses it as too large, without crashing or leaving a table', async () => {
    const file = path.join(dir, 'stor.csv');
    const rows = 3_600_000;
    await writeFile(file, longCsv(rows));
    const bytes = new Uint8Array(await readFile(file));
    expect(bytes.length).toBeGreaterThan(200e6);
    const before = await tableCount();
    const started = performance.now();
    const result = await importFile(engine, { name: 'stor.csv', bytes }, new Set()).catch((e: unknown) => e);
    const seconds = (performance.now() - started) / 1000;
    console.warn(`200 MB CSV: ${result instanceof ImportError ? `refused (${result.code})` : 'imported'} in ${seconds.toFixed(1)} s`);
    if (result instanceof ImportError) {
      expect(result.code).toBe('too-large');
      expect(await tableCount()).toBe(before);
    } else {
      expect((result as ImportedTable).rowCount).toBe(rows);
      await removeTable(engine, (result as ImportedTable).table);
    }
    expect(seconds).toBeLessThan(60);
  }, 120_000);
});

describe('importFile: parse and insert as two steps', () => {
  const inThread: ImportDeps = { loadParquet: loadParquetNode };
  /** A parser whose result crosses a structured clone, as it does from the app's worker. */
  const cloned: ParseFile = async (file, options, d, onProgress) => {
    try {
      return structuredClone(await parseFile(file, options, { ...d, loadParquet: loadParquetNode }, onProgress));
    } catch (error) {
      throw rebuildError(structuredClone(serialiseError(error, file.name)));
    }
  };

  it.each([
    ['methods-survey-sample.csv', () => sample('methods-survey-sample.csv')],
    ['titled.xlsx', () => fixture('titled.xlsx')],
    ['insatser.parquet', () => fixture('insatser.parquet')],
    ['insatser.json', () => fixture('insatser.json')],
    ['insatser.ndjson', () => fixture('insatser.ndjson')],
  ])('gives the same table from a parser across a boundary as in this thread: %s', async (_, read) => {
    const file = await read();
    const a = await importFile(engine, file, new Set(), {}, inThread);
    const b = await importFile(engine, file, new Set([a.table]), {}, { parse: cloned });
    try {
      expect({ ...b, table: a.table }).toEqual(a);
      expect(await allRows(engine, b.table)).toEqual(await allRows(engine, a.table));
    } finally {
      await removeTable(engine, a.table);
      await removeTable(engine, b.table);
    }
  });

  it('reports the whole import’s progress rising to 1, a step for each piece DuckDB reads', async () => {
    const seen: number[] = [];
    const bytes = longCsv(900_000);
    const pieces = Math.ceil(bytes.length / CHUNK_BYTES);
    expect(pieces).toBeGreaterThanOrEqual(3);
    const table = await importFile(engine, { name: 'lång.csv', bytes }, new Set(), {}, { onProgress: (f) => seen.push(f) });
    await removeTable(engine, table.table);
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThan(seen[i - 1]!);
    expect(seen.filter((f) => f > 0 && f < 1).length).toBeGreaterThanOrEqual(pieces);
  });

  it('stops when cancelled, leaving no table behind', async () => {
    const before = await tableCount();
    const controller = new AbortController();
    const onProgress = (f: number) => f > 0 && controller.abort();
    const error = await importFile(engine, { name: 'lång.csv', bytes: longCsv(900_000) }, new Set(), {}, { onProgress, signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportCancelled);
    expect(await tableCount()).toBe(before);
    const json = await importFile(engine, await fixture('insatser.json'), new Set(), {}, { onProgress, signal: controller.signal }).catch((e: unknown) => e);
    expect(json).toBeInstanceOf(ImportCancelled);
    expect(await tableCount()).toBe(before);
  });

  it('keeps the code of an ImportError from the parser, and leaves no table', async () => {
    const before = await tableCount();
    const error = await importFile(engine, { name: 'tom-lista.json', bytes: text('[]') }, new Set(), {}, { parse: cloned }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: 'no-rows', fileName: 'tom-lista.json' });
    expect(await tableCount()).toBe(before);
  });

  it('turns a parser that runs out of memory into too-large, and another failure into parse', async () => {
    const failing = (error: Error): ParseFile => () => Promise.reject(rebuildError(structuredClone(serialiseError(error, 'stor.json'))));
    const file = { name: 'stor.json', bytes: text('[{"a":1}]') };
    const oom = await importFile(engine, file, new Set(), {}, { parse: failing(new RangeError('Array buffer allocation failed')) }).catch((e: unknown) => e);
    expect(oom).toMatchObject({ code: 'too-large', fileName: 'stor.json' });
    const other = await importFile(engine, file, new Set(), {}, { parse: failing(new Error('något oväntat')) }).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(ImportError);
    expect(other).toMatchObject({ code: 'parse', detail: 'något oväntat' });
  });

  it('drops the table when a later batch is refused', async () => {
    const before = await tableCount();
    const good = await parseFile({ name: 'a.json', bytes: text('[{"a":1,"b":2}]') });
    const other = await parseFile({ name: 'b.json', bytes: text('[{"x":"text"}]') });
    // Two batches whose columns disagree: the first creates the table, the second cannot be appended.
    const mixed: ParseFile = async () => ({ ...good, batches: [good.batches[0]!, other.batches[0]!] });
    const error = await importFile(engine, { name: 'blandat.json', bytes: text('[{"a":1,"b":2}]') }, new Set(), {}, { parse: mixed }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(await tableCount()).toBe(before);
  });
});
