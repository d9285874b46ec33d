-- The canonical model: the tables every file's rows go into, the register, and the views and table macros
-- the query files build on (units, filtered_units, method_units, method_users). Made by createModel
-- (renderer/src/domain/model.ts) where missing, statement by statement (each ends with `;` at a line end).

-- `wave`: a survey file's wave (`2024`: the same survey answered year after year); NULL for other files,
-- and for surveys that say none (all of them one wave, as in workspaces saved before there were waves).
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

-- Whether a file's rows count in the chosen wave: every file when none is chosen (NULL); else a survey
-- only if it is of that wave, and every file that is not a survey (extracts are narrowed by their periods).
CREATE OR REPLACE MACRO in_wave(src, chosen) AS
   chosen IS NULL OR NOT EXISTS (
     SELECT 1 FROM sources AS w
     WHERE w.source = src AND w.shape IN ('survey-wide', 'survey-multi') AND w.wave IS DISTINCT FROM chosen
   );

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
-- neither a user nor in N. With a wave chosen, only that wave's surveys count (in_wave).
CREATE OR REPLACE MACRO method_units(county, grp, kind, chosen_wave) AS TABLE
   SELECT DISTINCT m.method_id, u.unit_key, u.county_code, u.municipality_code, u.district, u.unit_label
   FROM method_asked AS a
   JOIN method_map AS m USING (method_name)
   JOIN responding_units AS r USING (source)
   JOIN filtered_units(county, grp, kind) AS u ON u.unit_name = r.unit_name
   WHERE m.method_id IS NOT NULL AND in_wave(a.source, chosen_wave)
     AND (a.source, r.unit_name, m.method_id) NOT IN (SELECT (source, unit_name, method_id) FROM usage_no_value);

-- The (method, unit) pairs in use (n): ticked in a survey, or a count above zero in an extract; with
-- a year chosen, an extract's unit uses a method only if it has a count in that year; with a wave
-- chosen, only that wave's surveys count.
CREATE OR REPLACE MACRO method_users(county, grp, kind, year, chosen_wave) AS TABLE
   SELECT DISTINCT m.method_id, u.unit_key
   FROM method_use AS x
   JOIN method_map AS m USING (method_name)
   JOIN responding_units AS r ON r.source = x.source AND r.unit_name = x.unit_name
   JOIN filtered_units(county, grp, kind) AS u ON u.unit_name = x.unit_name
   WHERE m.method_id IS NOT NULL AND in_wave(x.source, chosen_wave)
     AND (year IS NULL OR x.source NOT IN (SELECT source FROM sources WHERE shape = 'usage')
       OR (x.source, x.unit_name, x.method_name) IN (
         SELECT (source, unit_name, method_name) FROM usage WHERE count > 0 AND starts_with(period, year)
       ));
