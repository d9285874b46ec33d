-- For every responding unit the register places (a municipality, or a city district with its
-- municipality) and every catalogue method its files could report: whether it uses the method. The
-- map rolls districts up to their municipality and shows them one click away.
-- $1 county code, $2 SKR group, $3 unit type ('municipality' | 'district'); NULL = all (see units and
-- filtered_units in renderer/src/domain/model.ts). $4 period: a year ('2023') or NULL; it narrows usage
-- extracts only, a survey is its own wave.
WITH unit_keys AS (
  SELECT r.source, r.unit_name, u.unit_key, u.county_code, u.municipality_code, u.district, u.unit_label
  FROM responding_units AS r
  JOIN filtered_units($1, $2, $3) AS u USING (unit_name)
  WHERE u.municipality_code IS NOT NULL
),
asked AS (
  SELECT DISTINCT m.method_id, k.unit_key, k.county_code, k.municipality_code, k.district, k.unit_label
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
    AND ($4 IS NULL OR x.source NOT IN (SELECT source FROM sources WHERE shape = 'usage') OR EXISTS (
      SELECT 1 FROM usage AS g
      WHERE g.source = x.source AND g.unit_name = x.unit_name AND g.method_name = x.method_name
        AND g.count > 0 AND starts_with(g.period, $4)
    ))
)
SELECT
  a.county_code,
  a.municipality_code,
  a.district,
  a.unit_label,
  c.id AS method_id,
  used.unit_key IS NOT NULL AS is_using
FROM method_catalogue AS c
JOIN asked AS a ON a.method_id = c.id
LEFT JOIN used ON used.method_id = c.id AND used.unit_key = a.unit_key
ORDER BY a.municipality_code, a.district NULLS FIRST, c.position
