// Query rows, shaped as the views shape them, → ChartSpecs: the same chart the view shows, as data
// that can be drawn to SVG, PNG and PDF and written as CSV and XLSX. Used by the views' export
// buttons, the report pack and the command line alike.
import type { Lang } from '../../../electron/shared/ipc-contract';
import type { MessageKey } from '../i18n/translate';
import { CATEGORY, CHANGE, scaleColours } from '../export/palette';
import type { Row } from '../db/engine';
import { NAMED_SCALES, scaleSteps, type ScaleId } from '../domain/likert';
import { methodById, RECOMMENDATIONS, type RecommendationId } from '../domain/methods';
import type { ChartBody, ChartSpec } from '../export/chart-spec';
import type { DataTable } from '../export/table-export';
import { COUNTIES, SKR_GROUPS } from '../domain/units';
import { COUNTY_FEATURES, MUNICIPALITY_FEATURES, type MapLevel } from '../maps/geo';
import type { ClassBreaks } from '../maps/choropleth';
import type { Box } from '../maps/zoom';
import type { AreaShare, RateBasis } from '../maps/map-data';
import type { SUPPRESSED} from '../export/suppress';
import { DEFAULT_SUPPRESSION, suppressGrid, type SuppressionSettings } from '../export/suppress';
import { formatNumber, formatPercent, formatPoints, formatRate } from '../format';
import { SMALL_BASE, SMALL_MARK } from '../domain/waves';
import type { Changes, MethodChange, WaveShare } from './shape-changes';
import type { Translate } from '../i18n/i18n';
import type { AdoptionGroup } from './shape-adoption';
import type { ScaleQuestion } from './shape-scales';

/** The question the tools view shows beside the tools: standardised assessment in investigations. */
export const TOOL_QUESTION = /bedömningsmetod|bedömningsinstrument|instrument/i;

export interface SpecContext {
  lang: Lang;
  t: Translate;
  /** The files the chart comes from; the source line names them. */
  files: readonly string[];
  /** Some of those files are the samples bundled with the app (`fromSample`): the chart says so. */
  sample?: boolean;
  suppression?: SuppressionSettings;
}

/**
 * The source line, naming the files; for figures from the bundled samples, also the line that says
 * they are sample data, drawn above the title so the chart is never taken for real figures.
 */
function credits(ctx: SpecContext): { source?: string; sample?: string } {
  if (ctx.files.length === 0) return {};
  const files = ctx.files.join(', ');
  return ctx.sample ? { source: ctx.t('sourceLineSample', { files }), sample: ctx.t('chartSample') } : { source: ctx.t('sourceLine', { files }) };
}
const pct = (share: number, ctx: SpecContext) => formatPercent(share, ctx.lang);

/** The note under a chart with a share over fewer than SMALL_BASE units among these bases; none without one. */
function smallBaseNote(totals: readonly number[], ctx: SpecContext): { note?: string } {
  return totals.some((total) => total < SMALL_BASE) ? { note: ctx.t('smallBaseNote', { mark: SMALL_MARK, min: SMALL_BASE }) } : {};
}

export const RECOMMENDED_TYPES: readonly RecommendationId[] = ['parenting-programme', 'cbt-skills-group', 'family-treatment', 'tfco', 'individual-cbt'];

/** The five types in a few words, for column heads. */
const SHORT_TYPE: Record<string, Record<Lang, string>> = {
  'parenting-programme': { sv: 'Föräldraskapsstöd', en: 'Parenting programme' },
  'cbt-skills-group': { sv: 'KBT-färdighetsträning', en: 'CBT skills group' },
  'family-treatment': { sv: 'Familjebehandling', en: 'Family treatment' },
  tfco: { sv: 'TFCO', en: 'TFCO' },
  'individual-cbt': { sv: 'Individuell KBT', en: 'Individual CBT' },
};

export function methodName(id: string, lang: Lang): string {
  const method = methodById(id);
  return method ? (lang === 'sv' ? method.name : method.nameEn) : id.replace(/^lokal:/, '');
}

