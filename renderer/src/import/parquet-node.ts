// parquet-wasm under Node (tests, command line): its Node build loads its wasm from node_modules by
// itself. Never imported by the renderer, which uses parquet-browser.ts.
import type { LoadParquet, ParquetModule } from './parquet';

let loading: Promise<ParquetModule> | null = null;

export const loadParquetNode: LoadParquet = () => {
  loading ??= import('parquet-wasm/node').then((parquet) => parquet as ParquetModule);
  return loading;
};
