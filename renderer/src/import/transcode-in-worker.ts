// Text that is not UTF-8 made UTF-8 in a worker, so a big Windows-1252 export never holds up the window.
// The caller keeps its bytes (a copy crosses); should the worker not start, the text is transcoded here.
import { toUtf8, type TextEncodingName } from './decode-text';
import { isOutOfMemory } from './parse-file';

export async function transcodeInWorker(bytes: Uint8Array, encoding: TextEncodingName): Promise<Uint8Array> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./transcode-worker.ts', import.meta.url), { type: 'module', name: 'metodkartan-transcode' });
  } catch {
    return toUtf8(bytes, encoding);
  }
  try {
    return await new Promise<Uint8Array>((resolve, reject) => {
      worker.addEventListener('message', (event: MessageEvent<{ utf8: Uint8Array } | { error: string }>) => {
        if ('utf8' in event.data) resolve(event.data.utf8);
        else reject(new Error(event.data.error));
      });
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        // Out of memory is the caller's to report; a worker that never ran is not.
        if (isOutOfMemory(event.message)) reject(new RangeError(event.message));
        else resolve(toUtf8(bytes, encoding));
      });
      const copy = bytes.slice();
      worker.postMessage({ bytes: copy, encoding }, [copy.buffer]);
    });
  } finally {
    worker.terminate();
  }
}
