// A statistics file read as its publisher meant it: which regions, years, ages and sexes its figures
// are for, what they measure, and what every row became. SCB writes the region as `0114 Upplands
// Väsby`, the year as the value column (`"2017"`) or one column per year, Excel's footnotes below the
// table; Kolada writes `0000` for the country and `0001`–`0025` for the regions; SKR puts county and
// group rows between the municipalities. A population file gives the rate map its denominator only for
// the ages, sexes and year it is for (statistics.ts decides which).
import { toRows, type Engine } from '../db/engine';
import { quoteIdent } from '../db/table-name';
import { cellText, TOTALS } from './cells';
import type { ShapeGuess } from '../domain/shape-detect';
import { contextYearOf, fileNameYear, headerYear, isProjection, parseAge, parseSex, populationBand, textBand, valueMeaning, type Measure, type ValueMeaning } from '../domain/statistics';
import { matchCounty, matchUnit, normaliseUnitName, SKR_GROUPS } from '../domain/units';

/** Why rows give no figure: footnotes and notes below the table, the country and groups, … */
const IGNORED_ROW_REASONS = ['footnote', 'total', 'district', 'unmatched', 'no-value', 'duplicate', 'breakdown'] as const;
export type IgnoredRowReason = (typeof IGNORED_ROW_REASONS)[number];

/** Why a statistics file gives no rate of children (the mapping view says it in words). */
export type NoRateReason =
  | 'not-population' // an employment count, a rate, a share: `meaning.said` names it
  | 'several-measures' // many figures per region (SKR's tables, indicator sets), none a population
  | 'breakdown' // broken down by something the app cannot sum safely
  | 'ages-unknown' // age labels that are not ages
  | 'sex-unknown'
  | 'one-sex' // women only, or men only
  | 'no-children' // ages without children (55+)
  | 'not-children' // a population of another band: a rate per 10,000 inhabitants of it, if the user asks
  | 'no-year' // no year in the file, its title or its name: the user gives it
  | 'projection' // a forecast, not a count
  | 'counties-only'; // figures per county, none per municipality

/** The user's word on a statistics file: its year, whether it is the rate map's denominator. */
export interface StatisticsChoice {
  year?: number;
  useForRates?: boolean;
}

export interface StatisticsReading {
  kind: 'population' | 'other';
  measure: Measure;
  /** `0-17`, `0-19`, `all`, `55+` … for a population; null otherwise. */
  ageBand: string | null;
  sex: 'all' | 'women' | 'men' | null;
  meaning: ValueMeaning;
  years: number[];
  /** Where the year came from; `chosen`: the user gave it. */
  yearFrom: 'column' | 'header' | 'title' | 'file-name' | 'chosen' | null;
  municipalities: number;
  counties: number;
  rows: number;
  ignored: { reason: IgnoredRowReason; rows: number }[];
  ignoredRows: number;
  /** Region names the register does not know (at most 20 listed). */
  unmatched: string[];
  /** The age and sex labels summed into the population figure (empty: the file has no such column). */
  ages: string[];
  /** Age labels that are not ages, listed to the user. */
  unknownAges: string[];
  sexes: string[];
  /** Null when the file gives the rate map a denominator of children 0–17. */
  noRate: NoRateReason | null;
  /** Whether the rate map uses it: children 0–17 unless the user says no; another band only if the user says so. */
  useForRates: boolean;
}

const GROUP_NAMES = new Set(
  ['kommungrupper', 'kommungrupp', 'alla kommuner', 'samtliga kommuner', 'kommunalförbund', 'hela riket', 'riket', 'sverige', 'alla län', 'samtliga län', 'regioner', 'landsting', 'alla regioner', 'sweden', 'whole country', 'rike']
    .concat(SKR_GROUPS.flatMap((g) => [g.name, g.mainGroupName]))
    .map((name) => normaliseUnitName(name)),
);

type RegionKind = 'municipality' | 'county' | 'district' | 'total' | 'unmatched';

