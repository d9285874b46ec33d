// Open statistics as SCB, Kolada, SKR and the regions publish them: what a file's figures measure, for
// which ages, sexes and years. Pure: the reader (statistics-read.ts) gives it the labels the file
// writes and the text around its table. A population is only ever "children aged 0–17" when its age
// bands tile 0–17 exactly and both sexes are in it; anything else says what it holds instead.

/** An age band as SCB writes it (`0 år`, `0-4 år`, `100+ år`, `-29`, `60-`); `to` null: and older. */
export interface AgeBand {
  from: number;
  to: number | null;
}

export type AgeLabel = AgeBand | 'total';

const DASHES = /[–—−]/g;

/** `0 år`, `5-9 år`, `100+ år`, `totalt ålder`, `-29`, `60-`, `under 1 år`, `95 år och äldre` → the band; null when it is not an age. */
export function parseAge(label: string): AgeLabel | null {
  const text = label.trim().toLowerCase().replace(DASHES, '-').replace(/\s+/g, ' ');
  if (/^(totalt?|total|samtliga|alla|summa)( (ålder|åldrar|age|ages))?$|^(ålder|åldrar) (totalt?|samtliga)$|^all ages$|^samtliga åldrar$|^alla åldrar$/.test(text)) return 'total';
  const bare = text.replace(/\s*(år|years?|yrs?|åringar|-åringar)\.?$/, '').trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,3})$/.exec(bare))) return { from: Number(m[1]), to: Number(m[1]) };
  if ((m = /^(\d{1,3}) ?- ?(\d{1,3})$/.exec(bare)) && Number(m[1]) <= Number(m[2])) return { from: Number(m[1]), to: Number(m[2]) };
  if ((m = /^(\d{1,3}) ?(\+|-|år och äldre|och äldre|eller äldre|år eller äldre|and over|or older|w)$/.exec(bare))) return { from: Number(m[1]), to: null };
  if ((m = /^(\d{1,3})\+ år$/.exec(text))) return { from: Number(m[1]), to: null };
  if ((m = /^- ?(\d{1,3})$/.exec(bare))) return { from: 0, to: Number(m[1]) };
  if ((m = /^(under|yngre än) (\d{1,3})$/.exec(bare))) return Number(m[2]) > 0 ? { from: 0, to: Number(m[2]) - 1 } : null;
  return null;
}

export type Sex = 'total' | 'women' | 'men';

const SEXES: Record<string, Sex> = {
  t: 'total', totalt: 'total', total: 'total', 'båda könen': 'total', samtliga: 'total', alla: 'total', 'kvinnor och män': 'total',
  'män och kvinnor': 'total', 'flickor och pojkar': 'total', 'pojkar och flickor': 'total', 'totalt kön': 'total', 'both sexes': 'total', '1+2': 'total',
  k: 'women', kvinnor: 'women', kvinna: 'women', flickor: 'women', women: 'women', female: 'women', females: 'women', f: 'women', '2': 'women',
  m: 'men', män: 'men', man: 'men', pojkar: 'men', men: 'men', male: 'men', males: 'men', '1': 'men',
};

/** `kvinnor`, `män`, `totalt`, Kolada's `K`/`M`/`T`, SCB's codes `1`/`2`: the sex a label stands for, or null. */
export function parseSex(label: string): Sex | null {
  return SEXES[label.trim().toLowerCase()] ?? null;
}

/** `0-17`, `0-19`, `55+`, `17`: a band in words the JSON and the screen both use. */
function bandText(band: AgeBand): string {
  if (band.to === null) return `${band.from}+`;
  return band.from === band.to ? String(band.from) : `${band.from}-${band.to}`;
}

/**
 * The bands that cover the ages from..to exactly once, fewest first; null when they cannot. Bands that
 * reach past `to` are never used: SCB's `15-19 år` cannot give 0–17, however the rest is cut.
 */
export function tileAges(bands: readonly AgeBand[], from: number, to: number): number[] | null {
  // best[a]: the fewest bands covering a..to, as indices; filled from the top down.
  const best = new Map<number, number[]>([[to + 1, []]]);
  for (let a = to; a >= from; a--) {
    let found: number[] | null = null;
    bands.forEach((band, i) => {
      if (band.from !== a || band.to === null || band.to > to) return;
      const rest = best.get(band.to + 1);
      if (rest && (found === null || rest.length + 1 < found.length)) found = [i, ...rest];
    });
    if (found) best.set(a, found);
  }
  return best.get(from) ?? null;
}

