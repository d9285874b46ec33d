-- Children with each catalogue method per 10,000 children aged 0–17, per municipality and calendar year
-- of the extracts: the year's counts summed over the municipality's units (city districts roll up), over
-- the months the extracts hold for that year, over the children living there. The children come from a
-- population file the rates may use (reference_files.use_for_rates: a file giving 0–17, or another band
-- only where the user chose it; `age_band` says which), in the same year, else the nearest year it
-- holds, the earlier on a tie (`population_year`). 0 for a method the extracts report that year
-- elsewhere but not here. No such population, no rows: a rate is never invented.
-- $1 county code, $2 SKR group, $3 unit type ('municipality' | 'district'); NULL = all (see the macros
-- in renderer/src/domain/model.ts). $4 period: a year ('2023') or NULL (every year of the extracts).
WITH band AS (
  -- One band for every rate: children 0–17 where a file in use gives it, else the band the user chose.
  SELECT age_band FROM reference_files WHERE use_for_rates
  ORDER BY measure = 'children_0_17' DESC, source LIMIT 1
),
denominators AS (
  SELECT p.municipality_code, p.year, arg_min(p.population, p.source) AS children, min(p.source) AS source, any_value(p.age_band) AS age_band
  FROM population AS p
  JOIN reference_files AS f USING (source)
  WHERE f.use_for_rates AND p.municipality_code IS NOT NULL AND p.population > 0 AND p.age_band = (SELECT age_band FROM band)
  GROUP BY p.municipality_code, p.year
),
counts AS (
  SELECT u.municipality_code, m.method_id, x.period, TRY_CAST(left(x.period, 4) AS INTEGER) AS year, x.count
  FROM usage AS x
  JOIN filtered_units($1, $2, $3) AS u USING (unit_name)
  JOIN method_map AS m USING (method_name)
  WHERE m.method_id IS NOT NULL AND u.municipality_code IS NOT NULL AND x.period IS NOT NULL
    AND TRY_CAST(left(x.period, 4) AS INTEGER) IS NOT NULL
    AND ($4 IS NULL OR starts_with(x.period, $4))
),
months AS (
  SELECT year, count(DISTINCT period) AS n FROM counts GROUP BY year
),
-- A municipality in a year's extracts with no row for a method reported that year has 0 children with
-- it, not "no figure": every reporting municipality is crossed with every method reported.
reported AS (
  SELECT a.municipality_code, b.method_id, a.year
  FROM (SELECT DISTINCT municipality_code, year FROM counts) AS a
  JOIN (SELECT DISTINCT method_id, year FROM counts) AS b USING (year)
),
-- The population year: the extracts' year, else the nearest the file holds, the earlier on a tie.
nearest AS (
  SELECT r.municipality_code, r.year,
    arg_min(d.year, abs(d.year - r.year) * 2 + CASE WHEN d.year > r.year THEN 1 ELSE 0 END) AS population_year
  FROM (SELECT DISTINCT municipality_code, year FROM counts) AS r
  JOIN denominators AS d USING (municipality_code)
  GROUP BY r.municipality_code, r.year
)
SELECT
  p.municipality_code,
  r.county_code,
  p.method_id,
  p.year,
  d.children,
  n.population_year,
  d.age_band,
  s.file_name AS population_file,
  coalesce(sum(c.count), 0) / any_value(mo.n) AS per_month,
  coalesce(sum(c.count), 0) / any_value(mo.n) / d.children * 10000 AS rate
FROM reported AS p
JOIN nearest AS n USING (municipality_code, year)
JOIN denominators AS d ON d.municipality_code = p.municipality_code AND d.year = n.population_year
JOIN months AS mo ON mo.year = p.year
LEFT JOIN counts AS c ON c.municipality_code = p.municipality_code AND c.method_id = p.method_id AND c.year = p.year
JOIN register_municipalities AS r ON r.municipality_code = p.municipality_code
JOIN method_catalogue AS mc ON mc.id = p.method_id
JOIN sources AS s ON s.source = d.source
GROUP BY p.municipality_code, r.county_code, p.method_id, p.year, d.children, n.population_year, d.age_band, s.file_name, mc.position
ORDER BY p.municipality_code, p.year, mc.position
