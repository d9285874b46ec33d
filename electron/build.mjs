// Bundles the main process and the preload into dist-electron/ (run: node electron/build.mjs).
// The preload must be one file: a sandboxed preload can require only 'electron' and a few built-ins,
// never local modules. Main is bundled the same way so both ship without node_modules.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @type {import('esbuild').BuildOptions} */
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Electron 45 runs Node 22.
  target: 'node22',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'info',
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs' }),
  build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'dist-electron/preload.cjs' }),
]);
