-- The survey files whose answers count in the chosen wave (for any of their items: wave_items), so the
-- charts' source lines name exactly those, each with its own wave. Files that are not surveys are not
-- listed: they always count.
-- $5 the survey wave ('2024'); NULL = every survey.
SELECT s.source, s.wave
FROM sources AS s
WHERE s.shape IN ('survey-wide', 'survey-multi') AND source_in_wave(s.source, $5)
ORDER BY s.source
