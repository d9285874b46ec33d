-- The loaded data in one row: responding units after the filters (each counted once, by its register
-- identity), how many of them are municipalities and city districts, their counties, and the number of
-- confirmed files.
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
  SELECT DISTINCT u.unit_key, u.unit_type, u.county_code
  FROM responding_units AS r
  JOIN filtered_units AS u USING (unit_name)
)
SELECT
  count(*)::INTEGER AS units,
  count(*) FILTER (WHERE unit_type = 'municipality')::INTEGER AS municipalities,
  count(*) FILTER (WHERE unit_type = 'district')::INTEGER AS districts,
  count(DISTINCT county_code)::INTEGER AS counties,
  (SELECT count(*) FROM sources)::INTEGER AS sources
FROM responding
