-- Share of units using each catalogue method: for a survey, the responding units that ticked it; for a
-- usage extract, the units with a count above zero. The denominator is the units in the files that
-- could report the method (asked it, or list it), so a method a survey never asked is not a false 0 %.
-- Units are counted once across files: by their register identity when matched, by name otherwise.
-- $1 county code, $2 SKR group, $3 unit type ('municipality' | 'district'); NULL = all.
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
unit_keys AS (
  SELECT r.source, r.unit_name, u.unit_key
  FROM responding_units AS r
  JOIN filtered_units AS u USING (unit_name)
),
asked AS (
  SELECT DISTINCT m.method_id, k.unit_key
  FROM method_asked AS a
  JOIN method_map AS m USING (method_name)
  JOIN unit_keys AS k USING (source)
  WHERE m.method_id IS NOT NULL
),
used AS (
  SELECT DISTINCT m.method_id, k.unit_key
  FROM method_use AS x
  JOIN method_map AS m USING (method_name)
  JOIN unit_keys AS k USING (source, unit_name)
  WHERE m.method_id IS NOT NULL
)
SELECT
  c.id,
  c.kind,
  c.recommendation,
  c.age_band,
  count(DISTINCT used.unit_key)::INTEGER AS units_using,
  count(DISTINCT asked.unit_key)::INTEGER AS units_total,
  count(DISTINCT used.unit_key) / count(DISTINCT asked.unit_key) AS share
FROM method_catalogue AS c
JOIN asked ON asked.method_id = c.id
LEFT JOIN used ON used.method_id = c.id AND used.unit_key = asked.unit_key
GROUP BY c.id, c.kind, c.recommendation, c.age_band, c.position
ORDER BY c.position
