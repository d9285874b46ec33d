-- Method names the catalogue could not place: listed for the user, never dropped.
SELECT method_name
FROM method_map
WHERE method_id IS NULL
ORDER BY method_name
