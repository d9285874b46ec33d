// A chart as data, independent of React: what the app draws on screen (with Recharts and HTML) is
// also described here, so it can be drawn again as a standalone SVG, PNG or PDF with its title,
// question, n/N, source and note on the image, in the app and on the command line.
import type { ClassBreaks, MapLevel } from '../maps/choropleth';
import type { Box } from '../maps/zoom';
import type { DataTable } from './table-export';

interface ChartText {
  title: string;
  /** The question asked. */
  subtitle?: string;
  /** n and N, in words ("N = 56 enheter"). */
  count?: string;
  /** "Källa: …, egen bearbetning." */
  source?: string;
  /** Figures from the samples bundled with the app: said above the title, not editable. */
  sample?: string;
  /** The user's own note, and footnotes such as the suppression mark. */
  note?: string;
}

export interface BarDatum {
  label: string;
  share: number;
  /** The label beside the bar: "41 % (23 av 56)". */
  text: string;
  colour: string;
}

export interface DivergingDatum {
  label: string;
  /** One share per step of the scale, negative to positive. */
  shares: number[];
  headline: string;
}

export interface HeatDatum {
  label: string;
  /** One per column; null where the column's files did not ask. */
  cells: ({ share: number; text: string } | null)[];
}

/** One method between two waves: its share in each (null: that wave did not ask it), and the words beside it. */
export interface ChangeDatum {
  label: string;
  from: number | null;
  to: number | null;
  /** "34 % → 42 % (+8 procentenheter)". */
  text: string;
}

export interface LineSeries {
  label: string;
  colour: string;
  values: number[];
  emphasis?: boolean;
}

export type ChartBody =
  | { kind: 'bars'; bars: BarDatum[]; formatTick: (share: number) => string }
  | { kind: 'diverging'; steps: { label: string; colour: string }[]; rows: DivergingDatum[] }
  /** `withScale: false` where cells are yes/no (coverage), not shares: no colour scale then. */
  | { kind: 'heat'; columns: string[]; rows: HeatDatum[]; withScale?: boolean }
  /** `shares`: values are shares of units (0–1), else counts. */
  | { kind: 'lines'; periods: string[]; series: LineSeries[]; formatTick: (value: number) => string; shares?: boolean }
  /** Shares in two waves, a dot for each joined by a line (a dumbbell): the change between them. */
  | { kind: 'change'; fromLabel: string; toLabel: string; rows: ChangeDatum[]; formatTick: (share: number) => string }
  /** A choropleth of Sweden: values by register code, classes and their colours. */
  | {
      kind: 'map';
      level: MapLevel;
      values: [string, number][];
      breaks: ClassBreaks;
      format: (value: number) => string;
      noDataLabel: string;
      legendTitle: string;
      /** Only this box of the country (map units, maps/zoom.ts), as the map on screen was zoomed; without it, all of it. */
      view?: Box;
    };

export interface ChartSpec {
  /** Stable, file-name safe: "adoption-family-treatment". */
  id: string;
  text: ChartText;
  body: ChartBody;
  /** What a screen reader says for the image; generated from the data, editable. */
  alt: string;
  /** The chart's figures, for CSV and XLSX. */
  table: DataTable;
}

/**
 * What a screen reader is told of the drawn chart: its alt text, after the sample mark where the
 * figures are sample data (so the user's own alt text cannot leave it out).
 */
export function spokenAlt(spec: ChartSpec): string {
  return spec.text.sample ? `${spec.text.sample} ${spec.alt}` : spec.alt;
}
