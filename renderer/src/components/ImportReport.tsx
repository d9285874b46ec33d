// What happened to a file on import: rows read, imported and rejected (with line numbers and reasons),
// and how many of its units and methods the register and the catalogue know.
import { useEffect, useRef } from 'react';
import type { Source } from '../app/workspace-state';
import { formatNumber } from '../format';
import { describeRejected } from '../import/import-file';
import { useI18n } from '../i18n/i18n';
import { REASON_KEYS, ROLE_KEYS, SHAPE_KEYS } from './MappingView';
import { StatisticsLines } from './StatisticsPanel';
import { shownColumns } from './DataGrid';

const SHOWN_REJECTS = 20;

export function ImportReport({ source }: { source: Source }) {
  const { lang, t } = useI18n();
  const { report } = source.table;
  const n = (value: number) => formatNumber(value, lang);
  // After Importera the mapping view is gone, and the keyboard focus with it (to <body>): it lands here,
  // on what the import did. A report shown while focus is elsewhere (a file chosen in the list) leaves it there.
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) ref.current?.focus();
  }, []);
  return (
    <section ref={ref} className="report" aria-labelledby="report-title" tabIndex={-1} data-testid="import-report">
      <h3 id="report-title">{t('reportHeading')}</h3>
      <p>
        {t('fileShape')}: <strong>{t(SHAPE_KEYS[source.guess.shape] ?? 'shapeUnknown')}</strong>
      </p>
      <p data-testid="report-rows">
        {t('reportRows', { read: n(report.rowsRead), imported: n(report.imported), rejected: n(report.rejectedCount) })}
      </p>
      {report.rejectedCount > 0 && (
        <details>
          <summary>{t('reportRejected')}</summary>
          <ul className="rejects">
            {report.rejected.slice(0, SHOWN_REJECTS).map((reject) => (
              <li key={reject.line}>{describeRejected(reject)}</li>
            ))}
            {report.rejectedCount > SHOWN_REJECTS && <li>…</li>}
          </ul>
        </details>
      )}
      {source.account && (
        <>
          <p data-testid="report-columns">
            {t('columnsAccounted', {
              total: n(source.account.columns.length),
              role: n(source.account.counts.role),
              method: n(source.account.counts.method),
              unmatched: n(source.account.counts.unmatched),
              ignored: n(source.account.counts.ignored),
            })}
          </p>
          <details>
            <summary>{t('reportColumnsDetail')}</summary>
            <ul className="column-fates">
              {shownColumns(source.account.columns).map((c) => (
                <li key={c.column}>
                  <strong>{c.column}</strong>: {c.fate === 'ignored' && c.reason ? t('fateIgnoredBecause', { reason: t(REASON_KEYS[c.reason]) }) : c.fate === 'unmatched' ? t('reportUnmatched', { names: c.name ?? '' }) : t(ROLE_KEYS[c.role])}
                </li>
              ))}
            </ul>
          </details>
          {source.statistics && <StatisticsLines reading={source.statistics} />}
          {!source.statistics && source.account.noValue > 0 && <p>{t('reportNoValue', { n: n(source.account.noValue) })}</p>}
          {!source.statistics && source.account.totalsRows > 0 && <p>{t('reportTotalsRows', { n: n(source.account.totalsRows) })}</p>}
          {!source.statistics && (source.account.noUnitRows ?? 0) > 0 && <p>{t('reportNoUnitRows', { n: n(source.account.noUnitRows) })}</p>}
          {(source.account.breakdownRows ?? 0) > 0 && <p>{t('reportBreakdownRows', { n: n(source.account.breakdownRows) })}</p>}
        </>
      )}
      {!source.statistics && (
        <>
      <p data-testid="report-units">
        {t('reportUnits', { matched: n(source.unitsMatched), unmatched: n(source.unitsUnmatched.length) })}
        {source.unitsUnmatched.length > 0 && <> {t('reportUnmatched', { names: source.unitsUnmatched.join(', ') })}</>}
      </p>
      <p data-testid="report-methods">
        {t('reportMethods', { matched: n(source.methodsMatched), unmatched: n(source.methodsUnmatched.length) })}
        {source.methodsUnmatched.length > 0 && <> {t('reportUnmatched', { names: source.methodsUnmatched.join(', ') })}</>}
      </p>
        </>
      )}
    </section>
  );
}
