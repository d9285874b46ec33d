-- Every table the user has loaded, with its size: the Översikt of what the figures come from.
SELECT
  t.table_name,
  t.column_count::INTEGER AS column_count,
  t.estimated_size::INTEGER AS estimated_rows
FROM duckdb_tables() AS t
WHERE t.schema_name = 'main'
  AND NOT t.temporary
ORDER BY t.table_name
