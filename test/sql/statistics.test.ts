// Statistics files read as SCB, Kolada, SKR and a region publish them: the thirteen real files in
// ../shared/real-data (their README says what each holds) and our own, written as SCB and Kolada write
// them (test/fixtures/statistics, with figures worked out by hand in expected.json). Each comes out
// with its kind, band, years, regions and rows accounted, and the population figure the rates would use.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRows, type Engine } from '../../renderer/src/db/engine';
import { loadSource, unloadSource, type LoadedSource } from '../../renderer/src/model/load-source';
import { summarize, whyNoRates, type ReferenceEntry, type Summary } from '../../renderer/src/model/summarize';
import { loadParquetNode } from '../../renderer/src/import/parquet-node';
import { startNodeEngine } from '../support/node-engine';

let engine: Engine;
beforeAll(async () => {
  engine = await startNodeEngine();
}, 60_000);
afterAll(async () => {
  await engine.close();
});

const REAL = '../shared/real-data';
const OWN = 'test/fixtures/statistics';

interface Read {
  summary: Summary;
  why: string | null;
  /** The population figures stored, by `code/year` (municipality, or county). */
  figures: Map<string, number>;
}

async function readFiles(files: readonly { name: string; bytes: Uint8Array }[]): Promise<Read> {
  const sources: LoadedSource[] = [];
  for (const file of files) sources.push(await loadSource(engine, file, new Set(sources.map((s) => s.table.table)), { loadParquet: loadParquetNode }));
  const summary = await summarize(engine, sources);
  const rows = toRows(await engine.query('SELECT coalesce(municipality_code, county_code) AS code, year, population FROM population'));
  const figures = new Map(rows.map((r) => [`${String(r.code)}/${Number(r.year)}`, Number(r.population)]));
  for (const source of sources) await unloadSource(engine, source.table.table);
  await engine.query('DELETE FROM unit_map');
  await engine.query('DELETE FROM method_map');
  return { summary, why: whyNoRates(summary, sources), figures };
}

const readTogether = async (paths: readonly string[]) =>
  readFiles(await Promise.all(paths.map(async (path) => ({ name: path.split('/').pop()!, bytes: new Uint8Array(await readFile(path)) }))));

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);

type Expected = Pick<ReferenceEntry, 'kind' | 'measure' | 'age_band' | 'years' | 'municipalities' | 'counties'> & {
  ignored_rows?: number;
  sex?: ReferenceEntry['sex'];
  ignored?: ReferenceEntry['ignored'];
  noRate?: ReferenceEntry['no_rate'];
  /** `code/year` → the figure stored (the README's and the file's own numbers). */
  figures: Record<string, number>;
  /** Every municipal figure is listed in `figures`: none more is stored. */
  allFigures?: boolean;
};

