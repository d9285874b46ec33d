// What crosses between the app and its parse worker (parse-worker.ts, parse-in-worker.ts): the request,
// the replies, and errors made cloneable. An ImportError keeps its code, file name and detail and is
// rebuilt as an ImportError; running out of memory becomes 'too-large' on the worker's side; anything
// else arrives as a plain Error with its message (a RangeError or TypeError, a bug or a bad option,
// keeps its class so importFile passes it on as such).
import { ImportError, type ImportDeps, type ImportErrorCode, type ImportOptions, type ParsedFile } from './import-types';
import { firstLine, isOutOfMemory, parseFile } from './parse-file';

/** App → worker, once per worker. `bytes` is transferred: the worker owns it. */
export interface ParseRequest {
  name: string;
  bytes: Uint8Array;
  options: ImportOptions;
}

export type SerialisedError =
  | { kind: 'import'; code: ImportErrorCode; fileName: string; detail: string }
  | { kind: 'error'; name: string; message: string };

/** Worker → app: progress (0 to 1, rising) any number of times, then one 'done' or 'error'. */
export type ParseReply =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; parsed: ParsedFile }
  | { type: 'error'; error: SerialisedError };

export function serialiseError(error: unknown, fileName: string): SerialisedError {
  if (error instanceof ImportError) return { kind: 'import', code: error.code, fileName: error.fileName, detail: error.detail };
  if (isOutOfMemory(error)) return { kind: 'import', code: 'too-large', fileName, detail: firstLine(error) };
  if (error instanceof Error) return { kind: 'error', name: error.name, message: error.message };
  return { kind: 'error', name: 'Error', message: String(error) };
}

export function rebuildError(error: SerialisedError): Error {
  if (error.kind === 'import') return new ImportError(error.code, error.fileName, error.detail);
  if (error.name === 'RangeError') return new RangeError(error.message);
  if (error.name === 'TypeError') return new TypeError(error.message);
  return new Error(error.message);
}

/**
 * The buffers to transfer with `batches`, one per batch. A batch that is a view into a larger buffer,
 * or shares one, is copied first (in place in the array): transferring detaches a whole buffer.
 */
export function batchTransfers(batches: Uint8Array[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  batches.forEach((batch, i) => {
    let own = batch;
    const { buffer } = batch;
    if (!(buffer instanceof ArrayBuffer) || buffers.has(buffer) || batch.byteOffset !== 0 || batch.byteLength !== buffer.byteLength) {
      own = batch.slice();
      batches[i] = own;
    }
    buffers.add(own.buffer as ArrayBuffer);
  });
  return [...buffers];
}

/** Progress messages are posted at whole percents only: a few hundred at most, whatever the file. */
function percentSteps(post: (fraction: number) => void): (fraction: number) => void {
  let last = -1;
  return (fraction) => {
    const percent = Math.floor(fraction * 100);
    if (percent === last) return;
    last = percent;
    post(fraction);
  };
}

/** The worker's side of one request: parse, posting progress, then the result or the error. */
export async function serveParse(
  request: ParseRequest,
  post: (reply: ParseReply, transfer?: Transferable[]) => void,
  deps: ImportDeps = {},
): Promise<void> {
  let reply: ParseReply;
  let transfer: Transferable[] = [];
  try {
    const progress = percentSteps((fraction) => post({ type: 'progress', fraction }));
    const parsed = await parseFile({ name: request.name, bytes: request.bytes }, request.options, deps, progress);
    transfer = batchTransfers(parsed.batches);
    reply = { type: 'done', parsed };
  } catch (error) {
    reply = { type: 'error', error: serialiseError(error, request.name) };
  }
  post(reply, transfer);
}
