// Running an npm script, or a program, from another script on every platform: on Windows `npm` is
// `npm.cmd`, a batch file, which Node (since 20.12, CVE-2024-27980) starts only through a shell; and a
// child killed by a signal has no exit status, which must count as a failure, said in one line.
import { spawnSync, type SpawnSyncOptions, type SpawnSyncReturns } from 'node:child_process';

type SpawnSync = (command: string, args: readonly string[], options: SpawnSyncOptions) => Pick<SpawnSyncReturns<Buffer>, 'status' | 'signal' | 'error'>;

/** How `npm run --silent SCRIPT` is started on this platform. */
export function npmCommand(platform: NodeJS.Platform, script: string): { command: string; args: string[]; shell: boolean } {
  const args = ['run', '--silent', script];
  return platform === 'win32' ? { command: 'npm.cmd', args, shell: true } : { command: 'npm', args, shell: false };
}

/**
 * A finished child's outcome as this process's exit: 0 only for a clean exit 0; a child that could not
 * start, or was killed by a signal, is a failure with a line saying so (a null status is never 0).
 */
export function childOutcome(what: string, result: { status: number | null; signal: NodeJS.Signals | null; error?: Error }): { code: number; message?: string } {
  if (result.error) return { code: 1, message: `${what} kunde inte startas: ${result.error.message}` };
  if (result.signal) return { code: 1, message: `${what} avbröts av signalen ${result.signal}.` };
  if (result.status === null) return { code: 1, message: `${what} avslutades utan slutstatus.` };
  return result.status === 0 ? { code: 0 } : { code: result.status, message: `${what} misslyckades (slutstatus ${result.status}).` };
}

/** Runs `npm run --silent SCRIPT` and returns its outcome; `run` and `platform` are for tests. */
export function runNpmScript(script: string, cwd: string, deps: { platform?: NodeJS.Platform; run?: SpawnSync } = {}): { code: number; message?: string } {
  const { command, args, shell } = npmCommand(deps.platform ?? process.platform, script);
  const result = (deps.run ?? spawnSync)(command, args, { cwd, stdio: 'inherit', shell });
  return childOutcome(`npm run ${script}`, result);
}
