// Before a file joins the analysis: its detected settings (changeable, with a live preview), the role
// of each column, and every unit and method name the register or the catalogue could not settle.
import { useEffect, useMemo, useState } from 'react';
import type { MessageKey } from '../i18n/translate';
import type { MethodPick, PendingImport } from '../app/workspace-state';
import type { Engine, Row } from '../db/engine';
import { previewRows } from '../db/table-info';
import { METHODS } from '../domain/methods';
import type { ColumnRole, IgnoreReason, Shape } from '../domain/shape-detect';
import type { StatisticsChoice } from '../model/statistics-read';
import { cleanWave, type WaveReading } from '../domain/waves';
import { CITY_DISTRICTS, COUNTIES, MUNICIPALITIES, type ResolvedUnit, type UnitRef } from '../domain/units';
import { formatNumber } from '../format';
import { DataGrid, shownColumns } from './DataGrid';
import { OfferedOptions } from './OfferedOptions';
import { ScaleOrder } from './ScaleOrder';
import { StatisticsPanel } from './StatisticsPanel';
import { useI18n } from '../i18n/i18n';
import type { Delimiter } from '../import/detect-delimiter';
import type { TextEncodingName } from '../import/decode-text';
import type { ImportOptions } from '../import/import-file';

const PREVIEW_ROWS = 20;

export const SHAPE_KEYS: Record<Shape, MessageKey> = {
  'survey-wide': 'shapeSurveyWide',
  'survey-multi': 'shapeSurveyMulti',
  usage: 'shapeUsage',
  training: 'shapeTraining',
  statistics: 'shapeStatistics',
  unknown: 'shapeUnknown',
};

export const ROLE_KEYS: Record<ColumnRole['role'], MessageKey> = {
  unit: 'roleUnit',
  district: 'roleDistrict',
  'method-flag': 'roleMethodFlag',
  'method-choices': 'roleMethodChoices',
  method: 'roleMethod',
  period: 'rolePeriod',
  count: 'roleCount',
  trained: 'roleTrained',
  staff: 'roleStaff',
  value: 'roleValue',
  age: 'roleAge',
  sex: 'roleSex',
  likert: 'roleLikert',
  ignore: 'roleIgnore',
};

export const REASON_KEYS: Record<IgnoreReason, MessageKey> = {
  empty: 'ignoreReasonEmpty',
  timestamp: 'ignoreReasonTimestamp',
  email: 'ignoreReasonEmail',
  respondent: 'ignoreReasonRespondent',
  'row-id': 'ignoreReasonRowId',
  'unit-code': 'ignoreReasonUnitCode',
  county: 'ignoreReasonCounty',
  'sex-breakdown': 'ignoreReasonSexBreakdown',
  'numeric-answer': 'ignoreReasonNumericAnswer',
  'period-column': 'ignoreReasonPeriodColumn',
  'period-part': 'ignoreReasonPeriodPart',
  'method-count-column': 'ignoreReasonMethodCountColumn',
  breakdown: 'ignoreReasonBreakdown',
  'yes-no': 'ignoreReasonYesNo',
  'free-text': 'ignoreReasonFreeText',
  'scale-order': 'ignoreReasonScaleOrder',
  'not-recognised': 'ignoreReasonNotRecognised',
  'too-many-columns': 'ignoreReasonTooManyColumns',
  chosen: 'ignoreReasonChosen',
};

const DELIMITERS: [Delimiter, MessageKey][] = [
  [';', 'delimiterSemicolon'],
  [',', 'delimiterComma'],
  ['\t', 'delimiterTab'],
  ['|', 'delimiterPipe'],
];

const ENCODINGS: [TextEncodingName, string][] = [
  ['utf-8', 'UTF-8'],
  ['utf-8-bom', 'UTF-8 (BOM)'],
  ['windows-1252', 'Windows-1252 (ANSI)'],
  ['utf-16le', 'UTF-16LE'],
  ['utf-16be', 'UTF-16BE'],
];

const refValue = (ref: UnitRef) => `${ref.municipalityCode}/${ref.district ?? ''}`;

function parseRef(value: string): UnitRef | null {
  const [code, district = ''] = value.split('/');
  return code ? { municipalityCode: code, district: district || null } : null;
}

