// The canonical tables every analysis reads, whatever shape the files came in, and the mappings from
// names as files write them to the register's units and the catalogue's methods. The tables, views and
// macros themselves are SQL files: queries/model/schema.sql and values.sql.
//
//   sources(source, file_name, shape, wave)        every confirmed file: what the figures come from, and a
//                                                  survey's wave or a training export's year (`2024`; NULL: none said)
//   responding_units(source, unit_name)            every unit that answered a survey or appears in an extract
//   method_asked(source, method_name)              the methods a file could report (asked, or seen)
//   method_use(source, unit_name, method_name)     a unit uses a method (ticked, or a count above zero)
//   usage(source, unit_name, period, method_name, count)
//   training(source, unit_name, method_name, trained, staff)
//   population(source, municipality_code, county_code, year, population, age_band)
//                                                  a statistics file's population per region and year, in
//                                                  the band it gives (`0-17`: children; statistics-read.ts)
//   reference_files(source, kind, measure, age_band, sex, years, municipalities, counties, ignored_rows,
//                   no_rate, use_for_rates)        what each statistics file holds, and whether rates use it
//   survey_answers(source, unit_name, question, scale, answer, position)   scale answers, ordered by position
//   unit_map(unit_name, status, unit_key, municipality_code, county_code, district)
//   method_map(method_name, method_id)
//   method_catalogue(id, kind, position, recommendation, age_band)
//   register_municipalities(municipality_code, name, county_code, skr_group)   the official register,
//   register_counties(county_code, name, short_name)                          for filters and maps
//   register_skr_groups(skr_group, name, main_group, main_group_name)
//   units (view), filtered_units(county, skr_group, unit_type) (table macro): the units the views count
//
// `source` is the loaded table's name, so removing a file removes exactly its rows.
import type { Engine } from '../db/engine';
import { toRows } from '../db/engine';
import { quoteIdent } from '../db/table-name';
import { cellText, TOTALS } from './cells';
import { likertStep } from '../domain/likert';
import { METHODS, choiceSplitter, flagOptionName, matchMethod } from '../domain/methods';
import { NO_VALUES, NOT_TICKED, SEX_TOTALS, type ShapeGuess } from '../domain/shape-detect';
import { addStatistics, type StatisticsChoice, type StatisticsReading } from './statistics-read';
import { COUNTIES, matchUnit, MUNICIPALITIES, SKR_GROUPS, type UnitRef } from '../domain/units';

/** The model's SQL (queries/model/*.sql), statement by statement: each ends with `;` at the end of a line. */
function modelStatements(engine: Engine): string[] {
  const files = ['model/schema', 'model/values'].map((id) => {
    const sql = engine.queryFiles[id];
    if (sql === undefined) throw new Error(`No query file queries/${id}.sql`);
    return sql;
  });
  return files
    .flatMap((sql) => sql.split(/;[ \t]*$/m))
    .filter((statement) => statement.replace(/--.*$/gm, '').trim() !== '');
}

const CANONICAL = ['sources', 'responding_units', 'method_asked', 'method_use', 'usage', 'training', 'survey_answers', 'population', 'reference_files'] as const;

/** The tables a workspace must keep to restore the analyses exactly (the register is rebuilt). */
export const WORKSPACE_TABLES = [...CANONICAL, 'unit_map', 'method_map', 'method_catalogue'] as const;

/** A creation in progress per engine: two callers at once (the idle start and a first file) share it. */
const creating = new WeakMap<Engine, Promise<void>>();

/**
 * Creates the model's tables and macros where they are missing, and fills the catalogue and the register
 * once. Safe to call again (each later call checks and returns); concurrent calls share one creation, so
 * the register is never filled twice.
 */
export function createModel(engine: Engine): Promise<void> {
  const running = creating.get(engine);
  if (running) return running;
  const created = buildModel(engine).finally(() => creating.delete(engine));
  creating.set(engine, created);
  return created;
}