export function adoptionSpec(group: AdoptionGroup, kind: 'intervention' | 'tool', ctx: SpecContext): ChartSpec {
  const { t } = ctx;
  const question = t(kind === 'tool' ? 'questionTools' : 'questionInterventions');
  const title = `${group.title}${group.ageBand ? ` (${group.ageBand} ${t('years')})` : ''}`;
  const total = Math.max(...group.bars.map((b) => b.total));
  const texts = group.bars.map((b) => t('shareOfUnits', { share: pct(b.share, ctx), n: b.n, total: b.total }));
  const note = group.isRecommended ? t('noteRecommended') : group.recommendation === 'advised-against' ? t('noteAdvisedAgainst') : undefined;
  return {
    id: `adoption-${group.recommendation}`,
    text: { title, subtitle: question, count: t('unitsN', { total }), ...credits(ctx), note },
    body: {
      kind: 'bars',
      bars: group.bars.map((b, i) => ({ label: b.label, share: b.share, text: texts[i]!, colour: b.colour })),
      formatTick: (share) => pct(share, ctx),
    },
    alt: `${title}. ${question}: ${group.bars.map((b, i) => `${b.label} ${texts[i]}`).join('; ')}.`,
    table: {
      title,
      columns: [
        { name: t('columnMethod'), kind: 'text' },
        { name: t('columnUnitsUsing'), kind: 'number' },
        { name: t('columnUnitsTotal'), kind: 'number' },
        { name: t('columnShare'), kind: 'share' },
      ],
      rows: group.bars.map((b) => [b.label, b.n, b.total, b.share]),
    },
  };
}

/** The pilot's scales have the report's titles and headlines; any other scale is named by its ends. */
const SCALE_TITLES: Partial<Record<ScaleId, MessageKey>> = {
  satisfaction: 'scaleSatisfaction',
  extent: 'scaleExtent',
  frequency: 'scaleFrequency',
  knowledge: 'scaleKnowledge',
};

const HEADLINE: Partial<Record<ScaleId, MessageKey>> = {
  satisfaction: 'shareSatisfied',
  extent: 'shareHighExtent',
  frequency: 'shareAlwaysOften',
};

/** The words beside a question's bar: the share the report quotes, or for knowledge every step. */
export function scaleHeadline(q: ScaleQuestion, ctx: SpecContext): string {
  const { t } = ctx;
  if (q.scale === 'knowledge') {
    const parts = NAMED_SCALES.knowledge.map((step, i) => `${step.toLowerCase()} ${pct(q.segments[i]!.share, ctx)}`);
    if (q.unrated > 0) parts.push(t('shareUnrated', { share: pct(q.unrated / q.total, ctx) }));
    return `${parts.join(' · ')} (N = ${q.total})`;
  }
  const headline = HEADLINE[q.scale];
  const top = q.segments.slice(q.segments.length - (q.segments.length <= 3 ? 1 : 2)).map((s) => s.answer.toLowerCase()).reverse();
  const share = headline
    ? t(headline, { share: pct(q.topShare, ctx) })
    : q.scale.startsWith('numbered:')
      ? t('shareTopNumbered', { share: pct(q.topShare, ctx), steps: [...top].reverse().join('–') })
      : t('shareTopSteps', { share: pct(q.topShare, ctx), steps: top.join(t('or')) });
  return `${share} (${t('countOf', { n: q.topCount, total: q.total })})`;
}

function scaleTitle(scale: ScaleId, t: Translate): string {
  const key = SCALE_TITLES[scale];
  if (key) return t(key);
  const steps = scaleSteps(scale);
  return t('scaleOther', { low: steps[0] ?? '', high: steps[steps.length - 1] ?? '' });
}

/** A chart id safe in file names: a custom scale's steps are the user's words. */
function scaleSlug(scale: ScaleId): string {
  return scale.replace(/[^a-z0-9-]+/gi, '-').slice(0, 40);
}

