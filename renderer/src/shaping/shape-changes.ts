// The change view's figures (Förändring): each wave's rows of wave_use.sql → per method its share in
// each wave, the units that started and stopped between two waves, and the panel (units that answered
// both), from which the view, its chart and its exports are drawn.
import type { Row } from '../db/engine';
import { compareWaves, unitChanges, type WaveUse } from '../domain/waves';

interface UnitInfo {
  key: string;
  label: string;
  county: string | null;
  group: string | null;
}

/** The two waves compared, oldest first: the ones chosen while both are loaded and differ, else the last two. */
export function comparedWaves(waves: readonly string[], chosen: { from: string | null; to: string | null }): [string, string] {
  const { from, to } = chosen;
  const pair = from !== null && to !== null && from !== to && waves.includes(from) && waves.includes(to) ? [from, to] : [waves.at(-2)!, waves.at(-1)!];
  return pair.sort(compareWaves) as [string, string];
}

/** One wave as wave_use.sql gives it: its units, and per method the units asked and those using it. */
export interface WaveTable extends WaveUse {
  asked: ReadonlyMap<string, ReadonlySet<string>>;
  kinds: ReadonlyMap<string, 'intervention' | 'tool'>;
  info: ReadonlyMap<string, UnitInfo>;
}

export function waveTable(wave: string, rows: readonly Row[]): WaveTable {
  const units = new Set<string>();
  const asked = new Map<string, Set<string>>();
  const using = new Map<string, Set<string>>();
  const kinds = new Map<string, 'intervention' | 'tool'>();
  const info = new Map<string, UnitInfo>();
  const add = (map: Map<string, Set<string>>, id: string, unit: string) => (map.get(id) ?? map.set(id, new Set()).get(id)!).add(unit);
  for (const row of rows) {
    const id = String(row.method_id);
    const key = String(row.unit_key);
    units.add(key);
    kinds.set(id, row.kind === 'tool' ? 'tool' : 'intervention');
    info.set(key, { key, label: String(row.unit_label), county: row.county_code === null ? null : String(row.county_code), group: row.skr_group === null ? null : String(row.skr_group) });
    add(asked, id, key);
    if (!using.has(id)) using.set(id, new Set());
    if (row.is_using === true) add(using, id, key);
  }
  return { wave, units, asked, using, kinds, info };
}

/** n of N in one wave; null where the wave's files did not ask the method. */
export interface WaveShare {
  n: number;
  total: number;
  share: number;
}

export interface MethodChange {
  id: string;
  kind: 'intervention' | 'tool';
  /** One per wave, in the order given. */
  shares: (WaveShare | null)[];
  /** Between the last two waves given, among the panel: who started and who stopped. */
  started: UnitInfo[];
  stopped: UnitInfo[];
}

export interface Changes {
  waves: string[];
  methods: MethodChange[];
  /** Units that answered every wave given. */
  panel: number;
  /** Units that answered each wave given. */
  units: number[];
  /** Shares only of the panel (a change in who answered is then no change in the figures). */
  panelOnly: boolean;
}

/**
 * Per method either wave asked, its share in each wave (of all the wave's units, or with `panelOnly` of
 * the units that answered every wave), and between the last two waves the panel units that started and
 * stopped using it; methods in the order their rows came (the catalogue's).
 */
export function changesOf(waves: readonly WaveTable[], panelOnly: boolean): Changes {
  const panel = new Set(waves.slice(1).reduce<string[]>((keys, w) => keys.filter((k) => w.units.has(k)), [...(waves[0]?.units ?? [])]));
  const ids = [...new Set(waves.flatMap((w) => [...w.asked.keys()]))];
  const [from, to] = [waves.at(-2), waves.at(-1)];
  const moves = from && to ? unitChanges(from, to) : new Map<string, { started: string[]; stopped: string[] }>();
  const info = (key: string) => to?.info.get(key) ?? from?.info.get(key) ?? { key, label: key, county: null, group: null };
  const methods = ids.map((id) => ({
    id,
    kind: waves.map((w) => w.kinds.get(id)).find((k) => k !== undefined) ?? 'intervention',
    shares: waves.map((w) => {
      const asked = [...(w.asked.get(id) ?? [])].filter((k) => !panelOnly || panel.has(k));
      if (!w.asked.has(id) || asked.length === 0) return null;
      const n = asked.filter((k) => w.using.get(id)?.has(k)).length;
      return { n, total: asked.length, share: n / asked.length };
    }),
    started: (moves.get(id)?.started ?? []).map(info),
    stopped: (moves.get(id)?.stopped ?? []).map(info),
  }));
  return { waves: waves.map((w) => w.wave), methods, panel: panel.size, units: waves.map((w) => (panelOnly ? panel.size : w.units.size)), panelOnly };
}
