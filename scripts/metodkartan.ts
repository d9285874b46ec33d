// Headless Metodkartan: the app's own pipeline and engine (DuckDB-WASM) for scripted checks.
//   npm run --silent metodkartan -- summarize --json FILE...
//   npm run --silent metodkartan -- report --out DIR [--lang sv|en] [--size a4|slide] [--county KOD] [--period ÅR] FILE...
// stdout carries only the result; problems go to stderr as one line naming the file.
// Exit codes: 0 success (unmatched names included), 1 a file cannot be read or holds no data rows,
// 2 bad usage.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { translate } from '../renderer/src/i18n/translate';
import { errorMessage } from '../renderer/src/app/error-message';
import type { Engine } from '../renderer/src/db/engine';
import { ImportError } from '../renderer/src/import/import-file';
import { loadParquetNode } from '../renderer/src/import/parquet-node';
import { loadSource, type LoadedSource } from '../renderer/src/model/load-source';
import { summarize, whyNoRates, type Summary } from '../renderer/src/model/summarize';
import { waveUse } from '../renderer/src/model/waves-read';
import { changesBetween, compareWaves, wavesOf, type WaveUse } from '../renderer/src/domain/waves';
import { runQuery } from '../renderer/src/db/query-files';
import { accountFile } from '../renderer/src/model/accounting';
import { createModel, setWave } from '../renderer/src/model/model';
import type { SavedState } from '../renderer/src/workspace/use-workspace-file';
import { loadWorkspace, readWorkspace, WORKSPACE_EXTENSION, WorkspaceError } from '../renderer/src/workspace/workspace-file';
import { sha256Hex } from '../renderer/src/export/sha256';
import { DEFAULT_SUPPRESSION } from '../renderer/src/export/suppress';
import { buildPack, packInput } from '../renderer/src/report/pack';
import { buildSections } from '../renderer/src/report/sections';
import { NO_FILTERS, withWave, type Filters } from '../renderer/src/shaping/filters';
import { isSurvey, loadedFile } from '../renderer/src/shaping/view-props';
import pkg from '../package.json' with { type: 'json' };
import { loadFontFilesNode, loadResvgWasmNode } from './export-assets-node';
import { startNodeEngine } from './node-engine';

const USAGE = `Användning / usage:
  metodkartan summarize [--json] [--wave FIL=OMGÅNG]... FIL...
                                          sammanfatta filer: enheter, metoder, andelar; med två
                                          eller fler enkätomgångar också per omgång och förändringen
                                          (FIL kan vara en sparad arbetsyta, .metodkartan)
  metodkartan report --out MAPP [--lang sv|en] [--size a4|slide] [--county LÄNSKOD] [--period ÅR] FIL...
                                          rapportpaket: PDF, diagram som PNG, SVG och CSV, manifest.json`;

class FileProblem extends Error {}

/** Where the command is, for the one line an unexpected error gets. */
const at = { file: '', step: 'start' };

/** `sample`: one of the app's bundled samples, as a workspace saved in the app marks it. */
type Loaded = LoadedSource & { sha256: string; sample?: boolean };

/** What the files give: their sources, and a workspace's own screen state where one was opened. */
interface Inputs {
  sources: Loaded[];
  workspace: SavedState | null;
}

const WORKSPACE_PROBLEMS = { corrupt: 'errorWorkspaceCorrupt', foreign: 'errorWorkspaceForeign', 'future-version': 'errorWorkspaceFuture' } as const;

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileProblem(translate('sv', code === 'ENOENT' ? 'errorNotFound' : 'errorRead', { file }));
  }
}

/** A saved workspace, with the app's own checks, its files then as if loaded one by one. */
async function openWorkspaceFile(engine: Engine, file: string): Promise<Inputs> {
  at.step = 'öppna arbetsytan';
  const bytes = await readBytes(file);
  let state: SavedState;
  try {
    const read = await readWorkspace(bytes);
    await createModel(engine);
    await loadWorkspace(engine, read, [], loadParquetNode);
    state = read.document.state as unknown as SavedState;
  } catch (error) {
    if (!(error instanceof WorkspaceError)) throw error;
    throw new FileProblem(translate('sv', WORKSPACE_PROBLEMS[error.problem], { file }));
  }
  const sources: Loaded[] = [];
  for (const s of state.files.sources) {
    const account = s.account ?? (await accountFile(engine, s.table.table, s.table.columns.map((c) => c.name), s.guess));
    sources.push({ table: s.table, guess: s.guess, account, statistics: s.statistics ?? null, wave: s.wave ?? null, sha256: s.sha256, ...(s.sample ? { sample: true } : {}) });
  }
  return { sources, workspace: state };
}