/** Every unit a name can be mapped to: municipalities, then the districts in force, by name. */
function useUnitChoices(): { value: string; label: string }[] {
  return useMemo(() => {
    const county = new Map(COUNTIES.map((c) => [c.code, c.name]));
    const municipalities = MUNICIPALITIES.map((m) => ({
      value: `${m.code}/`,
      label: `${m.name} (${m.code}, ${county.get(m.countyCode) ?? ''})`,
    }));
    const name = new Map(MUNICIPALITIES.map((m) => [m.code, m.name]));
    const districts = CITY_DISTRICTS.filter((d) => d.validTo === null).map((d) => ({
      value: `${d.municipalityCode}/${d.name}`,
      label: `${name.get(d.municipalityCode) ?? d.municipalityCode} – ${d.name}`,
    }));
    return [...municipalities, ...districts].sort((a, b) => a.label.localeCompare(b.label, 'sv'));
  }, []);
}

function unitLabel(unit: ResolvedUnit): string {
  return unit.district ? `${unit.municipalityName} – ${unit.district}` : `${unit.municipalityName} (${unit.municipalityCode})`;
}

interface Props {
  pending: PendingImport;
  engine: () => Promise<Engine>;
  isBusy: boolean;
  onOptions: (options: ImportOptions) => void;
  onRole: (column: string, role: ColumnRole) => void;
  onPickUnit: (name: string, ref: UnitRef | null) => void;
  onPickMethod: (name: string, pick: MethodPick) => void;
  onStatistics: (choice: StatisticsChoice) => void;
  /** The wave typed in the Omgång field (null: none). */
  onWave: (wave: string | null) => void;
  /** The waves of the surveys loaded already, oldest first. */
  loadedWaves: readonly string[];
  onConfirm: () => void;
  onCancel: () => void;
}