export function scaleSpec(scale: ScaleId, questions: readonly ScaleQuestion[], ctx: SpecContext): ChartSpec {
  const { t } = ctx;
  const steps = scaleSteps(scale);
  const colours = scaleColours(steps.length);
  const title = scaleTitle(scale, t);
  const headlines = questions.map((q) => scaleHeadline(q, ctx));
  return {
    id: `scale-${scaleSlug(scale)}`,
    text: { title, count: t('unitsN', { total: Math.max(...questions.map((q) => q.total)) }), ...credits(ctx) },
    body: {
      kind: 'diverging',
      steps: steps.map((label, i) => ({ label, colour: colours[i]! })),
      rows: questions.map((q, i) => ({ label: q.question, shares: q.segments.map((s) => s.share), headline: headlines[i]! })),
    },
    alt: `${title}. ${questions.map((q, i) => `${q.question} ${headlines[i]}`).join(' ')}`,
    table: {
      title,
      columns: [
        { name: t('columnQuestion'), kind: 'text' },
        ...steps.map((step) => ({ name: step, kind: 'number' as const })),
        ...(scale === 'knowledge' ? [{ name: t('columnUnrated'), kind: 'number' as const }] : []),
        { name: 'N', kind: 'number' },
      ],
      rows: questions.map((q) => [q.question, ...q.segments.map((s) => s.n), ...(scale === 'knowledge' ? [q.unrated] : []), q.total]),
    },
  };
}

/** county_method_share rows → methods × counties. */
export function countyHeatSpec(rows: readonly Row[], ctx: SpecContext, chosenMethod: string | null = null): ChartSpec {
  const { t, lang } = ctx;
  const counties = [...new Map(rows.map((r) => [String(r.county_code), String(r.county_name).replace(/ län$/, '')]))];
  const methods = [...new Set(rows.map((r) => String(r.method_id)))];
  const at = new Map(rows.map((r) => [`${String(r.method_id)}|${String(r.county_code)}`, r]));
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(String(r.county_code), Math.max(totals.get(String(r.county_code)) ?? 0, Number(r.units_total)));
  const unitTotal = [...totals.values()].reduce((a, b) => a + b, 0);
  const title = t('viewCounties');
  const label = (id: string) => `${methodName(id, lang)}${id === chosenMethod ? ' ◀' : ''}`;
  return {
    id: 'counties',
    text: { title, subtitle: t('questionCounties'), count: t('unitsInCounties', { total: unitTotal, counties: counties.length }), ...credits(ctx), ...smallBaseNote(rows.map((r) => Number(r.units_total)), ctx) },
    body: {
      kind: 'heat',
      columns: counties.map(([, name]) => name),
      rows: methods.map((id) => ({
        label: label(id),
        cells: counties.map(([code]) => {
          const r = at.get(`${id}|${code}`);
          return r ? { share: Number(r.share), text: `${pct(Number(r.share), ctx)}${Number(r.units_total) < SMALL_BASE ? SMALL_MARK : ''}` } : null;
        }),
      })),
    },
    alt: `${title}. ${t('questionCounties')}. ${counties.length} ${t('overviewCounties').toLowerCase()}, ${methods.length} ${t('columnMethod').toLowerCase()}.`,
    table: {
      title,
      columns: [
        { name: t('columnCounty'), kind: 'text' },
        { name: t('columnMethod'), kind: 'text' },
        { name: t('columnUnitsUsing'), kind: 'number' },
        { name: t('columnUnitsTotal'), kind: 'number' },
        { name: t('columnShare'), kind: 'share' },
      ],
      rows: rows.map((r) => [String(r.county_name), methodName(String(r.method_id), lang), Number(r.units_using), Number(r.units_total), Number(r.share)]),
    },
  };
}

function recommendationName(id: RecommendationId, lang: Lang): string {
  return lang === 'sv' ? RECOMMENDATIONS[id].name : RECOMMENDATIONS[id].nameEn;
}

