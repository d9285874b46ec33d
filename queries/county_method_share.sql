-- method_adoption per county: for each county and catalogue method its files could report, the units
-- using it over the units that could report it (the same counting rules), by county and catalogue order.
-- $1 county code, $2 SKR group, $3 unit type ('municipality' | 'district'); NULL = all (see units and
-- filtered_units in renderer/src/domain/model.ts). $4 period: a year ('2023') or NULL; it narrows usage
-- extracts only, a survey is its own wave.
WITH unit_keys AS (
  SELECT r.source, r.unit_name, u.unit_key, u.county_code
  FROM responding_units AS r
  JOIN filtered_units($1, $2, $3) AS u USING (unit_name)
  WHERE u.county_code IS NOT NULL
),
asked AS (
  SELECT DISTINCT m.method_id, k.unit_key, k.county_code
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
    -- With a period chosen, a usage extract's unit uses a method only if it has a count in that period.
    AND ($4 IS NULL OR x.source NOT IN (SELECT source FROM sources WHERE shape = 'usage') OR EXISTS (
      SELECT 1 FROM usage AS g
      WHERE g.source = x.source AND g.unit_name = x.unit_name AND g.method_name = x.method_name
        AND g.count > 0 AND starts_with(g.period, $4)
    ))
)
SELECT
  asked.county_code,
  k.name AS county_name,
  c.id AS method_id,
  c.kind,
  count(DISTINCT used.unit_key)::INTEGER AS units_using,
  count(DISTINCT asked.unit_key)::INTEGER AS units_total,
  count(DISTINCT used.unit_key) / count(DISTINCT asked.unit_key) AS share
FROM method_catalogue AS c
JOIN asked ON asked.method_id = c.id
LEFT JOIN used ON used.method_id = c.id AND used.unit_key = asked.unit_key
LEFT JOIN register_counties AS k ON k.county_code = asked.county_code
GROUP BY asked.county_code, k.name, c.id, c.kind, c.position
ORDER BY asked.county_code, c.position
