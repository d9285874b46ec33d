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
  | 'population_rate'
  | 'wave_use'
  | 'wave_sources';

/**
 * Runs a query file with its parameters. The views pass every filter to every file (filterParams: $1 …
 * $5); a file reads the ones it needs, and DuckDB takes exactly as many values as a statement has `$n`,
 * numbered from 1 without a gap. So a file's `$n` are numbered again in order (`$1, $2, $3, $5` become
 * `$1 … $4`) and given their values; a parameter past the end of `params` is NULL: a filter not set.
 */
export async function runQuery(engine: Engine, id: QueryId, params: unknown[] = []): Promise<Row[]> {
  const sql = engine.queryFiles[id];
  if (sql === undefined) throw new Error(`No query file queries/${id}.sql`);
  const used = parametersUsed(sql);
  const position = new Map(used.map((n, i) => [n, i + 1]));
  const code = sql.replace(/--.*$/gm, '').replace(/\$(\d+)/g, (_, n: string) => `$${position.get(Number(n))!}`);
  return toRows(await engine.query(code, used.map((n) => (n <= params.length ? params[n - 1] : null))));
}

/** The `$n` a statement reads, in order, comment lines left out. */
export function parametersUsed(sql: string): number[] {
  const code = sql.replace(/--.*$/gm, '');
  return [...new Set([...code.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
}
