// The headless summary (`metodkartan summarize --json`): files, units, methods, and what did not match.
import type { Engine } from '../db/engine';
import { runQuery } from '../db/query-files';
import type { Fate } from './accounting';
import type { LoadedSource } from './load-source';
import type { Measure } from '../domain/statistics';
import type { WaveChange } from '../domain/waves';
import type { IgnoredRowReason, NoRateReason, StatisticsReading } from './statistics-read';

export interface Summary {
  files: {
    file: string;
    shape: string;
    /** The survey wave the file is (`--wave`, its response dates or its name); null for other files or when nothing says. */
    wave: string | null;
    rows: number;
    imported: number;
    rejected: number;
    /** Every column's fate, the count of columns per fate, and what the import left aside (see accounting.ts). */
    columns: { name: string; fate: Fate; role: string; method?: string; unmatched_name?: string; reason?: string }[];
    column_fates: Record<Fate, number>;
    choices: { column: string; cells: number; matched: number; unmatched: number }[];
    unaccounted_cells: { column: string; cell: string; rest: string }[];
    no_value: number;
    totals_rows: number;
    no_unit_rows: number;
    breakdown_rows: number;
  }[];
  units: { name_in_file: string; municipality_code: string | null; county_code: string | null }[];
  methods: { id: string; kind: 'intervention' | 'tool'; units_using: number; units_total: number; share: number }[];
  unmatched: { units: string[]; methods: string[] };
  /** One entry per statistics file: what it holds. They never add units; `units` are the responding ones. */
  reference: ReferenceEntry[];
  /** Children with each method per 10,000 aged 0–17, per municipality and year of the extracts (absent: see whyNoRates). */
  rates?: RateEntry[];
  /** With two or more survey waves: each wave's figures, oldest first (`methods` is then the latest wave's). */
  waves?: { wave: string; units_total: number; methods: { id: string; units_using: number; units_total: number; share: number }[] }[];
  /** With two or more waves: per method and pair of consecutive waves, the panel and who started and stopped. */
  changes?: WaveChange[];
}

export interface ReferenceEntry {
  file: string;
  kind: 'population' | 'other';
  measure: Measure;
  age_band: string | null;
  sex: 'all' | 'women' | 'men' | null;
  years: number[];
  year_from: StatisticsReading['yearFrom'];
  municipalities: number;
  counties: number;
  rows: number;
  ignored_rows: number;
  ignored: { reason: IgnoredRowReason; rows: number }[];
  unmatched: string[];
  /** Why it gives no rate of children 0–17 (null: it does), and whether the rate map uses it. */
  no_rate: NoRateReason | null;
  used_for_rates: boolean;
  /** What the value column measures, and the words that said so. */
  value: { evidence: string; said: string };
}

