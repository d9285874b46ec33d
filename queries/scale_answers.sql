-- Answers on an ordered scale (satisfaction, extent, frequency, prior knowledge), per question (the
-- column header) and answer: `n` units giving the answer, `total` units giving a rated answer to the
-- question (position NOT NULL). Answers off the scale ("Vet ej", "Har inte deltagit") follow the rated
-- ones with position NULL and their own `n`, so a view can show them or use them as a base: the
-- report's prior-knowledge shares (16/57/25 %) are of all answers, "Vet ej" included.
-- $1 county code, $2 SKR group, $3 unit type ('municipality' | 'district'); NULL = all (see units and
-- filtered_units in queries/model/schema.sql). $5 the survey wave ('2024'): each item's latest wave up to it (wave_items); NULL = every survey.
WITH answers AS (
  SELECT DISTINCT a.question, a.scale, a.answer, a.position, u.unit_key
  FROM survey_answers AS a
  JOIN filtered_units($1, $2, $3) AS u USING (unit_name)
  WHERE counts_in_wave(a.source, 'q:' || a.question, $5)
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
