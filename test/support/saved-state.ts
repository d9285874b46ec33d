// A workspace's screen state as the app saves it, for loaded sample files: what a valid
// `workspace.json` holds beside its tables.
import type { LoadedSource } from '../../renderer/src/model/load-source';
import type { SavedState } from '../../renderer/src/workspace/use-workspace-file';

export function savedStateFor(sources: readonly (LoadedSource & { sha256: string })[], overrides: Partial<SavedState> = {}): SavedState {
  const state: SavedState = {
    tab: 'counties',
    filters: { county: '20', skrGroup: null, unitType: null, period: '2023', wave: null, method: 'fft' },
    edits: { 'adoption-tfco': { title: 'TFCO i Dalarna', note: 'Egen not – “citat” €' } },
    suppression: { enabled: true, threshold: 5 },
    invited: 65,
    changeView: { from: '2023', to: '2024', panelOnly: true },
    files: {
      sources: sources.map(({ table, guess, account, statistics, sha256, wave }) => ({ table, guess, account, statistics, sha256, wave: wave ?? null, unitsMatched: 56, unitsUnmatched: [], methodsMatched: 12, methodsUnmatched: [] })),
      selected: sources[0]?.table.table ?? null,
      preferences: { templates: [], units: {}, methods: { 'sociala insatsgrupper sig': 'lokal:sociala insatsgrupper sig' } },
    },
    ...overrides,
  };
  // As a file's JSON gives it back: no `undefined` fields.
  return JSON.parse(JSON.stringify(state)) as SavedState;
}
