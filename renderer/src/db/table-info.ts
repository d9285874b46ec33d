// What the first view shows of a loaded table: its row count, columns with types, and first rows.
import { toRows, type Engine, type Row } from './engine';
import { runQuery } from './query-files';
import { quoteIdent } from './table-name';

export interface ColumnInfo {
  name: string;
  type: string;
}

export async function describeTable(engine: Engine, table: string): Promise<{ rowCount: number; columns: ColumnInfo[] }> {
  const [count] = toRows(await engine.query(`SELECT count(*)::INTEGER AS n FROM ${quoteIdent(table)}`));
  const columns = (await runQuery(engine, 'table_columns', [table])).map((row) => ({
    name: String(row.column_name),
    type: String(row.data_type),
  }));
  return { rowCount: Number(count?.n ?? 0), columns };
}

export async function allRows(engine: Engine, table: string): Promise<Row[]> {
  return toRows(await engine.query(`SELECT * FROM ${quoteIdent(table)}`));
}

export async function previewRows(engine: Engine, table: string, limit = 50): Promise<Row[]> {
  return toRows(await engine.query(`SELECT * FROM ${quoteIdent(table)} LIMIT ?`, [limit]));
}
