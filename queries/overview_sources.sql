-- Every confirmed file with its shape and the units it holds after the filters (survey respondents,
-- units of an extract, of a training export, of a population file), by file name.
-- $1 county code, $2 SKR group, $3 unit type ('municipality' | 'district'); NULL = all (see units and
-- filtered_units in renderer/src/domain/model.ts).
WITH source_units AS (
  SELECT source, unit_name FROM responding_units
  UNION
  SELECT source, unit_name FROM training
  UNION
  SELECT source, unit_name FROM population
)
SELECT
  s.file_name,
  s.shape,
  count(DISTINCT u.unit_key)::INTEGER AS units
FROM sources AS s
LEFT JOIN source_units AS x ON x.source = s.source
LEFT JOIN filtered_units($1, $2, $3) AS u ON u.unit_name = x.unit_name
GROUP BY s.source, s.file_name, s.shape
ORDER BY s.file_name, s.source
