// Which of the shapes a loaded table has, and the role of each column, decided from the column names
// and the values they hold. Pure: the profiles come from DuckDB, the matchers from the catalogue and the
// register, so every rule is testable with plain data. Every column gets a role; a column the analyses
// do not use is `ignore` with the reason the mapping view shows, so nothing is dropped unsaid.
import { likertScaleOf, proposeScaleOrder, type ScaleId } from './likert';
import { headerYear, parseAge, parseSex } from './statistics';

/** `statistics`: open statistics per region (SCB, Kolada, SKR, a region's tables): never units of their own. */
export type Shape = 'survey-wide' | 'survey-multi' | 'usage' | 'training' | 'statistics' | 'unknown';

/** Why a column is not used, in words the mapping view shows (`ignoreReason…` strings). */
export const IGNORE_REASONS = [
  'empty', // no value in any row
  'timestamp', // Starttid, Slutförandetid, Tidstämpel: when the answer was given
  'email', // the respondent's address
  'respondent', // the respondent's name or id
  'row-id', // a running number
  'unit-code', // a second identity of the unit (its code beside its name)
  'county', // the county the unit is in (the register knows it)
  'sex-breakdown', // Kolada's Kön (T, K, M): only the total rows are read, so nothing is counted twice
  'numeric-answer', // a number the analyses do not use ("Ungefär hur många barn …?")
  'period-column', // one column per month or year (a wide extract): not read yet, so the user is told
  'period-part', // a quarter or month number (1–4, 1–12) beside the year: not combined with it yet
  'method-count-column', // counts in one column per method (a wide extract or training table): not read yet
  'breakdown', // statistics broken down by something the app cannot sum safely (RAMS's sector)
  'yes-no', // a yes/no question that names no method
  'free-text', // comments, free answers
  'scale-order', // answers that look ordered: the user is asked to confirm the order
  'not-recognised', // none of the above: the user may give it a role
  'too-many-columns', // a table wider than any survey or extract: its shape is not read (MAX_SHAPE_COLUMNS)
  'chosen', // the user chose "not used"
] as const;
export type IgnoreReason = (typeof IGNORE_REASONS)[number];

export type ColumnRole =
  | { role: 'unit' }
  /** A city district beside the municipality (`Göteborg` | `Nordost`): the unit is both, `Göteborg – Nordost`. */
  | { role: 'district' }
  | { role: 'method-flag'; methodName: string } // survey (a): one column per option
  /** survey (b): several choices in one cell; `offered`: catalogue ids the questionnaire offered besides those ticked. */
  | { role: 'method-choices'; offered?: string[] }
  | { role: 'method' } // long form: the method named in each row
  | { role: 'period' }
  | { role: 'count' }
  | { role: 'trained' }
  | { role: 'staff' }
  /** Statistics: the figure (one column, or one per year in a wide table). */
  | { role: 'value' }
  /** Statistics: the age (`0 år`, `5-9 år`, `totalt ålder`) and the sex (`kvinnor`, `män`, `totalt`) a row is for. */
  | { role: 'age' }
  | { role: 'sex' }
  | { role: 'likert'; scale: ScaleId } // an answer on an ordered scale (mycket nöjd … mycket missnöjd)
  /** Not used, and why; `proposal`: for `scale-order`, the order the user is asked to confirm. */
  | { role: 'ignore'; reason?: IgnoreReason; proposal?: string[] };

export interface ColumnProfile {
  name: string;
  /** DuckDB type name. */
  type: string;
  /** Up to a few dozen distinct non-empty values, as text. */
  values: string[];
  /** Non-empty cells and distinct non-empty values in the rows sampled (unknown when left out). */
  filled?: number;
  distinct?: number;
}

export interface Matchers {
  /** True when the text names exactly one municipality or district of the register. */
  isUnit(text: string): boolean;
  /** True when the text names a county (`01 Stockholms län`, `Stockholm county`, Kolada's `0001`). */
  isCounty(text: string): boolean;
  /** The method a cell names, as the catalogue's spelling-independent id, or null. */
  methodOf(text: string): string | null;
  /** The part of a column header naming a method (`Insatser: KOMET` → `KOMET`), or null. */
  optionOf(header: string): string | null;
  /** True when `part` is a city district of the municipality `unit` names (`Göteborg`, `Nordost`). */
  isDistrictOf(unit: string, part: string): boolean;
  splitChoices(cell: string): string[];
}

