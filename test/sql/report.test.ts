// `metodkartan report` end to end on the four samples: the real command line writes the pack a report
// writer gets from the app. The manifest must let anyone regenerate it: its hashes are checked against
// the inputs and the files written, the PDF is read back, the PNGs' sizes are read from their headers.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSource, type LoadedSource } from '../../renderer/src/model/load-source';
import { sha256Hex } from '../../renderer/src/export/sha256';
import { loadParquetNode } from '../../renderer/src/import/parquet-node';
import { saveWorkspace } from '../../renderer/src/workspace/workspace-file';
import { SECOND_WAVE } from '../support/samples';
import { startNodeEngine } from '../support/node-engine';
import { savedStateFor } from '../support/saved-state';

const SAMPLES = ['pilot-methods-survey-2023.xlsx', 'pilot-activities-survey-2023.csv', 'usage-2022-2024.csv', 'assessment-training-2024.csv'];

let out: string;
let status: number | null;
let stdout: string;
let stderr: string;

interface Manifest {
  manifestVersion: number;
  app: { name: string; version: string };
  sampleData: boolean;
  inputs: { name: string; size: number; sha256: string; shape: string; roles: Record<string, { role: string }>; sample: boolean; wave: string | null }[];
  mappings: { units: { unit_name: string; status: string }[]; methods: { method_name: string; method_id: string | null }[] };
  filters: { county: string | null; wave: string | null; description: string };
  suppression: { enabled: boolean; threshold: number };
  files: { name: string; sha256: string }[];
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'metodkartan-report-'));
  const result = spawnSync('node_modules/.bin/tsx', ['scripts/metodkartan.ts', 'report', '--out', out, ...SAMPLES.map((f) => `data-samples/${f}`)], {
    encoding: 'utf8',
    timeout: 170_000,
  });
  ({ status, stdout, stderr } = result);
}, 180_000);

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('metodkartan report', () => {
  it('writes a pack whose manifest names every input by its SHA-256 and every file it wrote', async () => {
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.manifestVersion).toBe(1);
    expect(manifest.app.name).toBe('Metodkartan');
    expect(manifest.inputs.map((i) => i.name)).toEqual(SAMPLES);
    for (const input of manifest.inputs) {
      const bytes = new Uint8Array(await readFile(`data-samples/${input.name}`));
      expect(input.sha256, input.name).toBe(sha256(bytes));
      expect(input.size).toBe(bytes.length);
    }
    expect(manifest.inputs.map((i) => i.shape)).toEqual(['survey-multi', 'survey-wide', 'usage', 'training']);
    // Files given on the command line are the user's own, even these: only the app's Öppna exempeldata marks samples.
    expect(manifest.sampleData).toBe(false);
    expect(manifest.inputs.every((i) => i.sample === false)).toBe(true);
    // The import mappings: every unit name of the files matched to the register.
    expect(manifest.mappings.units.length).toBeGreaterThan(56);
    expect(manifest.mappings.units.every((u) => u.status === 'matched')).toBe(true);
    expect(manifest.mappings.methods).toContainEqual({ method_name: 'Funktionell familjeterapi (FFT)', method_id: 'fft' });
    expect(manifest.suppression).toEqual({ enabled: true, threshold: 5 });
    expect(manifest.filters.description).toBe('Alla enheter, inga filter');

    const written = (await readdir(out)).sort();
    expect(manifest.files.map((f) => f.name).sort()).toEqual(written.filter((name) => name !== 'manifest.json'));
    for (const file of manifest.files) expect(file.sha256, file.name).toBe(sha256(new Uint8Array(await readFile(path.join(out, file.name)))));
    expect(stdout).toContain(`${written.length} filer skrivna till ${out}`);
  });

  it('writes rapport.pptx: a cover, then a slide per chart with a native chart holding its figures, in Swedish', async () => {
    const parts = unzipSync(new Uint8Array(await readFile(path.join(out, 'rapport.pptx'))));
    const text = (name: string) => strFromU8(parts[name]!);
    const slides = Object.keys(parts).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
    const charts = manifest.files.filter((f) => f.name.endsWith('.svg')).length;
    expect(slides).toHaveLength(charts + 1);
    // 16:9.
    expect(text('ppt/presentation.xml')).toMatch(/<p:sldSz cx="12192000" cy="6858000"/);
    expect(text('ppt/slides/slide1.xml')).toContain('Filerna rapporten bygger på:');
    // The family treatment chart: FFT 23 of 56 (41 %) and MST 8 of 56 (14 %), as per cent, in the chart's own data.
    const chartXml = Object.keys(parts).filter((name) => /^ppt\/charts\/chart\d+\.xml$/.test(name)).map(text);
    const family = chartXml.find((xml) => xml.includes('<c:v>FFT (23 av 56)</c:v>'))!;
    expect(family).toBeDefined();
    const values = [...family.matchAll(/<c:v>([\d.]+)<\/c:v>/g)].map((m) => Math.round(Number(m[1])));
    expect(values).toContain(41);
    expect(values).toContain(14);
    expect(family).toContain('formatCode="0&quot; %&quot;"');
    // Its workbook travels with it, so PowerPoint can edit the figures.
    expect(Object.keys(parts).some((name) => /^ppt\/embeddings\/.+\.xlsx$/.test(name))).toBe(true);
    // KOMET 34 % on the parenting programmes' slide; the satisfaction scale as stacked bars.
    expect(chartXml.some((xml) => xml.includes('<c:v>KOMET (19 av 56)</c:v>') && /<c:v>33\.9285714\d*<\/c:v>/.test(xml))).toBe(true);
    expect(chartXml.some((xml) => xml.includes('<c:grouping val="stacked"/>') && xml.includes('Mycket nöjd'))).toBe(true);
    // The heat map as a native table, its cells shaded; every slide's source line and the alt text on the chart.
    const slideXml = slides.map(text);
    expect(slideXml.some((xml) => xml.includes('<a:tbl>') && xml.includes('Stockholms'))).toBe(true);
    expect(slideXml.filter((xml) => xml.includes('Källa: pilot-methods-survey-2023.xlsx')).length).toBeGreaterThan(3);
    expect(slideXml.some((xml) => /descr="Strukturerad familjebehandling[^"]*FFT 41\u00a0% \(23 av 56\)/.test(xml))).toBe(true);
  });

  it('writes rapport.docx: headings, each chart with its alt text and a numbered caption, its figures as a Word table', async () => {
    const parts = unzipSync(new Uint8Array(await readFile(path.join(out, 'rapport.docx'))));
    const xml = strFromU8(parts['word/document.xml']!);
    const plain = xml.replace(/<[^>]+>/g, ' ').replace(/[ \t\r\n]+/g, ' ');
    // Word's own styles, so a municipality's template restyles them.
    expect(xml).toContain('<w:pStyle w:val="Title"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Caption"/>');
    expect(plain).toContain('Insatser');
    expect(plain).toContain('Strukturerad familjebehandling i öppenvård (12–17 år)');
    // Numbered by Word (SEQ fields), for figures and tables alike.
    expect(xml).toMatch(/SEQ Figur/);
    expect(xml).toMatch(/SEQ Tabell/);
    expect((xml.match(/<pic:pic/g) ?? []).length).toBeGreaterThan(10);
    expect(xml).toMatch(/descr="Strukturerad familjebehandling[^"]*FFT 41\u00a0% \(23 av 56\)/);
    // The figures in a real table, in Swedish number format.
    expect(xml).toContain('<w:tbl>');
    expect(plain).toMatch(/FFT 23 56 41\u00a0%/);
    // The method section from the manifest: every file with its full SHA-256.
    expect(plain).toContain('Metod');
    for (const name of SAMPLES) expect(plain).toContain(`${name}`);
    expect(plain).toContain(sha256(new Uint8Array(await readFile('data-samples/usage-2022-2024.csv'))));
    expect(plain).toContain('Små tal: antal färre än 5 visas som .. (sekretess).');
  });

  it('draws every section as PNG at 2×, SVG with the font, and CSV for Swedish Excel', async () => {
    const written = await readdir(out);
    const pngs = written.filter((name) => name.endsWith('.png'));
    expect(pngs).toContain('01-adoption-parenting-programme.png');
    expect(pngs.some((name) => name.endsWith('-counties.png'))).toBe(true);
    expect(pngs.some((name) => name.endsWith('-trends.png'))).toBe(true);
    for (const name of pngs) {
      const png = await readFile(path.join(out, name));
      expect(png.readUInt32BE(16), name).toBe(1280); // 640 px (A4 text width) at 2×
      expect(written).toContain(name.replace(/\.png$/, '.svg'));
      expect(written).toContain(name.replace(/\.png$/, '.csv'));
    }
    const svg = await readFile(path.join(out, pngs.find((n) => n.includes('family-treatment'))!.replace('.png', '.svg')), 'utf8');
    expect(svg).toContain("@font-face{font-family:'Source Sans 3'");
    expect(svg).toContain('>41\u00a0% (23 av 56)</text>');
    const csv = await readFile(path.join(out, pngs.find((n) => n.includes('family-treatment'))!.replace('.png', '.csv')), 'utf8');
    expect(csv.startsWith('\ufeffMetod;')).toBe(true);
    expect(csv).toContain('FFT;23;56;0,41');
    expect(svg).not.toContain('Exempeldata');
    // The yearly counts for all 56 units are large: nothing to suppress, no footnote.
    const counts = await readFile(path.join(out, written.find((n) => /-trends-2\.csv$/.test(n))!), 'utf8');
    expect(counts).toContain('KOMET;460;1074;1573;3107');
    expect(counts).not.toContain('..');
  });

  it('narrows to a county, and suppresses its small counts with the complementary cell', async () => {
    const dalarna = await mkdtemp(path.join(tmpdir(), 'metodkartan-report-'));
    try {
      const result = spawnSync('node_modules/.bin/tsx', ['scripts/metodkartan.ts', 'report', '--out', dalarna, '--county', '20', ...SAMPLES.map((f) => `data-samples/${f}`)], {
        encoding: 'utf8',
        timeout: 170_000,
      });
      expect(result.stderr).toBe('');
      const manifest = JSON.parse(await readFile(path.join(dalarna, 'manifest.json'), 'utf8')) as Manifest;
      expect(manifest.filters.description).toBe('Län: Dalarnas län');
      const written = await readdir(dalarna);
      const counts = (await readFile(path.join(dalarna, written.find((n) => /-trends-2\.csv$/.test(n))!), 'utf8')).split('\r\n');
      // EARL in Dalarna: 2022 below 5, so 2023 goes too, or the row total (49) would give 2022 away.
      expect(counts).toContain('EARL;..;..;29;49');
      expect(counts).toContain('KOMET;43;93;126;262');
      expect(counts).toContain('".. = färre än 5; uppgiften visas inte för att skydda enskilda (sekretess)."');
      // The Word report suppresses exactly as the CSV: the same row, the same footnote.
      const docx = strFromU8(unzipSync(new Uint8Array(await readFile(path.join(dalarna, 'rapport.docx'))))['word/document.xml']!)
        .replace(/<[^>]+>/g, ' ')
        .replace(/[ \t\r\n]+/g, ' ');
      expect(docx).toContain('EARL .. .. 29 49');
      expect(docx).toContain('.. = färre än 5; uppgiften visas inte för att skydda enskilda (sekretess).');
    } finally {
      await rm(dalarna, { recursive: true, force: true });
    }
  }, 180_000);

  it('with a population of children: the rate map, the population it rests on said under it and in the manifest', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'metodkartan-report-'));
    try {
      const files = ['usage-2022-2024.csv', 'population-0-17-2023.csv'];
      const result = spawnSync('node_modules/.bin/tsx', ['scripts/metodkartan.ts', 'report', '--out', dir, ...files.map((f) => `data-samples/${f}`)], {
        encoding: 'utf8',
        timeout: 170_000,
      });
      expect(result.stderr).toBe('');
      const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest & {
        population: { files: { file: string; measure: string; age_band: string; years: number[]; use_for_rates: boolean }[]; rates: unknown[] };
      };
      expect(manifest.population.files).toMatchObject([{ file: 'population-0-17-2023.csv', measure: 'children_0_17', age_band: '0-17', years: [2023], use_for_rates: true }]);
      // Every year of the extracts rests on the file's 2023, and the manifest says so year by year.
      expect(manifest.population.rates).toEqual([2022, 2023, 2024].map((year) => ({ year, population_year: 2023, age_band: '0-17', file: 'population-0-17-2023.csv' })));
      const svg = await readFile(path.join(dir, (await readdir(dir)).find((n) => /-rate-municipality-komet\.svg$/.test(n))!), 'utf8');
      expect(svg).toContain('per 10 000 barn 0–17 år 2024');
      expect(svg).toContain('Befolkning: barn 0–17 år 2023, ur population-0-17-2023.csv.');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('with two waves: the latest wave’s figures, Förändring with its moves table, and each input’s wave in the manifest', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'metodkartan-report-'));
    try {
      const files = ['pilot-methods-survey-2023.xlsx', SECOND_WAVE];
      const result = spawnSync('node_modules/.bin/tsx', ['scripts/metodkartan.ts', 'report', '--out', dir, ...files.map((f) => `data-samples/${f}`)], {
        encoding: 'utf8',
        timeout: 170_000,
      });
      expect(result.stderr).toBe('');
      const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
      expect(manifest.inputs.map((i) => `${i.name} ${String(i.wave)}`)).toEqual(['pilot-methods-survey-2023.xlsx 2023', `${SECOND_WAVE} 2024`]);
      expect(manifest.filters.wave).toBe('2024');
      expect(manifest.filters.description).toBe('Omgång: 2024');
      const written = await readdir(dir);
      const csv = async (pattern: RegExp) => (await readFile(path.join(dir, written.find((n) => pattern.test(n))!), 'utf8')).split('\r\n');
      // Insatser: the 2024 wave alone (KOMET 23 of 55), its file named with its wave.
      const fft = (await csv(/-adoption-family-treatment\.csv$/)).find((line) => line.startsWith('FFT;'));
      expect(fft).toMatch(/^FFT;29;55;0,527272/);
      // Förändring: shares in both waves, the points, the starts and stops; the moves by unit.
      const change = await csv(/-change-interventions\.csv$/);
      const komet = change.find((line) => line.startsWith('KOMET;'))!.split(';');
      expect([...komet.slice(0, 3), komet[3]!.slice(0, 6), ...komet.slice(4, 6), komet[6]!.slice(0, 6), ...komet.slice(7)]).toEqual(['KOMET', '19', '56', '0,3392', '23', '55', '0,4181', '7,9', '3', '1']);
      const moves = await csv(/-change-tools-2\.csv$/);
      expect(moves).toContain('KOMET;Slutade;Sollentuna;Stockholms län;Pendlingskommun nära storstad');
      const svg = await readFile(path.join(dir, written.find((n) => /-change-interventions\.svg$/.test(n))!), 'utf8');
      expect(svg.replace(/\u00a0/g, ' ')).toContain('34 % → 42 % (+7,9 procentenheter)');
      expect(svg).toContain('pilot-methods-survey-2023.xlsx (omgång 2023), pilot-methods-survey-2024.xlsx (omgång 2024)');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('writes a PDF report: a cover and one page per chart', async () => {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const written = await readdir(out);
    const charts = written.filter((name) => name.endsWith('.png')).length;
    const pdf = await getDocument({ data: new Uint8Array(await readFile(path.join(out, 'rapport.pdf'))), isEvalSupported: false, useSystemFonts: false }).promise;
    expect(pdf.numPages).toBeGreaterThanOrEqual(charts + 1);
    const text = async (page: number) => ((await (await pdf.getPage(page)).getTextContent()).items as { str: string }[]).map((i) => i.str).join(' ');
    const cover = await text(1);
    expect(cover).toContain('Metodkartan – rapport');
    expect(cover).toContain('pilot-methods-survey-2023.xlsx');
    expect(await text(2)).toContain('Insatser: Beteendebaserade föräldraskapsstödsprogram');
  });

  it('from a workspace holding the bundled samples: says so on every chart, in its CSVs and in the manifest', async () => {
    const engine = await startNodeEngine();
    const dir = await mkdtemp(path.join(tmpdir(), 'metodkartan-report-'));
    try {
      const files = ['pilot-methods-survey-2023.xlsx', 'usage-2022-2024.csv'];
      const sources: (LoadedSource & { sha256: string })[] = [];
      for (const name of files) {
        const bytes = new Uint8Array(await readFile(`data-samples/${name}`));
        sources.push({ ...(await loadSource(engine, { name, bytes }, new Set(sources.map((s) => s.table.table)), { loadParquet: loadParquetNode })), sha256: await sha256Hex(bytes) });
      }
      // As the app saves them after Öppna exempeldata: the first file a sample, the second the user's.
      const state = savedStateFor(sources);
      state.files.sources[0]!.sample = true;
      const workspace = await saveWorkspace(engine, { sourceTables: sources.map((s) => s.table.table), state: state as unknown as Record<string, unknown>, appVersion: '0.1.0', saved: new Date() }, loadParquetNode);
      const target = path.join(dir, 'exempel.metodkartan');
      await writeFile(target, workspace);
      const pack = path.join(dir, 'paket');
      const result = spawnSync('node_modules/.bin/tsx', ['scripts/metodkartan.ts', 'report', '--out', pack, target], { encoding: 'utf8', timeout: 170_000 });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const manifest = JSON.parse(await readFile(path.join(pack, 'manifest.json'), 'utf8')) as Manifest;
      expect(manifest.sampleData).toBe(true);
      expect(manifest.inputs.map((i) => [i.name, i.sample])).toEqual([
        ['pilot-methods-survey-2023.xlsx', true],
        ['usage-2022-2024.csv', false],
      ]);
      const written = await readdir(pack);
      const mark = 'Exempeldata – påhittade siffror, inte verkliga uppgifter.';
      // The interventions rest on the sample survey: marked. The trends rest on the user's extract alone: not.
      const adoption = written.find((n) => n.endsWith('-adoption-family-treatment.svg'))!;
      expect(await readFile(path.join(pack, adoption), 'utf8')).toContain(`>${mark}</text>`);
      expect((await readFile(path.join(pack, adoption.replace('.svg', '.csv')), 'utf8')).split('\r\n')).toContain(mark);
      expect(await readFile(path.join(pack, written.find((n) => n.endsWith('-trends.svg'))!), 'utf8')).not.toContain('Exempeldata');
      // The chart edits and the sample mark reach the slides and the document as they reach the PDF.
      const slides = unzipSync(new Uint8Array(await readFile(path.join(pack, 'rapport.pptx'))));
      const tfco = Object.entries(slides).find(([name, bytes]) => /^ppt\/slides\/slide\d+\.xml$/.test(name) && strFromU8(bytes).includes('TFCO i Dalarna'));
      expect(tfco).toBeDefined();
      expect(strFromU8(tfco![1])).toContain('Egen not – “citat” €');
      expect(strFromU8(tfco![1])).toContain(mark);
      const document = strFromU8(unzipSync(new Uint8Array(await readFile(path.join(pack, 'rapport.docx'))))['word/document.xml']!);
      expect(document).toContain('TFCO i Dalarna');
      expect(document).toContain('Egen not – “citat” €');
    } finally {
      await engine.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
