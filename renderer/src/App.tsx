import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { Lang } from '../../electron/shared/ipc-contract';
import { LANGUAGE_NAMES } from './i18n/translate';
import { useWorkspace } from './app/use-workspace';
import { confirmsItself } from './app/workspace-state';
import { pickFailureMessage } from './app/error-message';
import { DropOverlay } from './components/DropOverlay';
import { Modal } from './components/Modal';
import { ErrorList } from './components/ErrorList';
import { FileList } from './components/FileList';
import { MappingView } from './components/MappingView';
import { ReportBar } from './components/ReportBar';
import { TablePreview } from './components/TablePreview';
import { ViewTabs } from './components/ViewTabs';
import type { Engine } from './db/engine';
import { allRows } from './db/table-info';
import { createModel } from './model/model';
import { loadFontFiles, loadResvgWasm } from './export/assets-browser';
import type { ChartEdits } from './export/chart-edits';
import type { ExportAssets } from './export/chart-files';
import type { ChartSpec } from './export/chart-spec';
import { ExportContext, type ExportServices } from './export/export-context';
import type { SuppressionSettings } from './export/suppress';
import { loadSuppression, storeSuppression } from './export/suppression-setting';
import { useWorkspaceFile, type SavedState } from './workspace/use-workspace-file';
import { csvFileName, tableToCsv } from './export/table-csv';
import { I18nProvider, storeLang, storedLang, useI18n } from './i18n/i18n';
import type { Platform } from './platform';
import { AnalysisView } from './views/AnalysisView';
import { VIEW_KEYS, VIEWS, type ViewId } from './shaping/view-ids';
import { NO_FILTERS, withWave, type Filters } from './shaping/filters';
import { wavesOf } from './domain/waves';
import { DEFAULT_CHANGE_VIEW, isSurvey, loadedFile, withCounting, type ChangeViewChoice, type LoadedFile } from './shaping/view-props';
import { useQuery } from './views/use-query';

// The export dialog and the report pack bring pdf-lib, fontkit and resvg: loaded on first use.
const ExportDialog = lazy(() => import('./components/ExportDialog').then((m) => ({ default: m.ExportDialog })));
const EXPORT_ASSETS: ExportAssets = { fonts: loadFontFiles, wasm: loadResvgWasm };

type Tab = 'files' | ViewId;
const TABS: readonly Tab[] = ['files', ...VIEWS];
const TAB_KEYS = { files: 'viewFiles', ...VIEW_KEYS } as const;

interface Props {
  platform: Platform;
  engine: () => Promise<Engine>;
}

type EngineState = 'starting' | 'ready' | 'failed';

export function App(props: Props) {
  const [lang, setLang] = useState<Lang>(() => storedLang());
  useEffect(() => {
    document.documentElement.lang = lang;
    storeLang(lang);
    props.platform.setLanguage(lang);
  }, [lang, props.platform]);
  return (
    <I18nProvider lang={lang}>
      <Shell {...props} onLang={setLang} />
    </I18nProvider>
  );
}