/** The files in order; a workspace (at most one) opens first, the other files join it. */
async function loadAll(engine: Engine, files: readonly string[]): Promise<Inputs> {
  const workspaces = files.filter((file) => file.toLowerCase().endsWith(WORKSPACE_EXTENSION));
  if (workspaces.length > 1) throw new FileProblem(`${workspaces[1]}: bara en arbetsyta åt gången kan läsas.`);
  at.file = workspaces[0] ?? '';
  const inputs: Inputs = workspaces[0] ? await openWorkspaceFile(engine, workspaces[0]) : { sources: [], workspace: null };
  for (const file of files.filter((f) => !workspaces.includes(f))) {
    at.file = file;
    at.step = 'import';
    const name = path.basename(file);
    const bytes = await readBytes(file);
    try {
      const taken = new Set(inputs.sources.map((s) => s.table.table));
      inputs.sources.push({ ...(await loadSource(engine, { name, bytes }, taken, { loadParquet: loadParquetNode })), sha256: await sha256Hex(bytes) });
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      const message = errorMessage(error, name, bytes.length);
      throw new FileProblem(translate('sv', message.key, message.params('sv')).replace(name, file));
    }
  }
  at.file = '';
  return inputs;
}

function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

function printText(summary: Summary): void {
  for (const f of summary.files) console.log(`${f.file}: ${f.shape}${f.wave ? `, omgång ${f.wave}` : ''}, ${f.imported} av ${f.rows} rader inlästa, ${f.rejected} avvisade`);
  console.log(`Enheter: ${summary.units.length} (${summary.unmatched.units.length} utan träff i registret)`);
  if (summary.waves) console.log(`Metoder i den senaste omgången, ${summary.waves.at(-1)!.wave}:`);
  for (const m of summary.methods) console.log(`  ${m.id.padEnd(22)} ${String(m.units_using).padStart(4)} / ${m.units_total}  ${percent(m.share)}`);
  for (const c of summary.changes ?? []) {
    if (c.started + c.stopped > 0) console.log(`  ${c.id.padEnd(22)} ${c.from} → ${c.to}: ${c.started} började, ${c.stopped} slutade (av ${c.panel} som svarade båda gångerna)`);
  }
  if (summary.unmatched.methods.length > 0) console.log(`Okända metodnamn: ${summary.unmatched.methods.join(', ')}`);
  for (const r of summary.reference) {
    const years = r.years.length === 0 ? 'inget år' : `${r.years[0]}${r.years.length > 1 ? `–${r.years[r.years.length - 1]}` : ''}`;
    const what = r.kind === 'population' ? `befolkning ${r.age_band === 'all' ? 'alla åldrar' : `${r.age_band ?? '?'} år`}` : 'statistik, inte befolkning';
    console.log(`Statistik ${r.file}: ${what}, ${years}, ${r.municipalities} kommuner, ${r.counties} län, ${r.ignored_rows} rader utan värde för en region`);
  }
  if (summary.rates) console.log(`Tal per 10 000 barn 0–17 år: ${summary.rates.length} (kommun, metod, år)`);
}

/** Runs a command on a fresh engine; a file that cannot be read ends it with exit code 1. */
async function withEngine(command: (engine: Engine) => Promise<number>): Promise<number> {
  const engine = await startNodeEngine();
  try {
    return await command(engine);
  } catch (error) {
    // Every failure is one line: a file's own problem in Swedish, anything else with its file and step.
    if (error instanceof FileProblem) console.error(error.message);
    else console.error(`Oväntat fel${at.file ? ` med ${at.file}` : ''} (${at.step}): ${firstLine(error)}`);
    return 1;
  } finally {
    await engine.close().catch(() => undefined);
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.slice(0, 300);
}

/** `--flag value` pairs and the files; null when a flag is unknown or has no value. */
function parseFlags(args: readonly string[], known: readonly string[]): { flags: Map<string, string>; files: string[] } | null {
  const flags = new Map<string, string>();
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) files.push(arg);
    else if (known.includes(arg) && args[i + 1] !== undefined && !args[i + 1]!.startsWith('--')) flags.set(arg, args[++i]!);
    else return null;
  }
  return { flags, files };
}

/** The same pack the app's "Rapportpaket för alla vyer" makes, written to a folder. */
async function report(args: readonly string[]): Promise<number> {
  const parsed = parseFlags(args, ['--out', '--lang', '--size', '--county', '--period']);
  const out = parsed?.flags.get('--out');
  const lang = parsed?.flags.get('--lang') ?? 'sv';
  const size = parsed?.flags.get('--size') ?? 'a4';
  if (!parsed || !out || parsed.files.length === 0 || (lang !== 'sv' && lang !== 'en') || (size !== 'a4' && size !== 'slide')) {
    console.error(USAGE);
    return 2;
  }
  return withEngine(async (engine) => {
    const { sources, workspace } = await loadAll(engine, parsed.files);
    at.step = 'rapport';
    // A workspace brings its filters, suppression and chart texts; the flags narrow it further.
    const base = workspace?.filters ?? NO_FILTERS;
    const loaded = sources.map((s) => loadedFile(s.table.fileName, s.guess, s.table.table, s.sample === true, s.wave ?? null));
    // Of two or more survey waves, the figures are the latest's (or the workspace's chosen one), as in the app.
    const chosen: Filters = { ...NO_FILTERS, ...base, county: parsed.flags.get('--county') ?? base.county, period: parsed.flags.get('--period') ?? base.period };
    const filters = withWave(chosen, wavesOf(loaded.filter(isSurvey).map((s) => s.wave)));
    const suppression = workspace?.suppression ?? DEFAULT_SUPPRESSION;
    // Sample data stays marked as such in a pack made from a workspace that holds it.
    const sections = await buildSections(engine, { filters, lang, suppression, sources: loaded, ...(workspace?.changeView ? { changeView: workspace.changeView } : {}) });
    const inputs = sources.map(({ table, guess, sha256, sample, wave }) => packInput(table, guess, sha256, sample === true, wave ?? null));
    const pack = await buildPack(
      { sections, inputs, filters, suppression, lang, size, appVersion: pkg.version, created: new Date(), ...(workspace ? { edits: workspace.edits } : {}) },
      { fonts: await loadFontFilesNode(), wasm: loadResvgWasmNode, engine },
    );
    await mkdir(out, { recursive: true });
    for (const [name, bytes] of pack) await writeFile(path.join(out, name), bytes);
    console.log(`${pack.size} filer skrivna till ${out} (${sections.length} diagram).`);
    return 0;
  });
}