export type Measure = 'children_0_17' | 'inhabitants' | 'other';

/** What a population's ages and sexes can honestly give, and the labels to sum for it. */
export interface PopulationBand {
  measure: Measure;
  /** `0-17`, `0-19`, `all`, `55+` …; null when no age can be named. */
  ageBand: string | null;
  /** The age labels summed (every label, when the file has no age column). */
  ages: string[];
  sex: 'all' | 'women' | 'men';
  /** The sex labels summed; empty when the file has no sex column. */
  sexes: string[];
  /** Why a population gives no rate of children, in the words of `statisticsWhy…` strings. */
  why: 'ages-unknown' | 'one-sex' | 'no-children' | 'sex-unknown' | null;
  /** Age labels that are not ages (listed to the user). */
  unknownAges: string[];
}

/**
 * The band a population file gives: children 0–17 where its bands tile 0–17; else the smallest band
 * from 0 that holds them (`0-19`); else all ages (a total, or bands from 0 with no end); else none.
 * `ageLabels` null: the file has no age column (`headerBand` is the header's `0–17 år`, if any).
 */
export function populationBand(ageLabels: readonly string[] | null, sexLabels: readonly string[] | null, headerBand: AgeBand | null): PopulationBand {
  const sexes = chooseSexes(sexLabels);
  const base = { sex: sexes.sex, sexes: sexes.labels, unknownAges: [] as string[] };
  if (sexes.sex === null) return { ...base, sex: 'all', measure: 'other', ageBand: null, ages: [], why: 'sex-unknown' };
  const ages = ageLabels ?? [];
  const parsed = ages.map((label) => ({ label, age: parseAge(label) }));
  const unknownAges = parsed.filter((p) => p.age === null).map((p) => p.label);
  const oneSex = sexes.sex !== 'all';
  const named = (measure: Measure, ageBand: string | null, chosen: string[], why: PopulationBand['why']): PopulationBand => ({
    ...base,
    sex: sexes.sex!,
    unknownAges,
    measure: oneSex && measure !== 'other' ? 'other' : measure,
    ageBand,
    ages: chosen,
    why: oneSex && measure !== 'other' ? 'one-sex' : why,
  });
  if (ageLabels === null) {
    const band = headerBand ?? { from: 0, to: null };
    const text = band.from === 0 && band.to === null ? 'all' : bandText(band);
    const measure: Measure = text === '0-17' ? 'children_0_17' : band.from === 0 ? 'inhabitants' : 'other';
    return named(measure, text, [], measure === 'other' ? 'no-children' : null);
  }
  if (unknownAges.length > 0) return named('other', null, [], 'ages-unknown');
  const bands = parsed.filter((p) => p.age !== 'total').map((p) => ({ label: p.label, band: p.age as AgeBand }));
  const tiles = (to: number) => tileAges(bands.map((b) => b.band), 0, to)?.map((i) => bands[i]!.label) ?? null;
  const children = tiles(17);
  if (children) return named('children_0_17', '0-17', children, null);
  // The smallest closed band from 0 that holds every child (`0-19`).
  const ends = [...new Set(bands.map((b) => b.band.to).filter((to): to is number => to !== null && to > 17))].sort((a, b) => a - b);
  for (const end of ends) {
    const labels = tiles(end);
    if (labels) return named('inhabitants', `0-${end}`, labels, null);
  }
  const total = parsed.find((p) => p.age === 'total');
  if (total) return named('inhabitants', 'all', [total.label], null);
  // Bands from 0 up to an open end (`80+ år`): all ages, summed.
  for (const open of bands.filter((b) => b.band.to === null)) {
    const below = open.band.from === 0 ? [] : tiles(open.band.from - 1);
    if (below) return named('inhabitants', 'all', [...below, open.label], null);
  }
  if (bands.length === 0) return named('other', null, [], 'no-children');
  const from = Math.min(...bands.map((b) => b.band.from));
  const to = bands.some((b) => b.band.to === null) ? null : Math.max(...bands.map((b) => b.band.to!));
  return named('other', bandText({ from, to }), [], 'no-children');
}