/** Each distinct region cell with what it is in the register. */
function classifiedRegions(cells: readonly string[]) {
  return cells.map((cell) => ({ cell, ...classifyRegion(cell) }));
}

/** One region cell → what it is in the register. A municipality wins over a county (`Region Gotland`). */
function classifyRegion(cell: string): { kind: RegionKind; municipality: string | null; county: string | null } {
  const text = cell.trim();
  // Kolada's `0001`–`0025` are the regions (counties); `0000` is the country.
  if (/^00[0-9]{2}$/.test(text)) {
    const county = matchCounty(text);
    return county ? { kind: 'county', municipality: null, county } : { kind: 'total', municipality: null, county: null };
  }
  // SCB writes the country `00 Riket`, SKR `Gotlands län*`: the code and the mark are not the name.
  const name = text.replace(/^\d{2,4}\s+/, '').replace(/\*+$/, '');
  if (new RegExp(TOTALS).test(name.toLowerCase()) || GROUP_NAMES.has(normaliseUnitName(name))) return { kind: 'total', municipality: null, county: null };
  const unit = matchUnit(text);
  if (unit.status === 'matched') {
    const { municipalityCode, countyCode, district } = unit.unit;
    return district === null ? { kind: 'municipality', municipality: municipalityCode, county: countyCode } : { kind: 'district', municipality: municipalityCode, county: countyCode };
  }
  const county = matchCounty(text);
  return county ? { kind: 'county', municipality: null, county } : { kind: 'unmatched', municipality: null, county: null };
}

const roleColumns = (guess: ShapeGuess, role: string) =>
  Object.entries(guess.roles)
    .filter(([, r]) => r.role === role)
    .map(([name]) => name);

/** What a value column's header says beside its content: a year (`2017`), an age (`0-4 år`), a sex (`män`). */
interface Heading {
  column: string;
  year: number | null;
  age: string | null;
  sex: string | null;
}

interface Layout {
  region: string;
  /** Columns holding the age, sex and period (year, or `2023M12`) of each row. */
  age: string | undefined;
  sex: string | undefined;
  period: string | undefined;
  values: string[];
  /**
   * The value columns' headings where every one names a year, an age or a sex (SCB's `1968,…,2017`,
   * PX-Web's `2023 män`), else null: then the value columns are several measures, or one.
   */
  headings: Heading[] | null;
  /** The value header's words beside its year, age or sex (`Folkmängd`, `` for a bare year). */
  content: string;
  /** PX-Web's XLSX writes the region, age, sex and period only where they change. */
  fillDown: boolean;
}

/** `Folkmängd 2017` → 2017 and `Folkmängd`; `2023 män` → 2023, män; `0-4 år` → that age. */
function headingOf(header: string): Heading & { rest: string } {
  const dated = headerYear(header);
  let rest = dated ? dated.rest : header.trim();
  let age: string | null = null;
  let sex: string | null = null;
  // Sexes as words (`män`, `kvinnor`, `totalt`), not the codes a header could be by chance (`1`, `K`).
  const isSex = (text: string) => text.length >= 3 && parseSex(text) !== null;
  if (isSex(rest)) [sex, rest] = [rest, ''];
  else if (rest !== '' && parseAge(rest) !== null) [age, rest] = [rest, ''];
  else {
    const words = rest.split(' ');
    if (words.length > 1 && isSex(words[words.length - 1]!)) [sex, rest] = [words.pop()!, words.join(' ')];
    else if (words.length > 1 && isSex(words[0]!)) [sex, rest] = [words.shift()!, words.join(' ')];
  }
  return { column: header, year: dated?.year ?? null, age, sex, rest };
}

