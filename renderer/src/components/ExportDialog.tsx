// Export one chart: the user edits its title, note and alt text, picks a size, sees the image as it
// will be saved, then saves PNG (1×, 2×, 3×), SVG or PDF, copies it as an image, or saves its figures
// as CSV or XLSX.
import { useEffect, useMemo, useState } from 'react';
import { withEdits, type ChartEdit } from '../export/chart-edits';
import { chartFile, chartSvgFile, type ChartFileOptions, type ExportAssets } from '../export/chart-files';
import type { ChartSpec } from '../export/chart-spec';
import type { ExportSize } from '../export/chart-svg';
import { INTERNATIONAL_CSV, SWEDISH_CSV } from '../export/table-export';
import { useI18n } from '../i18n/i18n';
import type { Platform } from '../platform';
import { Modal } from './Modal';

interface Props {
  spec: ChartSpec;
  edit: ChartEdit | undefined;
  onEdit: (edit: ChartEdit) => void;
  platform: Platform;
  assets: ExportAssets;
  onClose: () => void;
}

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string } | { kind: 'failed'; text: string };

export function ExportDialog({ spec: generated, edit, onEdit, platform, assets, onClose }: Props) {
  const { lang, t } = useI18n();
  const spec = useMemo(() => withEdits(generated, edit), [generated, edit]);
  const [size, setSize] = useState<ExportSize>('a4');
  const [csv, setCsv] = useState<'sv' | 'intl'>('sv');
  const [preview, setPreview] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  // The preview is the exported SVG itself, so what the user sees is what is saved.
  useEffect(() => {
    let url: string | null = null;
    let isCurrent = true;
    void chartSvgFile(spec, size, assets).then(
      ({ svg }) => {
        if (!isCurrent) return;
        url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
        setPreview(url);
      },
      (error: unknown) => console.error(error),
    );
    return () => {
      isCurrent = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [spec, size, assets]);

  async function run(task: () => Promise<string | null>) {
    setStatus({ kind: 'busy' });
    try {
      const text = await task();
      setStatus(text ? { kind: 'done', text } : { kind: 'idle' });
    } catch (error) {
      console.error(error);
      setStatus({ kind: 'failed', text: t('exportFailed') });
    }
  }

  const save = (options: Omit<ChartFileOptions, 'size' | 'lang' | 'csv'>) =>
    run(async () => {
      const file = await chartFile(spec, { ...options, size, lang, csv: csv === 'sv' ? SWEDISH_CSV : INTERNATIONAL_CSV }, assets);
      return (await platform.saveFile(file.name, file.bytes)) ? t('exportSaved', { file: file.name }) : null;
    });

  const copy = () =>
    run(async () => {
      const file = await chartFile(spec, { format: 'png', scale: 2, size, lang }, assets);
      await platform.copyImage(file.bytes);
      return t('exportCopied');
    });

  const isBusy = status.kind === 'busy';
  return (
    // Focus starts on the title (the first field), stays in the dialog and goes back to its Exportera button.
    <Modal className="export-dialog" labelledBy="export-heading" onClose={onClose}>
      <h2 id="export-heading">{t('exportHeading')}</h2>
      <div className="export-grid">
        <div className="export-fields">
          <label>
            {t('exportChartTitle')}
            <input value={spec.text.title} onChange={(e) => onEdit({ ...edit, title: e.target.value })} data-testid="export-title" />
          </label>
          <label>
            {t('exportNote')}
            <textarea rows={2} value={spec.text.note ?? ''} onChange={(e) => onEdit({ ...edit, note: e.target.value })} data-testid="export-note" />
          </label>
          <label>
            {t('exportAlt')}
            <textarea rows={4} value={spec.alt} onChange={(e) => onEdit({ ...edit, alt: e.target.value })} data-testid="export-alt" />
          </label>
          {edit && (
            <button type="button" className="ghost" onClick={() => onEdit({})}>
              {t('exportReset')}
            </button>
          )}
          <fieldset>
            <legend>{t('exportSize')}</legend>
            <label className="inline">
              <input type="radio" name="export-size" checked={size === 'a4'} onChange={() => setSize('a4')} /> {t('sizeA4')}
            </label>
            <label className="inline">
              <input type="radio" name="export-size" checked={size === 'slide'} onChange={() => setSize('slide')} /> {t('sizeSlide')}
            </label>
          </fieldset>
        </div>
        <figure className="export-preview">
          {preview ? <img src={preview} alt={spec.alt} data-testid="export-preview" /> : <p className="muted">{t('exportPreparing')}</p>}
        </figure>
      </div>
      <div className="export-actions" role="group" aria-label={t('exportImage')}>
        <span className="group-label">{t('exportImage')}</span>
        {[1, 2, 3].map((scale) => (
          <button key={scale} type="button" className="secondary" disabled={isBusy} onClick={() => void save({ format: 'png', scale })}>
            PNG {scale}×
          </button>
        ))}
        <button type="button" className="secondary" disabled={isBusy} onClick={() => void save({ format: 'svg' })}>
          SVG
        </button>
        <button type="button" className="secondary" disabled={isBusy} onClick={() => void save({ format: 'pdf' })}>
          PDF
        </button>
        <button type="button" className="secondary" disabled={isBusy} onClick={() => void save({ format: 'pptx' })}>
          {t('exportFormatPptx')}
        </button>
        <button type="button" className="secondary" disabled={isBusy} onClick={() => void copy()}>
          {t('exportCopy')}
        </button>
      </div>
      <div className="export-actions" role="group" aria-label={t('exportData')}>
        <span className="group-label">{t('exportData')}</span>
        <select value={csv} onChange={(e) => setCsv(e.target.value as 'sv' | 'intl')} aria-label={t('csvFormat')}>
          <option value="sv">{t('csvSwedish')}</option>
          <option value="intl">{t('csvInternational')}</option>
        </select>
        <button type="button" className="secondary" disabled={isBusy} onClick={() => void save({ format: 'csv' })}>
          CSV
        </button>
        <button type="button" className="secondary" disabled={isBusy} onClick={() => void save({ format: 'xlsx' })}>
          XLSX
        </button>
      </div>
      <p className="export-status" role="status" aria-live="polite" data-testid="export-status">
        {status.kind === 'busy' && t('exportWorking')}
        {(status.kind === 'done' || status.kind === 'failed') && status.text}
      </p>
      <div className="modal-actions">
        <button type="button" className="primary" onClick={onClose}>
          {t('dismiss')}
        </button>
      </div>
    </Modal>
  );
}