export interface ShapeGuess {
  shape: Shape;
  roles: Record<string, ColumnRole>;
}

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL)/;
const PERIOD_HEADER = /(period|månad|manad|datum|kvartal|tertial|halvår|^år\b|^tid$|^(redovisnings|verksamhets|kalender)år|month|date|year|vecka)/i;
const TRAINED_HEADER = /utbildad|utbildning|trained/i;
const STAFF_HEADER = /personal|socialsekreterare|anställda|tjänst|handläggare|staff|medarbetare/i;
const COUNT_HEADER = /antal|count|ärenden|barn|st\b|number|värde|value|^n$/i;
/** Measures that are not counts of children or cases: hours, money, a share. */
const NOT_A_COUNT_HEADER = /timmar|\btim\b|kostnad|kronor|\bkr\b|belopp|\btid\b|andel|procent|%/i;
const AGE_HEADER = /^(ålder|alder|age|åldersgrupp|åldersklass|åldersintervall|ålder \(år\))$/i;
/** Values that mean "not ticked" in a one-column-per-option survey; anything else non-empty is a tick. */
export const NO_VALUES = new Set(['nej', 'no', '0', 'false', 'falskt', '-', 'nej.', 'n']);
const TICK_VALUES = new Set(['ja', 'yes', 'x', '1', 'true', 'sant']);
/** Kolada's `..` (secret or missing), dashes and blanks: no value, neither 0 nor use. */
const MISSING_MARKS = new Set(['..', '.', '–', '-', '—', 'x', 'NA', 'n/a']);

/** A period as extracts write it: `2023`, `2023-01`, `202301`, `2023-01-31`, `jan 2023`, `2023 M03`, `2023 T1`, `2023K1`. */
const PERIOD_VALUE =
  /^((19|20)\d{2}([-/. ]?(0[1-9]|1[0-2]))?([-/.]\d{2})?(T00:00(:00)?(\.0+)?Z?| 00:00(:00)?)?|(19|20)\d{2} ?[MKTQH]\d{1,2}|(jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-zä]*\.? (19|20)\d{2})$/i;
const PERIOD_PART_HEADER = /^(kvartal|kv|månad|mån|manad|tertial|halvår|month|quarter)\.?$/i;
const MONTH_HEADER = /^(jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-zåäö]*\.?$/i;
const SWEDISH_NUMBER = /^[-−]?\d{1,3}([  \u202f]?\d{3})*([,.]\d+)?$|^[-−]?\d+([,.]\d+)?$/;

/** The shape a set of roles describes: detection and the user's own edits both end here. */
export function shapeFromRoles(roles: Readonly<Record<string, ColumnRole>>): Shape {
  const count = (role: ColumnRole['role']) => Object.values(roles).filter((r) => r.role === role).length;
  if (count('unit') !== 1) return 'unknown';
  if (count('method') === 1 && count('trained') === 1 && count('staff') === 1) return 'training';
  if (count('method') === 1 && count('count') === 1) return 'usage';
  if (count('value') >= 1 && count('method') + count('method-flag') + count('method-choices') + count('likert') === 0) return 'statistics';
  const flags = count('method-flag');
  const choices = count('method-choices');
  // A survey of scale questions only (satisfaction, knowledge) is one row per unit, one column per question.
  if (flags + choices === 0) return count('likert') > 0 ? 'survey-wide' : 'unknown';
  return flags >= choices ? 'survey-wide' : 'survey-multi';
}

function share(values: readonly string[], test: (value: string) => boolean): number {
  return values.length === 0 ? 0 : values.filter(test).length / values.length;
}

const isNumeric = (c: ColumnProfile) => NUMERIC.test(c.type);

/** Numbers, or numbers beside Kolada's `..` and dashes (then DuckDB reads the column as text). */
function isNumberLike(c: ColumnProfile): boolean {
  if (isNumeric(c)) return true;
  if (c.type !== 'VARCHAR') return false;
  const numbers = c.values.filter((v) => SWEDISH_NUMBER.test(v.trim()));
  return numbers.length > 0 && c.values.every((v) => SWEDISH_NUMBER.test(v.trim()) || MISSING_MARKS.has(v.trim()));
}