function layoutOf(guess: ShapeGuess, format: string): Layout | null {
  const [region] = roleColumns(guess, 'unit');
  const values = roleColumns(guess, 'value');
  if (!region || values.length === 0) return null;
  const [period] = roleColumns(guess, 'period');
  const [age] = roleColumns(guess, 'age');
  const [sex] = roleColumns(guess, 'sex');
  const parsed = values.map(headingOf);
  const rests = new Set(parsed.map((h) => h.rest.toLowerCase()));
  const combos = new Set(parsed.map((h) => `${h.year}|${h.age}|${h.sex}`));
  // A heading may not say what a column already does (a year column beside year headers).
  const fits = parsed.every((h) => (h.year !== null || h.age !== null || h.sex !== null) && !(h.year !== null && period) && !(h.age !== null && age) && !(h.sex !== null && sex));
  const headings = fits && rests.size === 1 && combos.size === parsed.length ? parsed.map(({ rest: _rest, ...h }) => h) : null;
  const content = headings ? parsed[0]!.rest : values.length === 1 ? values[0]!.trim() : '';
  return { region, age, sex, period, values, headings, content, fillDown: format === 'xlsx' };
}

/** A dimension's text; in a PX-Web workbook, the last one written above where the cell is blank. */
function dimension(column: string, fillDown: boolean): string {
  const text = `nullif(${cellText(column)}, '')`;
  return fillDown ? `coalesce(${text}, last_value(${text} IGNORE NULLS) OVER (ORDER BY rowid ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW))` : text;
}

