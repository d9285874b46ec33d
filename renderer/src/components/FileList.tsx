import { useState } from 'react';
import type { ImportedTable } from '../import/import-file';
import { cleanWave } from '../domain/waves';
import { formatNumber } from '../format';
import { useI18n } from '../i18n/i18n';

interface Props {
  tables: ImportedTable[];
  /** The tables of the bundled samples: marked as sample data. */
  samples: ReadonlySet<string>;
  selected: string | null;
  onSelect: (table: string) => void;
  onRemove: (table: string) => void;
  /** The surveys' waves by table (null: none); other files are absent. */
  waves: ReadonlyMap<string, string | null>;
  onWave: (table: string, wave: string | null) => void;
}

export function FileList({ tables, samples, selected, onSelect, onRemove, waves, onWave }: Props) {
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
              {waves.has(table.table) && <WaveInput key={waves.get(table.table) ?? ''} table={table} wave={waves.get(table.table) ?? null} onWave={onWave} />}
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}

/** A loaded survey's wave, changed in place: taken when the field is left or Enter is pressed. */
function WaveInput({ table, wave, onWave }: { table: ImportedTable; wave: string | null; onWave: (table: string, wave: string | null) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(wave ?? '');
  const commit = () => {
    const next = cleanWave(text);
    if (next !== wave) onWave(table.table, next);
  };
  return (
    <label className="file-wave">
      {t('fileWave')}
      <input
        type="text"
        value={text}
        maxLength={40}
        size={8}
        aria-label={t('fileWaveLabel', { file: table.fileName })}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
    </label>
  );
}