async function buildModel(engine: Engine): Promise<void> {
  // One call for every statement: each call is a round trip to DuckDB's worker, and the window's
  // first import waits for the model (23 statements: ~100 ms one by one, ~10 ms together).
  await engine.query(modelStatements(engine).join(';\n'));
  const [{ n } = { n: 0 }] = toRows(await engine.query('SELECT count(*)::INTEGER AS n FROM method_catalogue'));
  if (Number(n) > 0) return;
  await insertRows(
    engine,
    'method_catalogue',
    METHODS.map((m, position) => [m.id, m.kind, position, m.recommendation, m.ageBand]),
  );
  await insertRows(engine, 'register_municipalities', MUNICIPALITIES.map((m) => [m.code, m.name, m.countyCode, m.skrGroup]));
  await insertRows(engine, 'register_counties', COUNTIES.map((c) => [c.code, c.name, c.shortName]));
  await insertRows(engine, 'register_skr_groups', SKR_GROUPS.map((g) => [g.code, g.name, g.mainGroup, g.mainGroupName]));
  // A User Timing mark: the benchmark's phases of a start (bench/chromium.ts).
  globalThis.performance?.mark?.('model:created');
}

/** INSERT with bound values, in chunks (DuckDB-WASM prepares each statement once per chunk). */
async function insertRows(engine: Engine, table: string, rows: readonly unknown[][]): Promise<void> {
  const CHUNK = 500;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const placeholders = chunk.map((row) => `(${row.map(() => '?').join(', ')})`).join(', ');
    await engine.query(`INSERT INTO ${table} VALUES ${placeholders}`, chunk.flat());
  }
}

function columnsWith(guess: ShapeGuess, role: string): string[] {
  return Object.entries(guess.roles)
    .filter(([, r]) => r.role === role)
    .map(([name]) => name);
}

/**
 * The distinct combinations of `columns` in `table`, as a subquery whose columns keep their names: the
 * cellText, unitName and totalsOnly expressions read it as they read the table. An expression over it runs
 * once per distinct value (a few hundred units and methods), not once per row of a million-row extract.
 * `OFFSET 0` keeps DuckDB from pushing a filter on these columns below the DISTINCT into the scan, where
 * it would run once per row again (a regular expression on every unit cell of a million rows: ~100 ms).
 */
export function distinctOf(table: string, columns: readonly string[]): string {
  return `(SELECT DISTINCT ${columns.map(quoteIdent).join(', ')} FROM ${quoteIdent(table)} OFFSET 0)`;
}

/** The columns unitName reads: the unit, and its district where there is one. */
export function unitNameColumns(guess: ShapeGuess): string[] {
  return [...columnsWith(guess, 'unit').slice(0, 1), ...columnsWith(guess, 'district').slice(0, 1)];
}

/** Kolada's `Kön` (T, K, M), whose total rows alone are read (totalsOnly). */
function sexColumn(guess: ShapeGuess): string | undefined {
  return Object.entries(guess.roles).find(([, r]) => r.role === 'ignore' && r.reason === 'sex-breakdown')?.[0];
}

/** The columns unitName and totalsOnly read: the unit, its district, and the sex breakdown. */
export function unitColumns(guess: ShapeGuess): string[] {
  const sex = sexColumn(guess);
  return [...unitNameColumns(guess), ...(sex === undefined ? [] : [sex])];
}

/** The unit as the register names it: the unit column, with its city district where one is beside it (`Göteborg – Nordost`). */
export function unitName(guess: ShapeGuess): string {
  const [unit] = columnsWith(guess, 'unit');
  const [district] = columnsWith(guess, 'district');
  if (!district) return cellText(unit!);
  return `CASE WHEN ${cellText(district)} <> '' THEN ${cellText(unit!)} || ' – ' || ${cellText(district)} ELSE ${cellText(unit!)} END`;
}

/**
 * The rows that are not totals beyond the unit column: with a breakdown by sex (Kolada's `Kön`: T, K, M)
 * the total rows only, the others would count twice; a district cell reading `Totalt` sums the city's.
 * (The words are the app's constants, written in.)
 */
export function totalsOnly(guess: ShapeGuess): string {
  const sex = sexColumn(guess);
  const [district] = columnsWith(guess, 'district');
  return (
    (sex ? ` AND lower(${cellText(sex)}) IN (${SEX_TOTALS.map((v) => `'${v}'`).join(', ')})` : '') +
    (district ? ` AND NOT regexp_matches(lower(coalesce(${cellText(district)}, '')), '${TOTALS}')` : '')
  );
}

