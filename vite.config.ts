import react from '@vitejs/plugin-react';
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

// The renderer is built to dist/renderer and served from app://metodkartan/ in Electron and from
// 127.0.0.1 by `npm run web`; relative asset URLs work under both origins.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), syncXlsxZip],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // The DuckDB wasm is ~34 MB: inline nothing, warn only for our own code.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
    target: 'es2022',
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
