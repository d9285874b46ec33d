// Characters a user never sees, on the way out: those XML 1.0 forbids (a U+0001 in a unit name made the
// SVG malformed and resvg refused it, so PNG, PDF and the report pack failed too), bidi controls (which
// reorder what a reader sees, e.g. a file name), and the formula guard, which belongs to CSV only.
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { classBreaks } from '../../../renderer/src/maps/choropleth';
import { choroplethSvg } from '../../../renderer/src/export/choropleth-svg';
import { chartFileName, fileSlug } from '../../../renderer/src/export/chart-files';
import type { ChartBody, ChartSpec } from '../../../renderer/src/export/chart-spec';
import { chartSvg } from '../../../renderer/src/export/chart-svg';
import { escapeXml } from '../../../renderer/src/safe-text';
import { fontFaceCss, measureWith, type FontFiles, type TextMeasure } from '../../../renderer/src/export/fonts';
import { svgToPng } from '../../../renderer/src/export/png';
import { csvFileName, tableToCsv } from '../../../renderer/src/export/table-csv';
import { dataTableToCsv, dataTableToXlsx, neutraliseFormula, SWEDISH_CSV, type DataTable } from '../../../renderer/src/export/table-export';
import { entryBase } from '../../../renderer/src/report/pack';
import { exportText, stripBidiControls, stripXmlForbidden } from '../../../renderer/src/safe-text';
import { loadFontFilesNode, loadResvgWasmNode } from '../../../scripts/export-assets-node';

/** Every character XML 1.0 forbids, one of each kind, between letters: C0 controls, U+FFFE/U+FFFF, lone surrogates. */
const FORBIDDEN = 'A\u0000B\u0001C\u0008D\u000BE\u000CF\u001FG\uFFFEH\uFFFFI\uD800J\uDC00K';
/** Bidi controls: embeddings and overrides, isolates, LRM, RLM, ALM. */
const BIDI = 'a\u202Ab\u202Bc\u202Cd\u202De\u202Ef\u2066g\u2067h\u2068i\u2069j\u200Ek\u200Fl\u061Cm';
const HOSTILE = `${FORBIDDEN} ${BIDI}`;
const CLEAN = 'ABCDEFGHIJK abcdefghijklm';

/** Not a Char in XML 1.0 (§2.2): what a strict parser (and resvg) refuses anywhere in a document. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Well-formed as far as characters and references go (the rest the writers build from fixed parts). */
function expectWellFormedText(svg: string) {
  expect(NOT_XML_CHAR.exec(svg)?.[0]).toBeUndefined();
  expect(BIDI_CONTROL.exec(svg)?.[0]).toBeUndefined();
  expect(svg).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos);)/);
}

let fonts: FontFiles;
let measure: TextMeasure;
beforeAll(async () => {
  fonts = await loadFontFilesNode();
  measure = measureWith(fonts);
});

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('safe-text', () => {
  it('drops what XML 1.0 forbids and keeps TAB, LF, CR and pairs of surrogates', () => {
    expect(stripXmlForbidden(FORBIDDEN)).toBe('ABCDEFGHIJK');
    expect(stripXmlForbidden('a\tb\nc\rd')).toBe('a\tb\nc\rd');
    expect(stripXmlForbidden('😀 \uD83D\uDE00 Åre ＝ \u007F\u0085')).toBe('😀 \uD83D\uDE00 Åre ＝ \u007F\u0085');
    expect(stripXmlForbidden('\uD83D😀\uDE00')).toBe('😀');
  });

  it('drops bidi controls, and both for exports', () => {
    expect(stripBidiControls(BIDI)).toBe('abcdefghijklm');
    expect(stripBidiControls('مرحبا Åre')).toBe('مرحبا Åre');
    expect(exportText(HOSTILE)).toBe(CLEAN);
  });

  it('escapes for XML after dropping them', () => {
    expect(escapeXml(`<${HOSTILE} & "x" 'y'>`)).toBe(`&lt;${CLEAN} &amp; &quot;x&quot; &apos;y&apos;&gt;`);
  });
});

