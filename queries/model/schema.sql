-- The canonical model: the tables every file's rows go into, the register, and the views and table macros
-- the query files build on (units, filtered_units, method_units, method_users). Made by createModel
-- (renderer/src/domain/model.ts) where missing, statement by statement (each ends with `;` at a line end).

-- `wave`: a survey file's wave (`2024`: the same survey answered year after year), a training export's
-- year; NULL for other files, and for files that say none (all of them one wave, as in workspaces saved before there were waves).
CREATE TABLE IF NOT EXISTS sources (source VARCHAR PRIMARY KEY, file_name VARCHAR, shape VARCHAR, wave VARCHAR);

CREATE TABLE IF NOT EXISTS responding_units (source VARCHAR, unit_name VARCHAR);

CREATE TABLE IF NOT EXISTS method_asked (source VARCHAR, method_name VARCHAR);

CREATE TABLE IF NOT EXISTS method_use (source VARCHAR, unit_name VARCHAR, method_name VARCHAR);

CREATE TABLE IF NOT EXISTS usage (source VARCHAR, unit_name VARCHAR, period VARCHAR, method_name VARCHAR, count DOUBLE);

CREATE TABLE IF NOT EXISTS training (source VARCHAR, unit_name VARCHAR, method_name VARCHAR, trained DOUBLE, staff DOUBLE);

CREATE TABLE IF NOT EXISTS population (source VARCHAR, municipality_code VARCHAR, county_code VARCHAR, year INTEGER,
     population DOUBLE, age_band VARCHAR);

CREATE TABLE IF NOT EXISTS reference_files (source VARCHAR, kind VARCHAR, measure VARCHAR, age_band VARCHAR, sex VARCHAR,
     years VARCHAR, municipalities INTEGER, counties INTEGER, ignored_rows INTEGER, no_rate VARCHAR, use_for_rates BOOLEAN);

CREATE TABLE IF NOT EXISTS survey_answers (source VARCHAR, unit_name VARCHAR, question VARCHAR, scale VARCHAR,
     answer VARCHAR, position INTEGER);

CREATE TABLE IF NOT EXISTS unit_map (unit_name VARCHAR PRIMARY KEY, status VARCHAR, unit_key VARCHAR,
     municipality_code VARCHAR, county_code VARCHAR, district VARCHAR);

CREATE TABLE IF NOT EXISTS method_map (method_name VARCHAR PRIMARY KEY, method_id VARCHAR);

CREATE TABLE IF NOT EXISTS method_catalogue (id VARCHAR PRIMARY KEY, kind VARCHAR, position INTEGER,
     recommendation VARCHAR, age_band VARCHAR);

CREATE TABLE IF NOT EXISTS register_municipalities (municipality_code VARCHAR PRIMARY KEY, name VARCHAR, county_code VARCHAR, skr_group VARCHAR);

CREATE TABLE IF NOT EXISTS register_counties (county_code VARCHAR PRIMARY KEY, name VARCHAR, short_name VARCHAR);

CREATE TABLE IF NOT EXISTS register_skr_groups (skr_group VARCHAR PRIMARY KEY, name VARCHAR, main_group VARCHAR, main_group_name VARCHAR);

-- Every unit name the files write, with its register identity (by name when unmatched), county, SKR
-- group, type (a district when the register places it in a city district) and label.
CREATE OR REPLACE VIEW units AS
   SELECT
     n.unit_name,
     coalesce(m.unit_key, 'namn:' || n.unit_name) AS unit_key,
     m.county_code,
     m.municipality_code,
     m.district,
     r.skr_group,
     CASE WHEN m.district IS NOT NULL THEN 'district' WHEN m.municipality_code IS NOT NULL THEN 'municipality' END AS unit_type,
     CASE WHEN m.district IS NOT NULL THEN r.name || ' – ' || m.district ELSE coalesce(r.name, n.unit_name) END AS unit_label
   FROM (SELECT unit_name FROM responding_units UNION SELECT unit_name FROM training) AS n
   LEFT JOIN unit_map AS m USING (unit_name)
   LEFT JOIN register_municipalities AS r ON r.municipality_code = m.municipality_code;

-- The units passing the filters every view applies (NULL = all), called by the query files as
-- filtered_units($1, $2, $3). Unmatched units pass only when no filter is set.
CREATE OR REPLACE MACRO filtered_units(county, grp, kind) AS TABLE
   SELECT * FROM units
   WHERE (county IS NULL OR county_code = county)
     AND (grp IS NULL OR skr_group = grp)
     AND (kind IS NULL OR unit_type = kind);

-- Survey waves. A wave's place in time: its first year (1900–2099; none: after every year), then its
-- label as text, so '2023' < '2023 höst' < '2024' (compareWaves in renderer/src/domain/waves.ts, the same).
CREATE OR REPLACE MACRO wave_key(w) AS
   printf('%04d %s', coalesce(TRY_CAST(regexp_extract(w, '(^|[^0-9])((19|20)[0-9][0-9])([^0-9]|$)', 2) AS INTEGER), 9999), w);

