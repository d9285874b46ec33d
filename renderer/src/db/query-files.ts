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
  | 'usage_trend';

export async function runQuery(engine: Engine, id: QueryId, params: unknown[] = []): Promise<Row[]> {
  const sql = engine.queryFiles[id];
  if (sql === undefined) throw new Error(`No query file queries/${id}.sql`);
  return toRows(await engine.query(sql, params));
}
