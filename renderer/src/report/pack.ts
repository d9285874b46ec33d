// The report pack: every section as PNG, SVG and CSV, one PDF report, and a manifest.json that lets
// anyone regenerate it: the app's version, each input file's name and SHA-256, the import mappings,
// the filters and the suppression settings. A pack made from the samples bundled with the app says so
// on its cover, on every chart and in the manifest. The app zips it for download; the command line writes
// it to a folder. Nothing here touches the file system or the network.
import type { Lang } from '../../../electron/shared/ipc-contract';
import { translate } from '../i18n/translate';
import type { Engine } from '../db/engine';
import { toRows } from '../db/engine';
import { methodById } from '../domain/methods';
import type { ShapeGuess } from '../domain/shape-detect';
import { COUNTIES, SKR_GROUPS } from '../domain/units';
import { withEdits, type ChartEdits } from '../export/chart-edits';
import { figuresOf, slideMapPicture } from '../export/chart-files';
import { spokenAlt } from '../export/chart-spec';
import { chartSvg, type ExportSize } from '../export/chart-svg';
import { fontFaceCss, measureWith, type FontFiles } from '../export/fonts';
import { reportPdf } from '../export/pdf';
import { chartsPptx, type OfficeCover, type SlideChart } from '../export/pptx';
import { reportDocx, type DocumentChart, type OfficeMethod } from '../export/docx';
import { svgToPng } from '../export/png';
import { sha256Hex } from '../export/sha256';
import { SUPPRESSED, type SuppressionSettings } from '../export/suppress';
import { dataTableToCsv, SWEDISH_CSV, type CsvOptions } from '../export/table-export';
import type { ImportedTable } from '../import/import-types';
import type { Translate } from '../i18n/i18n';
import { filterParams, type Filters } from '../shaping/filters';
import { runQuery } from '../db/query-files';
import type { Section } from './sections';

const MANIFEST_VERSION = 1;

/** One input file as the manifest records it. */
export interface PackInput {
  name: string;
  size: number;
  sha256: string;
  shape: string;
  /** The role given to each column (the mapping the import used). */
  roles: Record<string, unknown>;
  /** Settings the user changed from the detected ones (encoding, delimiter, header row, sheet). */
  options: Record<string, unknown>;
  /** One of the samples bundled with the app (Öppna exempeldata): invented figures, not real data. */
  sample: boolean;
  /** A survey's wave ('2024'); null for other files and surveys that say none. */
  wave: string | null;
}

/** A confirmed file as the manifest records it: what it held and how it was read. */
export function packInput(table: ImportedTable, guess: ShapeGuess, sha256: string, sample = false, wave: string | null = null): PackInput {
  return {
    name: table.fileName,
    size: table.byteSize,
    sha256,
    sample,
    wave,
    shape: guess.shape,
    roles: guess.roles,
    options: { encoding: table.encoding, delimiter: table.delimiter, headerRow: table.headerRow, sheet: table.sheet },
  };
}

export interface PackRequest {
  sections: readonly Section[];
  inputs: readonly PackInput[];
  filters: Filters;
  suppression: SuppressionSettings;
  lang: Lang;
  size: ExportSize;
  appVersion: string;
  created: Date;
  csv?: CsvOptions;
  /** The user's own titles, notes and alt texts, by chart id. */
  edits?: ChartEdits;
}

export interface PackDeps {
  fonts: FontFiles;
  /** resvg's wasm: bytes under Node, the build's URL in the app. */
  wasm: () => Promise<Uint8Array | URL | string>;
  engine: Engine;
}