/** Text from a file's header as a SQL value without splicing it in: its UTF-8 bytes in hex. */
function textLiteral(text: string): string {
  const hex = [...new TextEncoder().encode(text)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `decode(unhex('${hex}'))`;
}

/**
 * The table as one row per region, age, sex, period and figure (`r` the file's row), as SQL. `year`
 * is the constant year (title, file name or the user's) where neither a column nor the headers give it.
 */
function longSql(table: string, layout: Layout, year: number | null): string {
  const columns = [
    `rowid AS r`,
    `${dimension(layout.region, layout.fillDown)} AS region`,
    layout.age ? `${dimension(layout.age, layout.fillDown)} AS age` : `NULL::VARCHAR AS age`,
    layout.sex ? `${dimension(layout.sex, layout.fillDown)} AS sex` : `NULL::VARCHAR AS sex`,
    // `2023`, `2023M12`, `jan 2023` → `2023`, `2023-12`: one spelling, so the latest of a year is found.
    layout.period ? `period_text(${dimension(layout.period, layout.fillDown)}) AS period` : `NULL::VARCHAR AS period`,
    ...layout.values.map((c, i) => `number_value(${quoteIdent(c)}) AS v${i}`),
  ];
  const base = `SELECT ${columns.join(', ')} FROM ${quoteIdent(table)}`;
  const constant = year === null ? 'NULL::INTEGER' : `${Math.trunc(year)}::INTEGER`;
  const yearOfPeriod = `TRY_CAST(left(period, 4) AS INTEGER)`;
  if (layout.headings) {
    // The years are integers the app parsed; ages and sexes from the headers go in as hex, never as text.
    return layout.headings
      .map((h, i) => {
        const y = h.year !== null ? `${Math.trunc(h.year)}::INTEGER` : layout.period ? yearOfPeriod : constant;
        const p = h.year !== null ? `'${Math.trunc(h.year)}'` : 'period';
        return `SELECT r, region, ${h.age !== null ? textLiteral(h.age) : 'age'} AS age, ${h.sex !== null ? textLiteral(h.sex) : 'sex'} AS sex, ${p} AS period, ${y} AS year, v${i} AS value FROM (${base})`;
      })
      .join(' UNION ALL ');
  }
  return `SELECT r, region, age, sex, period, ${layout.period ? yearOfPeriod : constant} AS year, v0 AS value FROM (${base})`;
}

/** The one year the title, then the file name, gives. */
function contextYear(title: string, fileName: string): { year: number; from: 'title' | 'file-name' } | null {
  const fromTitle = contextYearOf(title);
  if (fromTitle !== null) return { year: fromTitle, from: 'title' };
  const fromName = fileNameYear(fileName);
  return fromName === null ? null : { year: fromName, from: 'file-name' };
}

type StatisticsTable = { table: string; fileName: string; format: string; title?: string };

export async function readStatistics(engine: Engine, table: StatisticsTable, guess: ShapeGuess, choice: StatisticsChoice = {}): Promise<StatisticsReading | null> {
  return (await inspect(engine, table, guess, choice))?.reading ?? null;
}

/** The reading, with the long form and the classified regions it was made from (addStatistics reuses them). */
async function inspect(
  engine: Engine,
  table: StatisticsTable,
  guess: ShapeGuess,
  choice: StatisticsChoice,
): Promise<{ reading: StatisticsReading; long: string; regions: ReturnType<typeof classifiedRegions> } | null> {
  const layout = layoutOf(guess, table.format);
  if (!layout || guess.shape !== 'statistics') return null;
  const title = table.title ?? '';
  const headerYears = layout.headings?.some((h) => h.year !== null) ?? false;
  const context = contextYear(title, table.fileName);
  const constant = choice.year ?? context?.year ?? null;
  const yearFrom: StatisticsReading['yearFrom'] =
    layout.period ? 'column' : headerYears ? 'header' : choice.year !== undefined ? 'chosen' : (context?.from ?? null);
  const long = longSql(table.table, layout, constant);

  const regionCells = toRows(await engine.query(`SELECT DISTINCT region FROM (${long}) WHERE region IS NOT NULL`)).map((r) => String(r.region));
  const regions = classifiedRegions(regionCells);
  const regionValues = regions.length === 0 ? `SELECT NULL::VARCHAR AS cell, NULL::VARCHAR AS kind, NULL::VARCHAR AS municipality_code, NULL::VARCHAR AS county_code WHERE false` : `SELECT * FROM (VALUES ${regions.map(() => '(?, ?, ?, ?)').join(', ')}) AS t(cell, kind, municipality_code, county_code)`;
  const regionParams = regions.flatMap((r) => [r.cell, r.kind, r.municipality, r.county]);

  // What the figures are: the value header, the title above the table, the file name.
  const severalMeasures = !layout.headings && layout.values.length > 1;
  const meaning = severalMeasures ? { kind: 'other' as const, evidence: 'none' as const, said: layout.values.join(', ') } : valueMeaning(layout.content, title, table.fileName);
  const breakdown = Object.values(guess.roles).some((r) => r.role === 'ignore' && r.reason === 'breakdown');

  // The ages and sexes written beside a figure in the register's regions: what the population can give.
  const labels = async (column: 'age' | 'sex') =>
    toRows(await engine.query(`SELECT DISTINCT l.${column} AS label FROM (${long}) AS l JOIN (${regionValues}) AS g ON g.cell = l.region WHERE g.kind IN ('municipality', 'county') AND l.value IS NOT NULL AND l.${column} IS NOT NULL ORDER BY 1`, regionParams)).map((r) => String(r.label));
  const hasAge = layout.age !== undefined || (layout.headings?.some((h) => h.age !== null) ?? false);
  const hasSex = layout.sex !== undefined || (layout.headings?.some((h) => h.sex !== null) ?? false);
  const ageLabels = hasAge ? await labels('age') : null;
  const sexLabels = hasSex ? await labels('sex') : null;
  const headerBand = textBand(layout.content) ?? textBand(title);
  const band = populationBand(ageLabels, sexLabels, headerBand);
  const isPopulation = meaning.kind === 'population' && !severalMeasures;
  const chosenSexes = band.sexes;

  // Every row once: a figure for a region, or the reason it gives none.
  // Duplicates matter where the figures are summed into a population (a breakdown repeats regions by design).
  const dupCase = isPopulation && !breakdown ? `WHEN p.dup THEN 'duplicate'` : '';
  const sexCase = hasSex && isPopulation && chosenSexes.length > 0 ? `WHEN p.sex NOT IN (${chosenSexes.map(() => '?').join(', ')}) THEN 'breakdown'` : '';
  const rowsSql = `
    WITH l AS (${long}), g AS (${regionValues}),
    -- A figure given twice for the same region, age, sex and period (also as code and as name) is used neither time.
    cells AS (
      SELECT l.*, g.kind, g.municipality_code, g.county_code,
        l.value IS NOT NULL AND g.kind IN ('municipality', 'county')
          AND count(l.value) OVER (PARTITION BY g.kind, g.municipality_code, g.county_code, l.age, l.sex, l.year, l.period) > 1 AS dup
      FROM l LEFT JOIN g ON g.cell = l.region
    ),
    per_row AS (
      SELECT r, any_value(region) AS region, any_value(kind) AS kind, bool_or(value IS NOT NULL) AS has_value, any_value(sex) AS sex,
             any_value(municipality_code) AS municipality_code, any_value(county_code) AS county_code, bool_or(dup) AS dup
      FROM cells GROUP BY r
    ),
    last_data AS (SELECT coalesce(max(r), -1) AS r FROM per_row WHERE has_value),
    fates AS (
      SELECT p.*, CASE
        WHEN NOT p.has_value AND p.r > (SELECT r FROM last_data) THEN 'footnote'
        WHEN p.kind = 'total' THEN 'total'
        WHEN p.kind = 'district' THEN 'district'
        WHEN p.kind IS NULL OR p.kind = 'unmatched' THEN 'unmatched'
        WHEN NOT p.has_value THEN 'no-value'
        ${dupCase}
        ${sexCase}
        ELSE 'used' END AS fate
      FROM per_row AS p
    )`;
  const sexParams = sexCase === '' ? [] : chosenSexes;
  const fateRows = toRows(await engine.query(`${rowsSql} SELECT fate, count(*)::INTEGER AS n FROM fates GROUP BY fate`, [...regionParams, ...sexParams]));
  const countOf = (fate: string) => Number(fateRows.find((f) => f.fate === fate)?.n ?? 0);
  const ignored = IGNORED_ROW_REASONS.map((reason) => ({ reason, rows: countOf(reason) })).filter((i) => i.rows > 0);
  const [cover = {}] = toRows(
    await engine.query(
      `${rowsSql} SELECT count(DISTINCT municipality_code) FILTER (WHERE kind = 'municipality')::INTEGER AS municipalities,
                         count(DISTINCT county_code) FILTER (WHERE kind = 'county')::INTEGER AS counties
       FROM fates WHERE fate = 'used'`,
      [...regionParams, ...sexParams],
    ),
  );
  const unmatched = toRows(
    await engine.query(`${rowsSql} SELECT DISTINCT region FROM fates WHERE fate = 'unmatched' AND region IS NOT NULL ORDER BY 1 LIMIT 20`, [...regionParams, ...sexParams]),
  ).map((r) => String(r.region));
  const years = toRows(
    await engine.query(`SELECT DISTINCT l.year FROM (${long}) AS l JOIN (${regionValues}) AS g ON g.cell = l.region WHERE g.kind IN ('municipality', 'county') AND l.value IS NOT NULL AND l.year IS NOT NULL ORDER BY 1`, regionParams),
  ).map((r) => Number(r.year));
  const municipalities = Number(cover.municipalities ?? 0);

  // Why the rates may not rest on it, the first reason that holds; null: children 0–17 of stated years.
  const reasons: [boolean, NoRateReason][] = [
    [!isPopulation && severalMeasures, 'several-measures'],
    [!isPopulation, 'not-population'],
    [breakdown, 'breakdown'],
    [isProjection(layout.values.join(' '), title, table.fileName), 'projection'],
    [band.why !== null, band.why ?? 'not-population'],
    [years.length === 0, 'no-year'],
    [municipalities === 0, 'counties-only'],
    [band.measure !== 'children_0_17', 'not-children'],
  ];
  const noRate = reasons.find(([holds]) => holds)?.[1] ?? null;
  const measure: Measure = isPopulation && !breakdown ? band.measure : 'other';
  const canRate = noRate === null || noRate === 'not-children';
  const reading: StatisticsReading = {
    kind: isPopulation ? 'population' : 'other',
    measure,
    ageBand: isPopulation ? band.ageBand : null,
    sex: isPopulation ? band.sex : null,
    meaning,
    years,
    yearFrom: years.length === 0 ? null : yearFrom,
    municipalities,
    counties: Number(cover.counties ?? 0),
    rows: fateRows.reduce((sum, f) => sum + Number(f.n), 0),
    ignored,
    ignoredRows: ignored.reduce((sum, i) => sum + i.rows, 0),
    unmatched,
    ages: band.ages,
    unknownAges: band.unknownAges,
    sexes: chosenSexes,
    noRate,
    useForRates: canRate && (choice.useForRates ?? noRate === null),
  };  return { reading, long, regions };

}

/**
 * The population figure per region and year (children 0–17, or the band the file has), summed over the
 * chosen ages and sexes; a region-year missing one of them gets no figure, never a partial sum.
 */
export async function addStatistics(engine: Engine, source: string, table: StatisticsTable, guess: ShapeGuess, choice: StatisticsChoice = {}): Promise<StatisticsReading | null> {
  const inspected = await inspect(engine, table, guess, choice);
  if (!inspected) return null;
  const { reading, long } = inspected;
  await engine.query('INSERT INTO reference_files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
    source,
    reading.kind,
    reading.measure,
    reading.ageBand,
    reading.sex,
    JSON.stringify(reading.years),
    reading.municipalities,
    reading.counties,
    reading.ignoredRows,
    reading.noRate,
    reading.useForRates,
  ]);
  if (reading.measure === 'other' || reading.years.length === 0) return reading;
  const regions = inspected.regions.filter((r) => r.kind === 'municipality' || r.kind === 'county');
  if (regions.length === 0) return reading;
  const hasAge = reading.ages.length > 0;
  const hasSex = reading.sexes.length > 0;
  const ageFilter = hasAge ? ` AND l.age IN (${reading.ages.map(() => '?').join(', ')})` : '';
  const sexFilter = hasSex ? ` AND l.sex IN (${reading.sexes.map(() => '?').join(', ')})` : '';
  const needed = (hasAge ? reading.ages.length : 1) * (hasSex ? reading.sexes.length : 1);
  // A population is a stock: where a year holds several periods (months, quarters), its latest is the year's.
  await engine.query(
    `INSERT INTO population
     WITH l AS (
       SELECT l.*, g.kind, g.municipality_code, g.county_code
       FROM (${long}) AS l
       JOIN (VALUES ${regions.map(() => '(?, ?, ?, ?)').join(', ')}) AS g(cell, kind, municipality_code, county_code) ON g.cell = l.region
       WHERE l.value IS NOT NULL AND l.year IS NOT NULL${ageFilter}${sexFilter}
     ),
     latest AS (SELECT kind, municipality_code, county_code, year, max(coalesce(period, '')) AS period FROM l GROUP BY ALL)
     SELECT ?, l.municipality_code, l.county_code, l.year, sum(l.value), ?
     FROM l JOIN latest AS t ON t.kind = l.kind AND t.municipality_code IS NOT DISTINCT FROM l.municipality_code
       AND t.county_code IS NOT DISTINCT FROM l.county_code AND t.year = l.year AND t.period = coalesce(l.period, '')
     GROUP BY l.municipality_code, l.county_code, l.kind, l.year
     HAVING count(DISTINCT (coalesce(l.age, ''), coalesce(l.sex, ''))) = ${needed} AND count(*) = ${needed} AND sum(l.value) > 0`,
    [...regions.flatMap((r) => [r.cell, r.kind, r.municipality, r.county]), ...(hasAge ? reading.ages : []), ...(hasSex ? reading.sexes : []), source, reading.ageBand],
  );
  return reading;
}
