// Every view's charts, from the query files, for the report pack: the same queries, shaping and
// specs as the views on screen, run without React (the app's "all views" export and the command line).
import type { Lang } from '../../../electron/shared/ipc-contract';
import { translate } from '../i18n/translate';
import type { Engine } from '../db/engine';
import { runQuery, type QueryId } from '../db/query-files';
import type { ScaleId } from '../domain/likert';
import type { ChartSpec } from '../export/chart-spec';
import { DEFAULT_SUPPRESSION, type SuppressionSettings } from '../export/suppress';
import type { DataTable } from '../export/table-export';
import type { Translate } from '../i18n/i18n';
import { classBreaks } from '../maps/choropleth';
import { mapRates, mapShares, methodsIn, rateYear } from '../maps/map-data';
import { filterParams, type Filters } from '../shaping/filters';
import { adoptionGroups } from '../shaping/shape-adoption';
import { otherScales, scaleQuestions } from '../shaping/shape-scales';
import { VIEW_KEYS, VIEWS, type ViewId } from '../shaping/view-ids';
import { DEFAULT_CHANGE_VIEW, fromSample, isSurvey, METHOD_USE, namesWith, waveFileNames, withCounting, type ChangeViewChoice, type LoadedFile } from '../shaping/view-props';
import { changesOf, comparedWaves, waveTable, type WaveTable } from '../shaping/shape-changes';
import { wavesOf } from '../domain/waves';
import {
  adoptionSpec,
  changeSpec,
  countyHeatSpec,
  movesTable,
  waveLinesSpec,
  coverageSpec,
  scaleSpec,
  trainingSpec,
  trendShape,
  trendSpec,
  yearlyCounts,
  yearlyCountsTable,
  mapSpec,
  rateMapSpec,
  TOOL_QUESTION,
  type SpecContext,
} from '../shaping/specs';

export interface Section {
  view: ViewId;
  /** The view's name: the report's chapter. */
  chapter: string;
  spec: ChartSpec;
  /** Further tables the view shows beside the chart (suppressed counts). */
  tables: DataTable[];
}

export interface SectionOptions {
  filters: Filters;
  lang: Lang;
  sources: readonly LoadedFile[];
  suppression?: SuppressionSettings;
  views?: readonly ViewId[];
  /** Förändring's choices as on screen: the waves compared and the panel switch (default: the last two, all units). */
  changeView?: ChangeViewChoice;
}

export async function buildSections(engine: Engine, options: SectionOptions): Promise<Section[]> {
  const { filters, lang } = options;
  // The surveys that count in the wave chosen: the source lines name them, each with its wave.
  const sources = withCounting(options.sources, await runQuery(engine, 'wave_sources', filterParams(filters)));
  const t: Translate = (key, params) => translate(lang, key, params);
  const suppression = options.suppression ?? DEFAULT_SUPPRESSION;
  const query = (id: QueryId) => runQuery(engine, id, filterParams(filters));
  const ctx = (files: string[]): SpecContext => ({ lang, t, files, sample: fromSample(sources, files), suppression });
  const methodFiles = namesWith(sources, METHOD_USE, filters, t);
  const sections: Section[] = [];
  const add = (view: ViewId, spec: ChartSpec, tables: DataTable[] = []) => sections.push({ view, chapter: t(VIEW_KEYS[view]), spec, tables });

  const scales = async (view: ViewId, wanted: readonly ScaleId[], only?: RegExp, withOthers = false) => {
    const questions = scaleQuestions(await query('scale_answers')).filter((q) => !only || only.test(q.question));
    const ids = withOthers ? [...wanted, ...otherScales(questions)] : wanted;
    for (const scale of ids) {
      const list = questions.filter((q) => q.scale === scale);
      if (list.length > 0) add(view, scaleSpec(scale, list, ctx(namesWith(sources, ['likert'], filters, t))));
    }
  };

  for (const view of options.views ?? VIEWS) {
    switch (view) {
      case 'overview':
        break; // figures and files go on the cover
      case 'interventions':
      case 'tools': {
        const kind = view === 'tools' ? 'tool' : 'intervention';
        for (const group of adoptionGroups(await query('method_adoption'), kind, lang)) add(view, adoptionSpec(group, kind, ctx(methodFiles)));
        if (view === 'tools') {
          await scales(view, ['frequency'], TOOL_QUESTION);
          const training = await query('training_coverage');
          if (training.length > 0) add(view, trainingSpec(training, ctx(namesWith(sources, ['trained'], filters, t))));
        }
        break;
      }
      case 'satisfaction':
        await scales(view, ['satisfaction', 'extent']);
        break;
      case 'knowledge':
        await scales(view, ['knowledge', 'frequency'], undefined, true);
        break;
      case 'counties': {
        const rows = await query('county_method_share');
        if (rows.length > 0) add(view, countyHeatSpec(rows, ctx(methodFiles), filters.method));
        break;
      }
      case 'map': {
        const rows = await query('unit_method_use');
        const method = filters.method ?? methodsIn(rows)[0];
        if (!method) break;
        for (const level of ['county', 'municipality'] as const) {
          const shares = mapShares(rows, level, method);
          add(view, mapSpec(shares, level, method, classBreaks([...shares.values()].map((a) => a.share), 'fixed', 5, [0.2, 0.4, 0.6, 0.8]), ctx(methodFiles)));
        }
        // Where a population gives the rate: per municipality in equal classes (as the view starts), the year
        // and the population said under it.
        const rated = rateYear(await query('population_rate'), filters.period);
        if (rated) {
          const rates = mapRates(rated.rows, 'municipality', method);
          const files = [...namesWith(sources, ['count'], filters, t), rated.basis.file];
          add(view, rateMapSpec(rates, 'municipality', method, classBreaks([...rates.values()].map((a) => a.rate), 'equal', 5), ctx(files), rated.basis));
        }
        break;
      }
      case 'coverage': {
        const rows = await query('coverage_gaps');
        if (rows.length > 0) add(view, coverageSpec(rows, ctx(methodFiles)));
        break;
      }
      case 'trends': {
        const rows = await query('usage_trend');
        if (rows.length === 0) break;
        const c = ctx(namesWith(sources, ['count'], filters, t));
        add(view, trendSpec(trendShape(rows, filters.method), c, filters.method), [yearlyCountsTable(yearlyCounts(rows, c), c)]);
        break;
      }
      case 'changes': {
        // The waves compared as on screen (default: the last two), all units or the panel as chosen there.
        const waves = wavesOf(sources.filter(isSurvey).map((s) => s.wave));
        if (waves.length < 2) break;
        const choice = options.changeView ?? DEFAULT_CHANGE_VIEW;
        const chosen = comparedWaves(waves, choice);
        const tables: WaveTable[] = [];
        for (const wave of waves) tables.push(waveTable(wave, await runQuery(engine, 'wave_use', filterParams({ ...filters, period: null, wave }))));
        const changes = changesOf(tables.filter((table) => chosen.includes(table.wave)), choice.panelOnly);
        const c = ctx(chosen.flatMap((wave) => waveFileNames(sources, METHOD_USE, wave, t)));
        const kinds = (['intervention', 'tool'] as const).filter((kind) => changes.methods.some((m) => m.kind === kind));
        kinds.forEach((kind, i) => add(view, changeSpec(changes, kind, c), i === kinds.length - 1 ? [movesTable(changes, c)] : []));
        if (waves.length >= 3) for (const kind of kinds) add(view, waveLinesSpec(changesOf(tables, choice.panelOnly), kind, c));
        break;
      }
    }
  }
  return sections;
}
