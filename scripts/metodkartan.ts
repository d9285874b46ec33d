// Headless Metodkartan: the app's own pipeline and engine (DuckDB-WASM) for scripted checks.
//   npm run --silent metodkartan -- summarize --json FILE...
// stdout carries only the result; problems go to stderr as one line naming the file.
// Exit codes: 0 success (unmatched names included), 1 a file cannot be read or holds no data rows,
// 2 bad usage.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { translate } from '../electron/shared/strings';
import { errorMessage } from '../renderer/src/app/error-message';
import type { Engine } from '../renderer/src/db/engine';
import { ImportError } from '../renderer/src/import/import-file';
import { loadParquetNode } from '../renderer/src/import/parquet-node';
import { loadSource, type LoadedSource } from '../renderer/src/domain/load-source';
import { summarize, type Summary } from '../renderer/src/domain/summarize';
import { startNodeEngine } from './node-engine';

const USAGE = `Användning / usage:
  metodkartan summarize [--json] FIL...   sammanfatta filer: enheter, metoder, andelar`;

class FileProblem extends Error {}

async function loadAll(engine: Engine, files: readonly string[]): Promise<LoadedSource[]> {
  const sources: LoadedSource[] = [];
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
      sources.push(await loadSource(engine, { name, bytes }, taken, { loadParquet: loadParquetNode }));
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
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const isJson = rest.includes('--json');
  const files = rest.filter((arg) => arg !== '--json');
  const unknownFlag = files.find((arg) => arg.startsWith('--'));
  if (command !== 'summarize' || files.length === 0 || unknownFlag) {
    console.error(unknownFlag ? `Okänd flagga: ${unknownFlag}\n${USAGE}` : USAGE);
    return 2;
  }
  const engine = await startNodeEngine();
  try {
    const summary = await summarize(engine, await loadAll(engine, files));
    if (isJson) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else printText(summary);
    return 0;
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

process.exitCode = await main(process.argv.slice(2));
