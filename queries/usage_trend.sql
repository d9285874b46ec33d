-- Month by month from the usage extracts: per period and catalogue method, the units with a count above
-- zero and the total count, and the units the extracts hold after the filters (`units_total`, N).
-- Methods outside the catalogue and rows without a period are left out.
-- $1 county code, $2 SKR group, $3 unit type ('municipality' | 'district'); NULL = all (see units and
-- filtered_units in renderer/src/domain/model.ts). $4 period: a year ('2023') or NULL.
WITH usage_rows AS (
  SELECT x.period, m.method_id, c.position, u.unit_key, x.count
  FROM usage AS x
  JOIN filtered_units($1, $2, $3) AS u USING (unit_name)
  JOIN method_map AS m USING (method_name)
  JOIN method_catalogue AS c ON c.id = m.method_id
  WHERE x.period IS NOT NULL AND ($4 IS NULL OR starts_with(x.period, $4))
)
SELECT
  period,
  method_id,
  count(DISTINCT unit_key) FILTER (WHERE count > 0)::INTEGER AS units_using,
  coalesce(sum(count), 0) AS total_count,
  (SELECT count(DISTINCT unit_key) FROM usage_rows)::INTEGER AS units_total
FROM usage_rows
GROUP BY period, method_id, position
ORDER BY period, position