/** coverage_gaps rows → units × the five recommended types, covered dark, gap light. */
export function coverageSpec(rows: readonly Row[], ctx: SpecContext): ChartSpec {
  const { t, lang } = ctx;
  const units = [...new Set(rows.map((r) => String(r.unit_label)))];
  const at = new Map(rows.map((r) => [`${String(r.unit_label)}|${String(r.recommendation)}`, r]));
  const title = t('viewCoverage');
  const gaps = rows.filter((r) => !r.is_covered);
  return {
    id: 'coverage',
    text: { title, subtitle: t('questionCoverage'), count: t('unitsN', { total: units.length }), ...credits(ctx) },
    body: {
      kind: 'heat',
      withScale: false,
      columns: RECOMMENDED_TYPES.map((type) => SHORT_TYPE[type]![lang]),
      rows: units.map((unit) => ({
        label: unit,
        cells: RECOMMENDED_TYPES.map((type) => {
          const isCovered = Boolean(at.get(`${unit}|${type}`)?.is_covered);
          return { share: isCovered ? 1 : 0, text: t(isCovered ? 'covered' : 'gap') };
        }),
      })),
    },
    alt: `${title}. ${t('questionCoverage')} ${t('coverageAlt', { units: units.length, gaps: gaps.length })}`,
    table: {
      title,
      columns: [
        { name: t('unitColumn'), kind: 'text' },
        { name: t('columnInterventionType'), kind: 'text' },
        { name: t('columnCovered'), kind: 'text' },
        { name: t('columnOfferedNearby'), kind: 'text' },
      ],
      rows: rows.map((r) => [
        String(r.unit_label),
        recommendationName(r.recommendation as RecommendationId, lang),
        t(r.is_covered ? 'covered' : 'gap'),
        r.offered_nearby === null || r.offered_nearby === undefined ? null : String(r.offered_nearby),
      ]),
    },
  };
}

/** More lines than this stop being readable: the most used methods are shown. */
const MAX_LINES = 6;

export interface TrendShape {
  periods: string[];
  methods: string[];
  /** units_using per period, per method (in `methods` order). */
  values: number[][];
  unitsTotal: number;
}

/** usage_trend rows → the most used methods' lines, the chosen method first whatever its rank. */
export function trendShape(rows: readonly Row[], chosenMethod: string | null): TrendShape {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(String(r.method_id), (totals.get(String(r.method_id)) ?? 0) + Number(r.units_using));
  const ranked = [...totals].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  const chosen = chosenMethod !== null && totals.has(chosenMethod) ? [chosenMethod] : [];
  const methods = [...chosen, ...ranked.filter((id) => !chosen.includes(id))].slice(0, MAX_LINES);
  const periods = [...new Set(rows.map((r) => String(r.period)))].sort();
  const at = new Map(rows.map((r) => [`${String(r.period)}|${String(r.method_id)}`, Number(r.units_using)]));
  return {
    periods,
    methods,
    values: methods.map((id) => periods.map((p) => at.get(`${p}|${id}`) ?? 0)),
    unitsTotal: rows.length > 0 ? Number(rows[0]!.units_total) : 0,
  };
}

export function trendSpec(shape: TrendShape, ctx: SpecContext, chosenMethod: string | null = null): ChartSpec {
  const { t, lang } = ctx;
  const title = t('viewTrends');
  const last = shape.periods.length - 1;
  return {
    id: 'trends',
    text: { title, subtitle: t('questionTrends'), count: t('unitsInExtract', { total: shape.unitsTotal }), ...credits(ctx) },
    body: {
      kind: 'lines',
      periods: shape.periods,
      series: shape.methods.map((id, i) => ({ label: methodName(id, lang), colour: CATEGORY[i % CATEGORY.length]!, values: shape.values[i]!, emphasis: id === chosenMethod })),
      formatTick: (value) => formatNumber(value, lang),
    },
    alt: `${title}. ${t('questionTrends')}, ${shape.periods[0] ?? ''}–${shape.periods[last] ?? ''}: ${shape.methods
      .map((id, i) => `${methodName(id, lang)} ${shape.values[i]![0]} → ${shape.values[i]![last]}`)
      .join('; ')}.`,
    table: {
      title,
      columns: [{ name: t('period'), kind: 'text' }, ...shape.methods.map((id) => ({ name: methodName(id, lang), kind: 'number' as const }))],
      rows: shape.periods.map((p, j) => [p, ...shape.methods.map((_, i) => shape.values[i]![j]!)]),
    },
  };
}

export interface YearlyCounts {
  years: string[];
  methods: string[];
  /** Sum of the monthly counts per method (rows) and year (columns), suppressed where small. */
  cells: (number | typeof SUPPRESSED | null)[][];
  rowTotals: (number | typeof SUPPRESSED)[];
  footnote: string | null;
}

