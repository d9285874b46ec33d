-- One survey wave as the change view (Förändring) compares it: every unit that answered a survey of the
-- wave, per catalogue method its files asked, whether it uses the method; with the unit's county and SKR
-- group, so those who started and stopped can be named. Surveys only: an extract has no wave, and its
-- units are not the survey's.
-- $1 county code, $2 SKR group, $3 unit type ('municipality' | 'district'); NULL = all (see units and
-- filtered_units in queries/model/schema.sql). $5 the wave ('2024'); NULL: the surveys without one.
WITH wave_sources AS (
  SELECT source FROM sources WHERE shape IN ('survey-wide', 'survey-multi') AND wave IS NOT DISTINCT FROM $5
),
asked AS (
  SELECT DISTINCT m.method_id, u.unit_key, u.unit_label, u.county_code, u.skr_group
  FROM method_asked AS a
  JOIN method_map AS m USING (method_name)
  JOIN responding_units AS r USING (source)
  JOIN filtered_units($1, $2, $3) AS u ON u.unit_name = r.unit_name
  WHERE m.method_id IS NOT NULL AND a.source IN (SELECT source FROM wave_sources)
),
used AS (
  SELECT DISTINCT m.method_id, u.unit_key
  FROM method_use AS x
  JOIN method_map AS m USING (method_name)
  JOIN filtered_units($1, $2, $3) AS u ON u.unit_name = x.unit_name
  WHERE m.method_id IS NOT NULL AND x.source IN (SELECT source FROM wave_sources)
)
SELECT
  a.method_id,
  c.kind,
  a.unit_key,
  a.unit_label,
  a.county_code,
  a.skr_group,
  used.unit_key IS NOT NULL AS is_using
FROM asked AS a
JOIN method_catalogue AS c ON c.id = a.method_id
LEFT JOIN used ON used.method_id = a.method_id AND used.unit_key = a.unit_key
ORDER BY c.position, a.unit_label, a.unit_key