/** The filters in words, for the cover and the manifest's reader. */
function describeFilters(filters: Filters, t: Translate, lang: Lang): string {
  const parts: string[] = [];
  if (filters.county) parts.push(`${t('filterCounty')}: ${COUNTIES.find((c) => c.code === filters.county)?.name ?? filters.county}`);
  if (filters.skrGroup) parts.push(`${t('filterSkrGroup')}: ${filters.skrGroup} ${SKR_GROUPS.find((g) => g.code === filters.skrGroup)?.name ?? ''}`.trim());
  if (filters.unitType) parts.push(`${t('filterUnitType')}: ${t(filters.unitType === 'district' ? 'unitTypeDistrict' : 'unitTypeMunicipality')}`);
  if (filters.period) parts.push(`${t('filterPeriod')}: ${filters.period}`);
  if (filters.wave) parts.push(`${t('filterWave')}: ${filters.wave}`);
  if (filters.method) {
    const method = methodById(filters.method);
    parts.push(t('chosenMethod', { method: method ? (lang === 'sv' ? method.name : method.nameEn) : filters.method }));
  }
  return parts.length > 0 ? parts.join(' · ') : t('reportNoFilters');
}

function describeSuppression(settings: SuppressionSettings, t: Translate): string {
  return settings.enabled ? t('reportSuppressionOn', { threshold: settings.threshold, mark: SUPPRESSED }) : t('reportSuppressionOff');
}

const pad = (n: number) => String(n).padStart(2, '0');


