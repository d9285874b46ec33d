-- Every responding unit after the filters × each of the five recommended intervention types: whether the
-- unit uses any method of the type, and, where it does not, the units of the same county that do
-- (their labels sorted, joined by ", "; NULL when covered or when none does). The neighbours are looked
-- for among all loaded units of the county, whatever the SKR-group or unit-type filter: a district can
-- buy from a municipality next door (avtalssamverkan).
-- $1 county code, $2 SKR group, $3 unit type ('municipality' | 'district'); NULL = all (see units and
-- filtered_units in queries/model/schema.sql). $5 the survey wave ('2024'): each item's latest wave up to it (wave_items); NULL = every survey.
WITH recommended (recommendation, ord) AS (
  VALUES ('parenting-programme', 1), ('cbt-skills-group', 2), ('family-treatment', 3), ('tfco', 4), ('individual-cbt', 5)
),
responding AS (
  SELECT DISTINCT u.unit_key, u.unit_label, u.county_code
  FROM responding_units AS r
  JOIN filtered_units($1, $2, $3) AS u USING (unit_name)
  WHERE source_in_wave(r.source, $5)
),
covering AS (
  SELECT DISTINCT u.unit_key, u.unit_label, u.county_code, c.recommendation
  FROM method_use AS x
  JOIN units AS u USING (unit_name)
  JOIN method_map AS m USING (method_name)
  JOIN method_catalogue AS c ON c.id = m.method_id
  WHERE counts_in_wave(x.source, 'm:' || c.id, $5)
),
grid AS (
  SELECT
    r.county_code,
    r.unit_key,
    r.unit_label,
    rec.recommendation,
    rec.ord,
    EXISTS (
      SELECT 1 FROM covering AS c WHERE c.unit_key = r.unit_key AND c.recommendation = rec.recommendation
    ) AS is_covered
  FROM responding AS r, recommended AS rec
)
SELECT
  g.county_code,
  g.unit_label,
  g.recommendation,
  g.is_covered,
  CASE WHEN NOT g.is_covered THEN (
    SELECT string_agg(DISTINCT c.unit_label, ', ' ORDER BY c.unit_label)
    FROM covering AS c
    WHERE c.county_code = g.county_code AND c.recommendation = g.recommendation
  ) END AS offered_nearby
FROM grid AS g
ORDER BY g.county_code NULLS LAST, g.unit_label, g.unit_key, g.ord
