// `npm start`: the Electron app where Electron's binary can be had; otherwise one line saying why and
// the same renderer served for a local browser. `npm run web` (--web) serves the browser build on purpose.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { childOutcome, runNpmScript } from './npm-run';
import { startWebServer } from './serve-web';

const root = path.resolve(import.meta.dirname, '..');
const wantsWeb = process.argv.includes('--web');
const port = Number(process.env.PORT ?? 5173);

/** The Electron binary's path, without triggering the download that `require('electron')` attempts. */
function electronBinary(): string | null {
  try {
    const pkgDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const relative = readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim();
    const binary = path.join(pkgDir, 'dist', relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** An npm script this one needs: its failure ends this one, with a line saying why. */
function run(script: string): void {
  const { code, message } = runNpmScript(script, root);
  if (message) console.error(message);
  if (code !== 0) process.exit(code);
}

const binary = wantsWeb ? null : electronBinary();
if (binary) {
  run('build');
  const child = spawn(binary, [root], { cwd: root, stdio: 'inherit' });
  child.on('error', (error) => {
    console.error(childOutcome('Electron', { status: null, signal: null, error }).message);
    process.exit(1);
  });
  child.on('exit', (status, signal) => {
    const { code, message } = childOutcome('Electron', { status, signal });
    // Closing the window ends Electron with 0; anything else is said, not swallowed.
    if (message) console.error(message);
    process.exit(code);
  });
} else {
  if (!wantsWeb) {
    console.log('Electron binary not installed here (it cannot be downloaded on this machine): serving Metodkartan for a local browser instead.');
  }
  run('build:web');
  const server = await startWebServer(path.join(root, 'dist', 'renderer'), port);
  console.log(`Metodkartan: open ${server.url} in Chromium, Chrome, Edge or Firefox (Ctrl+C stops).`);
}
