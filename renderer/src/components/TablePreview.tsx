import { useEffect, useState } from 'react';
import type { Engine, Row } from '../db/engine';
import { previewRows } from '../db/table-info';
import { formatNumber } from '../format';
import { DataGrid, shownColumns } from './DataGrid';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/translate';
import type { Delimiter } from '../import/detect-delimiter';
import type { Source } from '../app/workspace-state';
import { ImportReport } from './ImportReport';

const PREVIEW_ROWS = 50;

const ENCODING_NAMES: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (BOM)',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  'windows-1252': 'Windows-1252',
};

const DELIMITER_KEYS: Record<Delimiter, MessageKey> = {
  ';': 'delimiterSemicolon',
  ',': 'delimiterComma',
  '\t': 'delimiterTab',
  '|': 'delimiterPipe',
};

interface Props {
  source: Source;
  engine: () => Promise<Engine>;
  onExport: () => void;
}

export function TablePreview({ source, engine, onExport }: Props) {
  const { lang, t } = useI18n();
  const { table } = source;
  // Rows are kept with the table they came from, so switching files never shows one file's rows
  // under another's columns while the new preview loads.
  const [loaded, setLoaded] = useState<{ table: string; rows: Row[] }>({ table: '', rows: [] });
  const rows = loaded.table === table.table ? loaded.rows : [];

  useEffect(() => {
    let isCurrent = true;
    void engine()
      .then((db) => previewRows(db, table.table, PREVIEW_ROWS))
      .then((result) => {
        if (isCurrent) setLoaded({ table: table.table, rows: result });
      });
    return () => {
      isCurrent = false;
    };
  }, [engine, table.table]);

  const format = {
    csv: `CSV (${t(DELIMITER_KEYS[table.delimiter ?? ','])})`,
    xlsx: table.sheet ? `Excel (XLSX), ${t('sheet').toLowerCase()} ${table.sheet}` : 'Excel (XLSX)',
    parquet: 'Parquet',
    json: 'JSON',
  }[table.format];

  return (
    <section className="preview" aria-labelledby="preview-title">
      <header className="preview-head">
        <div>
          <h2 id="preview-title">{table.fileName}</h2>
          <p className="muted">
            {table.encoding
              ? t('details', { format, encoding: ENCODING_NAMES[table.encoding] ?? table.encoding })
              : t('detailsFormat', { format })}{' '}
            ·{' '}
            {t('table')} <code>{table.table}</code>
          </p>
        </div>
        <button type="button" className="secondary" onClick={onExport}>
          {t('exportCsv')}
        </button>
        <dl className="stats">
          <div>
            <dt>{t('rows')}</dt>
            <dd data-testid="row-count">{formatNumber(table.rowCount, lang)}</dd>
          </div>
          <div>
            <dt>{t('columns')}</dt>
            <dd data-testid="column-count">{formatNumber(table.columns.length, lang)}</dd>
          </div>
        </dl>
      </header>

      <ImportReport source={source} />

      <details className="columns">
        <summary>{t('columnsHeading')}</summary>
        <ul className="column-chips">
          {shownColumns(table.columns).map((column) => (
            <li key={column.name}>
              <span className="column-name">{column.name}</span> <span className="column-type">{column.type}</span>
            </li>
          ))}
        </ul>
      </details>

      <h3>{t('preview')}</h3>
      <p className="muted">
        {t('previewOf', {
          shown: formatNumber(Math.min(PREVIEW_ROWS, table.rowCount), lang),
          total: formatNumber(table.rowCount, lang),
          file: table.fileName,
        })}
      </p>
      <DataGrid columns={table.columns} rows={rows} label={t('preview')} hasRowNumbers />
    </section>
  );
}
