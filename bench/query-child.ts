// One engine's side of the query cases, in a process of its own (so that its resident memory is its
// own), driven by the runner over IPC so that the two engines' runs can be interleaved: the runner
// asks the app's engine for a run, then the native one, then the app's again …, and a change in the
// machine's load hits both alike.
//
// Started by bench/run.ts with child_process.fork: first message {type:'load'}, then {type:'run'} per run.
import { createHash } from 'node:crypto';
import type { Engine } from '../renderer/src/db/engine';
import { comparable, loadNative, loadWasm, queryCases, runCase, type WasmLoaded } from './queries';
import { memoryOf, sampleRss } from './rss';

export type EngineKind = 'wasm-node' | 'native';
export type Like = Pick<WasmLoaded, 'table' | 'fileName' | 'guess'>;

export type ChildRequest =
  | { type: 'load'; engine: EngineKind; file: string; like?: Like }
  | { type: 'run'; index: number }
  | { type: 'exit' };

export type ChildReply =
  | { type: 'loaded'; rows: number; loadMs: number; like: Like }
  | {
      type: 'ran';
      index: number;
      ms: number;
      /** Result rows, and their sha256 in comparable form: equal across engines when the results are. */
      rows: number;
      digest: string;
      peakRssMb: number;
    }
  | { type: 'failed'; message: string };

let engine: Engine | undefined;
const cases = queryCases();

function reply(message: ChildReply): void {
  process.send!(message);
}

async function handle(request: ChildRequest): Promise<void> {
  if (request.type === 'exit') {
    await engine?.close();
    process.disconnect();
    return;
  }
  if (request.type === 'load') {
    if (request.engine === 'wasm-node') {
      const loaded = await loadWasm(request.file);
      engine = loaded.engine;
      reply({ type: 'loaded', rows: loaded.rows, loadMs: loaded.loadMs, like: { table: loaded.table, fileName: loaded.fileName, guess: loaded.guess } });
    } else {
      if (!request.like) throw new Error('native needs the table name and shape the app chose');
      const loaded = await loadNative(request.file, request.like);
      engine = loaded.engine;
      reply({ type: 'loaded', rows: loaded.rows, loadMs: loaded.loadMs, like: request.like });
    }
    return;
  }
  const c = cases[request.index];
  if (!engine || !c) throw new Error(`no engine loaded, or no query case ${request.index}`);
  const sampler = sampleRss(() => memoryOf('self').rssMb, 10);
  const started = performance.now();
  const result = await runCase(engine, c);
  const ms = performance.now() - started;
  const peakRssMb = sampler.stop();
  const digest = createHash('sha256').update(JSON.stringify(comparable(result))).digest('hex');
  reply({ type: 'ran', index: request.index, ms, rows: result.length, digest, peakRssMb });
}

process.on('message', (request: ChildRequest) => {
  handle(request).catch((error: unknown) => reply({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
});
