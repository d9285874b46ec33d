// The one schema of `workspace.json`, checked with zod before anything touches the database: the
// envelope, every stored table (names only the app writes, column types from an allow-list) and the
// whole state the screen is rebuilt from (tab, filters with known codes, suppression, files, templates).
// A file that does not fit is refused as damaged; one that fits opens in full, never half.
import { z } from 'zod';
import { SKR_GROUPS, COUNTIES } from '../domain/units';
import { IGNORE_REASONS } from '../domain/shape-detect';
import { NAMED_SCALES } from '../domain/likert';
import { VIEWS } from '../shaping/view-ids';

/** The column types the app's tables hold: the only ones written into a CREATE TABLE. */
const COLUMN_TYPES = [
  'VARCHAR', 'BOOLEAN', 'TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT', 'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT',
  'FLOAT', 'DOUBLE', 'DATE', 'TIME', 'TIMESTAMP', 'TIMESTAMP_S', 'TIMESTAMP_MS', 'TIMESTAMP_NS', 'TIMESTAMP WITH TIME ZONE', 'BLOB',
] as const;
/** `DECIMAL(18,3)`: precision and scale as digits only. */
const DECIMAL = /^DECIMAL\((\d{1,2}),(\d{1,2})\)$/;

export function isColumnType(type: string): boolean {
  return (COLUMN_TYPES as readonly string[]).includes(type) || DECIMAL.test(type);
}

/** A table name as `tableNameFor` makes them: lower-case ASCII, digits and `_`, starting with a letter. */
const TABLE_NAME = /^[a-z][a-z0-9_]{0,63}$/;

const text = (max = 10_000) => z.string().max(max);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const code = (codes: readonly string[]) => z.string().refine((value) => codes.includes(value));
/** A catalogue id (`fft`) or a local method's (`lokal:stödsamtal`): no path, no control character. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what a method id may not hold
const METHOD_ID = /^([a-z0-9][a-z0-9-]{0,63}|lokal:[^/\\\u0000-\u001f\u007f]{1,200})$/u;

const storedTable = z.object({
  name: z.string().regex(TABLE_NAME),
  file: z.string().regex(/^tables\/\d{3}\.parquet$/),
  rows: count,
  columns: z.array(z.object({ name: text(1000), type: z.string().refine(isColumnType, 'column type') })).min(1).max(16_384),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const filters = z.object({
  county: code(COUNTIES.map((c) => c.code)).nullable(),
  skrGroup: code(SKR_GROUPS.map((g) => g.code)).nullable(),
  unitType: z.enum(['municipality', 'district']).nullable(),
  period: z.string().regex(/^(19|20)\d{2}$/).nullable(),
  /** Absent in workspaces saved before waves: the latest. */
  wave: text(40).nullable().optional(),
  method: z.string().regex(METHOD_ID).nullable(),
});

const role = z.discriminatedUnion('role', [
  z.object({ role: z.enum(['unit', 'district', 'method', 'period', 'count', 'trained', 'staff', 'value', 'age', 'sex']) }),
  z.object({ role: z.literal('method-flag'), methodName: text(1000) }),
  z.object({ role: z.literal('method-choices'), offered: z.array(z.string().regex(METHOD_ID)).max(1000).optional() }),
  z.object({ role: z.literal('likert'), scale: z.string().refine((s) => s in NAMED_SCALES || /^numbered:\d{1,2}$/.test(s) || s.startsWith('custom:'), 'scale').pipe(text(5000)) }),
  z.object({ role: z.literal('ignore'), reason: z.enum(IGNORE_REASONS).optional(), proposal: z.array(text(1000)).max(100).optional() }),
]);
const roles = z.record(text(1000), role);

const importOptions = z.object({
  delimiter: z.enum([',', ';', '\t', '|']).optional(),
  encoding: z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252']).optional(),
  headerRow: count.optional(),
  sheet: text(1000).optional(),
});

const importedTable = z.object({
  table: z.string().regex(TABLE_NAME),
  fileName: text(1000),
  byteSize: count,
  format: z.enum(['csv', 'xlsx', 'parquet', 'json']),
  rowCount: count,
  columns: z.array(z.object({ name: text(1000), type: text(200) })).max(16_384),
  sheets: z.array(z.object({ name: text(1000), rowCount: count })).max(1000),
  report: z.object({ rowsRead: count, imported: count, rejected: z.array(z.object({ line: count, reason: text(1000) })).max(1000), rejectedCount: count }),
  title: text().optional(),
  encoding: importOptions.shape.encoding.unwrap().nullable(),
  delimiter: importOptions.shape.delimiter.unwrap().nullable(),
  headerRow: count.nullable(),
  sheet: text(1000).nullable(),
});

