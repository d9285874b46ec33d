-- Staff trained in each assessment tool against staff in post, per unit of a training export
-- (`unit_label`: "Stockholm – Skärholmen" for a district, the register's name for a municipality).
-- Tools the catalogue does not know are left out; `share_trained` is NULL without staff.
-- $1 county code, $2 SKR group, $3 unit type ('municipality' | 'district'); NULL = all (see units and
-- filtered_units in renderer/src/domain/model.ts).
WITH trained AS (
  SELECT
    u.unit_name,
    u.unit_label,
    m.method_id,
    c.position,
    t.trained,
    t.staff
  FROM training AS t
  JOIN filtered_units($1, $2, $3) AS u USING (unit_name)
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
