// Resource limits (renderer/src/import/limits.ts): each hostile file of the security review is refused
// up front with its own code, `detail` holding the limit, and a message naming the file and the limit;
// a file just within each limit still reads. The files are made here (no big fixture is committed).
// Before the limits: a 100 MB CSV field ran 78 s at 3.8 GB and was imported; 100,000 CSV columns ran
// 38 s at 3.7 GB until DuckDB-WASM ran out of memory; a 50 MB XLSX cell in a sheet did not end in
// 100 s; a 1.1 MB zip bomb was refused only after 1.6 GB, and 210 MB of sheet XML (from 30 MB) was
// imported at 2.05 GB; 100,000 nested JSON arrays overflowed the stack.
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { translate } from '../../../renderer/src/i18n/translate';
import { errorMessage } from '../../../renderer/src/app/error-message';
import { ImportError, parseFile, sniffFile, type ImportErrorCode, type SourceFile } from '../../../renderer/src/import/import-file';
import { checkJsonDepth, readJson } from '../../../renderer/src/import/read-json';
import { readWorkbook } from '../../../renderer/src/import/read-xlsx';
import {
  cellXml,
  incompressible,
  minimalXlsx,
  paddedSharedStrings,
  SHEET_CLOSE,
  SHEET_OPEN,
  sharedStringsXml,
  smallSheet,
  withDeclaredSize,
} from '../../fixtures/hostile-files';

const MB = 1024 * 1024;
const text = (s: string) => new TextEncoder().encode(s);