describe('chart SVG with hidden characters in its texts', () => {
  const spec = (body: ChartBody): ChartSpec => ({
    id: 'adoption-x',
    text: { title: `Enhet ${HOSTILE}`, subtitle: `Fråga ${HOSTILE}`, count: `N = 2 ${HOSTILE}`, source: `Källa: ${HOSTILE}.csv`, note: HOSTILE },
    body,
    alt: `Beskrivning ${HOSTILE}`,
    table: { title: HOSTILE, columns: [{ name: HOSTILE, kind: 'text' }], rows: [[HOSTILE]] },
  });
  const bodies: Record<string, ChartBody> = {
    bars: { kind: 'bars', bars: [{ label: `Falu ${HOSTILE}`, share: 0.4, text: `40 % ${HOSTILE}`, colour: '#2f6f9f' }], formatTick: (s) => `${Math.round(s * 100)} %\u0001` },
    heat: { kind: 'heat', columns: [`KOMET ${HOSTILE}`], rows: [{ label: `Dalarnas län ${HOSTILE}`, cells: [{ share: 0.3, text: `30 % ${HOSTILE}` }] }] },
    lines: { kind: 'lines', periods: [`2023-01${HOSTILE}`, '2023-02'], series: [{ label: `FFT ${HOSTILE}`, colour: '#2f6f9f', values: [3, 4] }], formatTick: (v) => `${v}\u202E` },
    diverging: {
      kind: 'diverging',
      steps: [
        { label: `Missnöjd ${HOSTILE}`, colour: '#b2182b' },
        { label: `Nöjd ${HOSTILE}`, colour: '#2166ac' },
      ],
      rows: [{ label: `Fråga ${HOSTILE}`, shares: [0.3, 0.7], headline: `70 % nöjda ${HOSTILE}` }],
    },
  };

  for (const [kind, body] of Object.entries(bodies)) {
    it(`draws ${kind} as well-formed SVG that resvg renders`, async () => {
      const drawn = chartSvg(spec(body), 'a4', measure, fontFaceCss(fonts));
      expectWellFormedText(drawn.svg);
      expect(drawn.svg).toContain(`<desc id="desc">Beskrivning ${CLEAN}</desc>`);
      expect(drawn.svg).toContain(`>${CLEAN}</text>`); // the note, whole once the characters are gone
      const png = await svgToPng(chartSvg(spec(body), 'slide', measure).svg, 1, fonts, loadResvgWasmNode);
      expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]); // "PNG"
    });
  }

  it('draws a map whose title, legend title and note hold them as well-formed SVG that resvg renders', async () => {
    const values = new Map([
      ['01', 0.2],
      ['20', 0.6],
      ['25', 0.9],
    ]);
    const { svg } = choroplethSvg('county', values, {
      width: 400,
      height: 600,
      breaks: classBreaks([...values.values()], 'equal', 3),
      format: (v) => `${v}\u0001`,
      noDataLabel: `Uppgift saknas ${HOSTILE}`,
      title: `Karta ${HOSTILE}`,
      legendTitle: `Andel ${HOSTILE}`,
      note: HOSTILE,
    });
    expectWellFormedText(svg);
    expect(svg).toContain(`<title id="title">Karta ${CLEAN}</title>`);
    await svgToPng(svg, 1, fonts, loadResvgWasmNode);
  });
});

