// The parse worker: reads one file off the window's thread (parse-in-worker.ts starts one per file and
// ends it after). Same-origin module worker, bundled by Vite; parquet-wasm is the browser build,
// loaded here on the first Parquet file.
import { serveParse, type ParseReply, type ParseRequest } from './parse-protocol';
import { defaultLoadParquet } from './sniff';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ParseRequest>) => void) | null;
  postMessage(message: ParseReply, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  void serveParse(event.data, (reply, transfer = []) => scope.postMessage(reply, transfer), { loadParquet: defaultLoadParquet });
};