-- What each survey file asks: its methods ('m:' and the catalogue id) and its scale questions ('q:' and
-- the header). The same method or question in files of different waves is the same survey item.
CREATE OR REPLACE VIEW survey_items AS
   SELECT DISTINCT a.source, 'm:' || m.method_id AS item
   FROM method_asked AS a JOIN method_map AS m USING (method_name) JOIN sources AS s USING (source)
   WHERE s.shape IN ('survey-wide', 'survey-multi') AND m.method_id IS NOT NULL
   UNION
   SELECT DISTINCT source, 'q:' || question FROM survey_answers;

-- The survey files that count in the chosen wave, item by item: of the files asking an item, those of the
-- latest wave up to the chosen one. A survey repeated in 2024 counts its 2024 answers; a survey answered
-- only in 2023 still counts, as 2023 (the source lines name each file's wave). Files without a wave count
-- in none once a wave is chosen.
CREATE OR REPLACE MACRO wave_items(chosen) AS TABLE
   WITH ranked AS (
     SELECT i.source, i.item, wave_key(s.wave) AS k
     FROM survey_items AS i JOIN sources AS s USING (source)
     WHERE s.wave IS NOT NULL AND wave_key(s.wave) <= wave_key(chosen)
   )
   SELECT source, item FROM ranked QUALIFY k = max(k) OVER (PARTITION BY item);

-- Whether a file's rows about an item count in the chosen wave: every file's when none is chosen (NULL);
-- else a survey's as wave_items says, and always a file that is not a survey (extracts have periods).
CREATE OR REPLACE MACRO counts_in_wave(src, survey_item, chosen) AS
   chosen IS NULL
   OR NOT EXISTS (SELECT 1 FROM sources AS w WHERE w.source = src AND w.shape IN ('survey-wide', 'survey-multi'))
   OR (src, survey_item) IN (SELECT (source, item) FROM wave_items(chosen));

-- Whether a file's units count in the chosen wave: a survey counting for any of its items, any other file.
CREATE OR REPLACE MACRO source_in_wave(src, chosen) AS
   chosen IS NULL
   OR NOT EXISTS (SELECT 1 FROM sources AS w WHERE w.source = src AND w.shape IN ('survey-wide', 'survey-multi'))
   OR src IN (SELECT source FROM wave_items(chosen));

-- An extract's (unit, method) pairs whose every figure, under any spelling of the method, is no value.
-- Found from the few rows without a figure, so the views do not scan every usage row for it.
CREATE OR REPLACE VIEW usage_no_value AS
   SELECT DISTINCT n.source, n.unit_name, nm.method_id
   FROM usage AS n JOIN method_map AS nm USING (method_name)
   WHERE n.count IS NULL AND nm.method_id IS NOT NULL
     AND NOT EXISTS (
       SELECT 1 FROM usage AS v JOIN method_map AS vm USING (method_name)
       WHERE v.source = n.source AND v.unit_name = n.unit_name AND vm.method_id = nm.method_id AND v.count IS NOT NULL
     );

-- The (method, unit) pairs a file could report: the units that answered a file asking the method, or
-- appear in an extract listing it. The base (N) of every share of units. An extract's unit whose every
-- figure for a method, under any of its spellings, is no value (Kolada's `..`, a dash, a blank) is
-- neither a user nor in N. With a wave chosen, a method's latest survey wave up to it counts (wave_items).
CREATE OR REPLACE MACRO method_units(county, grp, kind, chosen_wave) AS TABLE
   SELECT DISTINCT m.method_id, u.unit_key, u.county_code, u.municipality_code, u.district, u.unit_label
   FROM method_asked AS a
   JOIN method_map AS m USING (method_name)
   JOIN responding_units AS r USING (source)
   JOIN filtered_units(county, grp, kind) AS u ON u.unit_name = r.unit_name
   WHERE m.method_id IS NOT NULL AND counts_in_wave(a.source, 'm:' || m.method_id, chosen_wave)
     AND (a.source, r.unit_name, m.method_id) NOT IN (SELECT (source, unit_name, method_id) FROM usage_no_value);

-- The (method, unit) pairs in use (n): ticked in a survey, or a count above zero in an extract; with
-- a year chosen, an extract's unit uses a method only if it has a count in that year; with a wave
-- chosen, a method's latest survey wave up to it counts (wave_items).
CREATE OR REPLACE MACRO method_users(county, grp, kind, year, chosen_wave) AS TABLE
   SELECT DISTINCT m.method_id, u.unit_key
   FROM method_use AS x
   JOIN method_map AS m USING (method_name)
   JOIN responding_units AS r ON r.source = x.source AND r.unit_name = x.unit_name
   JOIN filtered_units(county, grp, kind) AS u ON u.unit_name = x.unit_name
   WHERE m.method_id IS NOT NULL AND counts_in_wave(x.source, 'm:' || m.method_id, chosen_wave)
     AND (year IS NULL OR x.source NOT IN (SELECT source FROM sources WHERE shape = 'usage')
       OR (x.source, x.unit_name, x.method_name) IN (
         SELECT (source, unit_name, method_name) FROM usage WHERE count > 0 AND starts_with(period, year)
       ));
