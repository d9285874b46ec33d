-- Children with each catalogue method per 10,000 children aged 0–17, per municipality with a figure in a
-- population file: the extracts' counts summed over the municipality's units (city districts roll up),
-- averaged over the months the extracts cover, over its children; 0 for a method the extracts report
-- elsewhere but not here. No population file, no rows: a rate is never invented. `children` is the
-- population file's figure, `per_month` the average count.
-- $1 county code, $2 SKR group, $3 unit type ('municipality' | 'district'); NULL = all (see the macros
-- in renderer/src/domain/model.ts). $4 period: a year ('2023') or NULL.
WITH children AS (
  SELECT u.municipality_code, max(p.children) AS children
  FROM population AS p
  JOIN units AS u USING (unit_name)
  WHERE u.municipality_code IS NOT NULL AND u.district IS NULL AND p.children > 0
  GROUP BY u.municipality_code
),
counts AS (
  SELECT u.municipality_code, m.method_id, x.period, x.count
  FROM usage AS x
  JOIN filtered_units($1, $2, $3) AS u USING (unit_name)
  JOIN method_map AS m USING (method_name)
  WHERE m.method_id IS NOT NULL AND u.municipality_code IS NOT NULL AND x.period IS NOT NULL
    AND ($4 IS NULL OR starts_with(x.period, $4))
),
months AS (
  SELECT count(DISTINCT period) AS n FROM counts
),
-- A municipality in the extracts with no row for a method the extracts report has 0 children with it,
-- not "no figure": every reporting municipality is crossed with every method reported.
reported AS (
  SELECT municipality_code, method_id
  FROM (SELECT DISTINCT municipality_code FROM counts) CROSS JOIN (SELECT DISTINCT method_id FROM counts)
)
SELECT
  k.municipality_code,
  r.county_code,
  p.method_id,
  k.children,
  coalesce(sum(c.count), 0) / (SELECT n FROM months) AS per_month,
  coalesce(sum(c.count), 0) / (SELECT n FROM months) / k.children * 10000 AS rate
FROM children AS k
JOIN reported AS p USING (municipality_code)
LEFT JOIN counts AS c USING (municipality_code, method_id)
JOIN register_municipalities AS r USING (municipality_code)
JOIN method_catalogue AS mc ON mc.id = p.method_id
GROUP BY k.municipality_code, r.county_code, p.method_id, k.children, mc.position
ORDER BY k.municipality_code, mc.position
