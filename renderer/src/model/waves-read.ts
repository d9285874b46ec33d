// A survey file's wave, read from its own answers (domain/waves.ts says which columns and how).
import { toRows, type Engine } from '../db/engine';
import { runQuery } from '../db/query-files';
import { quoteIdent } from '../db/table-name';
import type { Shape } from '../domain/shape-detect';
import { responseDateColumns, waveFromFileName, waveFromYears, type WaveReading, type WaveUse } from '../domain/waves';
import type { ImportedTable } from '../import/import-file';

/** Surveys have waves; a training export gets its date the same way (the year its figures are of). */
const DATED_SHAPES: readonly Shape[] = ['survey-wide', 'survey-multi', 'training'];

/** Date formats the survey tools write as text, besides ISO (which a cast reads): US, day-first, slashes. */
const FORMATS = ['%Y/%m/%d %H:%M:%S', '%Y/%m/%d %H:%M', '%Y/%m/%d', '%m/%d/%Y %H:%M:%S', '%m/%d/%Y %H:%M', '%m/%d/%Y', '%d.%m.%Y %H:%M:%S', '%d.%m.%Y %H:%M', '%d.%m.%Y'];

/**
 * The wave of a survey file: the year most of its answers were given, from its response dates, else the
 * year its file name gives; a training export's year the same way; none for other files, or one that
 * says neither.
 */
export async function readWave(engine: Engine, table: ImportedTable, shape: Shape): Promise<WaveReading> {
  if (!DATED_SHAPES.includes(shape)) return { wave: null, from: { kind: 'none' } };
  for (const column of responseDateColumns(table.columns.map((c) => c.name))) {
    const value = quoteIdent(column);
    const formats = `[${FORMATS.map((f) => `'${f}'`).join(', ')}]`;
    const rows = toRows(
      await engine.query(
        `SELECT y, count(*)::INTEGER AS n
         FROM (SELECT year(coalesce(TRY_CAST(${value} AS TIMESTAMP), try_strptime(CAST(${value} AS VARCHAR), ${formats}))) AS y FROM ${quoteIdent(table.table)})
         WHERE y IS NOT NULL GROUP BY y`,
      ),
    );
    const wave = waveFromYears(new Map(rows.map((r) => [Number(r.y), Number(r.n)])));
    if (wave !== null) return { wave, from: { kind: 'dates', column } };
  }
  const wave = waveFromFileName(table.fileName);
  return { wave, from: wave === null ? { kind: 'none' } : { kind: 'file-name' } };
}

/**
 * The units that answered the wave's surveys, and by method those using it (wave_use.sql, no filter):
 * every unit by its register identity, or by its name where the register has none, as the app counts them.
 */
export async function waveUse(engine: Engine, wave: string): Promise<WaveUse> {
  const units = new Set<string>();
  const using = new Map<string, Set<string>>();
  for (const row of await runQuery(engine, 'wave_use', [null, null, null, null, wave])) {
    const unit = String(row.unit_key);
    const id = String(row.method_id);
    units.add(unit);
    const users = using.get(id) ?? using.set(id, new Set()).get(id)!;
    if (row.is_using === true) users.add(unit);
  }
  return { wave, units, using };
}
