import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

// The renderer is built to dist/renderer and served from app://metodkartan/ in Electron and from
// 127.0.0.1 by `npm run web`; relative asset URLs work under both origins.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
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