/**
 * Children with the intervention, summed over the months of each year: individual-level counts, so
 * small cells are suppressed, and a second cell in a row where the row total would reveal the first.
 */
export function yearlyCounts(rows: readonly Row[], ctx: SpecContext): YearlyCounts {
  const sums = new Map<string, number>();
  for (const r of rows) {
    const key = `${String(r.method_id)}|${String(r.period).slice(0, 4)}`;
    sums.set(key, (sums.get(key) ?? 0) + Number(r.total_count));
  }
  const years = [...new Set(rows.map((r) => String(r.period).slice(0, 4)))].sort();
  const methods = [...new Set(rows.map((r) => String(r.method_id)))].filter((id) => years.some((y) => (sums.get(`${id}|${y}`) ?? 0) > 0));
  const grid = suppressGrid(
    { rows: methods, columns: years, values: methods.map((id) => years.map((y) => sums.get(`${id}|${y}`) ?? 0)), rowTotals: true },
    ctx.suppression ?? DEFAULT_SUPPRESSION,
  );
  return { years, methods, cells: grid.cells, rowTotals: grid.rowTotals ?? [], footnote: grid.footnote ? grid.footnote[ctx.lang] : null };
}

export function yearlyCountsTable(counts: YearlyCounts, ctx: SpecContext): ChartSpec['table'] {
  const { t, lang } = ctx;
  return {
    title: t('yearlyCountsHeading'),
    columns: [{ name: t('columnMethod'), kind: 'text' }, ...counts.years.map((y) => ({ name: y, kind: 'number' as const })), { name: t('columnTotal'), kind: 'number' }],
    rows: counts.methods.map((id, i) => [methodName(id, lang), ...counts.cells[i]!, counts.rowTotals[i] ?? null]),
    footnotes: counts.footnote ? [counts.footnote] : [],
  };
}

/** training_coverage rows → share trained per unit and tool. */
export function trainingSpec(rows: readonly Row[], ctx: SpecContext): ChartSpec {
  const { t, lang } = ctx;
  const tools = [...new Set(rows.map((r) => String(r.method_id)))];
  const units = [...new Set(rows.map((r) => String(r.unit_label)))];
  const at = new Map(rows.map((r) => [`${String(r.unit_label)}|${String(r.method_id)}`, r]));
  const title = t('trainingHeading');
  return {
    id: 'training',
    text: { title, subtitle: t('questionTraining'), count: t('unitsN', { total: units.length }), ...credits(ctx) },
    body: {
      kind: 'heat',
      columns: tools.map((id) => methodName(id, lang)),
      rows: units.map((unit) => ({
        label: unit,
        cells: tools.map((id) => {
          const r = at.get(`${unit}|${id}`);
          return r && r.share_trained !== null ? { share: Number(r.share_trained), text: pct(Number(r.share_trained), ctx) } : null;
        }),
      })),
    },
    alt: `${title}. ${t('questionTraining')}. ${units.length} ${t('unitColumn').toLowerCase()}, ${tools.map((id) => methodName(id, lang)).join(', ')}.`,
    table: {
      title,
      columns: [
        { name: t('unitColumn'), kind: 'text' },
        { name: t('columnTool'), kind: 'text' },
        { name: t('columnTrained'), kind: 'number' },
        { name: t('columnStaff'), kind: 'number' },
        { name: t('columnShare'), kind: 'share' },
      ],
      rows: rows.map((r) => [String(r.unit_label), methodName(String(r.method_id), lang), Number(r.trained), Number(r.staff), r.share_trained === null ? null : Number(r.share_trained)]),
    },
  };
}

/** A map's figures by area, in the order of the areas' names, with the names by register code. */
function areasByName<T>(figures: ReadonlyMap<string, T>, level: MapLevel): { nameOf: Map<string, string>; areas: [string, T][] } {
  const features = level === 'county' ? COUNTY_FEATURES : MUNICIPALITY_FEATURES;
  const nameOf = new Map(features.map((f) => [f.id, f.properties.name]));
  const name = (code: string) => nameOf.get(code) ?? code;
  return { nameOf, areas: [...figures].sort((a, b) => name(a[0]).localeCompare(name(b[0]), 'sv')) };
}

