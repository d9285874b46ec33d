// parquet-wasm in the browser and in Electron's renderer: the wasm file is part of the build (Vite's
// `?url`), loaded on the first Parquet file only, never from a CDN.
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { LoadParquet, ParquetModule } from './parquet';

let loading: Promise<ParquetModule> | null = null;

export const loadParquetBrowser: LoadParquet = () => {
  loading ??= (async () => {
    const parquet = await import('parquet-wasm/esm');
    await parquet.default({ module_or_path: wasmUrl });
    return parquet;
  })().catch((error: unknown) => {
    loading = null; // let a later file try again
    throw error;
  });
  return loading;
};
