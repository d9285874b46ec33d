// The transcoding worker: a Windows-1252 or UTF-16 file becomes UTF-8 for DuckDB off the window's
// thread (transcode-in-worker.ts starts one per file). The result is transferred, not copied.
import { toUtf8, type TextEncodingName } from './decode-text';

interface WorkerScope {
  onmessage: ((event: MessageEvent<{ bytes: Uint8Array; encoding: TextEncodingName }>) => void) | null;
  postMessage(message: { utf8: Uint8Array } | { error: string }, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  try {
    const utf8 = toUtf8(event.data.bytes, event.data.encoding).slice();
    scope.postMessage({ utf8 }, [utf8.buffer]);
  } catch (error) {
    scope.postMessage({ error: error instanceof Error ? error.message : String(error) }, []);
  }
};