/**
 * Years, months, quarters, dates: a period, never a count, even when DuckDB reads them as numbers. A
 * time of day makes it the moment an answer was given (a survey's `Tidstämpel`), not a period.
 */
function isPeriodColumn(c: ColumnProfile, m?: Matchers): boolean {
  // When an answer was sent (`Svarsdatum`, `Inskickad`, `Starttid`) is no period, whatever its type.
  if (ANSWER_TIME_HEADER.test(c.name)) return false;
  if (c.type === 'DATE' || /^TIMESTAMP/.test(c.type)) return PERIOD_HEADER.test(c.name);
  if (c.values.length === 0) return false;
  if (share(c.values, (v) => PERIOD_VALUE.test(v.trim())) < 0.9) return false;
  if (PERIOD_HEADER.test(c.name)) return true;
  // Bare years without a period header: not when they are register codes (Dalarna's are 2021–2085).
  if (m && isCodeColumn(c, m)) return false;
  return !isNumeric(c) || c.values.every((v) => /^(19|20)\d{2}(0[1-9]|1[0-2])?$/.test(v.trim()));
}

/** Answers that say no in a grid (`Nej, men planerar`, `Vet inte`): not a tick. */
export const NOT_TICKED = /^(nej|no|vet ej|vet inte|ej aktuellt|inte aktuellt|planerar|planeras|har planer|inte ännu|ej|ingen)([ ,.;:–-].*)?$/i;

/** A grid's yes (`Ja, i egen regi`, `Ja, via avtal`): a tick. */
const YES_ANSWER = /^(ja|yes)([ ,.;:–-].*)?$/i;

/** Only flag values: ticks (Ja, X, 1, `Ja, i egen regi` …), non-ticks (Nej, 0, Vet inte …) or the option's own text. */
function isFlagColumn(profile: ColumnProfile, method: string | null, m: Matchers, option?: string): boolean {
  return profile.values.every((v) => {
    const lower = v.trim().toLowerCase();
    if (NO_VALUES.has(lower) || TICK_VALUES.has(lower) || NOT_TICKED.test(lower) || YES_ANSWER.test(lower)) return true;
    return method !== null ? m.methodOf(v) === method : option !== undefined && lower === option.trim().toLowerCase();
  });
}

/** `Insatser: KOMET` → `Insatser`; `Vilka …? [FFT]` → `Vilka …?`: the question an option column belongs to. */
function questionOf(header: string): string | null {
  const bracket = /^(.*)\[[^\]]+\]\s*$/.exec(header);
  if (bracket) return bracket[1]!.trim();
  const colon = header.lastIndexOf(':');
  if (colon > 0) return header.slice(0, colon).trim();
  const dashed = OPTION_AFTER_DASH.exec(header);
  return dashed ? header.slice(0, dashed.index).trim() : null;
}

/** `Vilka insatser? - Stödsamtal - ungdom`: the option after the question's `? - `, else after the last spaced dash. */
const OPTION_AFTER_DASH = /(?<=\?)\s*[-–—]\s(.+)$|\s[-–—]\s(?!.*\s[-–—]\s)(.+)$/;

/** `Insatser: BiFF` → `BiFF`: the option an option column stands for. */
function optionOf(header: string): string {
  const bracket = /\[([^\]]+)\]\s*$/.exec(header);
  if (bracket) return bracket[1]!.trim();
  const colon = header.lastIndexOf(':');
  const dashed = OPTION_AFTER_DASH.exec(header);
  const option = colon >= 0 ? header.slice(colon + 1).trim() : (dashed?.[1] ?? dashed?.[2] ?? '').trim();
  return option === '' ? header : option;
}

/** Codes the register knows: a unit's identity by number (`0180`, or `180` where Excel dropped the zero). */
function isCodeColumn(c: ColumnProfile, m: Matchers): boolean {
  return c.values.length > 0 && c.values.every((v) => /^\d{1,4}$/.test(v.trim())) && share(c.values, m.isUnit) >= 0.5;
}

/**
 * The column whose values most often name a municipality or district (at least half of them): a text
 * column, or a column of register codes (`180`, `1480`: Excel keeps codes as numbers and drops the zero).
 * On a tie the column with more distinct values wins, then the first (a code before the name, as SCB and
 * Kolada write them). A column of dates, years or counts is never it.
 */
