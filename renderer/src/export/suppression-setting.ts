// The small-cell suppression setting, remembered on this computer (localStorage: the renderer's own
// profile folder in Electron). Default on, threshold 5; a damaged value falls back to the default.
import { DEFAULT_SUPPRESSION, type SuppressionSettings } from './suppress';

const KEY = 'metodkartan.suppression';

export function loadSuppression(storage: Pick<Storage, 'getItem'> = localStorage): SuppressionSettings {
  try {
    const value = JSON.parse(storage.getItem(KEY) ?? 'null') as Partial<SuppressionSettings> | null;
    if (value && typeof value.enabled === 'boolean' && Number.isInteger(value.threshold) && value.threshold! >= 2 && value.threshold! <= 100) {
      return { enabled: value.enabled, threshold: value.threshold! };
    }
  } catch {
    // fall through to the default
  }
  return { ...DEFAULT_SUPPRESSION };
}

export function storeSuppression(settings: SuppressionSettings, storage: Pick<Storage, 'setItem'> = localStorage): void {
  storage.setItem(KEY, JSON.stringify(settings));
}
