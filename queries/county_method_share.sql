-- method_adoption per county: for each county and catalogue method its files could report, the units
-- using it over the units that could report it (the same counting rules), by county and catalogue order.
-- $1 county code, $2 SKR group, $3 unit type ('municipality' | 'district'); NULL = all (see the macros
-- method_units, method_users and filtered_units in queries/model/schema.sql). $4 period: a year ('2023') or NULL; it narrows usage
-- extracts only. $5 the survey wave ('2024'): each item's latest wave up to it (wave_items); NULL = every survey.
SELECT
  asked.county_code,
  k.name AS county_name,
  c.id AS method_id,
  c.kind,
  count(DISTINCT used.unit_key)::INTEGER AS units_using,
  count(DISTINCT asked.unit_key)::INTEGER AS units_total,
  count(DISTINCT used.unit_key) / count(DISTINCT asked.unit_key) AS share
FROM method_catalogue AS c
JOIN method_units($1, $2, $3, $5) AS asked ON asked.method_id = c.id
LEFT JOIN method_users($1, $2, $3, $4, $5) AS used ON used.method_id = c.id AND used.unit_key = asked.unit_key
LEFT JOIN register_counties AS k ON k.county_code = asked.county_code
WHERE asked.county_code IS NOT NULL
GROUP BY asked.county_code, k.name, c.id, c.kind, c.position
ORDER BY asked.county_code, c.position
