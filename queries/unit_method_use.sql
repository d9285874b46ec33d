-- For every responding unit the register places (a municipality, or a city district with its
-- municipality) and every catalogue method its files could report: whether it uses the method. The
-- map rolls districts up to their municipality and shows them one click away.
-- $1 county code, $2 SKR group, $3 unit type ('municipality' | 'district'); NULL = all (see the macros
-- method_units, method_users and filtered_units in queries/model/schema.sql). $4 period: a year ('2023') or NULL; it narrows usage
-- extracts only. $5 the survey wave ('2024'): each item's latest wave up to it (wave_items); NULL = every survey.
SELECT
  a.county_code,
  a.municipality_code,
  a.district,
  a.unit_label,
  c.id AS method_id,
  used.unit_key IS NOT NULL AS is_using
FROM method_catalogue AS c
JOIN method_units($1, $2, $3, $5) AS a ON a.method_id = c.id
LEFT JOIN method_users($1, $2, $3, $4, $5) AS used ON used.method_id = c.id AND used.unit_key = a.unit_key
WHERE a.municipality_code IS NOT NULL
ORDER BY a.municipality_code, a.district NULLS FIRST, c.position
