-- Month by month from the usage extracts: per period and catalogue method, the units with a count above
-- zero and the total count. Methods outside the catalogue and rows without a period are left out.
-- $1 county code, $2 SKR group, $3 unit type ('municipality' | 'district'); NULL = all. A unit is a district
-- when the register places it in a city district. Unmatched units pass only when no filter is set.
WITH filters AS (
  SELECT CAST($1 AS VARCHAR) AS county_code, CAST($2 AS VARCHAR) AS skr_group, CAST($3 AS VARCHAR) AS unit_type
),
-- Every unit name the files write, with its register identity (by name when unmatched) and label.
units AS (
  SELECT
    n.unit_name,
    coalesce(m.unit_key, 'namn:' || n.unit_name) AS unit_key,
    m.county_code,
    r.skr_group,
    CASE WHEN m.district IS NOT NULL THEN 'district' WHEN m.municipality_code IS NOT NULL THEN 'municipality' END AS unit_type,
    CASE WHEN m.district IS NOT NULL THEN r.name || ' – ' || m.district ELSE coalesce(r.name, n.unit_name) END AS unit_label
  FROM (SELECT unit_name FROM responding_units UNION SELECT unit_name FROM training) AS n
  LEFT JOIN unit_map AS m USING (unit_name)
  LEFT JOIN register_municipalities AS r ON r.municipality_code = m.municipality_code
),
filtered_units AS (
  SELECT u.*
  FROM units AS u, filters AS f
  WHERE (f.county_code IS NULL OR u.county_code = f.county_code)
    AND (f.skr_group IS NULL OR u.skr_group = f.skr_group)
    AND (f.unit_type IS NULL OR u.unit_type = f.unit_type)
),
usage_rows AS (
  SELECT x.period, m.method_id, c.position, u.unit_key, x.count
  FROM usage AS x
  JOIN filtered_units AS u USING (unit_name)
  JOIN method_map AS m USING (method_name)
  JOIN method_catalogue AS c ON c.id = m.method_id
  WHERE x.period IS NOT NULL
)
SELECT
  period,
  method_id,
  count(DISTINCT unit_key) FILTER (WHERE count > 0)::INTEGER AS units_using,
  coalesce(sum(count), 0) AS total_count
FROM usage_rows
GROUP BY period, method_id, position
ORDER BY period, position