interface RateEntry {
  municipality_code: string;
  id: string;
  year: number;
  per_month: number;
  children: number;
  population_year: number;
  per_10000: number;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The reference entry of a statistics file, as `summarize --json` lists it. */
function referenceEntry(file: string, r: StatisticsReading): ReferenceEntry {
  return {
    file,
    kind: r.kind,
    measure: r.measure,
    age_band: r.ageBand,
    sex: r.sex,
    years: r.years,
    year_from: r.yearFrom,
    municipalities: r.municipalities,
    counties: r.counties,
    rows: r.rows,
    ignored_rows: r.ignoredRows,
    ignored: r.ignored,
    unmatched: r.unmatched,
    no_rate: r.noRate,
    used_for_rates: r.useForRates,
    value: { evidence: r.meaning.evidence, said: r.meaning.said },
  };
}

const orNull = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** `waves`: each source's wave, in the order of `sources` (none given: null for all). */
export async function summarize(engine: Engine, sources: readonly LoadedSource[], waves: readonly (string | null)[] = []): Promise<Summary> {
  const units = await runQuery(engine, 'unit_matches');
  const methods = await runQuery(engine, 'method_adoption', [null, null, null]); // no county, SKR-group or unit-type filter
  const unmatchedMethods = await runQuery(engine, 'unmatched_methods');
  const reference = sources.flatMap(({ table, statistics }) => (statistics ? [referenceEntry(table.fileName, statistics)] : []));
  const hasUsage = sources.some((s) => s.guess.shape === 'usage');
  const hasChildren = reference.some((r) => r.used_for_rates && r.measure === 'children_0_17');
  const rates = hasUsage && hasChildren ? await runQuery(engine, 'population_rate', [null, null, null, null]) : [];
  return {
    files: sources.map(({ table, guess, account }, i) => ({
      file: table.fileName,
      shape: guess.shape,
      wave: waves[i] ?? null,
      rows: table.report.rowsRead,
      imported: table.report.imported,
      rejected: table.report.rejectedCount,
      columns: account.columns.map((c) => ({
        name: c.column,
        fate: c.fate,
        role: c.role,
        ...(c.method !== undefined ? { method: c.method } : {}),
        ...(c.name !== undefined ? { unmatched_name: c.name } : {}),
        ...(c.reason !== undefined ? { reason: c.reason } : {}),
      })),
      column_fates: account.counts,
      choices: account.choices,
      unaccounted_cells: account.unaccountedCells,
      no_value: account.noValue,
      totals_rows: account.totalsRows,
      no_unit_rows: account.noUnitRows,
      breakdown_rows: account.breakdownRows,
    })),
    units: units.map((u) => ({
      name_in_file: String(u.name_in_file),
      municipality_code: orNull(u.municipality_code),
      county_code: orNull(u.county_code),
    })),
    methods: methods.map((m) => ({
      id: String(m.id),
      kind: m.kind === 'tool' ? 'tool' : 'intervention',
      units_using: Number(m.units_using),
      units_total: Number(m.units_total),
      share: Math.round(Number(m.share) * 10_000) / 10_000,
    })),
    unmatched: {
      units: units.filter((u) => u.status !== 'matched').map((u) => String(u.name_in_file)),
      methods: unmatchedMethods.map((m) => String(m.method_name)),
    },
    reference,
    ...(hasUsage && hasChildren
      ? {
          rates: rates.map((r) => ({
            municipality_code: String(r.municipality_code),
            id: String(r.method_id),
            year: Number(r.year),
            per_month: round2(Number(r.per_month)),
            children: Number(r.children),
            population_year: Number(r.population_year),
            per_10000: round2(Number(r.rate)),
          })),
        }
      : {}),
  };
}

/** Why `summarize` gives no rates, in one line of Swedish; null when it gives them or nothing asks for them. */
export function whyNoRates(summary: Summary, sources: readonly LoadedSource[]): string | null {
  if (summary.rates) return null;
  const hasUsage = sources.some((s) => s.guess.shape === 'usage');
  if (!hasUsage && summary.reference.length === 0) return null;
  if (!hasUsage) return 'Inga tal per 10 000 barn: inget uttag med antal barn per metod och period är inläst.';
  if (summary.reference.length === 0) return 'Inga tal per 10 000 barn: ingen befolkningsfil är inläst (barn 0–17 år per kommun och år).';
  const held = summary.reference.map((r) => `${r.file} (${describeHeld(r)})`).join('; ');
  return `Inga tal per 10 000 barn: ingen inläst fil ger barn 0–17 år per kommun med år angivet – ${held}.`;
}

const years = (r: ReferenceEntry) => (r.years.length === 0 ? 'inget år angivet' : `${r.years[0]}${r.years.length > 1 ? `–${r.years[r.years.length - 1]}` : ''}`);

/** What a statistics file holds, and why it gives no rate, in a few words. */
function describeHeld(r: ReferenceEntry): string {
  const ages = r.age_band === 'all' ? 'alla åldrar' : r.age_band === null ? 'okänd ålder' : `${r.age_band} år`;
  switch (r.no_rate) {
    case 'not-population':
      return `inte en befolkning: ${r.value.said}`;
    case 'several-measures':
      return 'flera olika mått, ingen befolkning';
    case 'breakdown':
      return 'uppdelad på något som inte kan summeras';
    case 'ages-unknown':
    case 'sex-unknown':
      return 'åldrar eller kön som inte kan tolkas';
    case 'one-sex':
      return `${ages}, bara ${r.sex === 'women' ? 'kvinnor' : 'män'}, ${years(r)}`;
    case 'no-children':
      return `inga barn: ${ages}, ${years(r)}`;
    case 'projection':
      return `en prognos, ${years(r)}`;
    case 'counties-only':
      return `bara län, ${years(r)}`;
    case 'no-year':
      return `${ages}, inget år angivet`;
    case 'not-children':
      return `${ages}, ${years(r)}`;
    default:
      return `${ages}, ${years(r)}, inte vald för tal per 10 000`;
  }
}