// What each real file holds, as its README says and the files show when read by hand.
const REAL_FILES: Record<string, Expected> = {
  'scb-folkmangd-kommun-2017-cp1252.csv': {
    kind: 'population', measure: 'inhabitants', age_band: 'all', years: [2017], municipalities: 290, counties: 0, ignored_rows: 0, noRate: 'not-children',
    figures: { '0114/2017': 44605, '2080/2017': 58340, '2584/2017': 23116, '0180/2017': 949761, '1480/2017': 564039, '0980/2017': 58595 },
  },
  'scb-befolkning-kommun-2020-excel-footnotes.csv': {
    // The year is the file name's; the blank row and 43 footnote lines are not data.
    kind: 'population', measure: 'inhabitants', age_band: 'all', years: [2020], municipalities: 290, counties: 0, ignored_rows: 44,
    ignored: [{ reason: 'footnote', rows: 44 }], noRate: 'not-children',
    figures: { '0114/2020': 45543, '2080/2020': 58923, '2584/2020': 22992, '0180/2020': 962154, '1480/2020': 571868, '0980/2020': 59249 },
  },
  'stathelp-population2018-codes-no-leading-zero.csv': {
    kind: 'population', measure: 'inhabitants', age_band: 'all', years: [2018], municipalities: 290, counties: 0, ignored_rows: 0, noRate: 'not-children',
    figures: { '0114/2018': 45543, '2080/2018': 58923, '2584/2018': 22992, '0980/2018': 59249 },
  },
  'scb-countypop-2018-english-cp1252.csv': {
    kind: 'population', measure: 'inhabitants', age_band: 'all', years: [2018], municipalities: 0, counties: 21, ignored_rows: 0, noRate: 'counties-only',
    figures: { '01/2018': 2344124 },
  },
  'scb-folkmangd-kommun-ar-long.csv': {
    // All ages, one figure per municipality and year: eleven years, never one.
    kind: 'population', measure: 'inhabitants', age_band: 'all', years: range(2008, 2018), municipalities: 290, counties: 0, ignored_rows: 0, noRate: 'not-children',
    figures: { '0114/2018': 45543, '0114/2008': 38248, '2080/2018': 58923, '2080/2008': 55297, '2584/2018': 22992, '2584/2008': 23099, '0180/2018': 962154 },
  },
  'scb-folkmangd-kommun-alder-kon-ar.csv': {
    // Women aged 55 and over: a population, but no children in it, and one sex.
    kind: 'population', measure: 'other', age_band: '55+', sex: 'women', years: range(2008, 2018), municipalities: 290, counties: 0, ignored_rows: 0, noRate: 'no-children',
    figures: {},
  },
  'scb-rams-kommun-long-cp1252.csv': {
    // Employed people ("nattbefolkning"): never a population.
    kind: 'other', measure: 'other', age_band: null, years: range(2008, 2017), municipalities: 290, counties: 0, ignored_rows: 0, noRate: 'not-population',
    figures: {},
  },
  'scb-BE0101N1-kommun-1968-2017-wide.csv': {
    kind: 'population', measure: 'inhabitants', age_band: 'all', years: range(1968, 2017), municipalities: 290, counties: 0, ignored_rows: 0, noRate: 'not-children',
    // 0 before a municipality existed (Nykvarn until 1999) is no figure.
    figures: { '0114/2017': 44605, '0114/1968': 16230, '2080/2017': 58340, '2080/1968': 45858, '2584/2017': 23116, '2584/1968': 30629, '0180/2017': 949761 },
  },
  'kommuner-pm10-code-name-county.csv': {
    // Ten indicators, `Children` a percentage: statistics, no population.
    kind: 'other', measure: 'other', age_band: null, years: [], municipalities: 290, counties: 0, ignored_rows: 0, noRate: 'several-measures',
    figures: {},
  },
  'skl-personal-tabell10-2017.xlsx': {
    // Staff counts and age shares; 21 county rows, 13 group rows and a footnote between and below.
    kind: 'other', measure: 'other', age_band: null, years: [2017], municipalities: 290, counties: 21, ignored_rows: 14,
    ignored: [{ reason: 'footnote', rows: 1 }, { reason: 'total', rows: 13 }], noRate: 'several-measures',
    figures: {},
  },
  'kolada-N01951-invanare-geo-year.csv': {
    // Kolada's ids: 0000 is the country (29 rows), 0001–0025 the 21 regions; Nykvarn and Knivsta have
    // no value before they existed (12 rows).
    kind: 'population', measure: 'inhabitants', age_band: 'all', years: range(1994, 2022), municipalities: 290, counties: 21, ignored_rows: 41,
    ignored: [{ reason: 'total', rows: 29 }, { reason: 'no-value', rows: 12 }], noRate: 'not-children',
    figures: { '0114/2022': 49262, '0114/1994': 35848, '2080/2022': 59818, '2584/2022': 22423, '0180/2022': 984748, '1480/2022': 596841, '0980/2022': 61173 },
  },
  'kolada-N33816-hvb-0-20-geo-year.csv': {
    // Children placed in HVB per 1,000 inhabitants: a rate, never a population. 2017's rows are all
    // empty (291 rows without a value), so it is no year of the file's.
    kind: 'other', measure: 'other', age_band: null, years: [2014, 2015, 2016, 2018, 2019, 2020, 2021, 2022], municipalities: 290, counties: 0, ignored_rows: 486,
    ignored: [{ reason: 'total', rows: 9 }, { reason: 'no-value', rows: 477 }], noRate: 'not-population',
    figures: {},
  },
  'regionhalland-aldersstrukturer-2000-2040.csv': {
    // Six Halland municipalities and the county; only 0–19 for children; Riket is no region.
    kind: 'population', measure: 'inhabitants', age_band: '0-19', years: [2000, 2005, 2010, 2015, 2020, 2025, 2030, 2035, 2040], municipalities: 6, counties: 1, ignored_rows: 36,
    ignored: [{ reason: 'total', rows: 36 }], noRate: 'not-children',
    figures: { '1382/2020': 10484, '1380/2020': 23937, '1384/2020': 22638, '13/2000': 70650 },
  },
};

