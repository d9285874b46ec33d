// Resident memory from /proc (Linux): of one process, of a process and all its descendants (Chromium's
// browser, renderer, GPU and utility processes), sampled while a case runs.
import { readdirSync, readFileSync } from 'node:fs';

/** VmRSS and VmHWM (peak) of a process in MB; 0 when it is gone or /proc is not there. */
export function memoryOf(pid: number | 'self'): { rssMb: number; hwmMb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: 0, hwmMb: 0 };
  }
}

/** `root` and every process descended from it. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    tree.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** The summed resident memory of a process tree, in MB. */
export function treeRssMb(root: number): number {
  return processTree(root).reduce((sum, pid) => sum + memoryOf(pid).rssMb, 0);
}

/**
 * Samples `measure()` (MB) every `intervalMs` until stopped; `stop()` gives the highest value seen. Runs
 * on this process's event loop: fine while the work happens in other processes or threads.
 */
export function sampleRss(measure: () => number, intervalMs = 50): { stop(): number } {
  let peak = measure();
  const timer = setInterval(() => {
    peak = Math.max(peak, measure());
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, measure());
      return peak;
    },
  };
}