/** Adds one loaded table's rows to the canonical tables, as its shape says; a statistics file's reading comes back. */
export async function addSource(
  engine: Engine,
  source: string,
  guess: ShapeGuess,
  localMethods: ReadonlyMap<string, string> = new Map(),
  file: { fileName: string; format: string; title?: string; wave?: string | null } = { fileName: source, format: 'csv' },
  choice: StatisticsChoice = {},
): Promise<StatisticsReading | null> {
  const isDated = guess.shape === 'survey-wide' || guess.shape === 'survey-multi' || guess.shape === 'training';
  await engine.query('INSERT INTO sources VALUES (?, ?, ?, ?)', [source, file.fileName, guess.shape, isDated ? (file.wave ?? null) : null]);
  const [unitColumn] = columnsWith(guess, 'unit');
  if (!unitColumn || guess.shape === 'unknown') return null;
  // Statistics never add units: their figures join the units that are there (statistics-read.ts).
  if (guess.shape === 'statistics') return addStatistics(engine, source, { ...file, table: source }, guess, choice);
  // The rows that count: a unit that is not a total (the pattern a bound parameter, `?`).
  const kept = `${cellText(unitColumn)} <> '' AND NOT regexp_matches(lower(${cellText(unitColumn)}), ?)${totalsOnly(guess)}`;
  const from = `FROM ${quoteIdent(source)} WHERE ${kept}`;
  const unit = unitName(guess);

  if (guess.shape === 'usage' || guess.shape === 'training') {
    const [method] = columnsWith(guess, 'method');
    if (!method) return null;
    if (guess.shape === 'usage') {
      const [count] = columnsWith(guess, 'count');
      const [period] = columnsWith(guess, 'period');
      await addUsage(engine, source, guess, kept, { method, count: count!, period });
    } else {
      const [trained] = columnsWith(guess, 'trained');
      const [staff] = columnsWith(guess, 'staff');
      await engine.query(
        `INSERT INTO training SELECT ?, ${unit}, ${cellText(method)}, number_value(${quoteIdent(trained!)}), number_value(${quoteIdent(staff!)}) ${from}`,
        [source, TOTALS],
      );
    }
    return null;
  }

  // Surveys: one row per responding unit.
  await engine.query(`INSERT INTO responding_units SELECT DISTINCT ?, ${unit} ${from}`, [source, TOTALS]);
  for (const [column, role] of Object.entries(guess.roles)) {
    if (role.role !== 'method-flag') continue;
    // The option's name (`KOMET`), also where a template saved before kept the whole header.
    const option = flagOptionName(role.methodName, localMethods);
    await insertRows(engine, 'method_asked', [[source, option]]);
    await engine.query(
      `INSERT INTO method_use SELECT DISTINCT ?, ${unit}, ? ${from}
         AND coalesce(lower(${cellText(column)}), '') NOT IN ('', ${[...NO_VALUES].map(() => '?').join(', ')})
         AND NOT regexp_matches(lower(${cellText(column)}), ?)`,
      [source, option, TOTALS, ...NO_VALUES, NOT_TICKED.source],
    );
  }
  // Scale answers: each distinct answer placed on its scale in JS (spellings vary), then stored ordered.
  for (const [column, role] of Object.entries(guess.roles)) {
    if (role.role !== 'likert') continue;
    const answers = toRows(await engine.query(`SELECT DISTINCT ${cellText(column)} AS answer ${from} AND ${cellText(column)} <> ''`, [TOTALS]));
    for (const { answer } of answers) {
      const step = likertStep(String(answer), role.scale);
      await engine.query(
        `INSERT INTO survey_answers SELECT ?, ${unit}, ?, ?, ?, ? ${from} AND ${cellText(column)} = ?`,
        [source, column, role.scale, step?.label ?? String(answer), step?.position ?? null, TOTALS, String(answer)],
      );
    }
  }
  // Several choices in one cell: split in JS, by what the column's own cells and the catalogue say.
  for (const [column, role] of Object.entries(guess.roles)) {
    if (role.role !== 'method-choices') continue;
    const cells = toRows(await engine.query(`SELECT ${unit} AS unit, ${cellText(column)} AS cell ${from}`, [TOTALS]));
    const split = choiceSplitter(cells.map((c) => String(c.cell ?? '')), localMethods);
    const uses = new Set<string>();
    const rows: string[][] = [];
    for (const { unit: u, cell } of cells) {
      for (const choice of split(String(cell ?? ''))) {
        const key = `${String(u)}\u0000${choice}`;
        if (!uses.has(key)) rows.push([source, String(u), choice]);
        uses.add(key);
      }
    }
    await insertRows(engine, 'method_use', rows);
    // Asked: every option seen, and the ones the questionnaire offered that nobody ticked (0 of N).
    const offered = (role.offered ?? []).map((id) => METHODS.find((m) => m.id === id)?.name).filter((name) => name !== undefined);
    await insertRows(engine, 'method_asked', [...new Set([...rows.map((r) => r[2]!), ...offered])].map((name) => [source, name]));
  }
  return null;
}