function expectReading(read: Read, expected: Expected): void {
  const [entry] = read.summary.reference;
  expect(entry).toMatchObject({
    kind: expected.kind,
    measure: expected.measure,
    age_band: expected.age_band,
    years: expected.years,
    municipalities: expected.municipalities,
    counties: expected.counties,
    ...(expected.ignored_rows !== undefined ? { ignored_rows: expected.ignored_rows } : {}),
    ...(expected.noRate !== undefined ? { no_rate: expected.noRate } : {}),
    ...(expected.sex ? { sex: expected.sex } : {}),
    ...(expected.ignored ? { ignored: expected.ignored } : {}),
  });
  // Only a population of children aged 0–17 is the rate map's unless the user says otherwise.
  expect(entry!.used_for_rates).toBe(expected.measure === 'children_0_17');
  // Statistics never add units, and their region names are never listed as unmatched units.
  expect(read.summary.units).toEqual([]);
  for (const [key, value] of Object.entries(expected.figures)) expect(read.figures.get(key), key).toBe(value);
  // No figure is stored for a file that is not a population of a band from 0.
  if (expected.measure === 'other') expect(read.figures.size).toBe(0);
  const municipal = [...read.figures.keys()].filter((key) => key.split('/')[0]!.length === 4);
  if (expected.allFigures) expect(municipal.sort()).toEqual(Object.keys(expected.figures).sort());
}

describe.each(Object.entries(REAL_FILES))('real-data/%s', (file, expected) => {
  it('is read as what it holds', async () => {
    expectReading(await readTogether([`${REAL}/${file}`]), expected);
  }, 60_000);
});

interface OwnExpected {
  kind: ReferenceEntry['kind'];
  measure: ReferenceEntry['measure'];
  age_band: string | null;
  years: number[];
  municipalities: number;
  counties: number;
  figures?: Record<string, Record<string, number>>;
}

const own = JSON.parse(await readFile(`${OWN}/expected.json`, 'utf8')) as Record<string, OwnExpected> & {
  _rates_with_file_4: NonNullable<Summary['rates']>;
  _rates_with_file_1: NonNullable<Summary['rates']>;
};
const OWN_FILES = Object.entries(own).filter(([file]) => !file.startsWith('_')) as [string, OwnExpected][];

describe.each(OWN_FILES)('statistics/%s', (file, own) => {
  it('is read as SCB or Kolada meant it, with the figures worked out by hand', async () => {
    // Exactly these municipality figures, no more (Kolada's `..` for Kiruna 2022 is none).
    const figures = Object.fromEntries(Object.entries(own.figures ?? {}).flatMap(([code, years]) => Object.entries(years).map(([year, value]) => [`${code}/${year}`, value])));
    expectReading(await readTogether([`${OWN}/${file}`]), { ...own, figures, allFigures: true });
  }, 60_000);
});

describe('what the rows became', () => {
  it('PX-Web’s workbook: years over the figures, regions written once per block, footnotes below', async () => {
    const read = await readTogether([`${OWN}/scb-folkmangd-aldersgrupper-2021-2022.xlsx`]);
    expect(read.summary.reference[0]).toMatchObject({ rows: 66, ignored_rows: 3, ignored: [{ reason: 'footnote', rows: 3 }], value: { evidence: 'title' } });
  }, 60_000);

  it('Kolada’s export: the country a total, the region a county, `..` no value', async () => {
    const read = await readTogether([`${OWN}/kolada-invanare-totalt-kommun-ar.csv`]);
    expect(read.summary.reference[0]).toMatchObject({ ignored: [{ reason: 'total', rows: 2 }, { reason: 'no-value', rows: 1 }], value: { evidence: 'title' } });
  }, 60_000);
});

/** Rates in one order, whatever order the query gives them. */
const sorted = (rates: readonly NonNullable<Summary['rates']>[number][]) => [...rates].sort((a, b) => a.year - b.year || a.municipality_code.localeCompare(b.municipality_code) || a.id.localeCompare(b.id));