/**
 * A map's body. With `view` (map units, maps/zoom.ts: the box the user zoomed the map to) the export
 * draws only that part of the country, as the screen shows it; without it, the whole country.
 */
function mapBody(body: Extract<ChartBody, { kind: 'map' }>, view: Box | undefined): ChartBody {
  return view ? { ...body, view } : body;
}

/** A method's share per county or municipality as a choropleth; units without answers stay grey. */
export function mapSpec(shares: ReadonlyMap<string, AreaShare>, level: MapLevel, method: string, breaks: ClassBreaks, ctx: SpecContext, view?: Box): ChartSpec {
  const { t, lang } = ctx;
  const name = methodName(method, lang);
  const question = t('questionMap', { method: name });
  const { nameOf, areas } = areasByName(shares, level);
  const total = areas.reduce((sum, [, a]) => sum + a.total, 0);
  const title = `${t('viewMap')}: ${name}`;
  return {
    id: `map-${level}-${method}`,
    text: { title, subtitle: question, count: t('mapAreasN', { total, areas: areas.length }), ...credits(ctx), ...smallBaseNote(areas.map(([, a]) => a.total), ctx) },
    body: mapBody(
      {
        kind: 'map',
        level,
        values: areas.map(([code, a]) => [code, a.share]),
        breaks,
        format: (share) => pct(share, ctx),
        noDataLabel: t('noDataLabel'),
        legendTitle: question,
      },
      view,
    ),
    alt: `${title}. ${question}: ${areas.map(([code, a]) => `${nameOf.get(code) ?? code} ${t('shareOfUnits', { share: pct(a.share, ctx), n: a.n, total: a.total })}`).join('; ')}.`,
    table: {
      title,
      columns: [
        { name: t(level === 'county' ? 'columnCounty' : 'columnMunicipality'), kind: 'text' },
        { name: t('columnCode'), kind: 'text' },
        { name: t('columnUnitsUsing'), kind: 'number' },
        { name: t('columnUnitsTotal'), kind: 'number' },
        { name: t('columnShare'), kind: 'share' },
      ],
      rows: areas.map(([code, a]) => [nameOf.get(code) ?? code, code, a.n, a.total, a.share]),
    },
  };
}

/** `barn 0–17 år`, `invånare 0–19 år`, `invånare (alla åldrar)`: what the rate is per 10,000 of. */
export function rateBase(band: string, t: Translate): string {
  if (band === '0-17') return t('rateBaseChildren');
  return band === 'all' ? t('rateBaseAll') : t('rateBaseBand', { band: band.replace('-', '–') });
}

/** The population used, in words under the chart: band, year and file, and where it is not the extracts' year. */
function rateBasisNote(basis: RateBasis, t: Translate): string {
  const base = rateBase(basis.band, t);
  // Years as text: a number would get a thousands space (2 023).
  const lines = basis.populationYears.map((populationYear) => t('rateBasis', { base, populationYear: String(populationYear), file: basis.file }));
  const other = basis.populationYears.find((y) => y !== basis.year);
  if (other !== undefined) lines.push(t('rateBasisNearest', { year: String(basis.year), populationYear: String(other) }));
  if (basis.band !== '0-17') lines.push(t('rateBasisNotChildren', { base }));
  if (basis.latest) lines.push(t('rateLatestYear', { year: String(basis.year) }));
  return lines.join(' ');
}