/** The sex labels to sum: the total where there is one, else women and men together. */
function chooseSexes(labels: readonly string[] | null): { sex: PopulationBand['sex'] | null; labels: string[] } {
  if (labels === null) return { sex: 'all', labels: [] };
  const parsed = labels.map((label) => ({ label, sex: parseSex(label) }));
  if (parsed.some((p) => p.sex === null)) return { sex: null, labels: [] };
  const total = parsed.find((p) => p.sex === 'total');
  if (total) return { sex: 'all', labels: [total.label] };
  const women = parsed.filter((p) => p.sex === 'women').map((p) => p.label);
  const men = parsed.filter((p) => p.sex === 'men').map((p) => p.label);
  if (women.length > 0 && men.length > 0) return { sex: 'all', labels: [...women, ...men] };
  return { sex: women.length > 0 ? 'women' : 'men', labels: [...women, ...men] };
}


/** `Folkmängd 2017`, `pop2018`, `2017`: a header naming exactly one year, and the words around it. */
export function headerYear(header: string): { year: number; rest: string } | null {
  const years = [...header.matchAll(/(?<!\d)((19|20)\d{2})(?!\d)/g)];
  if (years.length !== 1) return null;
  return { year: Number(years[0]![1]), rest: header.replace(years[0]![0], ' ').replace(/\s+/g, ' ').trim() };
}

/**
 * `befolkning-kommun-2020.csv`: the one year a file name or a title gives, or null (none, or two). A
 * date (`hamtad-2025-01-15`, `Senaste uppdatering 2021-02-22`) is when it was fetched, not the year of the figures.
 */
export function contextYearOf(text: string): number | null {
  const withoutDates = text.replace(/(?<!\d)(19|20)\d{2}[-_. ]?(0[1-9]|1[0-2])[-_. ]?([0-2]\d|3[01])(?!\d)/g, ' ').replace(/(?<!\d)(19|20)\d{2}-(0[1-9]|1[0-2])(?!\d)/g, ' ');
  return headerYear(withoutDates)?.year ?? null;
}

export function fileNameYear(fileName: string): number | null {
  return contextYearOf(fileName.replace(/\.[a-z0-9]+$/i, ''));
}

/** `Folkmängd 0–17 år`, `Invånare 0-19 år`: the age band a header or title names, or null. */
export function textBand(text: string): AgeBand | null {
  const m = /(?<![\d.,])(\d{1,3}) ?[-–—] ?(\d{1,3}) ?år|(?<![\d.,])(\d{1,3}) ?\+ ?år|(?<![\d.,])(\d{1,3}) år (och|eller) äldre/i.exec(text);
  if (!m) return null;
  if (m[1] !== undefined) return { from: Number(m[1]), to: Number(m[2]) };
  return { from: Number(m[3] ?? m[4]), to: null };
}

type StatisticKind = 'population' | 'other';

/** What a value column measures, and the words that said so. */
export interface ValueMeaning {
  kind: StatisticKind;
  /** `header` | `title` | `file-name` | `layout` (a bare year or `Antal` beside SCB's regions) | `kolada`. */
  evidence: 'header' | 'title' | 'file-name' | 'layout' | 'kolada' | 'none';
  /** The words that decided (`Förvärvsarbetande …`, `N33816`); for the mapping view. */
  said: string;
}

// Counts of people that are not the population living there, rates and shares, money, averages.
const NOT_POPULATION =
  /förvärvs|sysselsatt|arbetande|arbetslös|anställd|employed|employment|personal|nattbefolkning|dagbefolkning|pendl|andel|procent|%|promille|per ?1 ?000|\/ ?1 ?000|per ?10 ?000|per ?100 ?000|\/ ?inv|per invånare|kvot|medel|median|index|kronor|\bkr\b|inkomst|kostnad|placerade|ärenden|insats|bistånd|elever|födda|döda|flytt|in- och utflytt|per ?km|km²|km2|täthet|förändring|ökning|minskning|tillväxt|överskott|netto|vehicles|income|emission|pm10|share|rate|percent|density|change|\bratio\b/i;