describe('rates', () => {
  it('per municipality, method and year, from a population of children aged 0–17 in age groups', async () => {
    const read = await readTogether([`${OWN}/usage-rates.csv`, `${OWN}/scb-folkmangd-barn-aldersgrupper-0-17.csv`]);
    expect(sorted(read.summary.rates!)).toEqual(sorted(own._rates_with_file_4));
    expect(read.why).toBeNull();
  }, 60_000);

  it('from single ages by sex, the nearest earlier year where the file lacks the extract’s', async () => {
    const read = await readTogether([`${OWN}/usage-rates.csv`, `${OWN}/scb-folkmangd-alder-kon-2022-2023.csv`]);
    expect(sorted(read.summary.rates!)).toEqual(sorted(own._rates_with_file_1));
  }, 60_000);

  it('none from a total population, and one line saying why', async () => {
    const read = await readTogether(['data-samples/usage-2022-2024.csv', `${REAL}/scb-folkmangd-kommun-ar-long.csv`]);
    expect(read.summary.rates).toBeUndefined();
    expect(read.why).toBe(
      'Inga tal per 10 000 barn: ingen inläst fil ger barn 0–17 år per kommun med år angivet – scb-folkmangd-kommun-ar-long.csv (alla åldrar, 2008–2018).',
    );
    // The extract's 56 units stay the units: the population's 290 municipalities join them, never add to them.
    expect(read.summary.units).toHaveLength(56);
  }, 60_000);

  it('none from employment counts, women aged 55+ or a rate, whatever their headers say', async () => {
    for (const file of ['scb-rams-kommun-long-cp1252.csv', 'scb-folkmangd-kommun-alder-kon-ar.csv', 'kolada-N33816-hvb-0-20-geo-year.csv']) {
      const read = await readTogether(['data-samples/usage-2022-2024.csv', `${REAL}/${file}`]);
      expect(read.summary.rates, file).toBeUndefined();
      expect(read.why, file).toMatch(/^Inga tal per 10 000 barn/);
    }
  }, 120_000);

  it('every one from the sample population, the same as computed from the canonical tables', async () => {
    const read = await readTogether(['data-samples/usage-2022-2024.csv', 'data-samples/population-0-17-2023.csv']);
    const falun = read.summary.rates!.filter((r) => r.municipality_code === '2080' && r.id === 'komet');
    // The file's name gives 2023; 2022 and 2024 rest on it (the nearest year), as each entry says.
    expect(falun.map((r) => [r.year, r.population_year, r.children])).toEqual([
      [2022, 2023, 4759],
      [2023, 2023, 4759],
      [2024, 2023, 4759],
    ]);
    for (const r of read.summary.rates!) expect(r.per_10000).toBeCloseTo(Math.round(((r.per_month * 10_000) / r.children) * 100) / 100, 1);
  }, 60_000);
});

// Layouts beyond the downloaded files, made here with round figures so every sum can be checked by eye:
// PX-Web headings that carry the year and the sex, a population by month, Kolada's Kön, a breakdown the
// app must not sum, a Kolada key figure named only by the file.
async function read(name: string, text: string): Promise<{ entry: ReferenceEntry; figures: Map<string, number> }> {
  const { summary, figures } = await readFiles([{ name, bytes: new TextEncoder().encode(text) }]);
  return { entry: summary.reference[0]!, figures };
}

const AGES = [...Array.from({ length: 100 }, (_, a) => `${a} år`), '100+ år'];
const REGIONS = ['2080 Falun', '2584 Kiruna'];