/** Children with a method per 10,000 of the population the basis names, only where a population file gives it. */
export function rateMapSpec(
  rates: ReadonlyMap<string, { rate: number; perMonth: number; children: number }>,
  level: MapLevel,
  method: string,
  breaks: ClassBreaks,
  ctx: SpecContext,
  basis: RateBasis,
  view?: Box,
): ChartSpec {
  const { t, lang } = ctx;
  const name = methodName(method, lang);
  const base = rateBase(basis.band, t);
  const question = t('questionRate', { method: name, base, year: String(basis.year) });
  const { nameOf, areas } = areasByName(rates, level);
  const rate = (value: number) => formatRate(value, lang);
  const title = `${t('viewMap')}: ${name}`;
  return {
    id: `rate-${level}-${method}`,
    text: { title, subtitle: question, count: t('rateAreasN', { areas: areas.length }), ...credits(ctx), note: rateBasisNote(basis, t) },
    body: mapBody({ kind: 'map', level, values: areas.map(([code, a]) => [code, a.rate]), breaks, format: rate, noDataLabel: t('noPopulation'), legendTitle: t('measureRate', { base }) }, view),
    alt: `${title}. ${question}: ${areas.map(([code, a]) => `${nameOf.get(code) ?? code} ${rate(a.rate)}`).join('; ')}. ${rateBasisNote(basis, t)}`,
    table: {
      title,
      columns: [
        { name: t(level === 'county' ? 'columnCounty' : 'columnMunicipality'), kind: 'text' },
        { name: t('columnCode'), kind: 'text' },
        { name: t('columnPerMonth'), kind: 'number' },
        { name: t('columnChildren', { base }), kind: 'number' },
        { name: t('columnRate', { base }), kind: 'number' },
      ],
      rows: areas.map(([code, a]) => [nameOf.get(code) ?? code, code, a.perMonth, a.children, a.rate]),
    },
  };
}


/** A share in words: `41 %`, with the small-base mark where it rests on fewer than SMALL_BASE units. */
function waveShare(value: WaveShare | null, ctx: SpecContext): string {
  if (value === null) return '–';
  return `${pct(value.share, ctx)}${value.total < SMALL_BASE ? SMALL_MARK : ''}`;
}

/** The methods of a kind that either wave asked, in catalogue order. */
function changeMethods(changes: Changes, kind: 'intervention' | 'tool'): MethodChange[] {
  return changes.methods.filter((m) => m.kind === kind && m.shares.some((share) => share !== null));
}

/**
 * Interventions or tools between two waves (the last two of `changes`): per method its share in each
 * and the difference in percentage points; n/N of each wave, or of the panel, in the count line.
 */
export function changeSpec(changes: Changes, kind: 'intervention' | 'tool', ctx: SpecContext): ChartSpec {
  const { t, lang } = ctx;
  const [from, to] = [changes.waves.at(-2)!, changes.waves.at(-1)!];
  const [fromUnits, toUnits] = [changes.units.at(-2)!, changes.units.at(-1)!];
  const methods = changeMethods(changes, kind);
  const title = t(kind === 'tool' ? 'changeTitleTools' : 'changeTitleInterventions', { from, to });
  const subtitle = t(kind === 'tool' ? 'questionTools' : 'questionInterventions');
  const text = (m: MethodChange) => {
    const [a, b] = [m.shares.at(-2) ?? null, m.shares.at(-1) ?? null];
    const points = a && b ? t('changePoints', { points: formatPoints(b.share - a.share, lang) }) : t('changeNotAsked');
    return `${waveShare(a, ctx)} → ${waveShare(b, ctx)} (${points})`;
  };
  const totals = methods.flatMap((m) => m.shares.flatMap((share) => (share === null ? [] : [share.total])));
  const notes = [changes.panelOnly ? t('changePanelNote', { panel: changes.panel }) : t('changeAllNote'), smallBaseNote(totals, ctx).note ?? ''];
  const count = changes.panelOnly ? t('changeCountPanel', { panel: changes.panel, from, to }) : t('changeCount', { from, to, fromUnits, toUnits });
  const shareColumns = (wave: string) => [
    { name: t('columnWaveUsing', { wave }), kind: 'number' as const },
    { name: t('columnWaveTotal', { wave }), kind: 'number' as const },
    { name: t('columnWaveShare', { wave }), kind: 'share' as const },
  ];
  const cells = (share: WaveShare | null | undefined) => (share ? [share.n, share.total, share.share] : [null, null, null]);
  return {
    id: `change-${kind === 'tool' ? 'tools' : 'interventions'}`,
    text: { title, subtitle, count, ...credits(ctx), note: notes.filter(Boolean).join(' ') },
    body: {
      kind: 'change',
      fromLabel: from,
      toLabel: to,
      rows: methods.map((m) => ({ label: methodName(m.id, lang), from: m.shares.at(-2)?.share ?? null, to: m.shares.at(-1)?.share ?? null, text: text(m) })),
      formatTick: (share) => pct(share, ctx),
    },
    alt: `${title}. ${count}. ${methods.map((m) => `${methodName(m.id, lang)} ${text(m)}`).join('; ')}.`,
    table: {
      title,
      columns: [
        { name: t('columnMethod'), kind: 'text' },
        ...shareColumns(from),
        ...shareColumns(to),
        { name: t('columnPoints'), kind: 'number' },
        { name: t('columnStarted'), kind: 'number' },
        { name: t('columnStopped'), kind: 'number' },
      ],
      rows: methods.map((m) => {
        const [a, b] = [m.shares.at(-2), m.shares.at(-1)];
        return [methodName(m.id, lang), ...cells(a), ...cells(b), a && b ? Math.round((b.share - a.share) * 1000) / 10 : null, m.started.length, m.stopped.length];
      }),
    },
  };
}