/** The ImportError a promise rejects with (fails the test if it resolves or throws anything else). */
async function refusal(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

/**
 * Sniffing (the preview) and, for a format parsed in JavaScript, parsing refuse the file with `code` and
 * `detail`; the message for it, in Swedish and English. (DuckDB reads delimited text: its import's
 * refusals are in test/sql/import-limits.test.ts.)
 */
async function refused(file: SourceFile, code: ImportErrorCode, detail: string): Promise<{ sv: string; en: string }> {
  const attempts = /\.csv$/.test(file.name) ? [sniffFile(file)] : [sniffFile(file), parseFile(file)];
  for (const attempt of attempts) {
    const error = await refusal(attempt);
    expect([error.code, error.fileName, error.detail]).toEqual([code, file.name, detail]);
  }
  const message = errorMessage(new ImportError(code, file.name, detail), file.name, file.bytes.length);
  const sv = translate('sv', message.key, message.params('sv'));
  const en = translate('en', message.key, message.params('en'));
  for (const line of [sv, en]) {
    expect(line.startsWith(`${file.name}: `)).toBe(true);
    expect(line).not.toMatch(/[{}\n]/); // every placeholder filled, one line
  }
  return { sv, en };
}

describe('CSV: a field of at most 1 MB', () => {
  it('refuses one 100 MB field, scanning it no further than the limit', async () => {
    const head = text('Kommun;Text\nFalun;');
    const bytes = new Uint8Array(head.length + 100 * MB + 1).fill(0x61); // 'a'
    bytes.set(head);
    bytes[bytes.length - 1] = 0x0a;
    const { sv, en } = await refused({ name: 'tabell.csv', bytes }, 'field-too-long', String(MB));
    expect(sv).toBe('tabell.csv: en cell är längre än 1 MB (gränsen för en cell i en CSV-fil). Filen läses inte.');
    expect(en).toBe('tabell.csv: a cell is longer than 1 MB (the limit for a cell in a CSV file). The file is not read.');
  });
});

describe('CSV: at most 16,384 columns', () => {
  const wide = (columns: number, rows = 1) => {
    const header = Array.from({ length: columns }, (_, i) => `k${i}`).join(';');
    const row = Array.from({ length: columns }, (_, i) => String(i % 10)).join(';');
    return text(`${header}\n${`${row}\n`.repeat(rows)}`);
  };

  it('refuses a 100,000-column header before making a column', async () => {
    const { sv, en } = await refused({ name: 'bred.csv', bytes: wide(100_000, 2) }, 'too-many-columns', '16384');
    expect(sv).toBe('bred.csv: en rad har fler än 16\u00a0384 kolumner (gränsen för en tabell, densamma som i Excel). Filen läses inte.');
    expect(en).toContain('more than 16,384 columns');
  });
});

describe('JSON: nesting at most 64 deep', () => {
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  it('refuses 100,000 nested arrays in a cell, in an array file and as NDJSON, before JSON.parse', async () => {
    const deep = nested(100_000);
    const { sv } = await refused({ name: 'djup.json', bytes: text(`[{"Kommun":"Falun","x":${deep}}]`) }, 'too-deep', '64');
    expect(sv).toBe('djup.json: JSON-filen är nästlad i fler än 64 nivåer (gränsen för en JSON-fil). Filen läses inte.');
    await refused({ name: 'djup.ndjson', bytes: text(`{"Kommun":"Mora"}\n{"Kommun":"Falun","x":${deep}}\n`) }, 'too-deep', '64');
    await refused({ name: 'djup2.json', bytes: text(deep) }, 'too-deep', '64');
  });

  it('refuses a JSON file over 30 MB before parsing it (JSON.parse costs some thirty times the text)', async () => {
    const row = '{"Kommun":"Falun","Insats":"KOMET","Antal":3},';
    const big = `[${row.repeat(Math.ceil((30 * 1024 * 1024) / row.length))}{"Kommun":"Mora"}]`;
    const { sv } = await refused({ name: 'stor.json', bytes: text(big) }, 'json-too-large', String(30 * 1024 * 1024));
    expect(sv).toBe('stor.json: JSON-filen är större än 30 MB (gränsen för en JSON-fil; spara stora uttag som CSV). Filen läses inte.');
  });

  it('reads 64 levels (the array and its objects count), brackets inside strings not counted', () => {
    const cell = nested(62); // 1 (the array) + 1 (the object) + 62
    expect(readJson(`[{"Kommun":"Falun","x":${cell}}]`).rows[0]![1]).toBe(cell);
    expect(() => readJson(`[{"Kommun":"Falun","x":${nested(63)}}]`)).toThrow(/too-deep/);
    expect(readJson(`[{"Kommun":"${'['.repeat(1000)}\\"[["}]`).rows).toHaveLength(1);
    expect(() => checkJsonDepth(`{"a":${nested(64)}}\n`, true)).toThrow(/too-deep/);
    expect(() => checkJsonDepth(`{"a":${nested(63)}}\n{"b":${nested(63)}}\n`, true)).not.toThrow();
  });

  it('refuses more than 16,384 keys', async () => {
    const keys = Array.from({ length: 16_385 }, (_, i) => `"k${i}":1`).join(',');
    await refused({ name: 'nycklar.json', bytes: text(`[{${keys}}]`) }, 'too-many-columns', '16384');
  });
});

describe('XLSX: cells of at most 32,767 characters', () => {
  const header = `<row r="1">${cellXml('A1', 0)}${cellXml('B1', 1)}</row>`;

  it('refuses a 50 MB cell, as a shared string and inline in the sheet', async () => {
    // Stored, not compressed: neither the unzipped size nor the ratio stops it, the cell does.
    const big = 'a'.repeat(50 * MB);
    const shared = minimalXlsx(SHEET_OPEN + header + `<row r="2">${cellXml('A2', 2)}</row>` + SHEET_CLOSE, sharedStringsXml(['Kommun', 'Text', big]), 0);
    const { sv, en } = await refused({ name: 'cell.xlsx', bytes: shared }, 'cell-too-long', '32767');
    expect(sv).toBe('cell.xlsx: en cell är längre än 32\u00a0767 tecken (gränsen för en cell i Excel). Filen läses inte.');
    expect(en).toContain('longer than 32,767 characters');
    const inline = minimalXlsx(SHEET_OPEN + header + `<row r="2"><c r="A2" t="inlineStr"><is><t>${big}</t></is></c></row>` + SHEET_CLOSE, sharedStringsXml(['Kommun', 'Text']), 0);
    await refused({ name: 'inline.xlsx', bytes: inline }, 'cell-too-long', '32767');
  });

  it('counts characters as Excel does: a cell of 32,767 (å, entities, rich-text runs) reads, one more is refused', async () => {
    const exact = `${'å'.repeat(16_000)}&amp;${'x'.repeat(16_766)}`; // 32,767 characters
    const runs = (extra: string) => `<si><r><t>${'a'.repeat(20_000)}</t></r><r><t>${'b'.repeat(12_767)}${extra}</t></r></si>`;
    const sst = (items: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${items}</sst>`;
    const sheet = SHEET_OPEN + header + `<row r="2">${cellXml('A2', 2)}${cellXml('B2', 3)}</row>` + SHEET_CLOSE;
    const [book] = await readWorkbook(minimalXlsx(sheet, sst(`<si><t>Kommun</t></si><si><t>Text</t></si><si><t>${exact}</t></si>${runs('')}`)));
    expect(book!.rows[1]!.map((cell) => String(cell).length)).toEqual([32_767, 32_767]);
    await expect(readWorkbook(minimalXlsx(sheet, sst(`<si><t>K</t></si><si><t>T</t></si><si><t>${exact}x</t></si><si><t>y</t></si>`)))).rejects.toThrow(/cell-too-long/);
    await expect(readWorkbook(minimalXlsx(sheet, sst(`<si><t>K</t></si><si><t>T</t></si><si><t>x</t></si>${runs('b')}`)))).rejects.toThrow(/cell-too-long/);
  });

  it.each([
    ['a tag', `<row r="2"><c r="A2" x="${'a'.repeat(100_000)}"><v>1</v></c></row>`],
    ['a comment', `<!--${'a'.repeat(100_000)}-->`],
    ['text between tags', ' '.repeat(100_000)],
  ])('refuses %s of 100 kB in a sheet as no workbook any spreadsheet wrote (a sheet is parsed in chunks, a long token rescanned for each)', async (_what, xml) => {
    const bytes = minimalXlsx(SHEET_OPEN + header + xml + SHEET_CLOSE, sharedStringsXml(['K', 'T']), 0);
    const error = await refusal(sniffFile({ name: 'tagg.xlsx', bytes }));
    expect([error.code, error.detail]).toEqual(['bad-xlsx', 'a tag, comment or text outside a cell longer than 65536 bytes']);
  });
});

describe('XLSX: unzipped size and ratio, counted while inflating', () => {
  it('refuses a zip bomb at 100 times its size (here the 16 MB floor), before read-excel-file unzips it', async () => {
    const bomb = minimalXlsx(smallSheet(1).sheet, paddedSharedStrings(40 * MB, ['Kommun', 'Antal', 'Falun']), 9);
    expect(bomb.length).toBeLessThan(100_000);
    const { sv, en } = await refused({ name: 'bomb.xlsx', bytes: bomb }, 'unzip-ratio', '100');
    expect(sv).toBe(
      'bomb.xlsx: arbetsboken packas upp till mer än 100 gånger sin egen storlek (gränsen för en Excel-fil, ett skydd mot så kallade zipbomber). Filen läses inte.',
    );
    expect(en).toContain('more than 100 times its own size');
    // The same bomb declaring a small size: refused all the same, by the bytes that come out.
    await refused({ name: 'lögn.xlsx', bytes: withDeclaredSize(bomb, 'xl/sharedStrings.xml', 1000) }, 'unzip-ratio', '100');
  });

  it('refuses a workbook unzipping to more than 64 MB, whatever it declares', async () => {
    // 1 MB of incompressible padding lifts the ratio's cap above 64 MB: the absolute cap decides.
    const big = minimalXlsx(smallSheet(1).sheet, paddedSharedStrings(70 * MB, ['Kommun', 'Antal', 'Falun']), 1, {
      'xl/media/image1.png': incompressible(MB),
    });
    const { sv, en } = await refused({ name: 'stor.xlsx', bytes: big }, 'unzipped-too-large', String(64 * MB));
    expect(sv).toBe('stor.xlsx: arbetsboken blir större än 64 MB när den packas upp (gränsen för en Excel-fil). Filen läses inte.');
    expect(en).toContain('unzips to more than 64 MB');
    await refused({ name: 'lögn.xlsx', bytes: withDeclaredSize(big, 'xl/sharedStrings.xml', 1000) }, 'unzipped-too-large', String(64 * MB));
  });

  it('reads a small workbook that compresses 1,000 times: under 16 MB unzipped, the ratio does not apply', async () => {
    const bytes = minimalXlsx(smallSheet(2).sheet, paddedSharedStrings(10 * MB, ['Kommun', 'Antal', 'Falun']), 9);
    expect(bytes.length).toBeLessThan(50_000);
    const [book] = await readWorkbook(bytes);
    expect(book!.rows).toEqual([['Kommun', 'Antal'], ['Falun', 2], ['Falun', 3]]);
  });
});

describe('XLSX: columns and grid', () => {
  const sheetWith = (rows: string) => minimalXlsx(SHEET_OPEN + rows + SHEET_CLOSE, sharedStringsXml(['Kommun', 'Antal']));

  it('refuses a cell beyond column XFD (16,384)', async () => {
    await refused({ name: 'bred.xlsx', bytes: sheetWith(`<row r="1">${cellXml('A1', 0)}${cellXml('XFE1', 1)}</row>`) }, 'too-many-columns', '16384');
    const [book] = await readWorkbook(sheetWith(`<row r="1">${cellXml('A1', 0)}${cellXml('XFD1', 1)}</row><row r="2">${cellXml('A2', 5, 'n')}</row>`));
    expect(book!.rows[0]).toHaveLength(16_384);
  });

  it('refuses a grid read-excel-file would pad past 2^24 cells: a far column over many rows, a row numbered in the billions', async () => {
    const rows = Array.from({ length: 1100 }, (_, i) => `<row r="${i + 2}">${cellXml(`A${i + 2}`, 1)}</row>`).join('');
    const { sv } = await refused(
      { name: 'rutnät.xlsx', bytes: sheetWith(`<row r="1">${cellXml('A1', 0)}${cellXml('XFD1', 1)}</row>${rows}`) },
      'too-many-cells',
      String(2 ** 24),
    );
    expect(sv).toBe('rutnät.xlsx: ett blad har fler än 16\u00a0777\u00a0216 celler, rader gånger kolumner (gränsen för ett blad). Filen läses inte.');
    await refused({ name: 'rad.xlsx', bytes: sheetWith(`<row r="1">${cellXml('A1', 0)}</row><row r="2000000000"/>`) }, 'too-many-cells', String(2 ** 24));
  });

  it('reads a long text outside the sheets and shared strings (Power Query keeps its queries in customXml)', async () => {
    const bytes = minimalXlsx(smallSheet(3).sheet, sharedStringsXml(['Kommun', 'Antal', 'Falun & Mora']), 6, { 'customXml/item1.xml': strToU8(`<DataMashup>${'QUJD'.repeat(20_000)}</DataMashup>`) });
    const [book] = await readWorkbook(bytes);
    expect(book!.rows[1]).toEqual(['Falun & Mora', 2]);
  });
});
