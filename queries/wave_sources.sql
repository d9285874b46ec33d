-- What the charts' source lines name beside a wave: the survey files whose answers count in the chosen
-- wave (for any of their items: wave_items), each with its own wave; and every extract with the first and
-- last period it holds, so a share combining a survey's wave with an extract says which months it spans.
-- $5 the survey wave ('2024'); NULL = every survey.
SELECT s.source, 'survey' AS kind, s.wave, NULL::VARCHAR AS first_period, NULL::VARCHAR AS last_period
FROM sources AS s
WHERE s.shape IN ('survey-wide', 'survey-multi') AND source_in_wave(s.source, $5)
UNION ALL
SELECT source, 'extract', NULL, min(period), max(period)
FROM usage
WHERE period IS NOT NULL
GROUP BY source
ORDER BY source