/** `summarize [--json] [--wave FILE=LABEL]… FILE…`; null when the arguments say something else. */
function parseSummarize(args: readonly string[]): { isJson: boolean; files: string[]; waves: Map<string, string> } | null {
  const files: string[] = [];
  const waves = new Map<string, string>();
  let isJson = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') isJson = true;
    else if (arg === '--wave') {
      const [file, label] = splitOnce(args[++i] ?? '', '=');
      if (!file || !label) return null;
      waves.set(path.basename(file), label);
    } else if (arg.startsWith('--')) return null;
    else files.push(arg);
  }
  return files.length > 0 ? { isJson, files, waves } : null;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
}

/** One wave's figures, from an engine of its own holding that wave's files only: N is that wave's units. */
async function waveFigures(label: string, members: readonly string[]): Promise<{ entry: NonNullable<Summary['waves']>[number]; methods: Summary['methods']; use: WaveUse }> {
  const engine = await startNodeEngine();
  try {
    const loaded: LoadedSource[] = [];
    for (const file of members) {
      at.file = file;
      const taken = new Set(loaded.map((s) => s.table.table));
      loaded.push(await loadSource(engine, { name: path.basename(file), bytes: await readBytes(file) }, taken, { loadParquet: loadParquetNode }));
    }
    at.file = '';
    // The wave as given (--wave) or read: the files here are this wave's, whatever their dates say.
    for (const s of loaded) await setWave(engine, s.table.table, label);
    const { methods } = await summarize(engine, loaded);
    const [overview] = await runQuery(engine, 'overview', [null, null, null]);
    const entry = { wave: label, units_total: Number(overview?.units ?? 0), methods: methods.map(({ id, units_using, units_total, share }) => ({ id, units_using, units_total, share })) };
    return { entry, methods, use: await waveUse(engine, label) };
  } finally {
    await engine.close().catch(() => undefined);
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'report') return report(rest);
  const parsed = command === 'summarize' ? parseSummarize(rest) : null;
  if (!parsed) {
    const unknownFlag = rest.find((arg) => arg.startsWith('--') && arg !== '--json' && arg !== '--wave');
    console.error(unknownFlag ? `Okänd flagga: ${unknownFlag}\n${USAGE}` : USAGE);
    return 2;
  }
  const { isJson, files } = parsed;
  return withEngine(async (engine) => {
    const { sources: loaded } = await loadAll(engine, files);
    at.step = 'omgångar';
    // A survey's wave: as given (--wave), else from its response dates or its name (readWave).
    const waves = loaded.map((s) => parsed.waves.get(s.table.fileName) ?? s.wave ?? null);
    at.step = 'sammanfattning';
    const summary = await summarize(engine, loaded, waves);
    const labels = [...new Set(waves.filter((w): w is string => w !== null))].sort(compareWaves);
    if (labels.length >= 2) {
      // Each wave on its own, so nothing of different years is merged: then what changed between them.
      at.step = 'omgångar';
      const pathOf = new Map(files.map((file) => [path.basename(file), file]));
      const figures: Awaited<ReturnType<typeof waveFigures>>[] = [];
      for (const label of labels) {
        const members = loaded.flatMap((s, i) => (waves[i] === label && pathOf.has(s.table.fileName) ? [pathOf.get(s.table.fileName)!] : []));
        figures.push(await waveFigures(label, members));
      }
      summary.waves = figures.map((f) => f.entry);
      summary.changes = figures.slice(1).flatMap((to, i) => changesBetween(figures[i]!.use, to.use));
      summary.methods = figures.at(-1)!.methods;
    }
    const why = whyNoRates(summary, loaded);
    if (why) process.stderr.write(`${why}\n`);
    if (isJson) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else printText(summary);
    return 0;
  });
}

// Nothing may end the command with a stack trace: an error outside a command is one line too.
process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`Oväntat fel (${at.step}): ${firstLine(error)}`);
  return 1;
});
