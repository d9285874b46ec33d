// sniffFile decides how to read a file and shows its first rows, without a database.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ImportError, sniffFile, type ImportOptions } from '../../../renderer/src/import/import-file';
import { loadParquetNode } from '../../../renderer/src/import/parquet-node';

const fixture = async (name: string) => ({ name, bytes: new Uint8Array(await readFile(`test/fixtures/import/${name}`)) });
const text = (s: string) => new TextEncoder().encode(s);
const deps = { loadParquet: loadParquetNode };

describe('sniffFile: delimited text', () => {
  it('detects encoding, delimiter and the header below title rows, and previews the rows as written', async () => {
    const sniffed = await sniffFile(await fixture('titled.csv'));
    expect(sniffed).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';', headerRow: 3, sheet: null, sheets: [] });
    expect(sniffed.columns).toEqual(['Enhet', 'Period', 'Insats', 'Antal', 'Andel', 'Datum']);
    expect(sniffed.rows[0]).toEqual(['Skärholmen', '2024-01', 'KOMET', '1 234', '34,5 %', '2024-01-05']);
    expect(sniffed.rows).toHaveLength(4);
    expect(sniffed.topRows[0]).toEqual(['Insatser per stadsdel 2024', '', '', '', '', '']);
  });

  it.each<[string, ImportOptions, Partial<Record<string, unknown>>]>([
    ['header row', { headerRow: 4 }, { headerRow: 4, columns: ['Skärholmen', '2024-01', 'KOMET', '1 234', '34,5 %', '2024-01-05'] }],
    ['delimiter', { delimiter: ',', headerRow: 3 }, { delimiter: ',', columns: ['Enhet;Period;Insats;Antal;Andel;Datum'] }],
    ['encoding', { encoding: 'windows-1252' }, { encoding: 'windows-1252', headerRow: 3 }],
  ])('follows the %s the user chose', async (_label, options, expected) => {
    expect(await sniffFile(await fixture('titled.csv'), options)).toMatchObject(expected);
  });

  it('shows mis-decoded text when the user forces the wrong encoding', async () => {
    const sniffed = await sniffFile(await fixture('titled.csv'), { encoding: 'windows-1252' });
    expect(sniffed.rows[0]![0]).toBe('SkÃ¤rholmen');
  });

  it('judges the encoding on the whole file, not only on the prefix it previews', async () => {
    const ascii = 'Kommun;Antal\n' + 'Falun;1\n'.repeat(100_000);
    const bytes = new Uint8Array([...text(ascii), 0x4d, 0xf6, 0x72, 0x61, 0x3b, 0x32, 0x0a]); // "Möra;2" in Windows-1252
    expect((await sniffFile({ name: 'sen.csv', bytes })).encoding).toBe('windows-1252');
  });

  it('is fast on a 50 MB file: it reads only a prefix', async () => {
    const row = 'Stockholms stad – Skarpnäcks stadsdelsförvaltning;2023-04;Funktionell familjeterapi (FFT);1 234\n';
    const bytes = text('enhet;period;metod;antal\n' + row.repeat(Math.ceil(50e6 / row.length)));
    const started = performance.now();
    const sniffed = await sniffFile({ name: 'stor.csv', bytes });
    const ms = performance.now() - started;
    expect(sniffed.rows).toHaveLength(20);
    expect(ms).toBeLessThan(1500);
  });
});

describe('sniffFile: XLSX', () => {
  it('lists the sheets, picks the first with a table and finds its header', async () => {
    const sniffed = await sniffFile(await fixture('titled.xlsx'));
    expect(sniffed).toMatchObject({ format: 'xlsx', sheet: 'Insatser', headerRow: 3, encoding: null, delimiter: null });
    expect(sniffed.sheets).toEqual([
      { name: 'Info', rowCount: 1 },
      { name: 'Insatser', rowCount: 7 },
      { name: 'Per år', rowCount: 3 },
    ]);
    expect(sniffed.columns).toEqual(['Enhet', 'Period', 'Insats', 'Antal', 'Andel', 'Startdatum']);
    expect(sniffed.rows[0]).toEqual(['Skärholmen', '2024-01', 'KOMET', '1 234', '34,5 %', '2024-01-05']);
    expect(sniffed.topRows[0]![0]).toBe('Insatser per stadsdel 2024');
  });

  it('shows the sheet the user chose, and refuses one that does not exist', async () => {
    const file = await fixture('titled.xlsx');
    expect(await sniffFile(file, { sheet: 'Per år' })).toMatchObject({ sheet: 'Per år', headerRow: 0, columns: ['Kommun', '2023', '2024'] });
    await expect(sniffFile(file, { sheet: 'Blad9' })).rejects.toMatchObject({ code: 'sheet-not-found' });
  });
});

describe('sniffFile: Parquet and JSON', () => {
  it('previews Parquet without reading all of it', async () => {
    const sniffed = await sniffFile(await fixture('insatser.parquet'), {}, deps);
    expect(sniffed).toMatchObject({ format: 'parquet', columns: ['Enhet', 'Antal', 'Andel', 'Datum'] });
    expect(sniffed.rows).toEqual([
      ['Skärholmen', '1234', '34.5', '2024-01-05'],
      ['Östermalm – City', '7', '0.5', '2024-03-01'],
      ['', '1099511627776', '-1', '1970-01-01'],
    ]);
  });

  it('previews JSON in the order of its keys', async () => {
    const sniffed = await sniffFile(await fixture('insatser.json'));
    expect(sniffed).toMatchObject({ format: 'json', encoding: 'utf-8', columns: ['Kommun', '2023', 'Antal', 'Andel', 'Insatser', 'Datum', 'Extra'] });
    expect(sniffed.rows[0]).toEqual(['Mörbylånga', '5', '1 234', '34,5', '["KOMET","FFT"]', '2024-01-05', '']);
  });
});

describe('sniffFile: bad input', () => {
  it.each([
    ['tom.csv', new Uint8Array(), 'empty'],
    ['skrap.csv', Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256), 'binary'],
    ['bild.png', text('x'), 'unsupported'],
    ['falsk.xlsx', text('a;b'), 'bad-xlsx'],
    ['falsk.parquet', text('a;b'), 'bad-parquet'],
    ['falsk.json', text('a;b'), 'bad-json'],
  ])('refuses %s', async (name, bytes, code) => {
    const error = await sniffFile({ name, bytes }, {}, deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code });
  });

  it('refuses a header row that is not a row index', async () => {
    await expect(sniffFile({ name: 'a.csv', bytes: text('a;b\n1;2\n') }, { headerRow: -1 })).rejects.toThrow(RangeError);
  });
});
