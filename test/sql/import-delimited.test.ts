// Delimited text read by DuckDB's own reader (renderer/src/import/load-delimited.ts) with the app's rules:
// rows that do not fit the header are rejected by line and reason, notes below a table are kept, unnamed
// empty columns dropped, and each column typed from all of its values. A file DuckDB would reject rows of
// takes the app's own walk of the rows (read-delimited.ts regularRows); both give the same table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../renderer/src/db/engine';
import { allRows } from '../../renderer/src/db/table-info';
import { CHUNK_BYTES, importFile, removeTable, type ImportedTable, type ImportOptions } from '../../renderer/src/import/import-file';
import { startNodeEngine } from '../support/node-engine';

let engine: Engine;
beforeAll(async () => {
  engine = await startNodeEngine();
});
afterAll(async () => {
  await engine?.close();
});

const bytes = (s: string) => new TextEncoder().encode(s);

async function read(text: string | Uint8Array, options: ImportOptions = {}): Promise<{ table: ImportedTable; rows: Record<string, unknown>[] }> {
  const table = await importFile(engine, { name: 'fil.csv', bytes: typeof text === 'string' ? bytes(text) : text }, new Set(), options);
  try {
    return { table, rows: await allRows(engine, table.table) };
  } finally {
    await removeTable(engine, table.table);
  }
}

describe('delimited text through DuckDB', () => {
  it('rejects rows that do not fit the header, with line and reason, and keeps the rest', async () => {
    const { table, rows } = await read('a;b;c\n1;2;3\n4;5\n6;7;8;9\n10;11;12;\n\n;;\n13;14;15\n');
    expect(table.columns.map((c) => c.name)).toEqual(['a', 'b', 'c']);
    expect(table.report.rowsRead).toBe(5);
    expect(table.report.rejected).toEqual([
      { line: 3, reason: '2 fält, rubriken har 3' },
      { line: 4, reason: '4 fält, rubriken har 3' },
    ]);
    expect(rows.map((r) => r.a)).toEqual([1, 10, 13]);
  });

  it('keeps notes below a blank line, written in the first field alone, as rows for the reader to account for', async () => {
    // SCB's footnotes as Excel saves them: `Fotnoter;` under a three-column table. Above the blank line
    // the same short row is malformed; a note with a second value below it is malformed too.
    const { table, rows } = await read('a;b;c\n1;2;3\nx;\n\nFotnoter;\nKälla: SCB\ny;2\n');
    expect(table.report.rejected).toEqual([
      { line: 3, reason: '2 fält, rubriken har 3' },
      { line: 7, reason: '2 fält, rubriken har 3' },
    ]);
    expect(table.report.rowsRead).toBe(5);
    expect(rows.map((r) => r.a)).toEqual(['1', 'Fotnoter', 'Källa: SCB']);
  });

  it('accepts short rows when the missing fields have no name in the header (a trailing ;)', async () => {
    const { table } = await read('a;b;\n1;2\n3;4;\n');
    expect(table.columns.map((c) => c.name)).toEqual(['a', 'b']); // the unnamed, empty column is dropped
    expect(table.report.rejected).toEqual([]);
    expect(table.report.rowsRead).toBe(2);
  });

  it('keeps an unnamed column that has values', async () => {
    const { table } = await read('a;;c\n1;2;3\n');
    expect(table.columns.map((c) => c.name)).toEqual(['a', 'kolumn_2', 'c']);
  });

  it('starts at the header row it is given and ignores the rows above', async () => {
    const { table } = await read('Titel\n\nx;y\n1;2\n', { headerRow: 2 });
    expect(table.columns.map((c) => c.name)).toEqual(['x', 'y']);
    expect(table.report.rowsRead).toBe(1);
    await expect(read('x;y\n', { headerRow: 5 })).rejects.toMatchObject({ code: 'no-rows' });
  });

  it('types each column from all of its values', async () => {
    const { table } = await read('n;d;t;x\n1;2024-01-01;2024-01-01;1\n2,5;2024-01-02;2024-01-02 10:00;a\n');
    expect(table.columns.map((c) => c.type)).toEqual(['DOUBLE', 'DATE', 'TIMESTAMP', 'VARCHAR']);
  });

  it('types from the whole file, read in several pieces: a decimal in the last row makes the column DOUBLE', async () => {
    const rows = Math.ceil((2.5 * CHUNK_BYTES) / 20);
    const lines = ['Enhet;Antal;Kod'];
    for (let i = 0; i < rows; i++) lines.push(`Falu kommun;${i === rows - 1 ? '2,5' : i};${i === rows >> 1 ? 'x' : i}`);
    const text = bytes(lines.join('\n'));
    expect(text.length).toBeGreaterThan(2 * CHUNK_BYTES);
    const table = await importFile(engine, { name: 'lång.csv', bytes: text }, new Set());
    try {
      expect(table.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['Enhet:VARCHAR', 'Antal:DOUBLE', 'Kod:VARCHAR']);
      expect(table.report).toEqual({ rowsRead: rows, imported: rows, rejected: [], rejectedCount: 0 });
      const edge = await engine.query(`SELECT "Antal", "Kod" FROM "${table.table}" WHERE rowid IN (7, ${rows - 1}) ORDER BY rowid`);
      expect(edge.toArray().map((r) => r.toJSON())).toEqual([
        { Antal: 7, Kod: '7' },
        { Antal: 2.5, Kod: String(rows - 1) },
      ]);
    } finally {
      await removeTable(engine, table.table);
    }
  });

  it('gives the same table whether DuckDB reads the file as it is or the app walks its rows first', async () => {
    const good = 'Enhet;Antal;Text\r\nFalun;1 234;"rad ett\r\nrad två"\r\nMora;5;"citat ""så"""\r\n';
    const direct = await read(good);
    // One ragged row sends the whole file through the app's walk; the other rows read the same.
    const walked = await read(`${good}x;y;z;w\r\n`);
    expect(walked.table.report.rejected).toEqual([{ line: 5, reason: '4 fält, rubriken har 3' }]);
    expect(walked.rows).toEqual(direct.rows);
    expect(walked.table.columns).toEqual(direct.table.columns);
    expect(direct.rows[0]).toEqual({ Enhet: 'Falun', Antal: 1234, Text: 'rad ett\r\nrad två' });
  });
});

