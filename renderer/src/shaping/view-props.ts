import type { Engine, Row } from '../db/engine';
import type { ColumnRole, Shape, ShapeGuess } from '../domain/shape-detect';
import type { Filters } from './filters';
import type { Translate } from '../i18n/i18n';
import type { ViewId } from './view-ids';

type Role = ColumnRole['role'];

/** A confirmed file, as the views name it under a chart, with the roles its columns were given. */
export interface LoadedFile {
  name: string;
  roles: ReadonlySet<Role>;
  /** One of the samples bundled with the app: the charts it feeds say they show sample data. */
  sample: boolean;
  shape: Shape;
  /** Its table in the model (`sources.source`). */
  table: string;
  /** A survey's wave ('2024') or a training export's year; null for other files and those that say none. */
  wave: string | null;
  /** Whether its figures count under the wave chosen (wave_sources.sql); true for files that are not surveys. */
  counts: boolean;
  /** An extract's first and last period (`2022-01–2024-12`), as wave_sources.sql gives them; null for other files. */
  periods: string | null;
}

export function loadedFile(name: string, guess: ShapeGuess, table: string, sample = false, wave: string | null = null): LoadedFile {
  return { name, roles: new Set(Object.values(guess.roles).map((r) => r.role)), sample, shape: guess.shape, table, wave, counts: true, periods: null };
}

/**
 * The files with whether each counts under the wave chosen and an extract's periods, from wave_sources.sql's
 * rows (null: not known yet; then every file counts).
 */
export function withCounting(sources: readonly LoadedFile[], counting: readonly Row[] | null): LoadedFile[] {
  if (counting === null) return [...sources];
  const surveys = new Set(counting.filter((r) => r.kind === 'survey').map((r) => String(r.source)));
  const periods = new Map(counting.filter((r) => r.kind === 'extract').map((r) => [String(r.source), r.first_period === r.last_period ? String(r.first_period) : `${String(r.first_period)}–${String(r.last_period)}`]));
  return sources.map((s) => ({ ...s, counts: !isSurvey(s) || surveys.has(s.table), periods: periods.get(s.table) ?? null }));
}

/** A survey file: the files that have waves. */
export const isSurvey = (file: Pick<LoadedFile, 'shape'>) => file.shape === 'survey-wide' || file.shape === 'survey-multi';

/** The waves Förändring compares (null: the last two) and whether only the panel counts. */
export interface ChangeViewChoice {
  from: string | null;
  to: string | null;
  panelOnly: boolean;
}

export const DEFAULT_CHANGE_VIEW: ChangeViewChoice = { from: null, to: null, panelOnly: false };

/** What every analysis view gets: the engine, the filters, and the files the figures come from. */
export interface ViewProps {
  engine: () => Promise<Engine>;
  filters: Filters;
  /** Changes whenever a file is added or removed, so views query again. */
  dataVersion: number;
  sources: readonly LoadedFile[];
  onFilters: (filters: Filters) => void;
  /** The units invited to the survey, as the analyst entered it (the exports do not say); kept in the workspace. */
  invited: number | null;
  onInvited: (invited: number | null) => void;
  /** Förändring's choices (the waves compared, the panel switch); kept in the workspace. */
  changeView: ChangeViewChoice;
  onChangeView: (choice: ChangeViewChoice) => void;
  /** Opens another view (Översikt's key figures link to the view that shows them in full). */
  onView?: (view: ViewId) => void;
}

/** Roles that make a file report method use: ticked options, choices in a cell, counts per method. */
export const METHOD_USE: readonly Role[] = ['method-flag', 'method-choices', 'count'];

/**
 * The files with a column in any of these roles, as the source line of a chart names them. With a wave
 * chosen, only the surveys that count in it, each named with its own wave (`enkät.xlsx (omgång 2024)`;
 * a survey asked only in 2023 counts as 2023), and an extract with the year chosen (`uttag.csv (2023)`):
 * nothing of different years is merged unsaid.
 */
export function namesWith(sources: readonly LoadedFile[], roles: readonly Role[], filters: Pick<Filters, 'wave' | 'period'>, t: Translate): string[] {
  const { wave, period } = filters;
  return sources
    .filter((s) => roles.some((role) => s.roles.has(role)) && (wave === null || !isSurvey(s) || (s.counts && s.wave !== null)))
    .map((s) => {
      if (wave !== null && isSurvey(s) && s.wave !== null) return `${s.name} (${t('waveNamed', { wave: s.wave })})`;
      if (period !== null && s.shape === 'usage') return `${s.name} (${period})`;
      if (wave !== null && s.shape === 'training' && s.wave !== null) return `${s.name} (${s.wave})`;
      // Beside a wave, an extract of every year says which months it spans.
      if (wave !== null && s.shape === 'usage' && s.periods !== null) return `${s.name} (${s.periods})`;
      return s.name;
    });
}

/** The surveys of exactly this wave with a column in any of these roles, named with it (the change view's source lines). */
export function waveFileNames(sources: readonly LoadedFile[], roles: readonly Role[], wave: string, t: Translate): string[] {
  return namesWith(
    sources.filter((s) => isSurvey(s) && s.wave === wave).map((s) => ({ ...s, counts: true })),
    roles,
    { wave, period: null },
    t,
  );
}

/** Whether any of the files a chart names (`files`, as namesWith gives them) is a bundled sample. */
export function fromSample(sources: readonly LoadedFile[], files: readonly string[]): boolean {
  return sources.some((s) => s.sample && files.some((f) => f === s.name || f.startsWith(`${s.name} (`)));
}
