// What every chart's export button reaches: the dialog (one, in App), the user's edited texts, and the
// small-cell suppression setting the views apply to counts.
import { createContext, useContext } from 'react';
import type { ChartEdits } from './chart-edits';
import type { ChartSpec } from './chart-spec';
import { DEFAULT_SUPPRESSION, type SuppressionSettings } from './suppress';

export interface ExportServices {
  openExport(spec: ChartSpec): void;
  edits: ChartEdits;
  suppression: SuppressionSettings;
}

export const ExportContext = createContext<ExportServices>({ openExport: () => undefined, edits: {}, suppression: DEFAULT_SUPPRESSION });

export function useExport(): ExportServices {
  return useContext(ExportContext);
}