/** Each addUsage gets temporary tables of its own (two files may be confirmed one right after the other). */
let usageTables = 0;

/**
 * An extract's rows, summed per unit, period and method, into `usage`; and the units, methods and uses
 * they show. Extracts often hold several rows per unit, month and method (one per case worker or
 * sub-unit); every analysis uses their sum, so the sum is what is kept: smaller scans, smaller workspaces.
 *
 * The unit's name, the totals test, the period and the method's name are functions of the cells, so they
 * are computed once per distinct cell (a few hundred units, a hundred periods, a few dozen methods) into
 * small tables, never once per row: the rows are only summed by their cells as they are (one pass over a
 * million rows), and each sum then takes the names of its cells. Where two spellings of a cell make one
 * name (`Ale ` and `Ale`, `2023-01` and `jan 2023`) their sums are added again; otherwise each sum already
 * stands for one (unit, period, method) and is kept as it is. `kept` is addSource's test of a unit that
 * counts (its `?` the totals pattern).
 */
async function addUsage(
  engine: Engine,
  source: string,
  guess: ShapeGuess,
  kept: string,
  columns: { method: string; count: string; period: string | undefined },
): Promise<void> {
  const n = ++usageTables;
  // In DuckDB's temp catalog: a loaded table of the same name is never read or dropped instead.
  const [units, periods, methods, pairs] = ['units', 'periods', 'methods', 'pairs'].map((t) => `temp.usage_${t}_${n}`) as [string, string, string, string];
  const { method, count, period } = columns;
  const keys = unitColumns(guess);
  // The raw cells are called unit_cell_0 …, period_cell and method_cell in the small tables and the sums,
  // so no column of the file, whatever its name, is mistaken for a name computed from it.
  const unitCells = keys.map((c, i) => `${quoteIdent(c)} AS unit_cell_${i}`).join(', ');
  // A district or sex cell may be empty (NULL), and so may a period: those match too. A unit cell never is.
  const sameUnit = keys.map((_, i) => `s.unit_cell_${i} ${i === 0 ? '=' : 'IS NOT DISTINCT FROM'} u.unit_cell_${i}`).join(' AND ');
  try {
    await engine.query(`CREATE TEMP TABLE ${units} AS SELECT ${unitCells}, ${unitName(guess)} AS unit_name FROM ${distinctOf(source, keys)} WHERE ${kept}`, [TOTALS]);
    await engine.query(
      `CREATE TEMP TABLE ${methods} AS SELECT ${quoteIdent(method)} AS method_cell, ${cellText(method)} AS method_name
       FROM ${distinctOf(source, [method])} WHERE ${cellText(method)} <> ''`,
    );
    if (period) {
      await engine.query(
        `CREATE TEMP TABLE ${periods} AS SELECT ${quoteIdent(period)} AS period_cell, normalise_period(${quoteIdent(period)}) AS period FROM ${distinctOf(source, [period])}`,
      );
    }
    // Whether each name comes from one spelling only (DISTINCT counts NULL, a period without a value, once).
    const oneToOne = (table: string, name: string) => `(SELECT count(*) FROM ${table}) = (SELECT count(*) FROM (SELECT DISTINCT ${name} FROM ${table}))`;
    const [{ one_spelling: oneSpelling } = { one_spelling: false }] = toRows(
      await engine.query(`SELECT ${[oneToOne(units, 'unit_name'), oneToOne(methods, 'method_name'), ...(period ? [oneToOne(periods, 'period')] : [])].join(' AND ')} AS one_spelling`),
    );
    // The one pass over every row: sums by the cells as they are.
    const sums = `SELECT ${unitCells}${period ? `, ${quoteIdent(period)} AS period_cell` : ''}, ${quoteIdent(method)} AS method_cell,
                    sum(number_value(${quoteIdent(count)})) AS total
                  FROM ${quoteIdent(source)} GROUP BY ALL`;
    const named = `FROM (${sums}) AS s JOIN ${units} AS u ON ${sameUnit} JOIN ${methods} AS m ON s.method_cell = m.method_cell
                   ${period ? `JOIN ${periods} AS p ON s.period_cell IS NOT DISTINCT FROM p.period_cell` : ''}`;
    const periodName = period ? 'p.period' : 'NULL';
    await engine.query(
      oneSpelling === true
        ? `INSERT INTO usage SELECT ?, u.unit_name, ${periodName}, m.method_name, s.total ${named}`
        : `INSERT INTO usage SELECT ?, u.unit_name, ${periodName}, m.method_name, sum(s.total) ${named} GROUP BY 2, 3, 4`,
      [source],
    );
    // The units and methods the extract lists, and the uses (a count above zero), from its few thousand
    // (unit, method) pairs rather than from every row of `usage` three times.
    await engine.query(
      `CREATE TEMP TABLE ${pairs} AS SELECT unit_name, method_name, bool_or(count > 0) AS used FROM usage WHERE source = ? GROUP BY unit_name, method_name`,
      [source],
    );
    await engine.query(`INSERT INTO method_use SELECT ?, unit_name, method_name FROM ${pairs} WHERE used`, [source]);
    await engine.query(`INSERT INTO method_asked SELECT DISTINCT ?, method_name FROM ${pairs}`, [source]);
    await engine.query(`INSERT INTO responding_units SELECT DISTINCT ?, unit_name FROM ${pairs}`, [source]);
  } finally {
    for (const table of [units, periods, methods, pairs]) await engine.query(`DROP TABLE IF EXISTS ${table}`);
  }
}

