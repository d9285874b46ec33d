-- Staff trained in each assessment tool against staff in post, per unit of a training export
-- (`unit_label`: "Stockholm – Skärholmen" for a district, the register's name for a municipality).
-- Tools the catalogue does not know are left out; `share_trained` is NULL without staff.
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
trained AS (
  SELECT
    u.unit_name,
    u.unit_label,
    m.method_id,
    c.position,
    t.trained,
    t.staff
  FROM training AS t
  JOIN filtered_units AS u USING (unit_name)
  JOIN method_map AS m USING (method_name)
  JOIN method_catalogue AS c ON c.id = m.method_id
)
SELECT
  unit_name,
  unit_label,
  method_id,
  trained,
  staff,
  CASE WHEN staff > 0 THEN trained / staff END AS share_trained
FROM trained
ORDER BY unit_label, position, unit_name
