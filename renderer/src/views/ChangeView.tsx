// Förändring: the same survey in two waves side by side. Per method its share in each wave and the
// difference in percentage points, the units that started and stopped (by name, county and group), and
// a panel switch (only units that answered both waves), so that a change in who answered is not read as
// a change in practice. With three waves or more, each method's share per wave as lines as well.
import { useEffect, useState } from 'react';
import { ChangeDots } from '../charts/ChangeDots';
import { ChartFrame } from '../charts/ChartFrame';
import { TrendLines } from '../charts/TrendLines';
import type { Engine } from '../db/engine';
import { runQuery } from '../db/query-files';
import { wavesOf } from '../domain/waves';
import { useI18n } from '../i18n/i18n';
import { filterParams, type Filters } from '../shaping/filters';
import { changesOf, comparedWaves, waveTable, type Changes, type WaveTable } from '../shaping/shape-changes';
import { changeSpec, movesTable, waveLinesSpec, type SpecContext } from '../shaping/specs';
import { fromSample, isSurvey, METHOD_USE, waveFileNames, type ViewProps } from '../shaping/view-props';
import { setQueryFailure, trackQuery } from './query-activity';

export function ChangeView(props: ViewProps) {
  const { t } = useI18n();
  const waves = wavesOf(props.sources.filter(isSurvey).map((s) => s.wave));
  if (waves.length < 2) {
    return (
      <p className="empty" data-testid="changes-need-waves">
        {t('changesNeedWaves')}
      </p>
    );
  }
  return <WaveChanges {...props} waves={waves} />;
}

/** Every wave's rows of wave_use.sql under the filters (the wave set per query); null until all are in. */
function useWaveTables(engine: () => Promise<Engine>, waves: readonly string[], filters: Filters, dataVersion: number): Map<string, WaveTable> | null {
  const [tables, setTables] = useState<Map<string, WaveTable> | null>(null);
  const { county, skrGroup, unitType } = filters;
  const key = waves.join('\u0000');
  useEffect(() => {
    let isCurrent = true;
    const list = key.split('\u0000');
    const read = engine().then((db) =>
      Promise.all(list.map(async (wave) => waveTable(wave, await runQuery(db, 'wave_use', filterParams({ county, skrGroup, unitType, period: null, wave, method: null }))))),
    );
    void trackQuery(read).then(
      (read) => {
        if (!isCurrent) return;
        setTables(new Map(read.map((table) => [table.wave, table])));
        setQueryFailure('wave_use', null);
      },
      (error: unknown) => {
        console.error(error);
        if (!isCurrent) return;
        setTables(new Map());
        setQueryFailure('wave_use', error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [engine, key, county, skrGroup, unitType, dataVersion]);
  useEffect(() => () => setQueryFailure('wave_use', null), []);
  return tables;
}

function WaveChanges({ engine, filters, dataVersion, sources, waves, changeView, onChangeView }: ViewProps & { waves: string[] }) {
  const { lang, t } = useI18n();
  const { panelOnly } = changeView;
  const tables = useWaveTables(engine, waves, filters, dataVersion);
  // The two waves compared: the user's (kept in the workspace), while both are loaded; else the last two.
  const [from, to] = comparedWaves(waves, changeView);
  if (!tables) return null;
  const [a, b] = [tables.get(from), tables.get(to)];
  if (!a || !b) return <p className="empty">{t('noData')}</p>;
  const changes = changesOf([a, b], panelOnly);
  const files = [from, to].flatMap((wave) => waveFileNames(sources, METHOD_USE, wave, t));
  const ctx: SpecContext = { lang, t, files, sample: fromSample(sources, files) };
  const kinds = (['intervention', 'tool'] as const).filter((kind) => changes.methods.some((m) => m.kind === kind));
  const all = waves.length >= 3 ? changesOf(waves.map((w) => tables.get(w)!).filter(Boolean), panelOnly) : null;
  const waveSelect = (value: string, onChange: (wave: string) => void, label: string, testId: string) => (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {waves.map((wave) => (
          <option key={wave} value={wave}>
            {wave}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="view-body">
      <div className="change-controls" role="group" aria-label={t('viewChanges')}>
        {waveSelect(from, (wave) => onChangeView({ ...changeView, from: wave, to }), t('changeFrom'), 'change-from')}
        {waveSelect(to, (wave) => onChangeView({ ...changeView, from, to: wave }), t('changeTo'), 'change-to')}
        <label className="check">
          <input type="checkbox" checked={panelOnly} onChange={(e) => onChangeView({ ...changeView, panelOnly: e.target.checked })} data-testid="change-panel" />
          {t('changePanelToggle')}
        </label>
      </div>
      {kinds.map((kind) => {
        const spec = changeSpec(changes, kind, ctx);
        return (
          <ChartFrame key={kind} id={spec.id} title={spec.text.title} question={spec.text.subtitle} count={spec.text.count} spec={spec} note={spec.text.note}>
            {spec.body.kind === 'change' && <ChangeDots rows={spec.body.rows} fromLabel={spec.body.fromLabel} toLabel={spec.body.toLabel} formatTick={spec.body.formatTick} label={spec.alt} />}
          </ChartFrame>
        );
      })}
      <UnitMoves changes={changes} ctx={ctx} />
      {all &&
        kinds.map((kind) => {
          const spec = waveLinesSpec(all, kind, ctx);
          return (
            <ChartFrame key={`lines-${kind}`} id={spec.id} title={spec.text.title} question={spec.text.subtitle} count={spec.text.count} spec={spec}>
              {spec.body.kind === 'lines' && <TrendLines periods={spec.body.periods} series={spec.body.series} label={spec.text.title} description={spec.alt} format={spec.body.formatTick} />}
            </ChartFrame>
          );
        })}
    </div>
  );
}

/** The panel units that started and stopped using each method, by name, county and SKR group (movesTable). */
function UnitMoves({ changes, ctx }: { changes: Changes; ctx: SpecContext }) {
  const { t } = ctx;
  const table = movesTable(changes, ctx);
  return (
    <section className="chart" data-testid="change-units">
      <h3>{table.title}</h3>
      {changes.panel === 0 ? (
        <p>{t('changeNoPanel')}</p>
      ) : (
        <>
          <p className="count">{t('changeUnitsIntro', { panel: changes.panel })}</p>
          {table.rows.length === 0 ? (
            <p>{t('changeNoMoves')}</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  {table.columns.map((column) => (
                    <th scope="col" key={column.name}>
                      {column.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map(([method, ...cells]) => (
                  <tr key={cells.join('|') + String(method)}>
                    <th scope="row">{method}</th>
                    {cells.map((cell, i) => (
                      <td key={i}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
