// The analyses live in queries/*.sql, one statement each; the file name is the query id.
// Vite inlines them at build time, so the app reads no files at run time.
import { toRows, type Engine, type Row } from './engine';

const files = import.meta.glob<string>('../../../queries/*.sql', { query: '?raw', import: 'default', eager: true });

export const QUERY_SQL: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(files).map(([path, sql]) => [path.replace(/^.*\/([^/]+)\.sql$/, '$1'), sql]),
);

export type QueryId = 'table_columns' | 'loaded_tables';

export async function runQuery(engine: Engine, id: QueryId, params: unknown[] = []): Promise<Row[]> {
  const sql = QUERY_SQL[id];
  if (sql === undefined) throw new Error(`No query file queries/${id}.sql`);
  return toRows(await engine.query(sql, params));
}
