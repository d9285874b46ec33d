// Parquet, offline, through parquet-wasm (DuckDB-WASM's own parquet extension would be fetched from
// the internet). parquet-wasm ships one build for browsers (the wasm is fetched from a URL, which Vite
// provides) and one for Node (it reads the wasm from node_modules): the caller injects which one, the
// way it injects its DuckDB engine. The renderer's default is `parquet-browser.ts`.

/** The part of parquet-wasm the import uses. */
export interface ParquetModule {
  readParquet(bytes: Uint8Array, options?: { limit?: number } | null): { intoIPCStream(): Uint8Array };
  /** Writing is for workspace files (workspace/workspace-file.ts). */
  writeParquet(table: ParquetTable): Uint8Array;
  Table: { fromIPCStream(ipc: Uint8Array): ParquetTable };
}

/** parquet-wasm's own table: opaque here, made from Arrow IPC and handed straight to writeParquet. */
interface ParquetTable {
  free(): void;
}

/** Loads (once) and returns parquet-wasm. */
export type LoadParquet = () => Promise<ParquetModule>;

/** Every Parquet file starts and ends with the magic `PAR1`. */
export function looksLikeParquet(bytes: Uint8Array): boolean {
  const n = bytes.length;
  const magic = (at: number) => bytes[at] === 0x50 && bytes[at + 1] === 0x41 && bytes[at + 2] === 0x52 && bytes[at + 3] === 0x31;
  return n >= 12 && magic(0) && magic(n - 4);
}

/** The file (or its first `limit` rows) as an Arrow IPC stream. Throws on a corrupt file. */
export async function parquetToIpc(load: LoadParquet, bytes: Uint8Array, limit?: number): Promise<Uint8Array> {
  const parquet = await load();
  return parquet.readParquet(bytes, limit === undefined ? undefined : { limit }).intoIPCStream();
}