export function findUnitColumn(columns: readonly ColumnProfile[], m: Matchers): string | null {
  const scored = columns
    .filter((c) => c.values.length > 0 && (c.type === 'VARCHAR' || (isNumeric(c) && isCodeColumn(c, m))))
    // `År` holding 2023 is a year, though 2023 is also Malung-Sälen's code.
    .filter((c) => !(PERIOD_HEADER.test(c.name) && isPeriodColumn(c, m)))
    .map((c) => ({ name: c.name, score: share(c.values, m.isUnit), distinct: c.distinct ?? c.values.length }))
    // A tie goes to the column with more distinct values (units outnumber years), then to the first.
    .sort((a, b) => b.score - a.score || b.distinct - a.distinct);
  const best = scored[0];
  return best && best.score >= 0.5 ? best.name : null;
}

// `Starttid`, `Slutförandetid`, `Tidstämpel`, `Svarsdatum`: when the answer was given (`Tid` alone is SCB's period).
const ANSWER_TIME_HEADER = /\Btid$|tidstämpel|^(start|slut|senast|inskickad|skickad)|svarsdatum|svarstid|^svar(at)? |timestamp|time|ändrad/i;
const TIMESTAMP_HEADER = new RegExp(`${ANSWER_TIME_HEADER.source}|datum|date`, 'i');
const EMAIL_HEADER = /e-?post|e-?mail|mail/i;
const RESPONDENT_HEADER = /^(namn|name|respondent|svarande|användare|user|svarar)/i;
const ROW_ID_HEADER = /^(id|nr|#|löpnummer|rad|row|svars?-?id|respondent-?id|response ?id)$/i;
const COUNTY_HEADER = /^(län|lan|region|county|länsnamn|länskod)\b/i;
const YES_NO = new Set(['ja', 'nej', 'yes', 'no', 'vet ej', 'vet inte']);
const SEX_HEADER = /^(kön|kon|sex|gender)$/i;
/** The total of a breakdown by sex, as Kolada (`T`) and SCB (`totalt`) write it. */
export const SEX_TOTALS = ['t', 'totalt', 'total', 'alla', 'samtliga', 'båda könen', 'kvinnor och män', 'flickor och pojkar'];
const SEX_VALUES = new Set([...SEX_TOTALS, 'k', 'm', 'kvinnor', 'män', 'flickor', 'pojkar', 'female', 'male']);

/** Kolada's `Kön` column: rows per sex beside their total. */
function isSexBreakdown(c: ColumnProfile): boolean {
  const values = c.values.map((v) => v.trim().toLowerCase());
  return SEX_HEADER.test(c.name.trim()) && values.length > 0 && values.every((v) => SEX_VALUES.has(v)) && values.some((v) => SEX_TOTALS.includes(v));
}

/** Why a column that has no role is not used. */
function ignoreReason(c: ColumnProfile, m: Matchers, unitColumn: string | null): IgnoreReason {
  const values = c.values.map((v) => v.trim());
  if (values.length === 0) return (c.filled ?? 0) > 0 ? 'not-recognised' : 'empty';
  if (/^(DATE|TIMESTAMP|TIME)/.test(c.type) || (TIMESTAMP_HEADER.test(c.name) && share(values, (v) => /\d{1,4}[-/.:]\d{1,2}/.test(v)) >= 0.8)) return 'timestamp';
  if (EMAIL_HEADER.test(c.name) || share(values, (v) => /^[^\s@]+@[^\s@]+$/.test(v)) >= 0.5) return 'email';
  if (ROW_ID_HEADER.test(c.name.trim())) return 'row-id';
  if (RESPONDENT_HEADER.test(c.name.trim())) return 'respondent';
  if (unitColumn !== null && (isCodeColumn(c, m) || share(values, m.isUnit) >= 0.5)) return 'unit-code';
  if (COUNTY_HEADER.test(c.name.trim())) return 'county';
  if (isSexBreakdown(c)) return 'sex-breakdown';
  if (isNumberLike(c)) return 'numeric-answer';
  if (values.every((v) => YES_NO.has(v.toLowerCase()))) return 'yes-no';
  const long = share(values, (v) => v.length > 30 || /\s\S+\s\S+\s/.test(v));
  if (long >= 0.3 || (c.distinct !== undefined && c.filled !== undefined && c.distinct >= 3 && c.distinct === c.filled)) return 'free-text';
  return 'not-recognised';
}

/** Every column without a role gets its reason (a role given by the user or a template is kept). */
function withReasons(roles: Record<string, ColumnRole>, columns: readonly ColumnProfile[], m: Matchers): Record<string, ColumnRole> {
  const unit = Object.keys(roles).find((name) => roles[name]!.role === 'unit') ?? null;
  const out: Record<string, ColumnRole> = { ...roles };
  for (const c of columns) {
    const role = out[c.name] ?? { role: 'ignore' };
    if (role.role === 'ignore' && role.reason === undefined) out[c.name] = { role: 'ignore', reason: ignoreReason(c, m, unit) };
  }
  return out;
}

/** A column of counties (SCB's `01 Stockholms län`, Kolada's `0001`): the region of county statistics. */
function countyColumn(columns: readonly ColumnProfile[], m: Matchers): string | null {
  const county = columns.find((c) => c.values.length > 0 && (c.type === 'VARCHAR' || isNumeric(c)) && share(c.values, m.isCounty) >= 0.8);
  return county ? county.name : null;
}

/** `ålder` holding `0 år`, `5-9 år`, `100+ år`, `totalt ålder`: every value an age, the header or the values saying so. */
function isAgeColumn(c: ColumnProfile): boolean {
  const values = c.values.map((v) => v.trim());
  return values.length > 0 && values.every((v) => parseAge(v) !== null) && (AGE_HEADER.test(c.name.trim()) || values.some((v) => /år|\+|[-–]|ålder/i.test(v)));
}

/** `kön` holding `kvinnor`, `män`, `totalt` (or Kolada's `K`, `M`, `T` under its header). */
function isSexColumn(c: ColumnProfile): boolean {
  const values = c.values.map((v) => v.trim());
  return values.length > 0 && values.every((v) => parseSex(v) !== null) && (SEX_HEADER.test(c.name.trim()) || values.every((v) => /^[a-zåäö ]{3,}$/i.test(v)));
}

/**
 * Statistics per region: the figures (one column, one per year, or several measures), and the year, age
 * and sex columns they are broken down by. A text column that breaks them down further (RAMS's sector)
 * is named, so its rows are never summed unsaid. Null when nothing reads as a figure.
 */
function statisticsRoles(unit: ColumnProfile, rest: readonly ColumnProfile[], periods: readonly ColumnProfile[], codes: readonly ColumnProfile[], m: Matchers): Record<string, ColumnRole> | null {
  if (rest.some((c) => m.optionOf(c.name) !== null || c.name.includes('?'))) return null;
  if (rest.some((c) => c.type === 'VARCHAR' && likertScaleOf(c.values) !== null)) return null;
  const age = rest.find(isAgeColumn);
  const sex = rest.find((c) => c !== age && isSexColumn(c));
  // The year, or SCB's month or quarter of a population by period (`2023M12`): the reader keeps each year's latest.
  const year = periods.find((c) => PERIOD_HEADER.test(c.name)) ?? periods[0];
  const taken = new Set([age, sex, year, ...codes].filter((c) => c !== undefined));
  const figures = rest.filter((c) => !taken.has(c) && !periods.includes(c) && isNumberLike(c) && c.values.length > 0);
  if (figures.length === 0) return null;
  const roles: Record<string, ColumnRole> = {};
  if (age) roles[age.name] = { role: 'age' };
  if (sex) roles[sex.name] = { role: 'sex' };
  if (year) roles[year.name] = { role: 'period' };
  for (const c of figures) roles[c.name] = { role: 'value' };
  const repeats = unit.filled !== undefined && unit.distinct !== undefined && unit.filled >= 1.5 * unit.distinct;
  for (const c of rest) {
    if (roles[c.name] || taken.has(c) || c.type !== 'VARCHAR' || COUNTY_HEADER.test(c.name.trim())) continue;
    if (repeats && (c.distinct ?? c.values.length) > 1 && share(c.values, m.isUnit) < 0.5) roles[c.name] = { role: 'ignore', reason: 'breakdown' };
  }
  return roles;
}

/**
 * No survey, extract or statistics table is wider (a questionnaire of a few hundred options, SCB's 50
 * years): a wider one (up to the import's 16,384) is loaded and shown, but its shape is not read,
 * which would cost minutes and gigabytes for nothing.
 */
export const MAX_SHAPE_COLUMNS = 2000;

export function detectShape(columns: readonly ColumnProfile[], m: Matchers): ShapeGuess {
  if (columns.length > MAX_SHAPE_COLUMNS) {
    return { shape: 'unknown', roles: Object.fromEntries(columns.map((c) => [c.name, { role: 'ignore', reason: 'too-many-columns' }])) };
  }
  const roles: Record<string, ColumnRole> = Object.fromEntries(columns.map((c) => [c.name, { role: 'ignore' } as ColumnRole]));
  const done = (): ShapeGuess => ({ shape: shapeFromRoles(roles), roles: withReasons(roles, columns, m) });
  const unitName = findUnitColumn(columns, m) ?? countyColumn(columns, m);
  if (unitName === null) return done();
  roles[unitName] = { role: 'unit' };
  const unit = columns.find((c) => c.name === unitName)!;
  const rest = columns.filter((c) => c.name !== unitName);

  // `Kommun: Göteborg` beside `Stadsområde: Nordost`: the district makes the unit; read alone, every
  // district would be counted as the city once.
  const inDistrict = (v: string) => unit.values.some((u) => m.isDistrictOf(u, v));
  const district = rest.find(
    (c) =>
      c.type === 'VARCHAR' &&
      !COUNTY_HEADER.test(c.name.trim()) &&
      c.values.length > 0 &&
      // A few values first: matching every pair of a long column's values is slow and rarely needed.
      c.values.slice(0, 3).some(inDistrict) &&
      share(c.values, inDistrict) >= 0.5,
  );
  if (district) roles[district.name] = { role: 'district' };
  const periods = rest.filter((c) => c !== district && isPeriodColumn(c, m));
  const codes = rest.filter((c) => isCodeColumn(c, m) || (c.type === 'VARCHAR' && share(c.values, m.isUnit) >= 0.5));
  // `Kvartal: 1–4`, `Månad: 1–12` beside the year: part of the period, never a count.
  const periodParts = rest.filter(
    (c) => periods.length > 0 && PERIOD_PART_HEADER.test(c.name.trim()) && c.values.length > 0 && c.values.every((v) => /^(0?[1-9]|1[0-2])$/.test(v.trim())),
  );
  for (const c of periodParts) roles[c.name] = { role: 'ignore', reason: 'period-part' };
  const measures = rest.filter((c) => !periods.includes(c) && !codes.includes(c) && !periodParts.includes(c) && isNumberLike(c));
  // `Enhet;Insats;jan;feb;mar`: a count per period column. Read as one count it would drop the other
  // months; the shape is left to the user instead, each such column saying why.
  // Long form: a column of method names, one per row. A cell with a ";" is a list of choices, even
  // when it holds one ("MST;", as Microsoft Forms writes a single choice).
  const methodColumn = rest
    .filter((c) => !isNumeric(c) && !periods.includes(c) && c !== district && c.values.length > 0)
    .map((c) => ({ c, score: share(c.values, (v) => !v.includes(';') && m.methodOf(v) !== null) }))
    .sort((a, b) => b.score - a.score)[0];
  const namesMethods = methodColumn !== undefined && methodColumn.score >= 0.5;
  const periodColumns = measures.filter((c) => PERIOD_VALUE.test(c.name.trim()) || MONTH_HEADER.test(c.name.trim()));
  // SCB's wide table (`kommun,1968,…,2017`) is statistics, one column per year; a wide extract is not read yet.
  const yearsWide = !namesMethods && periodColumns.every((c) => headerYear(c.name) !== null);
  if (periodColumns.length >= 2 && !yearsWide) {
    for (const c of periodColumns) roles[c.name] = { role: 'ignore', reason: 'period-column' };
    return done();
  }
  // A survey answers once per unit, its choices sometimes several to a cell; an extract repeats the unit
  // (per month, per method) or has a period. A survey's one numeric question is not a count of use.
  // A column of several choices to a cell (two different methods in at least a tenth of its cells) is a
  // survey's; one odd cell (`Funktionell familjeterapi, FFT`) is not.
  const holdsSeveral = rest.some((c) => {
    const several = c.values.filter((v) => new Set(m.splitChoices(v).map((p) => m.methodOf(p)).filter((id) => id !== null)).size >= 2);
    return several.length >= Math.max(1, c.values.length / 10);
  });
  const known = unit.filled !== undefined && unit.distinct !== undefined;
  // An extract lists a unit many times; a survey where a unit answered twice does not.
  const unitRepeats = known && unit.filled! >= 1.5 * unit.distinct!;
  const countLike = measures.some((c) => COUNT_HEADER.test(c.name) && !c.name.includes('?'));
  const isLongForm = !holdsSeveral && (unitRepeats || periods.length > 0 || (!known && countLike));
  if (namesMethods && measures.length > 0 && isLongForm) {
    roles[methodColumn.c.name] = { role: 'method' };
    const trained = measures.find((c) => TRAINED_HEADER.test(c.name));
    const staff = measures.find((c) => STAFF_HEADER.test(c.name) && c !== trained);
    if (trained && staff) {
      roles[trained.name] = { role: 'trained' };
      roles[staff.name] = { role: 'staff' };
      return done();
    }
    const counts = measures.filter((c) => !NOT_A_COUNT_HEADER.test(c.name));
    const count = counts.find((c) => COUNT_HEADER.test(c.name)) ?? counts[0] ?? measures[0]!;
    roles[count.name] = { role: 'count' };
    const period = periods.find((c) => PERIOD_HEADER.test(c.name)) ?? periods[0];
    if (period) roles[period.name] = { role: 'period' };
    return done();
  }

  // Open statistics: a region and its figures, no method and no scale anywhere.
  const statistics = namesMethods || holdsSeveral ? null : statisticsRoles(unit, rest, periods, codes, m);
  if (statistics) {
    Object.assign(roles, statistics);
    return done();
  }

  // Survey (a): headers name methods, cells tick them. Where a column under a method header holds counts
  // (2, 12 …), the sheet is a table of counts (per month, staff trained per tool), not ticks: its 0/1
  // columns are not read as ticks either, and the user is asked.
  const methodHeaders = rest.filter((c) => m.optionOf(c.name) !== null);
  const holdsCounts = methodHeaders.some((c) => isNumberLike(c) && c.values.some((v) => !['0', '1'].includes(v.trim()) && !MISSING_MARKS.has(v.trim())));
  if (holdsCounts) for (const c of methodHeaders) if (isNumberLike(c)) roles[c.name] = { role: 'ignore', reason: 'method-count-column' };
  const flags = holdsCounts ? [] : methodHeaders.filter((c) => isFlagColumn(c, m.methodOf(m.optionOf(c.name)!), m));
  // An option column of the same question whose option the catalogue lacks (`Insatser: BiFF`): asked
  // about by its option's name, never dropped.
  const questions = new Set(flags.map((c) => questionOf(c.name)).filter((q) => q !== null));
  const unknownOptions = rest.filter(
    (c) => !flags.includes(c) && questions.has(questionOf(c.name) ?? '') && isFlagColumn(c, null, m, optionOf(c.name)) && !isPeriodColumn(c),
  );
  // Survey (b): cells hold several method names joined by ; or ,.
  const choices = rest.filter(
    (c) =>
      !flags.includes(c) &&
      !unknownOptions.includes(c) &&
      !isNumeric(c) &&
      c.values.length > 0 &&
      share(c.values, (v) => m.splitChoices(v).some((part) => m.methodOf(part) !== null)) >= 0.5,
  );
  for (const c of flags) roles[c.name] = { role: 'method-flag', methodName: m.optionOf(c.name)! };
  for (const c of unknownOptions) roles[c.name] = { role: 'method-flag', methodName: optionOf(c.name) };
  for (const c of choices) roles[c.name] = { role: 'method-choices' };
  for (const c of rest) {
    if (roles[c.name]!.role !== 'ignore' || c.type !== 'VARCHAR') continue;
    const scale = likertScaleOf(c.values);
    if (scale) roles[c.name] = { role: 'likert', scale };
    else {
      const proposal = proposeScaleOrder(c.values);
      if (proposal) roles[c.name] = { role: 'ignore', reason: 'scale-order', proposal };
    }
  }
  return done();
}
