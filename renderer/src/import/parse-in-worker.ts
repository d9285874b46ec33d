// The app's parser: parseFile in a Web Worker, so a million-row file is read while the window stays
// responsive and shows progress. One worker per file, ended once it has answered. The caller keeps its
// bytes (the mapping view may read the file again): the worker gets a copy, and the Arrow batches
// come back transferred, not copied.
import { ImportError, type ImportDeps, type ImportOptions, type ParsedFile, type SourceFile } from './import-types';
import { isOutOfMemory, parseFile } from './parse-file';
import { rebuildError, type ParseReply, type ParseRequest } from './parse-protocol';

/** The part of a Worker used here (a MessagePort pair stands in for it in tests). */
export interface ParseWorkerLike {
  postMessage(message: ParseRequest, transfer: Transferable[]): void;
  addEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

/** The worker failed before it said anything: it never started (blocked, or its script did not load). */
export class WorkerUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerUnavailableError';
  }
}

/** Runs one parse in `worker` and ends the worker when it answers or fails. */
export function parseWith(
  worker: ParseWorkerLike,
  file: SourceFile,
  options: ImportOptions,
  onProgress?: (fraction: number) => void,
): Promise<ParsedFile> {
  return new Promise<ParsedFile>((resolve, reject) => {
    let settled = false;
    let heard = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      worker.terminate();
      outcome();
    };
    worker.addEventListener('message', (event) => {
      const reply = (event as MessageEvent<ParseReply>).data;
      heard = true;
      if (reply.type === 'progress') {
        if (!settled) onProgress?.(reply.fraction);
      } else if (reply.type === 'done') settle(() => resolve(reply.parsed));
      else settle(() => reject(rebuildError(reply.error)));
    });
    // The worker died: it could not start, or it ran out of memory before it could answer.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      const message = (event as ErrorEvent).message || 'the parse worker stopped';
      if (isOutOfMemory(message)) settle(() => reject(new ImportError('too-large', file.name, message)));
      else settle(() => reject(heard ? new Error(message) : new WorkerUnavailableError(message)));
    });
    worker.addEventListener('messageerror', () => settle(() => reject(new Error('the parse worker sent a message that could not be read'))));
    try {
      const bytes = file.bytes.slice();
      worker.postMessage({ name: file.name, bytes, options }, [bytes.buffer]);
    } catch (error) {
      settle(() => reject(isOutOfMemory(error) ? new ImportError('too-large', file.name) : error));
    }
  });
}

/**
 * A ParseFile for ImportDeps.parse: the file is read in a new module worker. Should the worker not
 * start at all, the file is read in this thread instead: slower to show, but read all the same.
 */
export async function parseInWorker(
  file: SourceFile,
  options: ImportOptions,
  deps: ImportDeps,
  onProgress?: (fraction: number) => void,
): Promise<ParsedFile> {
  try {
    const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module', name: 'metodkartan-parse' });
    return await parseWith(worker, file, options, onProgress);
  } catch (error) {
    const didNotStart = error instanceof WorkerUnavailableError || (error instanceof DOMException && error.name === 'SecurityError');
    if (!didNotStart) throw error;
    console.warn('The parse worker did not start; reading the file in the page instead.', error);
    return parseFile(file, options, { loadParquet: deps.loadParquet }, onProgress);
  }
}