/** "2026-11-30 11:20" in the computer's own time zone. */
export function stamp(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * The file name (without extension) of section `index` in the pack: its number and its spec id, with
 * everything but a-z, 0-9, ".", "_" and "-" replaced by "-". Spec ids carry method ids, and a method id
 * can come from the filters (a workspace file): "/", "\", ":", bidi controls or control characters must
 * reach neither a zip entry nor a path the command line writes. The number in front keeps names
 * distinct and never lets one be ".." alone.
 */
export function entryBase(index: number, specId: string): string {
  return `${pad(index + 1)}-${specId.toLowerCase().replace(/[^a-z0-9._-]/g, '-').slice(0, 80)}`;
}

export async function buildPack(request: PackRequest, deps: PackDeps): Promise<Map<string, Uint8Array>> {
  const { lang, sections } = request;
  const t: Translate = (key, params) => translate(lang, key, params);
  const measure = measureWith(deps.fonts);
  const fontCss = fontFaceCss(deps.fonts);
  const encoder = new TextEncoder();
  const files = new Map<string, Uint8Array>();
  const pdfSections = [];
  const slideCharts: SlideChart[] = [];
  const documentCharts: DocumentChart[] = [];

  for (const [index, generated] of sections.entries()) {
    // The user's own texts by chart id; an id is never looked up on the object's prototype (`__proto__`).
    const edit = request.edits && Object.hasOwn(request.edits, generated.spec.id) ? request.edits[generated.spec.id] : undefined;
    const section = { ...generated, spec: withEdits(generated.spec, edit) };
    const base = entryBase(index, section.spec.id);
    const drawn = chartSvg(section.spec, request.size, measure);
    // The SVG file carries its font; the PNG is drawn by resvg, which is handed the font itself.
    files.set(`${base}.svg`, encoder.encode(chartSvg(section.spec, request.size, measure, fontCss).svg));
    const png = await svgToPng(drawn.svg, 2, deps.fonts, deps.wasm);
    files.set(`${base}.png`, png);
    files.set(`${base}.csv`, dataTableToCsv(figuresOf(section.spec), request.csv ?? SWEDISH_CSV));
    section.tables.forEach((table, k) => files.set(`${base}-${k + 2}.csv`, dataTableToCsv(figuresOf(section.spec, table), request.csv ?? SWEDISH_CSV)));
    const image = { png, width: drawn.width, height: drawn.height };
    pdfSections.push({ heading: `${section.chapter}: ${section.spec.text.title}`, text: spokenAlt(section.spec), image, alt: spokenAlt(section.spec) });
    documentCharts.push({ chapter: section.chapter, spec: section.spec, image, tables: section.tables });
    const mapPicture = await slideMapPicture(section.spec, deps.fonts, deps.wasm);
    slideCharts.push({ spec: section.spec, ...(mapPicture ? { mapPicture } : {}) });
  }

  const filtersText = describeFilters(request.filters, t, lang);
  const sampleData = request.inputs.some((input) => input.sample);
  // A survey's wave ("omgång 2024"), a training export's year.
  const dated = (input: PackInput) => (input.wave === null ? '' : input.shape === 'training' ? `, ${input.wave}` : `, ${t('waveNamed', { wave: input.wave })}`);
  const cover: OfficeCover = {
    title: t(sampleData ? 'reportTitleSample' : 'reportTitle'),
    subtitle: filtersText,
    created: stamp(request.created),
    ...(sampleData ? { warning: t('reportSampleData') } : {}),
    lines: [
      t('reportFiles'),
      ...request.inputs.map((input) => `${input.name}${dated(input)} (SHA-256 ${input.sha256.slice(0, 16)}…)${input.sample ? ` – ${t('sampleBadge')}` : ''}`),
      describeSuppression(request.suppression, t),
      t('reportRegenerate'),
    ],
  };
  const pdf = await reportPdf({ title: cover.title, subtitle: cover.subtitle, created: cover.created, warning: cover.warning, coverLines: cover.lines, sections: pdfSections, lang }, deps.fonts);
  files.set('rapport.pdf', pdf);
  // The same charts as slides to edit in PowerPoint, and as a document to finish in Word.
  files.set('rapport.pptx', await chartsPptx(slideCharts, lang, cover));
  const method: OfficeMethod = {
    heading: t('reportMethod'),
    files: {
      heading: t('reportMethodFiles'),
      lines: request.inputs.map((input) => `${input.name}${dated(input)}${input.sample ? ` – ${t('sampleBadge')}` : ''}: SHA-256 ${input.sha256}`),
    },
    filters: `${t('reportMethodFilters')}: ${filtersText}`,
    suppression: describeSuppression(request.suppression, t),
    regenerate: t('reportRegenerate'),
  };
  files.set('rapport.docx', await reportDocx(documentCharts, cover, method, lang));

  const manifest = {
    manifestVersion: MANIFEST_VERSION,
    app: { name: 'Metodkartan', version: request.appVersion },
    created: request.created.toISOString(),
    language: lang,
    size: request.size,
    /** True when any input is one of the samples bundled with the app: the figures are not real data. */
    sampleData,
    inputs: request.inputs,
    mappings: await mappings(deps.engine),
    population: await populationUsed(deps.engine, request.filters),
    filters: { ...request.filters, description: filtersText },
    suppression: request.suppression,
    files: await Promise.all([...files].map(async ([name, bytes]) => ({ name, sha256: await sha256Hex(bytes) }))),
  };
  files.set('manifest.json', encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`));
  return files;
}

/** How each name in the files was matched: to a register unit, a catalogue method, or nothing. */
async function mappings(engine: Engine) {
  const units = toRows(await engine.query('SELECT unit_name, status, municipality_code, county_code, district FROM unit_map ORDER BY unit_name'));
  const methods = toRows(await engine.query('SELECT method_name, method_id FROM method_map ORDER BY method_name'));
  return { units, methods };
}

/**
 * The statistics files and what each holds, and the population every rate rests on: per year of the
 * extracts, the band, the population's year and its file (none when no rate could be computed).
 */
async function populationUsed(engine: Engine, filters: Filters) {
  const files = toRows(
    await engine.query(
      `SELECT s.file_name AS file, f.kind, f.measure, f.age_band, f.sex, f.years, f.municipalities, f.counties, f.ignored_rows, f.no_rate, f.use_for_rates
       FROM reference_files AS f JOIN sources AS s USING (source) ORDER BY s.file_name`,
    ),
  ).map((r) => ({ ...r, years: JSON.parse(String(r.years)) as number[] }));
  const seen = new Map<string, { year: number; population_year: number; age_band: string; file: string }>();
  for (const r of await runQuery(engine, 'population_rate', filterParams(filters))) {
    const entry = { year: Number(r.year), population_year: Number(r.population_year), age_band: String(r.age_band), file: String(r.population_file) };
    seen.set(JSON.stringify(entry), entry);
  }
  return { files, rates: [...seen.values()].sort((a, b) => a.year - b.year || a.population_year - b.population_year) };
}