const account = z.object({
  columns: z.array(z.object({ column: text(1000), fate: z.enum(['role', 'method', 'unmatched', 'ignored']), role: text(100), method: text(1000).optional(), name: text(1000).optional(), reason: z.enum(IGNORE_REASONS).optional() })).max(16_384),
  counts: z.object({ role: count, method: count, unmatched: count, ignored: count }),
  choices: z.array(z.object({ column: text(1000), cells: count, matched: count, unmatched: count })).max(16_384),
  unaccountedCells: z.array(z.object({ column: text(1000), cell: text(), rest: text() })).max(100_000),
  noValue: count,
  totalsRows: count,
  noUnitRows: count.optional(),
  breakdownRows: count.optional(),
});

const statistics = z.object({
  kind: z.enum(['population', 'other']),
  measure: z.enum(['children_0_17', 'inhabitants', 'other']),
  ageBand: text(20).nullable(),
  sex: z.enum(['all', 'women', 'men']).nullable(),
  meaning: z.object({ kind: z.enum(['population', 'other']), evidence: z.enum(['header', 'title', 'file-name', 'layout', 'kolada', 'none']), said: text() }),
  years: z.array(z.number().int().min(1800).max(2200)).max(500),
  yearFrom: z.enum(['column', 'header', 'title', 'file-name', 'chosen']).nullable(),
  municipalities: count,
  counties: count,
  rows: count,
  ignored: z.array(z.object({ reason: z.enum(['footnote', 'total', 'district', 'unmatched', 'no-value', 'duplicate', 'breakdown']), rows: count })).max(20),
  ignoredRows: count,
  unmatched: z.array(text(1000)).max(100),
  ages: z.array(text(100)).max(1000),
  unknownAges: z.array(text(100)).max(1000).optional(),
  sexes: z.array(text(100)).max(100),
  noRate: z.enum(['not-population', 'several-measures', 'breakdown', 'ages-unknown', 'sex-unknown', 'one-sex', 'no-children', 'not-children', 'no-year', 'projection', 'counties-only']).nullable(),
  useForRates: z.boolean(),
});

const source = z.object({
  table: importedTable,
  guess: z.object({ shape: z.enum(['survey-wide', 'survey-multi', 'usage', 'training', 'statistics', 'unknown']), roles }),
  account: account.optional(),
  statistics: statistics.nullable().optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** One of the bundled samples; absent in workspaces saved before there were samples (and for the user's files). */
  sample: z.boolean().optional(),
  /** A survey's wave; absent in workspaces saved before waves (every survey then one wave). */
  wave: text(40).nullable().optional(),
  unitsMatched: count,
  unitsUnmatched: z.array(text(1000)).max(100_000),
  methodsMatched: count,
  methodsUnmatched: z.array(text(1000)).max(100_000),
});

const unitRef = z.object({ municipalityCode: z.string().regex(/^\d{4}$/), district: text(200).nullable() });

const preferences = z.object({
  templates: z.array(z.object({ signature: text(100_000), madeFrom: text(1000), options: importOptions, roles, wave: text(40).optional() })).max(1000),
  units: z.record(text(1000), unitRef),
  methods: z.record(text(1000), z.string().regex(METHOD_ID)),
});

/** The state on screen, as SavedState in use-workspace-file.ts has it. */
const savedState = z.object({
  tab: z.enum(['files', ...VIEWS]),
  filters,
  edits: z.record(text(200), z.object({ title: text().optional(), note: text().optional(), alt: text().optional() })),
  suppression: z.object({ enabled: z.boolean(), threshold: z.number().int().min(1).max(1000) }),
  invited: count.nullable().optional(),
  changeView: z.object({ from: text(40).nullable(), to: text(40).nullable(), panelOnly: z.boolean() }).optional(),
  files: z.object({ sources: z.array(source).max(1000), selected: z.string().regex(TABLE_NAME).nullable(), preferences }),
});

export const workspaceDocument = z.object({
  format: z.literal('metodkartan-workspace'),
  version: z.number().int().min(1),
  app: z.object({ version: text(100) }),
  saved: text(100),
  sourceTables: z.array(z.string().regex(TABLE_NAME)).max(1000),
  tables: z.array(storedTable).max(2000),
  state: savedState,
});
