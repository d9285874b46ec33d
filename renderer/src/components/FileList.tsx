import type { ImportedTable } from '../import/import-file';
import { formatNumber } from '../format';
import { useI18n } from '../i18n/i18n';

interface Props {
  tables: ImportedTable[];
  /** The tables of the bundled samples: marked as sample data. */
  samples: ReadonlySet<string>;
  selected: string | null;
  onSelect: (table: string) => void;
  onRemove: (table: string) => void;
}

export function FileList({ tables, samples, selected, onSelect, onRemove }: Props) {
  const { lang, t } = useI18n();
  return (
    <nav className="file-list" aria-label={t('loadedFiles')}>
      <h2>{t('loadedFiles')}</h2>
      {tables.length === 0 ? (
        <p className="muted">{t('noFiles')}</p>
      ) : (
        <ul>
          {tables.map((table) => (
            <li key={table.table} className={table.table === selected ? 'current' : undefined}>
              <button
                type="button"
                className="file"
                aria-current={table.table === selected ? 'true' : undefined}
                onClick={() => onSelect(table.table)}
              >
                <span className="file-name" title={table.fileName}>
                  {table.fileName}
                </span>
                <span className="file-meta">
                  <span className="file-counts">
                    {formatNumber(table.rowCount, lang)} {t('rows')} · {formatNumber(table.columns.length, lang)} {t('columns')}
                  </span>
                  {samples.has(table.table) && <span className="badge sample">{t('sampleBadge')}</span>}
                </span>
              </button>
              <button
                type="button"
                className="ghost remove"
                aria-label={t('removeFile', { file: table.fileName })}
                title={t('removeFile', { file: table.fileName })}
                onClick={() => onRemove(table.table)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