describe('the formula guard: CSV only, and full-width too', () => {
  const table = (text: string): DataTable => ({ title: 't', columns: [{ name: text, kind: 'text' }], rows: [[text]], footnotes: [text] });

  it.each(['＝1+1', '＋46 70', '－2', '＠SUM(A1)'])('neutralises the full-width %j', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
    expect(decode(dataTableToCsv(table(text), { ...SWEDISH_CSV, bom: false }))).toBe(`'${text}\r\n'${text}\r\n\r\n'${text}\r\n`);
    expect(decode(tableToCsv([{ name: 'x', type: 'VARCHAR' }], [{ x: text }])).split('\r\n')[1]).toBe(`'${text}`);
  });

  it('guards a formula that a hidden character stood in front of, once the character is gone', () => {
    for (const hidden of ['\u202E', '\u200E', '\u0001', '\u2066']) {
      expect(decode(dataTableToCsv(table(`${hidden}=HYPERLINK("http://x")`), { ...SWEDISH_CSV, bom: false })).split('\r\n')[0]).toBe(`"'=HYPERLINK(""http://x"")"`);
      expect(decode(tableToCsv([{ name: 'x', type: 'VARCHAR' }], [{ x: `${hidden}-2+3` }])).split('\r\n')[1]).toBe(`'-2+3`);
    }
  });

  it('writes XLSX text as it is: a string cell is never a formula, so an apostrophe would only show', async () => {
    const texts = ['- Övriga', '=SUM(A1)', '+46 70', '@x', '＝1'];
    const bytes = await dataTableToXlsx({ title: 't', columns: [{ name: '-Kommun', kind: 'text' }], rows: texts.map((t) => [t]), footnotes: ['- fotnot'] });
    const [sheet] = await readXlsxFile(Buffer.from(bytes));
    expect(sheet!.data).toEqual([['-Kommun'], ...texts.map((t) => [t]), [null], ['- fotnot']]);
    // Written as strings, not as formulas.
    expect(strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!)).not.toContain('<f>');
  });
});

describe('hidden characters in exported texts and file names', () => {
  it('leaves them out of CSV cells, headers and footnotes, and of XLSX cells and the sheet name', async () => {
    const table: DataTable = { title: `Tabell ${HOSTILE}`, columns: [{ name: `Kommun ${HOSTILE}`, kind: 'text' }], rows: [[`Falun ${HOSTILE}`]], footnotes: [HOSTILE] };
    expect(decode(dataTableToCsv(table, { ...SWEDISH_CSV, bom: false }))).toBe(`Kommun ${CLEAN}\r\nFalun ${CLEAN}\r\n\r\n${CLEAN}\r\n`);
    expect(decode(tableToCsv([{ name: `Kommun ${BIDI}`, type: 'VARCHAR' }], [{ [`Kommun ${BIDI}`]: `Falun ${HOSTILE}` }]))).toBe(
      `\uFEFFKommun abcdefghijklm\r\nFalun ${CLEAN}\r\n`,
    );
    const [sheet] = await readXlsxFile(Buffer.from(await dataTableToXlsx(table)));
    expect(sheet!.data).toEqual([[`Kommun ${CLEAN}`], [`Falun ${CLEAN}`], [null], [CLEAN]]);
    expect(BIDI_CONTROL.test(sheet!.sheet)).toBe(false);
  });

  it('names chart files without them', () => {
    // U+202E would show "rapport" + "fdp.exe" reversed; inside a word, LRM would split it in two.
    expect(fileSlug('rapport\u202Efdp.exe')).toBe('rapportfdp-exe');
    expect(fileSlug('Fa\u200Elun\u0001 kommun')).toBe('falun-kommun');
    const spec = { text: { title: `KOMET\u2067 i Falun\u202C` } } as ChartSpec;
    expect(chartFileName(spec, { format: 'png', scale: 2 })).toBe('komet-i-falun@2x.png');
  });

  it('names the table CSV after its source without them', () => {
    expect(csvFileName('enkät\u202Eslx.2023.xlsx')).toBe('enkätslx.2023.csv');
    expect(BIDI_CONTROL.test(csvFileName(`a${BIDI}.csv`))).toBe(false);
  });

  it('names report pack entries with a-z, 0-9, ".", "_" and "-" only', () => {
    expect(entryBase(0, 'adoption-family-treatment')).toBe('01-adoption-family-treatment');
    expect(entryBase(11, 'map-county-komet_2.0')).toBe('12-map-county-komet_2.0');
    expect(entryBase(2, 'map-county-../../x')).toBe('03-map-county-..-..-x');
    expect(entryBase(2, 'rate-county-C:\\Users\\x\u202Egpj.exe')).toBe('03-rate-county-c--users-x-gpj.exe');
    expect(entryBase(2, 'Åre Östersund')).toBe('03--re--stersund');
    for (const id of ['..', '/', '\u0000', 'a/b\\c', `x${BIDI}`, 'é'.repeat(200)]) expect(entryBase(0, id)).toMatch(/^01-[a-z0-9._-]{0,80}$/);
  });
});
