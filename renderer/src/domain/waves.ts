// Survey waves: the same survey answered year after year. A survey file's wave is the year its answers
// were given (the tools' response dates: Microsoft Forms `Starttid`/`Slutförandetid`, Google Forms
// `Tidstämpel`, Netigate and Esmaker dates), else a year in its file name; none is guessed beyond that.

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

/** The one year (1990–2099) a file name gives, as in `metodenkat-2024.xlsx`; none if it gives none or several. */
export function waveFromFileName(name: string): string | null {
  const years = new Set([...name.matchAll(/(?<!\d)(19[9]\d|20\d\d)(?!\d)/g)].map((m) => m[1]!));
  return years.size === 1 ? [...years][0]! : null;
}

/** Waves in time order: by the first year they name, then as text (`2023` before `2023-höst` before `2024`). */
export function compareWaves(a: string, b: string): number {
  return a.localeCompare(b, 'sv', { numeric: true });
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

/** Per method either wave reports: the panel, and how many of it started and stopped using the method. */
export function changesBetween(from: WaveUse, to: WaveUse): WaveChange[] {
  const panel = [...from.units].filter((unit) => to.units.has(unit));
  const none = new Set<string>();
  return [...new Set([...from.using.keys(), ...to.using.keys()])].map((id) => {
    const before = from.using.get(id) ?? none;
    const after = to.using.get(id) ?? none;
    return {
      id,
      from: from.wave,
      to: to.wave,
      panel: panel.length,
      started: panel.filter((unit) => after.has(unit) && !before.has(unit)).length,
      stopped: panel.filter((unit) => before.has(unit) && !after.has(unit)).length,
    };
  });
}