const POPULATION = /folkmängd|folkmangd|befolkning|invånare|invanare|inhabitants|population|\bpop\b|^pop\d|\bfolkmängd\b/i;
/** Headers that name no measure at all: the year itself, SCB's `Antal`, a plain `Value`. */
const GENERIC_VALUE = /^(antal|value|värde|varde|count|n|observationer|observation|summa|total|totalt)?$/i;
/** Kolada's key-figure ids: `N01951`, `U09400`. */
const KOLADA_KPI = /^[nu]\d{5}$/i;
/** Kolada's population key figures (their titles say the age): N01951 "Invånare totalt, antal". */
const KOLADA_POPULATION = new Map([['n01951', 'all']]);

/**
 * Words that make a count of people a part of them: children in crowded homes, with a single parent,
 * born abroad, placed in care. A population of them is not the population.
 */
const SUBSET =
  /trångbodd|ensamstående|hushåll|utrikes född|inrikes född|utländsk|placerade|försörjningsstöd|fattig|låg inkomst|ekonomisk|arbetslös|funktionsned|som bor|som har|som är|som får|boende i|living in|who live|single parent|born abroad|households|in care/i;
/** Words a plain count of children may carry beside its band (`Antal barn 0–17 år`, `Barn 0-17, totalt`). */
const PLAIN_CHILDREN = /^(antal|barn|children|number of|of|unga|samtliga|totalt|total|alla|år|years|aged|i åldern|kommun|per kommun|[\s,:()–—-])*$/i;
/** A forecast of the population, not a count of it: never the rates' denominator. */
const PROJECTION = /prognos|framskrivning|projection|forecast|beräknad folkmängd/i;

/** Is it a population, from the value header, then the title above the table, then the file name. */
export function valueMeaning(header: string, title: string, fileName: string): ValueMeaning {
  const rest = headerYear(header)?.rest ?? header.trim();
  const kpi = KOLADA_KPI.test(rest) ? rest.toLowerCase() : null;
  if (kpi) return { kind: KOLADA_POPULATION.has(kpi) ? 'population' : 'other', evidence: 'kolada', said: rest.toUpperCase() };
  const said = (text: string, evidence: ValueMeaning['evidence']): ValueMeaning | null => {
    if (NOT_POPULATION.test(text) || SUBSET.test(text)) return { kind: 'other', evidence, said: text };
    if (POPULATION.test(text)) return { kind: 'population', evidence, said: text };
    // `Barn 0–17 år`, `Antal barn 0-17 år`: children of a band, and nothing more said of them.
    const band = textBand(text);
    if (band && /barn|children/i.test(text) && PLAIN_CHILDREN.test(text.replace(/(\d{1,3}) ?[-–—] ?(\d{1,3})|\d{1,3} ?\+/g, ''))) return { kind: 'population', evidence, said: text };
    return null;
  };
  // A header that names something, and not a population, is not one (`Children` holding a share).
  if (!GENERIC_VALUE.test(rest)) return said(rest, 'header') ?? { kind: 'other', evidence: 'none', said: rest };
  // A Kolada key figure named in the title or the file name (`kolada-N01951.csv`, `geo,year,value`).
  const named = /(?<![a-z0-9])([nu]\d{5})(?![0-9])/i.exec(`${title} ${fileName}`)?.[1]?.toLowerCase();
  if (named && !said(title, 'title')) return { kind: KOLADA_POPULATION.has(named) ? 'population' : 'other', evidence: 'kolada', said: named.toUpperCase() };
  const fromTitle = said(title, 'title');
  if (fromTitle) return fromTitle;
  // A title that says something, but not a population, is not SCB's plain population table.
  if (title.trim() !== '') return { kind: 'other', evidence: 'title', said: title.trim() };
  return (
    said(fileName.replace(/[-_.]+/g, ' '), 'file-name') ??
    // SCB's own layout: a region column and a bare year (`"region","2017"`) or `Antal` (`Region;Antal`).
    (/^(antal)?$/i.test(rest) ? { kind: 'population', evidence: 'layout', said: header } : { kind: 'other', evidence: 'none', said: header })
  );
}

/** A population forecast (`Befolkningsprognos 2024–2027`): said by the header, the title or the file name. */
export function isProjection(header: string, title: string, fileName: string): boolean {
  return PROJECTION.test(`${header} ${title} ${fileName.replace(/[-_.]+/g, ' ')}`);
}

