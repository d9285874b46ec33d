-- The loaded data in one row: responding units after the filters (each counted once, by its register
-- identity), how many of them are municipalities and city districts, their counties, and the number of
-- confirmed files.
-- $1 county code, $2 SKR group, $3 unit type ('municipality' | 'district'); NULL = all (see units and
-- filtered_units in queries/model/schema.sql). $5 the survey wave ('2024'): each item's latest wave up to it (wave_items); NULL = every survey.
WITH responding AS (
  SELECT DISTINCT u.unit_key, u.unit_type, u.county_code
  FROM responding_units AS r
  JOIN filtered_units($1, $2, $3) AS u USING (unit_name)
  WHERE source_in_wave(r.source, $5)
)
SELECT
  count(*)::INTEGER AS units,
  count(*) FILTER (WHERE unit_type = 'municipality')::INTEGER AS municipalities,
  count(*) FILTER (WHERE unit_type = 'district')::INTEGER AS districts,
  count(DISTINCT county_code)::INTEGER AS counties,
  (SELECT count(*) FROM sources)::INTEGER AS sources
FROM responding