/** A survey file's wave as the user changed it after import (null: none); other files have none. */
export async function setWave(engine: Engine, source: string, wave: string | null): Promise<void> {
  await engine.query(`UPDATE sources SET wave = ? WHERE source = ? AND shape IN ('survey-wide', 'survey-multi')`, [wave, source]);
}

export async function removeSource(engine: Engine, source: string): Promise<void> {
  for (const table of CANONICAL) await engine.query(`DELETE FROM ${table} WHERE source = ?`, [source]);
}

/** Matches every name not yet mapped. `remembered` holds the user's earlier choices for unit names. */
export async function refreshMappings(
  engine: Engine,
  remembered: ReadonlyMap<string, UnitRef> = new Map(),
  localMethods: ReadonlyMap<string, string> = new Map(),
): Promise<void> {
  const units = toRows(
    await engine.query(`
      SELECT DISTINCT unit_name FROM (
        SELECT unit_name FROM responding_units UNION SELECT unit_name FROM training
      ) WHERE unit_name NOT IN (SELECT unit_name FROM unit_map)`),
  );
  await insertRows(
    engine,
    'unit_map',
    units.map(({ unit_name }) => {
      const name = String(unit_name);
      const match = matchUnit(name, remembered);
      if (match.status !== 'matched') return [name, match.status, null, null, null, null];
      const { unit } = match;
      return [name, 'matched', `${unit.municipalityCode}/${unit.district ?? ''}`, unit.municipalityCode, unit.countyCode, unit.district];
    }),
  );
  const methods = toRows(
    await engine.query(`
      SELECT DISTINCT method_name FROM (
        SELECT method_name FROM method_asked UNION SELECT method_name FROM training
      ) WHERE method_name NOT IN (SELECT method_name FROM method_map)`),
  );
  await insertRows(
    engine,
    'method_map',
    methods.map(({ method_name }) => [String(method_name), matchMethod(String(method_name), localMethods)]),
  );
}

/** Drops earlier matches of these names, so the next refresh applies the user's new choice. */
export async function forgetNames(engine: Engine, units: readonly string[], methods: readonly string[]): Promise<void> {
  for (const name of units) await engine.query('DELETE FROM unit_map WHERE unit_name = ?', [name]);
  for (const name of methods) await engine.query('DELETE FROM method_map WHERE method_name = ?', [name]);
}

/** A method the user added for a name the catalogue lacks; it is analysed beside the catalogue's. */
export async function addLocalMethod(engine: Engine, id: string): Promise<void> {
  await engine.query(
    `INSERT INTO method_catalogue SELECT ?, 'intervention', 1000 + count(*), 'local', NULL FROM method_catalogue
     WHERE NOT EXISTS (SELECT 1 FROM method_catalogue WHERE id = ?)`,
    [id, id],
  );
}
