-- Answers on an ordered scale (satisfaction, extent, frequency, prior knowledge), per question (the
-- column header) and answer: `n` units giving the answer, `total` units giving a rated answer to the
-- question (position NOT NULL). Answers off the scale ("Vet ej", "Har inte deltagit") follow the rated
-- ones with position NULL and their own `n`, so a view can show them or use them as a base: the
-- report's prior-knowledge shares (16/57/25 %) are of all answers, "Vet ej" included.
-- $1 county code, $2 SKR group, $3 unit type ('municipality' | 'district'); NULL = all. A unit is a district
-- when the register places it in a city district. Unmatched units pass only when no filter is set.
WITH filters AS (
  SELECT CAST($1 AS VARCHAR) AS county_code, CAST($2 AS VARCHAR) AS skr_group, CAST($3 AS VARCHAR) AS unit_type
),
-- Every unit name the files write, with its register identity (by name when unmatched) and label.
units AS (
  SELECT
    n.unit_name,
    coalesce(m.unit_key, 'namn:' || n.unit_name) AS unit_key,
    m.county_code,
    r.skr_group,
    CASE WHEN m.district IS NOT NULL THEN 'district' WHEN m.municipality_code IS NOT NULL THEN 'municipality' END AS unit_type,
    CASE WHEN m.district IS NOT NULL THEN r.name || ' – ' || m.district ELSE coalesce(r.name, n.unit_name) END AS unit_label
  FROM (SELECT unit_name FROM responding_units UNION SELECT unit_name FROM training) AS n
  LEFT JOIN unit_map AS m USING (unit_name)
  LEFT JOIN register_municipalities AS r ON r.municipality_code = m.municipality_code
),
filtered_units AS (
  SELECT u.*
  FROM units AS u, filters AS f
  WHERE (f.county_code IS NULL OR u.county_code = f.county_code)
    AND (f.skr_group IS NULL OR u.skr_group = f.skr_group)
    AND (f.unit_type IS NULL OR u.unit_type = f.unit_type)
),
answers AS (
  SELECT DISTINCT a.question, a.scale, a.answer, a.position, u.unit_key
  FROM survey_answers AS a
  JOIN filtered_units AS u USING (unit_name)
),
totals AS (
  SELECT question, scale, count(DISTINCT unit_key) AS total
  FROM answers
  WHERE position IS NOT NULL
  GROUP BY question, scale
)
SELECT
  a.question,
  a.scale,
  a.answer,
  a.position,
  count(DISTINCT a.unit_key)::INTEGER AS n,
  coalesce(t.total, 0)::INTEGER AS total
FROM answers AS a
LEFT JOIN totals AS t USING (question, scale)
GROUP BY a.question, a.scale, a.answer, a.position, t.total
ORDER BY a.question, a.position NULLS LAST, a.answer
