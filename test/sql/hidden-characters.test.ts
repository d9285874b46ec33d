// Names from users' files, end to end through DuckDB-WASM: a unit name and a column header with U+0001
// (CSV, XLSX, JSON) import without it, and the chart drawn from them is well-formed SVG that resvg
// renders; columns named like Object's own members (`__proto__`, `constructor`, `toString`) keep their
// values in rows, the preview and the table's CSV export.
import writeExcelFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRows, type Engine } from '../../renderer/src/db/engine';
import { allRows, describeTable, previewRows } from '../../renderer/src/db/table-info';
import type { ChartSpec } from '../../renderer/src/export/chart-spec';
import { chartSvg } from '../../renderer/src/export/chart-svg';
import { measureWith, type FontFiles } from '../../renderer/src/export/fonts';
import { svgToPng } from '../../renderer/src/export/png';
import { tableToCsv } from '../../renderer/src/export/table-csv';
import { importFile, removeTable, type ImportedTable, type SourceFile } from '../../renderer/src/import/import-file';
import { loadFontFilesNode, loadResvgWasmNode } from '../../scripts/export-assets-node';
import { num, text, type Cell } from '../fixtures/excel-cells';
import { startNodeEngine } from '../support/node-engine';

let engine: Engine;
let fonts: FontFiles;
beforeAll(async () => {
  engine = await startNodeEngine();
  fonts = await loadFontFilesNode();
});
afterAll(async () => {
  await engine?.close();
});

const utf8 = (s: string) => new TextEncoder().encode(s);
const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
/** Not a Char in XML 1.0 (§2.2). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

async function withImport(file: SourceFile, check: (table: ImportedTable, rows: Record<string, unknown>[]) => Promise<void> | void) {
  const table = await importFile(engine, file, new Set());
  try {
    await check(table, await allRows(engine, table.table));
  } finally {
    await removeTable(engine, table.table);
  }
}

/** A bar chart of the units in the file, as the adoption view would draw it. */
function unitChart(units: string[], header: string): ChartSpec {
  return {
    id: 'adoption-units',
    text: { title: `Andel per ${header}`, count: `N = ${units.length} enheter`, source: 'Källa: fil.csv' },
    body: { kind: 'bars', bars: units.map((label, i) => ({ label, share: (i + 1) / 4, text: `${(i + 1) * 25} %`, colour: '#2f6f9f' })), formatTick: (s) => `${s * 100} %` },
    alt: units.join(', '),
    table: { title: header, columns: [{ name: header, kind: 'text' }], rows: units.map((u) => [u]) },
  };
}

async function expectDrawable(spec: ChartSpec) {
  const { svg } = chartSvg(spec, 'a4', measureWith(fonts));
  expect(NOT_XML_CHAR.exec(svg)?.[0]).toBeUndefined();
  const png = await svgToPng(svg, 1, fonts, loadResvgWasmNode);
  expect(png.length).toBeGreaterThan(1000);
}

async function xlsx(rows: Cell[][]): Promise<Uint8Array> {
  return new Uint8Array(await writeExcelFile(rows).toBuffer());
}

describe('a U+0001 in a unit name and a column header', () => {
  // Enough other rows that the controls stay under the 1 % that makes a file look binary (decode-text.ts).
  const others = Array.from({ length: 30 }, (_, i) => [`Enhet ${i + 1}`, i + 5] as const);
  const units: (readonly [string, number])[] = [['Falu\u0001 kommun', 3], ['Mora\u0001 "kommun"', 4], ...others];
  const expected = ['Falu kommun', 'Mora "kommun"', ...others.map(([name]) => name)];
  const csvField = (v: string) => (v.includes('"') ? `"${v.replaceAll('"', '""')}"` : v);
  const json = (v: string) => JSON.stringify(v); // "\u0001", as JSON writers escape it
  // XLSX keeps characters XML forbids as `_xHHHH_` (ECMA-376 ST_Xstring); the reader decodes them.
  const excel = (v: string) => v.replaceAll('\u0001', '_x0001_');
  const files: [string, () => Promise<SourceFile>][] = [
    ['CSV', async () => ({ name: 'enheter.csv', bytes: utf8(['Enhet\u0001;Antal', ...units.map(([u, n]) => `${csvField(u)};${n}`)].join('\r\n')) })],
    [
      'XLSX',
      async () => ({ name: 'enheter.xlsx', bytes: await xlsx([[text(excel('Enhet\u0001')), text('Antal')], ...units.map(([u, n]) => [text(excel(u)), num(n)])]) }),
    ],
    ['JSON', async () => ({ name: 'enheter.json', bytes: utf8(`[${units.map(([u, n]) => `{${json('Enhet\u0001')}: ${json(u)}, "Antal": ${n}}`).join(',\n')}]`) })],
  ];

  it.each(files)('imports from %s without it, and the chart of the units renders', async (_, make) => {
    const file = await make();
    if (!file.name.endsWith('.xlsx')) expect(decode(file.bytes)).not.toContain('Falu kommun'); // the character is in the file
    await withImport(file, async (table, rows) => {
      expect(table.columns.map((c) => c.name)).toEqual(['Enhet', 'Antal']);
      expect(rows.map((r) => r.Enhet)).toEqual(expected);
      await expectDrawable(unitChart(rows.slice(0, 3).map((r) => String(r.Enhet)), table.columns[0]!.name));
    });
  });

  it('still draws when the text reaches the chart some other way', async () => {
    await expectDrawable(unitChart(['Falu\u0001 kommun', 'Mora\uFFFF\uD800 kommun\u202E'], 'Enhet\u0001'));
  });
});

describe('columns named like members of Object', () => {
  const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

  it('keep their values in rows, by index from the schema', async () => {
    const rows = toRows(
      await engine.query(`SELECT 'a' AS "__proto__", 'b' AS "constructor", 'c' AS "toString", NULL::VARCHAR AS "hasOwnProperty", 42::BIGINT AS "valueOf"`),
    );
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(Object.keys(row!)).toEqual(NAMES);
    expect(NAMES.map((name) => row![name])).toEqual(['a', 'b', 'c', null, 42]);
    expect(Object.getPrototypeOf(row)).toBeNull();
    expect(JSON.parse(JSON.stringify(row))).toEqual({ constructor: 'b', toString: 'c', hasOwnProperty: null, valueOf: 42, ['__proto__']: 'a' });
    // Spread copies all five, __proto__ included, as own properties.
    expect(Object.keys({ ...row })).toEqual(NAMES);
  });

  it('come through import, preview and the table CSV export', async () => {
    const file = { name: 'objekt.csv', bytes: utf8(`${NAMES.join(';')}\r\nFalun;Mora;Borlänge;;1\r\nÅre;;Ljusdal;x;2\r\n`) };
    await withImport(file, async (table, rows) => {
      expect(table.columns.map((c) => c.name)).toEqual(NAMES);
      const preview = await previewRows(engine, table.table, 10);
      for (const shown of [rows, preview]) {
        expect(shown.map((r) => NAMES.map((name) => r[name]))).toEqual([
          ['Falun', 'Mora', 'Borlänge', null, 1],
          ['Åre', null, 'Ljusdal', 'x', 2],
        ]);
      }
      const { columns } = await describeTable(engine, table.table);
      expect(decode(tableToCsv(columns, rows))).toBe(`\uFEFF${NAMES.join(';')}\r\nFalun;Mora;Borlänge;;1\r\nÅre;;Ljusdal;x;2\r\n`);
    });
  });
});
