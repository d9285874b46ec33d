-- The columns of one loaded table, in file order, with DuckDB's type names.
-- $1: table name
SELECT
  column_name,
  data_type
FROM information_schema.columns
WHERE table_catalog = current_database()
  AND table_schema = 'main'
  AND table_name = $1
ORDER BY ordinal_position
