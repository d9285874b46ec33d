// Above the analyses: the small-cell suppression setting, and the report pack for this view or all.
import type { SuppressionSettings } from '../export/suppress';
import { useI18n } from '../i18n/i18n';

interface Props {
  suppression: SuppressionSettings;
  onSuppression: (settings: SuppressionSettings) => void;
  onReport: (scope: 'view' | 'all') => void;
  status: string | null;
  isBusy: boolean;
}

export function ReportBar({ suppression, onSuppression, onReport, status, isBusy }: Props) {
  const { t } = useI18n();
  return (
    <div className="report-bar">
      <label className="inline">
        <input type="checkbox" checked={suppression.enabled} onChange={(e) => onSuppression({ ...suppression, enabled: e.target.checked })} data-testid="suppression-enabled" />
        {t('suppressionLabel')}
      </label>
      <label className="inline">
        {t('suppressionThreshold')}
        <input
          type="number"
          min={2}
          max={100}
          value={suppression.threshold}
          disabled={!suppression.enabled}
          onChange={(e) => {
            const value = Math.floor(Number(e.target.value));
            if (Number.isFinite(value) && value >= 2 && value <= 100) onSuppression({ ...suppression, threshold: value });
          }}
          data-testid="suppression-threshold"
        />
      </label>
      <span className="spacer" />
      <span className="muted" role="status" aria-live="polite" data-testid="report-status">
        {status}
      </span>
      <button type="button" className="secondary" disabled={isBusy} onClick={() => onReport('view')}>
        {t('reportThisView')}
      </button>
      <button type="button" className="secondary" disabled={isBusy} onClick={() => onReport('all')}>
        {t('reportAllViews')}
      </button>
    </div>
  );
}