function Shell({ platform, engine, onLang }: Props & { onLang: (lang: Lang) => void }) {
  const { lang, t } = useI18n();
  const files = useWorkspace(engine);
  const { open: load, fail } = files;
  const [engineState, setEngineState] = useState<EngineState>('starting');
  const [isAboutOpen, setIsAboutOpen] = useState(false);
  const [tab, setTab] = useState<Tab>('files');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [edits, setEdits] = useState<ChartEdits>({});
  const [invited, setInvited] = useState<number | null>(null);
  const [changeView, setChangeView] = useState<ChangeViewChoice>(DEFAULT_CHANGE_VIEW);
  const [suppression, setSuppression] = useState<SuppressionSettings>(() => loadSuppression());
  const [exporting, setExporting] = useState<ChartSpec | null>(null);
  const [reportStatus, setReportStatus] = useState<{ text: string; isBusy: boolean } | null>(null);
  const exportServices = useMemo<ExportServices>(() => ({ openExport: setExporting, edits, suppression }), [edits, suppression]);
  const changeSuppression = useCallback((settings: SuppressionSettings) => {
    setSuppression(settings);
    storeSuppression(settings);
  }, []);
  // The workspace file: what is on screen goes in, and comes back on open or after a crash.
  const { snapshot, restore } = files;
  const savedState = useMemo<SavedState>(() => ({ tab, filters, edits, suppression, invited, changeView, files: snapshot() }), [tab, filters, edits, suppression, invited, changeView, snapshot]);
  const applyState = useCallback(
    (state: SavedState) => {
      setTab((TABS as readonly string[]).includes(state.tab) ? (state.tab as Tab) : 'files');
      setFilters({ ...NO_FILTERS, ...state.filters });
      setEdits(state.edits ?? {});
      setInvited(typeof state.invited === 'number' && state.invited > 0 ? state.invited : null);
      setChangeView(state.changeView ?? DEFAULT_CHANGE_VIEW);
      setSuppression(state.suppression);
      storeSuppression(state.suppression);
      restore(state.files);
    },
    [restore],
  );
  const workspace = useWorkspaceFile({ engine, platform, state: savedState, apply: applyState, fail });
  const { save: saveWorkspace, open: openWorkspace } = workspace;
  const confirmed = useMemo<LoadedFile[]>(() => files.sources.map((s) => loadedFile(s.table.fileName, s.guess, s.table.table, s.sample === true, s.wave ?? null)), [files.sources]);
  // With two or more survey waves loaded, the figures are always of one: the chosen one, else the latest.
  const waves = useMemo(() => wavesOf(confirmed.filter(isSurvey).map((s) => s.wave)), [confirmed]);
  const shownFilters = useMemo(() => withWave(filters, waves), [filters, waves]);
  // The surveys that count in that wave, so the source lines name them (and their waves) and no other.
  // Asked only with two waves or more: with fewer, no wave is chosen and source lines name files alone.
  const counting = useQuery(engine, 'wave_sources', shownFilters, files.dataVersion, waves.length >= 2);
  const loaded = useMemo(() => withCounting(confirmed, counting), [confirmed, counting]);
  const surveyWaves = useMemo(() => new Map(files.sources.flatMap((s) => (isSurvey(s.guess) ? [[s.table.table, s.wave ?? null] as const] : []))), [files.sources]);
  const samples = useMemo(() => new Set(files.sources.flatMap((s) => (s.sample ? [s.table.table] : []))), [files.sources]);
  // While any bundled sample is loaded, the title bar and the header say the figures are sample data.
  const isSampleData = samples.size > 0;
  useEffect(() => {
    document.title = t(isSampleData ? 'windowTitleSample' : 'appName');
  }, [isSampleData, t]);
  // A file being read or waiting for its mapping is shown on the files tab, whichever tab was open.
  const shown: Tab = files.pending || files.busy ? 'files' : tab;
  // A sample being imported as detected shows no mapping view; one whose import failed waits in it like any file.
  const isAutoImporting = files.pending !== null && files.busy !== null && confirmsItself(files.pending);

  // Start DuckDB at once, so the first file does not wait for it; then make the model's tables while the
  // window is idle, so the first import does not wait for that either.
  useEffect(() => {
    engine().then(
      (db) => {
        setEngineState('ready');
        createModel(db).catch(() => undefined); // the first import makes it, and says so, should this fail
      },
      () => setEngineState('failed'),
    );
  }, [engine]);

  const current = files.sources.find((s) => s.table.table === files.selected) ?? files.sources.at(-1);

  // Arkiv → Exportera and the button: the table shown, as CSV for Swedish Excel.
  const exportCurrent = useCallback(async () => {
    if (!current) return;
    const { table } = current;
    try {
      const bytes = tableToCsv(table.columns, await allRows(await engine(), table.table));
      await platform.saveFile(csvFileName(table.fileName), bytes);
    } catch (error) {
      console.error(error);
      fail({ key: 'errorWrite', params: () => ({}) });
    }
  }, [current, engine, platform, fail]);

  useEffect(() => platform.onFilesOpened(load), [platform, load]);
  useEffect(
    () =>
      platform.onMenuCommand((command) => {
        if (command === 'about') setIsAboutOpen(true);
        if (command === 'workspace:save' || command === 'workspace:save-as') void saveWorkspace(command === 'workspace:save-as');
        if (command === 'workspace:open') void openWorkspace();
        if (command === 'export') void exportCurrent();
        if (command === 'language:sv' || command === 'language:en') onLang(command === 'language:sv' ? 'sv' : 'en');
      }),
    [platform, exportCurrent, onLang, saveWorkspace, openWorkspace],
  );

  // The report pack: the charts of this view (or all) as a zipped folder with a PDF and a manifest.
  const makeReport = useCallback(
    async (scope: 'view' | 'all') => {
      setReportStatus({ text: t('reportWorking'), isBusy: true });
      try {
        const [{ buildSections }, { buildPack, packInput, stamp }, { zipSync }] = await Promise.all([import('./report/sections'), import('./report/pack'), import('fflate')]);
        const db = await engine();
        const views = scope === 'view' && shown !== 'files' && shown !== 'overview' ? [shown] : undefined;
        const sections = await buildSections(db, { filters: shownFilters, lang, sources: loaded, suppression, views, changeView });
        if (sections.length === 0) {
          setReportStatus({ text: t('reportEmpty'), isBusy: false });
          return;
        }
        const created = new Date();
        const inputs = files.sources.map(({ table, guess, sha256, sample, wave }) => packInput(table, guess, sha256, sample === true, wave ?? null));
        const pack = await buildPack(
          { sections, inputs, filters: shownFilters, suppression, lang, size: 'a4', appVersion: __APP_VERSION__, created, edits },
          { fonts: await loadFontFiles(), wasm: loadResvgWasm, engine: db },
        );
        const folder = `metodkartan-rapport-${stamp(created).replace(/[: ]/g, '-')}`;
        const zip = zipSync(Object.fromEntries([...pack].map(([name, bytes]) => [`${folder}/${name}`, bytes])));
        const saved = await platform.saveFile(`${folder}.zip`, zip);
        setReportStatus(saved ? { text: t('reportSaved', { file: `${folder}.zip` }), isBusy: false } : null);
      } catch (error) {
        console.error(error);
        setReportStatus({ text: t('reportFailed'), isBusy: false });
      }
    },
    [engine, shown, shownFilters, lang, loaded, suppression, changeView, files.sources, edits, platform, t],
  );

  const open = useCallback(async () => {
    try {
      load(await platform.pickFiles());
    } catch (error) {
      fail(pickFailureMessage(error));
    }
  }, [platform, load, fail]);

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <h1>
            {t('appName')}
            {isSampleData && ' '}
            {isSampleData && (
              <span className="sample-badge" title={t('sampleBadgeExplained')} data-testid="sample-badge">
                {t('sampleBadge')}
                <span className="sr-only"> – {t('sampleBadgeExplained')}</span>
              </span>
            )}
          </h1>
          <p>{t('tagline')}</p>
        </div>
        <div className="actions">
          <label className="lang">
            <span>{t('language')}</span>
            <select value={lang} onChange={(event) => onLang(event.target.value as Lang)} data-testid="language">
              {(Object.keys(LANGUAGE_NAMES) as Lang[]).map((code) => (
                <option key={code} value={code}>
                  {LANGUAGE_NAMES[code]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="ghost-light" onClick={() => void workspace.open()}>
            {t('workspaceOpen')}
          </button>
          <button type="button" className="ghost-light" disabled={files.sources.length === 0} onClick={() => void workspace.save(false)}>
            {t('workspaceSave')}
          </button>
          <button type="button" className="primary" onClick={() => void open()}>
            {t('openFiles')}
          </button>
        </div>
      </header>

      {workspace.recovery && (
        <div className="recovery" role="alertdialog" aria-labelledby="recovery-text">
          <p id="recovery-text">{t('recoveryPrompt')}</p>
          <button type="button" className="primary" onClick={() => void workspace.restoreRecovery()}>
            {t('recoveryRestore')}
          </button>
          <button type="button" className="secondary" onClick={() => void workspace.discardRecovery()}>
            {t('recoveryDiscard')}
          </button>
        </div>
      )}
      <p className="workspace-status" role="status" aria-live="polite" data-testid="workspace-status">
        {workspace.status && t(workspace.status.key, { file: workspace.status.file })}
      </p>

      <ErrorList errors={files.errors} onDismiss={files.dismissError} />

      <ViewTabs tabs={TABS} labels={TAB_KEYS} current={shown} onChange={setTab} />

      {shown !== 'files' ? (
        <main className="content analysis-content">
          <ExportContext.Provider value={exportServices}>
            <AnalysisView
              actions={
                <ReportBar
                  suppression={suppression}
                  onSuppression={changeSuppression}
                  onReport={(scope) => void makeReport(scope)}
                  status={reportStatus?.text ?? null}
                  isBusy={reportStatus?.isBusy ?? false}
                />
              }
              view={shown}
              engine={engine}
              filters={shownFilters}
              onFilters={setFilters}
              dataVersion={files.dataVersion}
              sources={loaded}
              invited={invited}
              changeView={changeView}
              onChangeView={setChangeView}
              onInvited={setInvited}
              onView={setTab}
            />
          </ExportContext.Provider>
        </main>
      ) : (
        <div className="body" id="panel-files" role="tabpanel" aria-labelledby="tab-files">
          <FileList
            tables={files.sources.map((s) => s.table)}
            samples={samples}
            selected={current?.table.table ?? null}
            onSelect={files.setSelected}
            onRemove={(table) => void files.remove(table)}
            waves={surveyWaves}
            onWave={(table, wave) => void files.changeSourceWave(table, wave)}
          />
          <main className="content">
            <p className="status" role="status" aria-live="polite">
              {engineState === 'starting' && t('startingEngine')}
              {engineState === 'failed' && t('errorEngine')}
              {files.busy && files.progress === null && t('loading', { file: files.busy })}
              {files.busy && files.progress !== null && (
                <>
                  {t('loadingProgress', { file: files.busy, percent: files.progress })}{' '}
                  <progress max={100} value={files.progress} aria-label={t('loadingProgressLabel', { file: files.busy })} />{' '}
                  <button type="button" className="secondary small" onClick={files.stopReading}>
                    {t('stopReading')}
                  </button>
                </>
              )}
            </p>
            {files.pending && !isAutoImporting ? (
              <MappingView
                pending={files.pending}
                engine={engine}
                isBusy={files.busy !== null}
                onOptions={(options) => void files.changeOptions(options)}
                onRole={(column, role) => void files.changeRole(column, role)}
                onPickUnit={files.pickUnit}
                onPickMethod={files.pickMethod}
                onStatistics={(choice) => void files.changeStatistics(choice)}
                onWave={files.chooseWave}
                loadedWaves={waves}
                onConfirm={() => void files.confirm()}
                onCancel={() => void files.cancel()}
              />
            ) : current ? (
              <TablePreview key={current.table.table} source={current} engine={engine} onExport={() => void exportCurrent()} />
            ) : (
              <div className="start">
                <button type="button" className="dropzone" onClick={() => void open()}>
                  <span className="dropzone-title">{t('dropHint')}</span>
                  <span className="muted">{t('dropFormats')}</span>
                </button>
                {/* A newcomer's first look: the bundled samples, through the same import as a dropped file. */}
                <section className="samples-offer" aria-labelledby="samples-heading">
                  <h2 id="samples-heading">{t('openSamplesHeading')}</h2>
                  <p>{t('openSamplesHint')}</p>
                  <button type="button" className="secondary" disabled={files.handling} onClick={() => void files.openSamples()}>
                    {t('openSamples')}
                  </button>
                </section>
              </div>
            )}
          </main>
        </div>
      )}

      {exporting && (
        <Suspense fallback={null}>
          <ExportDialog
            spec={exporting}
            edit={Object.hasOwn(edits, exporting.id) ? edits[exporting.id] : undefined}
            onEdit={(edit) => setEdits((all) => ({ ...all, [exporting.id]: edit }))}
            platform={platform}
            assets={EXPORT_ASSETS}
            onClose={() => setExporting(null)}
          />
        </Suspense>
      )}

      {isAboutOpen && (
        <Modal label={t('menuAbout')} onClose={() => setIsAboutOpen(false)}>
          <h2>{t('appName')}</h2>
          <p>{t('aboutText', { version: __APP_VERSION__ })}</p>
          <button type="button" className="primary" onClick={() => setIsAboutOpen(false)}>
            {t('dismiss')}
          </button>
        </Modal>
      )}

      <DropOverlay onFiles={load} />
    </div>
  );
}