describe('CSV text values', () => {
  // Enough ordinary rows that a few control characters do not make the file look binary (over 1 %).
  const filler = 'Mora;9\n'.repeat(100);
  it('lose control characters, U+FFFE and U+FFFF, short, long, quoted or not', async () => {
    const long = 'Stockholms stad \u0001 Skarpnäcks stadsdelsförvaltning\u0002';
    const { rows } = await read(`Enhet;n\nFalu\u0001 kommun;1\n${long};2\n"säg ""hej""\u0008";3\na\uFFFEb\uFFFFc;4\n\u0001;5\n${filler}`);
    expect(rows.slice(0, 5).map((r) => r.Enhet)).toEqual(['Falu kommun', 'Stockholms stad  Skarpnäcks stadsdelsförvaltning', 'säg "hej"', 'abc', '']);
  });

  it('keep TAB, LF, CR and every other character as written', async () => {
    const values = ['rad\nbrytning', 'tab\there', 'cr\r\nlf', 'ÅÄÖ ＝ € 😀 \uFEFF \u007F'];
    const { rows } = await read(`Text;n\n${values.map((v, i) => `"${v}";${i}`).join('\n')}\n`);
    expect(rows.map((r) => r.Text)).toEqual(values);
  });

  it('stay as they are, bar those characters, in a column that was numbers first', async () => {
    const { table, rows } = await read(`v;n\n1;1\n2,5;2\nett\u0001;3\n3;4\n${filler}`);
    expect(table.columns[0]!.type).toBe('VARCHAR');
    expect(rows.slice(0, 4).map((r) => r.v)).toEqual(['1', '2,5', 'ett', '3']);
  });
});
