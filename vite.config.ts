import react from '@vitejs/plugin-react';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };

// write-excel-file zips large sheets in a blob: Worker, which the app's CSP refuses: give it a
// synchronous zip instead (renderer/src/export/zip-sync.ts).
const syncXlsxZip: Plugin = {
  name: 'metodkartan-sync-xlsx-zip',
  enforce: 'pre',
  resolveId(source, importer) {
    if (importer?.includes('write-excel-file') && source.endsWith('/zipToArrayBuffer.js')) {
      return fileURLToPath(new URL('./renderer/src/export/zip-sync.ts', import.meta.url));
    }
    return null;
  },
};

// read-excel-file unzips with fflate's async unzip(), which inflates a sheet over 512 KiB (about 3,700
// rows) in a Worker made from a blob: URL: the CSP refuses it and the import would wait forever. The
// same unzip, synchronously, in the parse worker where it already runs off the main thread.
const XLSX_UNZIP = '\0metodkartan-xlsx-unzip:';
const syncXlsxUnzip: Plugin = {
  name: 'metodkartan-sync-xlsx-unzip',
  enforce: 'pre',
  resolveId(source, importer) {
    if (importer?.includes('read-excel-file') && !importer.includes('/zip/') && source.endsWith('/zip/unzipFromArrayBuffer.js')) {
      return XLSX_UNZIP + path.resolve(path.dirname(importer), source);
    }
    return null;
  },
  load(id) {
    if (!id.startsWith(XLSX_UNZIP)) return null;
    const unzipError = path.join(path.dirname(id.slice(XLSX_UNZIP.length)), 'UnzipError.js');
    return [
      "import { unzipSync } from 'fflate';",
      `import { createUnzipError } from ${JSON.stringify(unzipError)};`,
      'export default function unzipFromArrayBuffer(input, options = {}) {',
      '  try {',
      '    const filter = (file) => (options.filter ? options.filter({ path: file.name }) : true);',
      '    return Promise.resolve(unzipSync(new Uint8Array(input), { filter }));',
      '  } catch (error) {',
      "    return Promise.reject(typeof error?.code === 'number' ? createUnzipError(error) : error);",
      '  }',
      '}',
    ].join('\n');
  },
};

// DuckDB-WASM's worker pipes its 34 MB module through a progress TransformStream before
// WebAssembly.instantiateStreaming. A Response made from a stream has no URL, so Chromium cannot keep
// the compiled code and every start compiled it again (~0.8 s on the build machine). The worker as
// shipped, with that branch turned off: it then takes its own branch for browsers without
// TransformStream, instantiateStreaming(fetch(url)), whose compiled code Chromium caches with the file.
// duckdb-wasm has no option for it (its progress callback is optional, the stream is not). The build
// fails if a new version changes the line, rather than shipping a worker that compiles every time.
const DUCKDB_WORKER = '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js';
const PROGRESS_STREAM = 'if(WebAssembly.instantiateStreaming)if(typeof TransformStream=="function")';
const cacheableDuckdbCompile: Plugin = {
  name: 'metodkartan-cacheable-duckdb-compile',
  enforce: 'pre',
  apply: 'build',
  resolveId(source) {
    return source === `${DUCKDB_WORKER}?url` ? '\0metodkartan-duckdb-worker-url' : null;
  },
  async load(id) {
    if (id !== '\0metodkartan-duckdb-worker-url') return null;
    const code = await readFile(createRequire(import.meta.url).resolve(DUCKDB_WORKER), 'utf8');
    if (code.split(PROGRESS_STREAM).length !== 2) this.error(`${DUCKDB_WORKER}: the progress-stream branch to turn off was not found once`);
    const source = code.replace(PROGRESS_STREAM, 'if(WebAssembly.instantiateStreaming)if(false)');
    const ref = this.emitFile({ type: 'asset', name: path.basename(DUCKDB_WORKER), source });
    return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
  },
};

// The renderer is built to dist/renderer and served from app://metodkartan/ in Electron and from
// 127.0.0.1 by `npm run web`; relative asset URLs work under both origins.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), syncXlsxZip, syncXlsxUnzip, cacheableDuckdbCompile],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // The DuckDB wasm is ~34 MB: inline nothing, warn only for our own code.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
    target: 'es2022',
  },
  worker: { format: 'es', plugins: () => [syncXlsxUnzip] },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
