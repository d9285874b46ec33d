// The parse step on its own (no database; workbooks, JSON and Parquet): the Arrow batches it makes, the progress it reports, and
// errors crossing the worker boundary, simulated with a MessageChannel so every message is really
// structured-cloned and every buffer really transferred.
import { tableFromIPC } from 'apache-arrow';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { ImportError, parseFile, type ImportDeps, type ParsedFile, type SourceFile } from '../../../renderer/src/import/import-file';
import { parseWith, WorkerUnavailableError, type ParseWorkerLike } from '../../../renderer/src/import/parse-in-worker';
import { batchTransfers, rebuildError, serialiseError, serveParse, type ParseRequest } from '../../../renderer/src/import/parse-protocol';

const text = (s: string) => new TextEncoder().encode(s);

/** A long-form usage extract of `rows` rows as NDJSON (delimited text is read by DuckDB, not parsed here). */
function usageJson(rows: number): SourceFile {
  const units = ['Falu kommun', 'Skärholmens sdf', 'Malmö stad', 'Örebro kommun'];
  const methods = ['KOMET', 'FFT', 'MST'];
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) lines.push(JSON.stringify({ Enhet: units[i % 4], Period: `2023-${String((i % 12) + 1).padStart(2, '0')}`, Insats: methods[i % 3], Antal: i % 97 }));
  return { name: 'uttag.ndjson', bytes: text(lines.join('\n') + '\n') };
}

/** A stand-in for `new Worker(parse-worker.ts)`: the worker's code on the far end of a MessagePort pair. */
function channelWorker(deps: ImportDeps = {}): ParseWorkerLike & { terminated: boolean } {
  const { port1, port2 } = new MessageChannel();
  port2.on('message', (request: ParseRequest) => {
    void serveParse(request, (reply, transfer = []) => port2.postMessage(reply, transfer as ArrayBuffer[]), deps);
  });
  const worker = {
    terminated: false,
    postMessage: (message: ParseRequest, transfer: Transferable[]) => port1.postMessage(message, transfer as ArrayBuffer[]),
    addEventListener: (type: string, listener: (event: Event) => void) => {
      if (type === 'message') port1.on('message', (data: unknown) => listener({ data } as MessageEvent));
    },
    terminate: () => {
      worker.terminated = true;
      port1.close();
    },
  };
  return worker;
}

const rowsOf = (parsed: ParsedFile) => parsed.batches.reduce((n, batch) => n + tableFromIPC(batch).numRows, 0);

describe('parseFile', () => {
  it('reports start and end for a format read in one go', async () => {
    const seen: number[] = [];
    await parseFile({ name: 'a.json', bytes: text('[{"a":1},{"a":2}]') }, {}, {}, (f) => seen.push(f));
    expect(seen).toEqual([0, 1]);
  });

  it('throws ImportError with its code and no progress past the failure', async () => {
    const seen: number[] = [];
    const error = await parseFile({ name: 'tom-lista.json', bytes: text('[]') }, {}, {}, (f) => seen.push(f)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe('no-rows');
    expect(seen.at(-1)).not.toBe(1);
  });
});

describe('the parse worker boundary', () => {
  it('parses through the worker protocol, with progress, keeping the caller’s bytes and ending the worker', async () => {
    const file = usageJson(50_000);
    const before = file.bytes.length;
    const worker = channelWorker();
    const seen: number[] = [];
    const parsed = await parseWith(worker, file, {}, (f) => seen.push(f));
    expect(file.bytes.length).toBe(before); // a copy crossed, not the caller's buffer
    expect(worker.terminated).toBe(true);
    expect(rowsOf(parsed)).toBe(50_000);
    expect(parsed.report.rowsRead).toBe(50_000);
    expect(seen.at(-1)).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThan(seen[i - 1]!);
    const inThread = await parseFile(file);
    const base64 = (batches: Uint8Array[]) => batches.map((b) => Buffer.from(b).toString('base64'));
    expect(base64(parsed.batches)).toEqual(base64(inThread.batches));
  });

  it('rebuilds an ImportError on this side with its code, file name and detail', async () => {
    const worker = channelWorker();
    const error = await parseWith(worker, { name: 'trasig.json', bytes: text('[{"a":1},') }, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: 'bad-json', fileName: 'trasig.json' });
    expect((error as ImportError).detail).not.toBe('');
    expect(worker.terminated).toBe(true);
  });

  it('passes a bad option on as the RangeError it is', async () => {
    const error = await parseWith(channelWorker(), { name: 'a.csv', bytes: text('a\n1\n') }, { headerRow: -1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RangeError);
    expect((error as Error).message).toMatch(/headerRow/);
  });

  it('serialises errors to plain data: ImportError by code, out of memory as too-large, the rest by message', () => {
    const cross = (error: unknown) => rebuildError(structuredClone(serialiseError(error, 'stor.csv')));
    const imported = cross(new ImportError('sheet-not-found', 'a.xlsx', 'Blad2'));
    expect(imported).toBeInstanceOf(ImportError);
    expect(imported).toMatchObject({ code: 'sheet-not-found', fileName: 'a.xlsx', detail: 'Blad2', message: 'a.xlsx: sheet-not-found (Blad2)' });
    expect(cross(new RangeError('Array buffer allocation failed'))).toMatchObject({ code: 'too-large', fileName: 'stor.csv' });
    const other = cross(new SyntaxError('oväntat'));
    expect(other).not.toBeInstanceOf(ImportError);
    expect(other.constructor).toBe(Error);
    expect(other.message).toBe('oväntat');
    expect(cross('en sträng').message).toBe('en sträng');
  });

  it('tells a worker that never started from one that died on the way, and from running out of memory', async () => {
    /** A worker that posts `replies`, then fails with `message`. */
    const dying = (replies: unknown[], message: string): ParseWorkerLike => {
      const listeners = new Map<string, (event: Event) => void>();
      return {
        postMessage: () => {
          setTimeout(() => {
            for (const data of replies) listeners.get('message')!({ data } as MessageEvent);
            listeners.get('error')!(Object.assign(new Event('error'), { message }));
          });
        },
        addEventListener: (type, listener) => listeners.set(type, listener),
        terminate: () => undefined,
      };
    };
    const file = { name: 'a.csv', bytes: text('a\n1\n') };
    await expect(parseWith(dying([], ''), file, {})).rejects.toBeInstanceOf(WorkerUnavailableError);
    const died = await parseWith(dying([{ type: 'progress', fraction: 0 }], 'Uncaught Error: boom'), file, {}).catch((e: unknown) => e);
    expect(died).toBeInstanceOf(Error);
    expect(died).not.toBeInstanceOf(WorkerUnavailableError);
    expect((died as Error).message).toBe('Uncaught Error: boom');
    const oom = await parseWith(dying([{ type: 'progress', fraction: 0 }], 'Uncaught RangeError: Array buffer allocation failed'), file, {}).catch((e: unknown) => e);
    expect(oom).toMatchObject({ code: 'too-large', fileName: 'a.csv' });
  });

  it('gives every batch its own buffer before transfer', () => {
    const shared = new Uint8Array(16);
    const batches = [shared.subarray(0, 8), shared.subarray(8), new Uint8Array(4)];
    const transfers = batchTransfers(batches);
    expect(transfers).toHaveLength(3);
    expect(new Set(batches.map((b) => b.buffer)).size).toBe(3);
    for (const batch of batches) expect(batch.byteLength).toBe(batch.buffer.byteLength);
  });
});
