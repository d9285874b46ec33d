-- Every unit name as the files write it, with the register unit it was matched to (NULL when the name
-- is unknown or ambiguous: those wait for the user's choice), unmatched ones last.
SELECT
  u.unit_name AS name_in_file,
  u.status,
  u.municipality_code,
  u.county_code,
  u.district
FROM unit_map AS u
ORDER BY u.status <> 'matched', u.unit_name
