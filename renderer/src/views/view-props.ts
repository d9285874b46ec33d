import type { Engine } from '../db/engine';
import type { Filters } from './filters';

/** What every analysis view gets: the engine, the filters, and the files the figures come from. */
export interface ViewProps {
  engine: () => Promise<Engine>;
  filters: Filters;
  /** Changes whenever a file is added or removed, so views query again. */
  dataVersion: number;
  sources: readonly string[];
  onCounty?: (county: string) => void;
}
