-- The years the usage extracts cover (from periods written '2023-01', '2023'…), for the period filter.
SELECT DISTINCT left(period, 4) AS year
FROM usage
WHERE regexp_matches(period, '^\d{4}')
ORDER BY year
