import { describe, expect, it, vi } from 'vitest';
import { createLaunchQueue, workspaceInArgv } from '../../../electron/launch-files';

describe('workspaceInArgv', () => {
  it('finds the workspace a double-click passes, on Windows and Linux, and nothing else', () => {
    expect(workspaceInArgv(['C:\\Program Files\\Metodkartan\\Metodkartan.exe', 'C:\\Users\\anna\\Dokument\\Kartläggning 2024.metodkartan'])).toBe('C:\\Users\\anna\\Dokument\\Kartläggning 2024.metodkartan');
    expect(workspaceInArgv(['/opt/Metodkartan/metodkartan', '--no-sandbox', '/home/anna/a.METODKARTAN'])).toBe('/home/anna/a.METODKARTAN');
    expect(workspaceInArgv(['/opt/Metodkartan/metodkartan', '--inspect=x.metodkartan', '/home/anna/rapport.csv'])).toBeNull();
  });
});

describe('createLaunchQueue', () => {
  it('keeps a workspace asked for before the window is ready, and opens later ones at once', () => {
    const open = vi.fn();
    const queue = createLaunchQueue(open);
    queue.ask('/a.metodkartan');
    queue.ask(null);
    expect(open).not.toHaveBeenCalled();
    queue.ready();
    expect(open).toHaveBeenCalledWith('/a.metodkartan');
    queue.ask('/b.metodkartan');
    expect(open).toHaveBeenLastCalledWith('/b.metodkartan');
    queue.closed();
    queue.ask('/c.metodkartan');
    expect(open).toHaveBeenCalledTimes(2);
  });
});