export function MappingView({ pending, engine, isBusy, onOptions, onRole, onPickUnit, onPickMethod, onStatistics, onWave, loadedWaves, onConfirm, onCancel }: Props) {
  const { lang, t } = useI18n();
  const [rows, setRows] = useState<Row[]>([]);
  const unitChoices = useUnitChoices();
  const { table, guess, names, options, template, account } = pending;
  // Options the answers name; the ones only offered (added by the user) stay changeable.
  const offeredIds = new Set(Object.values(guess.roles).flatMap((r) => (r.role === 'method-choices' ? (r.offered ?? []) : [])));
  const seenMethods = new Set(names.methods.flatMap((m) => (m.id !== null && !offeredIds.has(m.id) ? [m.id] : [])));
  const n = (value: number) => formatNumber(value, lang);

  useEffect(() => {
    let isCurrent = true;
    void engine()
      .then((db) => previewRows(db, table.table, PREVIEW_ROWS))
      .then((result) => isCurrent && setRows(result));
    return () => {
      isCurrent = false;
    };
  }, [engine, table.table, pending.stamp]);

  const unsettledUnits = names.units.filter((u) => u.match.status !== 'matched');
  const unknownMethods = names.methods.filter((m) => m.id === null);
  // A workbook's sheet stays the one shown while another setting changes (it may have been chosen for its answers).
  const set = (change: Partial<ImportOptions>) => onOptions({ ...(table.sheet !== null ? { sheet: table.sheet } : {}), ...options, ...change });

  return (
    <section className="mapping" aria-labelledby="mapping-title">
      <header className="mapping-head">
        <div>
          <h2 id="mapping-title">{t('importTitle', { file: table.fileName })}</h2>
          {template && <p className="note">{t('templateRecognised', { file: template.madeFrom })}</p>}
        </div>
        <div className="mapping-actions">
          <button type="button" className="ghost" onClick={onCancel} disabled={isBusy}>
            {t('cancel')}
          </button>
          <button type="button" className="primary" onClick={onConfirm} disabled={isBusy}>
            {t('importAction')}
          </button>
        </div>
      </header>

      <fieldset className="settings">
        <legend>{t('settingsHeading')}</legend>
        {table.format === 'csv' && (
          <>
            <label>
              {t('delimiter')}
              <select value={table.delimiter ?? ';'} onChange={(e) => set({ delimiter: e.target.value as Delimiter })}>
                {DELIMITERS.map(([value, key]) => (
                  <option key={value} value={value}>
                    {t(key)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('encoding')}
              <select value={table.encoding ?? 'utf-8'} onChange={(e) => set({ encoding: e.target.value as TextEncodingName })}>
                {ENCODINGS.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        {table.format === 'xlsx' && table.sheets.length > 1 && (
          <label>
            {t('sheet')}
            <select value={table.sheet ?? ''} onChange={(e) => set({ sheet: e.target.value })}>
              {table.sheets.map((sheet) => (
                <option key={sheet.name} value={sheet.name}>
                  {t('sheetWithRows', { sheet: sheet.name, rows: n(sheet.rowCount) })}
                </option>
              ))}
            </select>
          </label>
        )}
        {(table.format === 'csv' || table.format === 'xlsx') && (
          <label>
            {t('headerRow')}
            <input
              type="number"
              min={1}
              value={(table.headerRow ?? 0) + 1}
              onChange={(e) => {
                const row = Number(e.target.value);
                if (Number.isInteger(row) && row >= 1) set({ headerRow: row - 1 });
              }}
            />
          </label>
        )}
        <p className="shape">
          {t('fileShape')}: <strong data-testid="shape">{t(SHAPE_KEYS[guess.shape])}</strong>
        </p>
        {(guess.shape === 'survey-wide' || guess.shape === 'survey-multi') && <WaveField key={pending.stamp} reading={pending.wave} loadedWaves={loadedWaves} onWave={onWave} />}
      </fieldset>

      <DataGrid
        columns={table.columns}
        rows={rows}
        label={t('preview')}
        headerAbove={
          <tr className="roles">
            {shownColumns(table.columns).map((column) => {
              const role = guess.roles[column.name] ?? { role: 'ignore' };
              return (
                <th key={column.name} scope="col">
                  <select
                    aria-label={t('columnRole', { column: column.name })}
                    aria-describedby={role.role === 'ignore' && role.reason ? `reason-${table.columns.indexOf(column)}` : undefined}
                    value={role.role}
                    className={`role role-${role.role}`}
                    onChange={(e) => {
                      const next = e.target.value as ColumnRole['role'];
                      if (next === 'method-flag') onRole(column.name, { role: next, methodName: column.name });
                      else if (next === 'ignore') onRole(column.name, { role: next, reason: 'chosen' });
                      else onRole(column.name, { role: next } as ColumnRole);
                    }}
                  >
                    {/* A scale role needs its scale: offered only where detection found one. */}
                    {(Object.keys(ROLE_KEYS) as ColumnRole['role'][]).filter((r) => r !== 'likert' || role.role === 'likert').map((r) => (
                      <option key={r} value={r}>
                        {t(ROLE_KEYS[r])}
                      </option>
                    ))}
                  </select>
                  {role.role === 'ignore' && role.reason && (
                    <span className="role-reason" id={`reason-${table.columns.indexOf(column)}`}>
                      {t(REASON_KEYS[role.reason] ?? 'ignoreReasonNotRecognised')}
                    </span>
                  )}
                </th>
              );
            })}
          </tr>
        }
      />

      <section className="accounting" aria-label={t('accountingHeading')}>
        <p data-testid="columns-accounted">
          {t('columnsAccounted', {
            total: n(account.columns.length),
            role: n(account.counts.role),
            method: n(account.counts.method),
            unmatched: n(account.counts.unmatched),
            ignored: n(account.counts.ignored),
          })}
        </p>
        {account.choices.map((c) => (
          <p key={c.column} className="muted">
            {t('choicesAccounted', { column: c.column, cells: n(c.cells), matched: n(c.matched), unmatched: n(c.unmatched) })}
          </p>
        ))}
        {account.unaccountedCells.length > 0 && (
          <details>
            <summary>{t('cellsUnaccounted', { n: n(account.unaccountedCells.length) })}</summary>
            <ul>
              {account.unaccountedCells.map((c, i) => (
                <li key={i}>
                  {c.column}: “{c.cell}” → “{c.rest}”
                </li>
              ))}
            </ul>
          </details>
        )}
        {/* A statistics file's rows are accounted in its own panel, by what each row is. */}
        {guess.shape !== 'statistics' && (
          <>
            {account.noValue > 0 && <p>{t('reportNoValue', { n: n(account.noValue) })}</p>}
            {account.totalsRows > 0 && <p>{t('reportTotalsRows', { n: n(account.totalsRows) })}</p>}
            {account.noUnitRows > 0 && <p>{t('reportNoUnitRows', { n: n(account.noUnitRows) })}</p>}
            {account.breakdownRows > 0 && <p>{t('reportBreakdownRows', { n: n(account.breakdownRows) })}</p>}
          </>
        )}
        {Object.entries(guess.roles).map(([column, role]) =>
          role.role === 'ignore' && role.reason === 'scale-order' && role.proposal ? (
            <ScaleOrder key={column} column={column} proposal={role.proposal} onConfirm={(scale) => onRole(column, { role: 'likert', scale })} />
          ) : role.role === 'method-choices' ? (
            <OfferedOptions
              key={column}
              column={column}
              seen={seenMethods}
              offered={role.offered ?? []}
              onChange={(offered) => onRole(column, { role: 'method-choices', offered })}
            />
          ) : null,
        )}
      </section>

      {guess.shape === 'statistics' && pending.statistics && <StatisticsPanel reading={pending.statistics} choice={pending.statisticsChoice} onChoice={onStatistics} />}

      {/* Statistics never add units: their regions are accounted in the panel above, not matched as units. */}
      {guess.shape !== 'statistics' && <div className="names">
        <section aria-labelledby="units-heading">
          <h3 id="units-heading">{t('unitsHeading')}</h3>
          <p className="muted">
            {t('unitsSummary', {
              matched: formatNumber(names.units.length - unsettledUnits.length, lang),
              total: formatNumber(names.units.length, lang),
            })}
          </p>
          {unsettledUnits.length === 0 ? (
            <p>{t('allMatched')}</p>
          ) : (
            <ul className="picks">
              {unsettledUnits.map(({ name, match }) => {
                const picked = pending.unitPicks[name];
                return (
                  <li key={name}>
                    <span className="pick-name">
                      {name} <span className={`badge ${match.status}`}>{t(match.status === 'ambiguous' ? 'unitAmbiguous' : 'unitUnknown')}</span>
                    </span>
                    <select
                      aria-label={t('chooseUnit', { name })}
                      value={picked ? refValue(picked) : ''}
                      onChange={(e) => onPickUnit(name, parseRef(e.target.value))}
                    >
                      <option value="">{t('leaveUnmatched')}</option>
                      {match.status === 'ambiguous' && (
                        <optgroup label={t('suggestions')}>
                          {match.candidates.map((unit) => (
                            <option key={refValue(unit)} value={refValue(unit)}>
                              {unitLabel(unit)}
                            </option>
                          ))}
                        </optgroup>
                      )}
                      <optgroup label={t('allUnits')}>
                        {unitChoices.map((choice) => (
                          <option key={choice.value} value={choice.value}>
                            {choice.label}
                          </option>
                        ))}
                      </optgroup>
                    </select>
                  </li>
                );
              })}
            </ul>
          )}
        </section>

        <section aria-labelledby="methods-heading">
          <h3 id="methods-heading">{t('methodsHeading')}</h3>
          <p className="muted">
            {t('methodsSummary', {
              matched: formatNumber(names.methods.length - unknownMethods.length, lang),
              total: formatNumber(names.methods.length, lang),
            })}
          </p>
          {unknownMethods.length === 0 ? (
            <p>{t('allMatched')}</p>
          ) : (
            <ul className="picks">
              {unknownMethods.map(({ name }) => (
                <li key={name}>
                  <span className="pick-name">
                    {name} <span className="badge unknown">{t('unitUnknown')}</span>
                  </span>
                  <select
                    aria-label={t('chooseMethod', { name })}
                    value={pending.methodPicks[name] ?? ''}
                    onChange={(e) => onPickMethod(name, (e.target.value || null) as MethodPick)}
                  >
                    <option value="">{t('leaveUnmatched')}</option>
                    <option value="new-local">{t('addLocalMethod')}</option>
                    {(['intervention', 'tool'] as const).map((kind) => (
                      <optgroup key={kind} label={t(kind === 'tool' ? 'tools' : 'interventions')}>
                        {METHODS.filter((m) => m.kind === kind).map((m) => (
                          <option key={m.id} value={m.id}>
                            {lang === 'sv' ? m.name : m.nameEn}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                  </select>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>}
    </section>
  );
}

/**
 * Omgång: the survey's wave, as its dates or name give it, editable (the same survey year after year is
 * counted wave by wave). Where it comes from is said under it; a survey without one beside loaded waves
 * is asked about, since it would count in none of them.
 */
function WaveField({ reading, loadedWaves, onWave }: { reading: WaveReading; loadedWaves: readonly string[]; onWave: (wave: string | null) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(reading.wave ?? '');
  const { from } = reading;
  const said =
    from.kind === 'dates' ? t('waveFromDates', { column: from.column }) : from.kind === 'file-name' ? t('waveFromFileName') : from.kind === 'chosen' ? t('waveFromChosen') : t('waveFromNone');
  const isMissing = reading.wave === null && loadedWaves.length > 0;
  return (
    <div className="wave-field">
      <label>
        {t('waveField')}
        <input
          type="text"
          value={text}
          maxLength={40}
          size={10}
          aria-describedby="wave-said"
          data-testid="wave"
          onChange={(e) => {
            setText(e.target.value);
            onWave(cleanWave(e.target.value));
          }}
        />
      </label>
      <p id="wave-said" className="note">
        {said} {t('waveFieldHint')}
      </p>
      {isMissing && (
        <p className="warning" role="status" data-testid="wave-missing">
          {t('waveMissing', { waves: loadedWaves.join(', ') })}
        </p>
      )}
    </div>
  );
}
