-- Every responding unit with its county, type and the catalogue methods it uses (ids in catalogue order,
-- joined by ","; '' when none). Unmatched units come last, without county or type.
-- $1 county code, $2 SKR group, $3 unit type ('municipality' | 'district'); NULL = all (see units and
-- filtered_units in queries/model/schema.sql). $5 the survey wave ('2024'): each item's latest wave up to it (wave_items); NULL = every survey.
WITH responding AS (
  SELECT DISTINCT u.unit_key, u.unit_label, u.unit_type, u.county_code
  FROM responding_units AS r
  JOIN filtered_units($1, $2, $3) AS u USING (unit_name)
  WHERE source_in_wave(r.source, $5)
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
