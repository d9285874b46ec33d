// Resident memory from /proc (Linux): of one process, of a process and all its descendants (Chromium's
// browser, renderer, GPU and utility processes), sampled while a case runs. RSS from /proc/<pid>/status;
// PSS, which shares each shared page out among the processes mapping it, from /proc/<pid>/smaps_rollup.
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

/**
 * PSS (proportional set size) of a process in MB, from /proc/<pid>/smaps_rollup: its private pages plus
 * its share of each shared page (a page mapped by n processes counts 1/n to each), so summed over a group
 * of processes every page counts once. 0 when the process is gone or the file cannot be read.
 */
export function pssOf(pid: number | 'self'): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    return Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
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

/** Resident memory of a group of processes, summed two ways, in MB. */
export interface MemoryMb {
  /** VmRSS summed: a page shared by n of the processes counts n times. */
  rssMb: number;
  /** PSS summed: every page counts once. */
  pssMb: number;
}

/**
 * As sampleRss, for both sums: `measure(withPss)` gives the RSS sum, and the PSS sum when asked (else
 * anything). RSS is read every `intervalMs`; PSS, which costs far more (the kernel walks every mapping's
 * page tables for smaps_rollup: ~25 ms for Chromium's processes with the app open, against ~3 ms for
 * VmRSS), on the first sample at least `pssEveryMs` after the last PSS read and at least ten times that
 * read's own duration after it, so that PSS sampling takes no more than a tenth of one core away from
 * what is measured. `start` and `stop()` always read both. `stop()` gives the highest value of each seen
 * (which may come from different samples).
 */
export function sampleMemory(measure: (withPss: boolean) => MemoryMb, intervalMs = 100, pssEveryMs = 250): { stop(): MemoryMb } {
  const peak: MemoryMb = { rssMb: 0, pssMb: 0 };
  let nextPss = 0;
  const take = (forcePss: boolean) => {
    const started = performance.now();
    const withPss = forcePss || started >= nextPss;
    const now = measure(withPss);
    peak.rssMb = Math.max(peak.rssMb, now.rssMb);
    if (!withPss) return;
    peak.pssMb = Math.max(peak.pssMb, now.pssMb);
    const took = performance.now() - started;
    nextPss = started + Math.max(pssEveryMs, 10 * took);
  };
  take(true);
  const timer = setInterval(() => take(false), intervalMs);
  return {
    stop() {
      clearInterval(timer);
      take(true);
      return { ...peak };
    },
  };
}
