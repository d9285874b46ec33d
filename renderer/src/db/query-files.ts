// The analyses live in queries/*.sql, one statement each; the file name is the query id. The engine
// carries their text (see bundled-queries.ts for the app, scripts/node-engine.ts for Node).
import { toRows, type Engine, type Row } from './engine';

export type QueryId =
  | 'table_columns'
  | 'method_adoption'
  | 'unit_matches'
  | 'unmatched_methods'
  | 'overview'
  | 'overview_sources'
  | 'scale_answers'
  | 'training_coverage'
  | 'county_method_share'
  | 'county_units'
  | 'coverage_gaps'
  | 'usage_trend'
  | 'usage_periods'
  | 'unit_method_use'
  | 'population_rate';

/**
 * Runs a query file with its parameters. The views pass every filter to every file; a file gets exactly
 * as many as it has `$n` (DuckDB refuses more or fewer), the missing ones NULL: a filter not set.
 */
export async function runQuery(engine: Engine, id: QueryId, params: unknown[] = []): Promise<Row[]> {
  const sql = engine.queryFiles[id];
  if (sql === undefined) throw new Error(`No query file queries/${id}.sql`);
  const count = parameterCount(sql);
  const values = Array.from({ length: count }, (_, i) => (i < params.length ? params[i] : null));
  return toRows(await engine.query(sql, values));
}

/** The highest `$n` in a statement, comment lines left out. */
export function parameterCount(sql: string): number {
  const code = sql.replace(/--.*$/gm, '');
  return Math.max(0, ...[...code.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
}
