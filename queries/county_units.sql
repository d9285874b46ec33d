-- Every responding unit with its county, type and the catalogue methods it uses (ids in catalogue order,
-- joined by ","; '' when none). Unmatched units come last, without county or type.
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
responding AS (
  SELECT DISTINCT u.unit_key, u.unit_label, u.unit_type, u.county_code
  FROM responding_units AS r
  JOIN filtered_units AS u USING (unit_name)
),
uses AS (
  SELECT DISTINCT u.unit_key, c.id, c.position
  FROM method_use AS x
  JOIN units AS u USING (unit_name)
  JOIN method_map AS m USING (method_name)
  JOIN method_catalogue AS c ON c.id = m.method_id
)
SELECT
  r.county_code,
  k.name AS county_name,
  r.unit_label,
  r.unit_type,
  coalesce(string_agg(x.id, ',' ORDER BY x.position), '') AS methods
FROM responding AS r
LEFT JOIN uses AS x USING (unit_key)
LEFT JOIN register_counties AS k ON k.county_code = r.county_code
GROUP BY r.unit_key, r.county_code, k.name, r.unit_label, r.unit_type
ORDER BY r.county_code NULLS LAST, r.unit_label, r.unit_key
