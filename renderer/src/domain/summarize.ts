// The headless summary (`metodkartan summarize --json`): files, units, methods, and what did not match.
import type { Engine } from '../db/engine';
import { runQuery } from '../db/query-files';
import type { Fate } from './accounting';
import type { LoadedSource } from './load-source';

export interface Summary {
  files: {
    file: string;
    shape: string;
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
}

const orNull = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

export async function summarize(engine: Engine, sources: readonly LoadedSource[]): Promise<Summary> {
  const units = await runQuery(engine, 'unit_matches');
  const methods = await runQuery(engine, 'method_adoption', [null, null, null]); // no county, SKR-group or unit-type filter
  const unmatchedMethods = await runQuery(engine, 'unmatched_methods');
  return {
    files: sources.map(({ table, guess, account }) => ({
      file: table.fileName,
      shape: guess.shape,
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
  };
}
