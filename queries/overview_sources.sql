-- Every confirmed file with its shape and the units it holds after the filters: survey respondents,
-- units of an extract or a training export; for a statistics file, the municipalities its population
-- figures are for (statistics never add units). By file name.
-- $1 county code, $2 SKR group, $3 unit type ('municipality' | 'district'); NULL = all (see units and
-- filtered_units in queries/model/schema.sql). Every file is listed, of every wave, with its wave.
WITH source_units AS (
  SELECT source, unit_name FROM responding_units
  UNION
  SELECT source, unit_name FROM training
),
statistics AS (
  SELECT p.source, count(DISTINCT p.municipality_code)::INTEGER AS units
  FROM population AS p
  JOIN register_municipalities AS r USING (municipality_code)
  WHERE ($1 IS NULL OR r.county_code = $1) AND ($2 IS NULL OR r.skr_group = $2) AND ($3 IS NULL OR $3 = 'municipality')
  GROUP BY p.source
)
SELECT
  s.file_name,
  s.shape,
  s.wave,
  CASE WHEN s.shape = 'statistics' THEN coalesce(any_value(st.units), 0) ELSE count(DISTINCT u.unit_key) END::INTEGER AS units
FROM sources AS s
LEFT JOIN source_units AS x ON x.source = s.source
LEFT JOIN filtered_units($1, $2, $3) AS u ON u.unit_name = x.unit_name
LEFT JOIN statistics AS st ON st.source = s.source
GROUP BY s.source, s.file_name, s.shape, s.wave
ORDER BY s.file_name, s.source