describe('statistics layouts', () => {
  it('PX-Web with the year and the sex in the headings: `2023 män`, `2023 kvinnor`', async () => {
    // Every cell 10 for men and 11 for women: children = 18 × (10 + 11) = 378 per municipality.
    const lines = ['"region","ålder","2023 män","2023 kvinnor"', ...REGIONS.flatMap((r) => AGES.map((a) => `"${r}","${a}",10,11`))];
    const { entry, figures } = await read('folkmangd.csv', lines.join('\r\n'));
    expect(entry).toMatchObject({ kind: 'population', measure: 'children_0_17', age_band: '0-17', years: [2023], municipalities: 2, year_from: 'header' });
    expect(Object.fromEntries(figures)).toEqual({ '2080/2023': 378, '2584/2023': 378 });
  }, 60_000);

  it('a population by month: the year’s latest month, never twelve months summed', async () => {
    // Falun has 1000 + month children in 2023M01…2023M12 and 2024M01…2024M03.
    const months = [...Array.from({ length: 12 }, (_, m) => ['2023', m + 1]), ...Array.from({ length: 3 }, (_, m) => ['2024', m + 1])];
    const lines = ['region;ålder;månad;Folkmängd', ...months.map(([y, m]) => `2080 Falun;0-17 år;${y}M${String(m).padStart(2, '0')};${1000 + Number(m)}`)];
    const { entry, figures } = await read('folkmangd-manad.csv', lines.join('\n'));
    expect(entry).toMatchObject({ measure: 'children_0_17', years: [2023, 2024] });
    expect(Object.fromEntries(figures)).toEqual({ '2080/2023': 1012, '2080/2024': 1003 });
  }, 60_000);

  it('Kolada with Kön (T, K, M): the totals, the rows per sex named as beside them', async () => {
    const lines = ['Kommun-id;Kommun;År;Kön;Värde', '2080;Falun;2023;T;4000', '2080;Falun;2023;K;1950', '2080;Falun;2023;M;2050'];
    const { entry, figures } = await read('kolada-N01951.csv', lines.join('\n'));
    expect(entry).toMatchObject({ kind: 'population', measure: 'inhabitants', value: { evidence: 'kolada', said: 'N01951' }, ignored: [{ reason: 'breakdown', rows: 2 }] });
    expect(Object.fromEntries(figures)).toEqual({ '2080/2023': 4000 });
  }, 60_000);

  it('a breakdown it cannot sum (marital status) is refused as a population, with the reason', async () => {
    const lines = ['region;civilstånd;år;Folkmängd', ...['ogifta', 'gifta', 'skilda', 'änkor/änklingar'].flatMap((c) => REGIONS.map((r) => `${r};${c};2023;100`))];
    const { entry, figures } = await read('civilstand.csv', lines.join('\n'));
    expect(entry).toMatchObject({ kind: 'population', measure: 'other', no_rate: 'breakdown', used_for_rates: false });
    expect(figures.size).toBe(0);
  }, 60_000);

  it('a value the file does not name is not a population: Kolada’s `Värde` alone', async () => {
    const { entry, figures } = await read('export.csv', ['Kommun-id;Kommun;År;Värde', '2080;Falun;2023;12,5', '2584;Kiruna;2023;9,1'].join('\n'));
    expect(entry).toMatchObject({ kind: 'other', no_rate: 'not-population' });
    expect(figures.size).toBe(0);
  }, 60_000);

  it('a part of the children is not the children: a subset in the header or in the title', async () => {
    const crowded = await read('barn.csv', ['Kommun;Barn 0-17 år i trångbodda hushåll 2023', 'Falun;1821', 'Kiruna;700'].join('\n'));
    expect(crowded.entry).toMatchObject({ kind: 'other', no_rate: 'not-population' });
    const single = await read('barn.csv', ['"Barn 0-17 år som bor med en ensamstående förälder efter region och år"', '', '"region","2023"', '"2080 Falun",2731'].join('\r\n'));
    expect(single.entry).toMatchObject({ kind: 'other', no_rate: 'not-population', value: { evidence: 'title' } });
    expect(crowded.figures.size + single.figures.size).toBe(0);
  }, 60_000);

  it('a download date in the file name is no year of the figures; a forecast is never the population', async () => {
    const fetched = await read('scb-export-hamtad-2025-01-15.csv', ['Region;Folkmängd 0-17 år', '2080 Falun;13108'].join('\n'));
    expect(fetched.entry).toMatchObject({ measure: 'children_0_17', years: [], no_rate: 'no-year', used_for_rates: false });
    const forecast = await read('prognos.csv', ['"Befolkningsprognos 2024-2027 efter region och år"', '', '"region","2024","2025"', '"2080 Falun",13200,13300'].join('\r\n'));
    expect(forecast.entry).toMatchObject({ no_rate: 'projection', used_for_rates: false });
  }, 60_000);

  it('one municipality downloaded with SCB’s notes below: the notes do not hide its region column', async () => {
    const lines = ['region;ålder;2023', ...Array.from({ length: 18 }, (_, a) => `2080 Falun;${a} år;700`), ';', 'Fotnoter;', 'Folkmängd den 31 december.;', 'Källa: SCB;'];
    const { entry, figures } = await read('falun.csv', lines.join('\n'));
    expect(entry).toMatchObject({ measure: 'children_0_17', municipalities: 1, ignored: [{ reason: 'footnote', rows: 3 }] });
    expect(Object.fromEntries(figures)).toEqual({ '2080/2023': 18 * 700 });
  }, 60_000);

  it('a region and year given twice is used neither time, and said; `00 Riket` is the country', async () => {
    const lines = ['Kommun;År;Folkmängd 0-17 år', 'Falun;2023;13108', 'Falun;2023;13108', 'Kiruna;2023;5150', '00 Riket;2023;2100000'];
    const { entry, figures } = await read('dubbletter.csv', lines.join('\n'));
    expect(entry).toMatchObject({ ignored: [{ reason: 'total', rows: 1 }, { reason: 'duplicate', rows: 2 }], municipalities: 1 });
    expect(Object.fromEntries(figures)).toEqual({ '2584/2023': 5150 });
  }, 60_000);
});
