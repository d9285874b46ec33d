import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import {
  INTERNATIONAL_CSV,
  SWEDISH_CSV,
  dataTableToCsv,
  dataTableToXlsx,
  neutraliseFormula,
  type CsvOptions,
  type DataTable,
} from '../../../renderer/src/export/table-export';

const BOM = [0xef, 0xbb, 0xbf];
/** Decodes without swallowing the BOM, so tests see exactly what was written. */
const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

const TABLE: DataTable = {
  title: 'Insatser per kommun',
  columns: [
    { name: 'Kommun', kind: 'text' },
    { name: 'Antal barn', kind: 'number' },
    { name: 'Andel', kind: 'share' },
  ],
  rows: [
    ['Mörbylånga', 1234, 0.41],
    ['Åre', '..', 0.5],
    ['Höör', -2.5, null],
  ],
};

describe('neutraliseFormula', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+46 70 123 45 67', "'+46 70 123 45 67"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
  ])('neutralises %j', (text, expected) => {
    expect(neutraliseFormula(text)).toBe(expected);
  });

  it.each(['Ljusdal', 'KOMET - föräldrastöd', 'a=b', 'x+y', 'mail@kommun.se', '..', '', ' =1', "'=1"])('leaves %j as it is', (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });
});

describe('dataTableToCsv', () => {
  it('writes Swedish CSV by default: BOM, semicolons, decimal comma, CRLF, shares as numbers', () => {
    const bytes = dataTableToCsv(TABLE);
    expect([...bytes.slice(0, 3)]).toEqual(BOM);
    expect(decode(bytes)).toBe(
      '\uFEFFKommun;Antal barn;Andel\r\nMörbylånga;1234;0,41\r\nÅre;..;0,5\r\nHöör;-2,5;\r\n',
    );
    expect(dataTableToCsv(TABLE, SWEDISH_CSV)).toEqual(bytes);
  });

  it('writes international CSV: commas, decimal point', () => {
    expect(decode(dataTableToCsv(TABLE, INTERNATIONAL_CSV))).toBe(
      '\uFEFFKommun,Antal barn,Andel\r\nMörbylånga,1234,0.41\r\nÅre,..,0.5\r\nHöör,-2.5,\r\n',
    );
  });

  it('leaves the BOM out when asked', () => {
    const bytes = dataTableToCsv(TABLE, { ...SWEDISH_CSV, bom: false });
    expect([...bytes.slice(0, 3)]).not.toEqual(BOM);
    expect(decode(bytes).startsWith('Kommun;')).toBe(true);
  });

  it('round-trips Swedish characters as UTF-8', () => {
    const table: DataTable = { title: 't', columns: [{ name: 'Län', kind: 'text' }], rows: [['Västra Götaland'], ['Jämtland Härjedalen'], ['ÅÄÖ åäö é ü']] };
    const bytes = dataTableToCsv(table, { ...SWEDISH_CSV, bom: false });
    // "ä" is two bytes in UTF-8 (0xC3 0xA4), not the one byte Windows-1252 would use.
    expect([...bytes.slice(1, 3)]).toEqual([0xc3, 0xa4]);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe('Län\r\nVästra Götaland\r\nJämtland Härjedalen\r\nÅÄÖ åäö é ü\r\n');
  });

  it.each<[string, CsvOptions, string]>([
    ['a semicolon (Swedish)', SWEDISH_CSV, '"KOMET; FFT"'],
    ['a comma (international)', INTERNATIONAL_CSV, '"KOMET, FFT"'],
  ])('quotes cells holding %s', (_, options, expected) => {
    const cell = options.delimiter === ';' ? 'KOMET; FFT' : 'KOMET, FFT';
    const csv = decode(dataTableToCsv({ title: 't', columns: [{ name: 'm', kind: 'text' }], rows: [[cell]] }, options));
    expect(csv.split('\r\n')[1]).toBe(expected);
  });

  it('leaves the other delimiter unquoted', () => {
    const table: DataTable = { title: 't', columns: [{ name: 'm', kind: 'text' }], rows: [['KOMET, FFT']] };
    expect(decode(dataTableToCsv(table, SWEDISH_CSV)).split('\r\n')[1]).toBe('KOMET, FFT');
  });

  it('quotes quotes and line breaks, doubling the quotes', () => {
    const table: DataTable = { title: 't', columns: [{ name: 'Kommentar "fri"', kind: 'text' }], rows: [['Säger "nej"\nvill inte'], ['rad\r\nbrytning']] };
    expect(decode(dataTableToCsv(table, { ...SWEDISH_CSV, bom: false }))).toBe(
      '"Kommentar ""fri"""\r\n"Säger ""nej""\nvill inte"\r\n"rad\r\nbrytning"\r\n',
    );
  });

  it('quotes a number whose decimal mark is the delimiter', () => {
    const options: CsvOptions = { delimiter: ',', decimal: ',', bom: false };
    expect(decode(dataTableToCsv({ title: 't', columns: [{ name: 'n', kind: 'number' }], rows: [[2.5]] }, options))).toBe('n\r\n"2,5"\r\n');
  });

  it.each<[number, string]>([
    [1234567, '1234567'], // no thousands separator
    [-2.5, '-2,5'], // negative numbers stay numbers: no apostrophe
    [-2, '-2'],
    [0, '0'],
    [0.41, '0,41'],
    [1e-7, '0,0000001'], // no exponent
    [-1.5e-10, '-0,00000000015'],
    [1e21, '1000000000000000000000'],
    [1.25e22, '12500000000000000000000'],
    [123456789.25, '123456789,25'],
    [NaN, ''],
    [Infinity, ''],
  ])('writes the number %d as %j', (value, expected) => {
    const csv = decode(dataTableToCsv({ title: 't', columns: [{ name: 'n', kind: 'number' }], rows: [[value]] }, { ...SWEDISH_CSV, bom: false }));
    expect(csv).toBe(`n\r\n${expected}\r\n`);
  });

  it.each(['=1+1', '+46 70', '-2', '@SUM(A1)', '\tx', '\rx'])('neutralises the text %j in cells and headers', (text) => {
    const csv = decode(dataTableToCsv({ title: 't', columns: [{ name: text, kind: 'text' }], rows: [[text]] }, { ...SWEDISH_CSV, bom: false }));
    const expected = /[\r"]/.test(text) ? `"'${text}"` : `'${text}`;
    expect(csv).toBe(`${expected}\r\n${expected}\r\n`);
  });

  it('passes ".." and "-" inside text through untouched', () => {
    const table: DataTable = { title: 't', columns: [{ name: 'a', kind: 'text' }, { name: 'b', kind: 'number' }], rows: [['KOMET - grupp', '..']] };
    expect(decode(dataTableToCsv(table, { ...SWEDISH_CSV, bom: false }))).toBe('a;b\r\nKOMET - grupp;..\r\n');
  });

  it('pads short rows and drops cells beyond the last column', () => {
    const table: DataTable = { title: 't', columns: [{ name: 'a', kind: 'text' }, { name: 'b', kind: 'number' }], rows: [['x'], ['y', 1, 'extra']] };
    expect(decode(dataTableToCsv(table, { ...SWEDISH_CSV, bom: false }))).toBe('a;b\r\nx;\r\ny;1\r\n');
  });

  it('writes footnotes after an empty line, quoted when they hold the delimiter, neutralised', () => {
    const table: DataTable = {
      ...TABLE,
      rows: [['Åre', '..', 0.5]],
      footnotes: ['.. = färre än 5; uppgiften visas inte för att skydda enskilda (sekretess).', 'Källa: enkät 2023', '-x'],
    };
    expect(decode(dataTableToCsv(table, { ...SWEDISH_CSV, bom: false }))).toBe(
      'Kommun;Antal barn;Andel\r\nÅre;..;0,5\r\n\r\n' +
        '".. = färre än 5; uppgiften visas inte för att skydda enskilda (sekretess)."\r\nKälla: enkät 2023\r\n\'-x\r\n',
    );
  });

  it('writes no trailing empty line without footnotes', () => {
    expect(decode(dataTableToCsv({ ...TABLE, footnotes: [] })).endsWith('Höör;-2,5;\r\n')).toBe(true);
  });
});

describe('dataTableToXlsx', () => {
  const table: DataTable = {
    title: 'Insatser: KOMET/FFT [2023] per kommun och län',
    columns: [
      { name: 'Kommun', kind: 'text' },
      { name: 'Antal barn', kind: 'number' },
      { name: 'Andel', kind: 'share' },
    ],
    rows: [
      ['Mörbylånga', 1234, 0.41],
      ['=HYPERLINK("http://x")', -2, null],
      ['Åre', '..', 0.5],
      ['@SUM(A1)', 0, 1],
    ],
    footnotes: ['.. = färre än 5; uppgiften visas inte för att skydda enskilda (sekretess).', '+46 källa'],
  };

  async function readBack(bytes: Uint8Array) {
    const sheets = await readXlsxFile(Buffer.from(bytes));
    expect(sheets).toHaveLength(1);
    return sheets[0]!;
  }

  /** The style (cellXfs entry) of a cell, straight from the XML, for what read-excel-file does not report. */
  function styleOf(bytes: Uint8Array, address: string): { numberFormat: string | null; bold: boolean } {
    const files = unzipSync(bytes);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    const styles = strFromU8(files['xl/styles.xml']!);
    const s = Number(new RegExp(`<c r="${address}"(?: s="(\\d+)")?`).exec(sheet)?.[1] ?? 0);
    const xf = [...(/<cellXfs[^>]*>(.*)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf[^>]*>/g)][s]?.[0] ?? '';
    const numFmtId = /numFmtId="(\d+)"/.exec(xf)?.[1];
    const fontId = Number(/fontId="(\d+)"/.exec(xf)?.[1] ?? 0);
    const numberFormat = numFmtId ? (new RegExp(`numFmtId="${numFmtId}" formatCode="([^"]*)"`).exec(styles)?.[1] ?? null) : null;
    const font = [...styles.matchAll(/<font>(.*?)<\/font>/g)][fontId]?.[1] ?? '';
    return { numberFormat, bold: font.includes('<b/>') };
  }

  it('writes the values back as read-excel-file reads them, numbers numeric, text without the CSV formula guard', async () => {
    const sheet = await readBack(await dataTableToXlsx(table));
    // XLSX text cells are strings, never formulas: an apostrophe would only show.
    expect(sheet.data).toEqual([
      ['Kommun', 'Antal barn', 'Andel'],
      ['Mörbylånga', 1234, 0.41],
      ['=HYPERLINK("http://x")', -2, null],
      ['Åre', '..', 0.5],
      ['@SUM(A1)', 0, 1],
      [null, null, null],
      ['.. = färre än 5; uppgiften visas inte för att skydda enskilda (sekretess).', null, null],
      ['+46 källa', null, null],
    ]);
    // Numeric cells, not numbers as text (negative ones included); the suppressed mark stays text.
    expect(typeof sheet.data[1]?.[1]).toBe('number');
    expect(typeof sheet.data[1]?.[2]).toBe('number');
    expect(typeof sheet.data[2]?.[1]).toBe('number');
    expect(typeof sheet.data[3]?.[1]).toBe('string');
  });

  it('names the sheet after the title, cleaned to what Excel accepts', async () => {
    const sheet = await readBack(await dataTableToXlsx(table));
    expect(sheet.sheet).toBe('Insatser KOMET FFT 2023 per kom');
    expect(sheet.sheet.length).toBeLessThanOrEqual(31);
    expect((await readBack(await dataTableToXlsx({ ...table, title: '[]?*' }))).sheet).toBe('Tabell');
  });

  it('formats shares as per cent, keeps counts plain and makes the header bold', async () => {
    const bytes = await dataTableToXlsx(table);
    expect(styleOf(bytes, 'C2')).toEqual({ numberFormat: '0%', bold: false });
    expect(styleOf(bytes, 'B2')).toEqual({ numberFormat: null, bold: false });
    expect(styleOf(bytes, 'A2')).toEqual({ numberFormat: null, bold: false });
    for (const address of ['A1', 'B1', 'C1']) expect(styleOf(bytes, address).bold).toBe(true);
  });

  it('writes a table without rows or footnotes', async () => {
    const sheet = await readBack(await dataTableToXlsx({ title: 'Tom', columns: [{ name: 'Kommun', kind: 'text' }], rows: [] }));
    expect(sheet.data).toEqual([['Kommun']]);
  });
});
