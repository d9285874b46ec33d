// Survey waves: the same survey answered year after year. A survey file's wave is the year its answers
// were given (the tools' response dates: Microsoft Forms `Starttid`/`Slutförandetid`, Google Forms
// `Tidstämpel`, Netigate and Esmaker dates), else a year in its file name; none is guessed beyond that.

/** Where a file's wave came from: a column of response dates, a year in the file's name, the user, or nowhere. */
type WaveFrom = { kind: 'dates'; column: string } | { kind: 'file-name' } | { kind: 'chosen' } | { kind: 'none' };

/** A survey file's wave ('2024'; null: nothing says one) and where it came from. */
export interface WaveReading {
  wave: string | null;
  from: WaveFrom;
}

/** A wave as the user types it: trimmed, at most 40 characters; empty is none. */
export function cleanWave(text: string): string | null {
  const wave = text.trim().replace(/\s+/g, ' ').slice(0, 40);
  return wave === '' ? null : wave;
}

/** The waves of these files, oldest first, each once (files without one left out). */
export function wavesOf(waves: readonly (string | null | undefined)[]): string[] {
  return [...new Set(waves.filter((w): w is string => typeof w === 'string'))].sort(compareWaves);
}

/** The wave a year chooses: the one wave whose first year is that year; null when none or several are. */
export function waveOfYear(year: string, waves: readonly string[]): string | null {
  const of = waves.filter((wave) => /(?<!\d)(19|20)\d\d(?!\d)/.exec(wave)?.[0] === year);
  return of.length === 1 ? of[0]! : null;
}

/** Headers of the columns that say when an answer was given; completion before start where both exist. */
const COMPLETED = /^(slutförandetid|completion time|tidstämpel|tidsstämpel|timestamp|inskickad|inskickat|submitted|submit ?date|date submitted|svarsdatum|svarstid|besvarad|besvarat|avslutad|completed|end ?date|end time|slutdatum|datum(?=$))\b/i;
const STARTED = /^(starttid|start time|startdatum|start ?date|påbörjad|started)\b/i;

/** The columns to read a wave from, best first: completion times, then start times. */
export function responseDateColumns(columns: readonly string[]): string[] {
  const trimmed = (name: string) => name.trim();
  return [...columns.filter((c) => COMPLETED.test(trimmed(c))), ...columns.filter((c) => STARTED.test(trimmed(c)))];
}

/**
 * The wave of a file whose answers were given in these years: the year most of them were given (a
 * survey open over New Year belongs to the year most answered in; a tie goes to the later year).
 */
export function waveFromYears(years: ReadonlyMap<number, number>): string | null {
  let best: [number, number] | null = null;
  for (const [year, count] of years) {
    if (count > 0 && (best === null || count > best[1] || (count === best[1] && year > best[0]))) best = [year, count];
  }
  return best ? String(best[0]) : null;
}

/** A share over fewer units than this is flagged wherever shares are shown: 100 % of 1 unit is not 100 % of 20. */
export const SMALL_BASE = 5;

/** The mark on such a share (heat map, map, change view); the chart's note says what it means. */
export const SMALL_MARK = '*';

/** The one year (1990–2099) a file name gives, as in `metodenkat-2024.xlsx`; none if it gives none or several. */
export function waveFromFileName(name: string): string | null {
  const years = new Set([...name.matchAll(/(?<!\d)(19[9]\d|20\d\d)(?!\d)/g)].map((m) => m[1]!));
  return years.size === 1 ? [...years][0]! : null;
}

/**
 * A wave's place in time: its first year (none: after every year), then its label as text. The model's
 * SQL orders waves by the same key (wave_key in queries/model/schema.sql), so both agree on "latest".
 */
function waveKey(wave: string): string {
  return `${/(?<!\d)(19|20)\d\d(?!\d)/.exec(wave)?.[0] ?? '9999'} ${wave}`;
}

/** Waves in time order: by the first year they name, then as text (`2023` before `2023 höst` before `2024`). */
export function compareWaves(a: string, b: string): number {
  const [x, y] = [waveKey(a), waveKey(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** One wave as the change between waves needs it: the units that answered, and by method those using it. */
export interface WaveUse {
  wave: string;
  units: ReadonlySet<string>;
  /** The methods the wave's files report, each with the units using it (an empty set: asked, none using). */
  using: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface WaveChange {
  id: string;
  from: string;
  to: string;
  /** Units that answered in both waves: a change among them is a change in practice, not in who answered. */
  panel: number;
  /** Panel units using the method in `to` and not in `from`. */
  started: number;
  /** Panel units using it in `from` and not in `to`. */
  stopped: number;
}

/** The units that answered both waves (the panel), in `from`'s order. */
function panelOf(from: Pick<WaveUse, 'units'>, to: Pick<WaveUse, 'units'>): string[] {
  return [...from.units].filter((unit) => to.units.has(unit));
}

/**
 * Per method either wave reports: the panel units that started using it (using it in `to`, not in
 * `from`) and those that stopped (the reverse). Units that answered only one wave are neither: a unit
 * that did not answer again has not stopped, one answering for the first time has not started.
 */
export function unitChanges(from: WaveUse, to: WaveUse): Map<string, { started: string[]; stopped: string[] }> {
  const panel = panelOf(from, to);
  const none = new Set<string>();
  return new Map(
    [...new Set([...from.using.keys(), ...to.using.keys()])].map((id) => {
      const before = from.using.get(id) ?? none;
      const after = to.using.get(id) ?? none;
      return [id, { started: panel.filter((unit) => after.has(unit) && !before.has(unit)), stopped: panel.filter((unit) => before.has(unit) && !after.has(unit)) }];
    }),
  );
}

/** Per method either wave reports: the panel, and how many of it started and stopped using the method. */
export function changesBetween(from: WaveUse, to: WaveUse): WaveChange[] {
  const panel = panelOf(from, to).length;
  return [...unitChanges(from, to)].map(([id, { started, stopped }]) => ({ id, from: from.wave, to: to.wave, panel, started: started.length, stopped: stopped.length }));
}
