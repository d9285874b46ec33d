// `npm start`, `npm run web` and the scripts that run others, on every platform: npm.cmd through a shell
// on Windows, and a child killed by a signal a failure with a line saying so. The spawn is mocked; the
// platform is given as Windows, macOS or Linux.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { childOutcome, runNpmScript } from '../../../scripts/npm-run';

describe('runNpmScript', () => {
  it('starts npm.cmd through a shell on Windows, npm itself elsewhere', () => {
    for (const [platform, command, shell] of [['win32', 'npm.cmd', true], ['darwin', 'npm', false], ['linux', 'npm', false]] as const) {
      const run = vi.fn(() => ({ status: 0, signal: null }));
      expect(runNpmScript('build:web', '/repo', { platform, run })).toEqual({ code: 0 });
      expect(run).toHaveBeenCalledWith(command, ['run', '--silent', 'build:web'], { cwd: '/repo', stdio: 'inherit', shell });
    }
  });

  it('fails, saying why, when npm cannot start (Windows without a shell gives a null status and an error)', () => {
    const run = vi.fn(() => ({ status: null, signal: null, error: Object.assign(new Error('spawn npm ENOENT'), { code: 'ENOENT' }) }));
    expect(runNpmScript('build', '/repo', { platform: 'win32', run })).toEqual({ code: 1, message: 'npm run build kunde inte startas: spawn npm ENOENT' });
  });

  it('passes a failing script’s status on, and counts a signal as a failure', () => {
    expect(runNpmScript('build', '/repo', { platform: 'linux', run: () => ({ status: 2, signal: null }) })).toEqual({ code: 2, message: 'npm run build misslyckades (slutstatus 2).' });
    expect(runNpmScript('build', '/repo', { platform: 'linux', run: () => ({ status: null, signal: 'SIGKILL' }) })).toEqual({ code: 1, message: 'npm run build avbröts av signalen SIGKILL.' });
  });
});

describe('childOutcome', () => {
  it('is 0 only for a clean exit 0', () => {
    expect(childOutcome('Electron', { status: 0, signal: null })).toEqual({ code: 0 });
    expect(childOutcome('Electron', { status: null, signal: 'SIGTERM' }).code).toBe(1);
    expect(childOutcome('Electron', { status: null, signal: null }).code).toBe(1);
  });
});

describe('package.json scripts', () => {
  it('use no shell-only syntax, so they run in cmd.exe as in sh', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    for (const [name, command] of Object.entries(scripts)) {
      // No variables, single quotes, globs left to a shell, env assignments, Unix tools, or ; and || chains.
      expect(command, name).not.toMatch(/\$|'|\*|^\w+=|\b(rm|cp|mv|mkdir|export|cat)\s|;|\|\|/);
    }
  });
});