/** Three or more waves: each method's share per wave as a line (the most used in the latest wave, at most MAX_LINES). */
export function waveLinesSpec(changes: Changes, kind: 'intervention' | 'tool', ctx: SpecContext): ChartSpec {
  const { t, lang } = ctx;
  const methods = changeMethods(changes, kind)
    .sort((a, b) => (b.shares.at(-1)?.share ?? -1) - (a.shares.at(-1)?.share ?? -1))
    .slice(0, MAX_LINES);
  const title = t(kind === 'tool' ? 'waveLinesTitleTools' : 'waveLinesTitleInterventions');
  const count = changes.panelOnly ? t('changeCountPanelAll', { panel: changes.panel }) : changes.waves.map((wave, i) => `${t('waveNamed', { wave })}: N = ${formatNumber(changes.units[i]!, lang)}`).join(' · ');
  return {
    id: `wave-lines-${kind === 'tool' ? 'tools' : 'interventions'}`,
    text: { title, subtitle: t(kind === 'tool' ? 'questionTools' : 'questionInterventions'), count, ...credits(ctx) },
    body: {
      kind: 'lines',
      periods: changes.waves,
      series: methods.map((m, i) => ({ label: methodName(m.id, lang), colour: i === 0 ? CHANGE.to : CATEGORY[i % CATEGORY.length]!, values: m.shares.map((share) => share?.share ?? 0) })),
      formatTick: (share) => pct(share, ctx),
      shares: true,
    },
    alt: `${title}. ${methods.map((m) => `${methodName(m.id, lang)}: ${m.shares.map((share, i) => `${changes.waves[i]} ${waveShare(share, ctx)}`).join(', ')}`).join('; ')}.`,
    table: {
      title,
      columns: [{ name: t('columnMethod'), kind: 'text' }, ...changes.waves.map((wave) => ({ name: t('columnWaveShare', { wave }), kind: 'share' as const }))],
      rows: methods.map((m) => [methodName(m.id, lang), ...m.shares.map((share) => share?.share ?? null)]),
    },
  };
}

/** The panel units that started and stopped using each method between the last two waves, by name, county and group. */
export function movesTable(changes: Changes, ctx: SpecContext): DataTable {
  const { t, lang } = ctx;
  const [from, to] = [changes.waves.at(-2)!, changes.waves.at(-1)!];
  return {
    title: t('changeUnitsHeading', { from, to }),
    columns: [
      { name: t('columnMethod'), kind: 'text' },
      { name: t('columnChange'), kind: 'text' },
      { name: t('columnUnit'), kind: 'text' },
      { name: t('columnCounty'), kind: 'text' },
      { name: t('columnSkrGroup'), kind: 'text' },
    ],
    rows: changes.methods.flatMap((m) =>
      [...m.started.map((unit) => [unit, t('columnStarted')] as const), ...m.stopped.map((unit) => [unit, t('columnStopped')] as const)].map(([unit, change]) => [
        methodName(m.id, lang),
        change,
        unit.label,
        COUNTIES.find((c) => c.code === unit.county)?.name ?? '',
        SKR_GROUPS.find((g) => g.code === unit.group)?.name ?? '',
      ]),
    ),
  };
}
