-- Share of units using each catalogue method: for a survey, the responding units that ticked it; for a
-- usage extract, the units with a count above zero. The denominator is the units in the files that
-- could report the method (asked it, or list it), so a method a survey never asked is not a false 0 %.
-- Units are counted once across files: by their register identity when matched, by name otherwise.
-- $1 county code, $2 SKR group, $3 unit type ('municipality' | 'district'); NULL = all (see the macros
-- method_units, method_users and filtered_units in queries/model/schema.sql). $4 period: a year ('2023') or NULL; it narrows usage
-- extracts only. $5 the survey wave ('2024'): each item's latest wave up to it (wave_items); NULL = every survey.
SELECT
  c.id,
  c.kind,
  c.recommendation,
  c.age_band,
  count(DISTINCT used.unit_key)::INTEGER AS units_using,
  count(DISTINCT asked.unit_key)::INTEGER AS units_total,
  count(DISTINCT used.unit_key) / count(DISTINCT asked.unit_key) AS share
FROM method_catalogue AS c
JOIN method_units($1, $2, $3, $5) AS asked ON asked.method_id = c.id
LEFT JOIN method_users($1, $2, $3, $4, $5) AS used ON used.method_id = c.id AND used.unit_key = asked.unit_key
GROUP BY c.id, c.kind, c.recommendation, c.age_band, c.position
ORDER BY c.position
