-- Every confirmed file with its shape and the units it holds after the filters (survey respondents,
-- units of an extract, units of a training export), by file name.
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
source_units AS (
  SELECT source, unit_name FROM responding_units
  UNION
  SELECT source, unit_name FROM training
)
SELECT
  s.file_name,
  s.shape,
  count(DISTINCT u.unit_key)::INTEGER AS units
FROM sources AS s
LEFT JOIN source_units AS x ON x.source = s.source
LEFT JOIN filtered_units AS u ON u.unit_name = x.unit_name
GROUP BY s.source, s.file_name, s.shape
ORDER BY s.file_name, s.source
