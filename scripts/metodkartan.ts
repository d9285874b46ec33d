// Headless Metodkartan: the app's own pipeline and engine (DuckDB-WASM) for scripted checks.
//   npm run --silent metodkartan -- summarize --json FILE...
//   npm run --silent metodkartan -- report --out DIR [--lang sv|en] [--size a4|slide] [--county KOD] [--period ÅR] FILE...
// stdout carries only the result; problems go to stderr as one line naming the file.
// Exit codes: 0 success (unmatched names included), 1 a file cannot be read or holds no data rows,
// 2 bad usage.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { translate } from '../electron/shared/strings';
import { errorMessage } from '../renderer/src/app/error-message';
import type { Engine } from '../renderer/src/db/engine';
import { ImportError } from '../renderer/src/import/import-file';
import { loadParquetNode } from '../renderer/src/import/parquet-node';
import { loadSource, type LoadedSource } from '../renderer/src/domain/load-source';
import { summarize, whyNoRates, type Summary } from '../renderer/src/domain/summarize';
import { sha256Hex } from '../renderer/src/export/sha256';
import { DEFAULT_SUPPRESSION } from '../renderer/src/export/suppress';
import { buildPack, packInput } from '../renderer/src/report/pack';
import { buildSections } from '../renderer/src/report/sections';
import { NO_FILTERS, type Filters } from '../renderer/src/views/filters';
import { loadedFile } from '../renderer/src/views/view-props';
import pkg from '../package.json' with { type: 'json' };
import { loadFontFilesNode, loadResvgWasmNode } from './export-assets-node';
import { startNodeEngine } from './node-engine';

const USAGE = `Användning / usage:
  metodkartan summarize [--json] FIL...   sammanfatta filer: enheter, metoder, andelar
  metodkartan report --out MAPP [--lang sv|en] [--size a4|slide] [--county LÄNSKOD] [--period ÅR] FIL...
                                          rapportpaket: PDF, diagram som PNG, SVG och CSV, manifest.json`;

class FileProblem extends Error {}

type Loaded = LoadedSource & { bytes: Uint8Array };

async function loadAll(engine: Engine, files: readonly string[]): Promise<Loaded[]> {
  const sources: Loaded[] = [];
  for (const file of files) {
    const name = path.basename(file);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new FileProblem(translate('sv', code === 'ENOENT' ? 'errorNotFound' : 'errorRead', { file }));
    }
    try {
      const taken = new Set(sources.map((s) => s.table.table));
      sources.push({ ...(await loadSource(engine, { name, bytes }, taken, { loadParquet: loadParquetNode })), bytes });
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      const message = errorMessage(error, name, bytes.length);
      throw new FileProblem(translate('sv', message.key, message.params('sv')).replace(name, file));
    }
  }
  return sources;
}

function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

function printText(summary: Summary): void {
  for (const f of summary.files) console.log(`${f.file}: ${f.shape}, ${f.imported} av ${f.rows} rader inlästa, ${f.rejected} avvisade`);
  console.log(`Enheter: ${summary.units.length} (${summary.unmatched.units.length} utan träff i registret)`);
  for (const m of summary.methods) console.log(`  ${m.id.padEnd(22)} ${String(m.units_using).padStart(4)} / ${m.units_total}  ${percent(m.share)}`);
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
    if (error instanceof FileProblem) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await engine.close();
  }
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
  const filters: Filters = { ...NO_FILTERS, county: parsed.flags.get('--county') ?? null, period: parsed.flags.get('--period') ?? null };
  return withEngine(async (engine) => {
    const sources = await loadAll(engine, parsed.files);
    const sections = await buildSections(engine, { filters, lang, sources: sources.map((s) => loadedFile(s.table.fileName, s.guess)) });
    const inputs = await Promise.all(sources.map(async ({ table, guess, bytes }) => packInput(table, guess, await sha256Hex(bytes))));
    const pack = await buildPack(
      { sections, inputs, filters, suppression: DEFAULT_SUPPRESSION, lang, size, appVersion: pkg.version, created: new Date() },
      { fonts: await loadFontFilesNode(), wasm: loadResvgWasmNode, engine },
    );
    await mkdir(out, { recursive: true });
    for (const [name, bytes] of pack) await writeFile(path.join(out, name), bytes);
    console.log(`${pack.size} filer skrivna till ${out} (${sections.length} diagram).`);
    return 0;
  });
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'report') return report(rest);
  const isJson = rest.includes('--json');
  const files = rest.filter((arg) => arg !== '--json');
  const unknownFlag = files.find((arg) => arg.startsWith('--'));
  if (command !== 'summarize' || files.length === 0 || unknownFlag) {
    console.error(unknownFlag ? `Okänd flagga: ${unknownFlag}\n${USAGE}` : USAGE);
    return 2;
  }
  return withEngine(async (engine) => {
    const loaded = await loadAll(engine, files);
    const summary = await summarize(engine, loaded);
    const why = whyNoRates(summary, loaded);
    if (why) process.stderr.write(`${why}\n`);
    if (isJson) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else printText(summary);
    return 0;
  });
}

process.exitCode = await main(process.argv.slice(2));
