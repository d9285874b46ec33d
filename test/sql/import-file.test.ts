// The shell's import pipeline against a real DuckDB-WASM: real sample files, real encodings.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../renderer/src/db/engine';
import { previewRows } from '../../renderer/src/db/table-info';
import { ImportError, importFile, removeTable } from '../../renderer/src/import/import-file';
import { startNodeEngine } from '../support/node-engine';

let engine: Engine;
beforeAll(async () => {
  engine = await startNodeEngine();
});
afterAll(async () => {
  await engine?.close();
});

const text = (s: string) => new TextEncoder().encode(s);
const sample = async (name: string) => ({ name, bytes: new Uint8Array(await readFile(`data-samples/${name}`)) });

describe('importFile', () => {
  it('loads the Windows-1252 semicolon sample with åäö, en dash and decimal comma intact', async () => {
    const table = await importFile(engine, await sample('methods-survey-sample.csv'), new Set());
    expect(table).toMatchObject({ table: 'methods_survey_sample', format: 'csv', encoding: 'windows-1252', delimiter: ';', rowCount: 12 });
    const rows = await previewRows(engine, table.table, 20);
    expect(rows[4]).toMatchObject({
      'Kommun/stadsdel': 'Stockholms stad – Skarpnäcks stadsdelsförvaltning',
      Län: 'Stockholms län',
      'Andel utbildade (%)': 55,
      Kommentar: '“KOMET 12-18” och BSFT',
    });
    expect(rows[0]!['Andel utbildade (%)']).toBe(42.5);
    await removeTable(engine, table.table);
  });

  it('loads the Microsoft Forms XLSX sample with its dates and multi-choice cells', async () => {
    const table = await importFile(engine, await sample('methods-survey-sample.xlsx'), new Set());
    expect(table).toMatchObject({ format: 'xlsx', rowCount: 12 });
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

  it('keeps two loads of the same file side by side under distinct names', async () => {
    const first = await importFile(engine, { name: 'a.csv', bytes: text('x;y\n1;2\n') }, new Set());
    const second = await importFile(engine, { name: 'a.csv', bytes: text('x;y\n3;4\n5;6\n') }, new Set([first.table]));
    expect([first.table, first.rowCount, second.table, second.rowCount]).toEqual(['a', 1, 'a_2', 2]);
    await removeTable(engine, first.table);
    await removeTable(engine, second.table);
  });

  it('reads UTF-16LE tab-separated "Unicode text"', async () => {
    const content = 'Kommun\tAndel\r\nÖstersund\t12,5\r\n';
    const bytes = new Uint8Array(2 + content.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < content.length; i++) bytes[2 + 2 * i] = content.charCodeAt(i) & 0xff;
    for (let i = 0; i < content.length; i++) bytes[3 + 2 * i] = content.charCodeAt(i) >> 8;
    const table = await importFile(engine, { name: 'unicode.txt', bytes }, new Set());
    expect(await previewRows(engine, table.table)).toEqual([{ Kommun: 'Östersund', Andel: 12.5 }]);
    await removeTable(engine, table.table);
  });

  it.each([
    ['tom.csv', new Uint8Array(), 'empty'],
    ['blank.csv', text('\n\n  \n'), 'empty'],
    ['bara-rubriker.csv', text('Kommun;Antal\n'), 'no-rows'],
    ['skrap.csv', Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256), 'binary'],
    ['falsk.xlsx', text('Kommun;Antal\nFalun;3\n'), 'bad-xlsx'],
    ['avkortad.xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), 'bad-xlsx'],
    ['bild.png', text('x'), 'unsupported'],
  ])('refuses %s with a clear code and leaves no table behind', async (name, bytes, code) => {
    const before = await engine.query("SELECT count(*)::INTEGER AS n FROM duckdb_tables()");
    const error = await importFile(engine, { name, bytes }, new Set()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code, fileName: name });
    const after = await engine.query("SELECT count(*)::INTEGER AS n FROM duckdb_tables()");
    expect(after.toArray()[0].n).toBe(before.toArray()[0].n);
  });
});
