-- Share of units using each catalogue method: for a survey, the responding units that ticked it; for a
-- usage extract, the units with a count above zero. The denominator is the units in the files that
-- could report the method (asked it, or list it), so a method a survey never asked is not a false 0 %.
-- Units are counted once across files: by their register identity when matched, by name otherwise.
WITH unit_keys AS (
  SELECT r.source, r.unit_name, coalesce(u.unit_key, 'namn:' || r.unit_name) AS unit_key
  FROM responding_units AS r
  LEFT JOIN unit_map AS u USING (unit_name)
),
asked AS (
  SELECT DISTINCT m.method_id, k.unit_key
  FROM method_asked AS a
  JOIN method_map AS m USING (method_name)
  JOIN unit_keys AS k USING (source)
  WHERE m.method_id IS NOT NULL
),
used AS (
  SELECT DISTINCT m.method_id, k.unit_key
  FROM method_use AS x
  JOIN method_map AS m USING (method_name)
  JOIN unit_keys AS k USING (source, unit_name)
  WHERE m.method_id IS NOT NULL
)
SELECT
  c.id,
  c.kind,
  c.recommendation,
  c.age_band,
  count(DISTINCT used.unit_key)::INTEGER AS units_using,
  count(DISTINCT asked.unit_key)::INTEGER AS units_total,
  count(DISTINCT used.unit_key) / count(DISTINCT asked.unit_key) AS share
FROM method_catalogue AS c
JOIN asked ON asked.method_id = c.id
LEFT JOIN used ON used.method_id = c.id AND used.unit_key = asked.unit_key
GROUP BY c.id, c.kind, c.recommendation, c.age_band, c.position
ORDER BY c.position
