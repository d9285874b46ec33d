// The view queries in flight, and the ones that failed. While one runs, the view is marked busy
// (aria-busy, and dimmed after a moment): views keep the previous filter's figures on screen until
// the new ones arrive, and nobody should read the old figures as the new. A query that fails is
// named above the view, instead of its chart quietly showing "no data".
import { useSyncExternalStore } from 'react';

let running = 0;
let failures: ReadonlyMap<string, string> = new Map();
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

/** Counts `query` as running until it settles; returns it unchanged. */
export function trackQuery<T>(query: Promise<T>): Promise<T> {
  running++;
  changed();
  return query.finally(() => {
    running--;
    changed();
  });
}

/** Records that query `id` failed with `message`, or (null) that it has not failed, or is gone. */
export function setQueryFailure(id: string, message: string | null): void {
  if ((failures.get(id) ?? null) === message) return;
  const next = new Map(failures);
  if (message === null) next.delete(id);
  else next.set(id, message);
  failures = next;
  changed();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function queriesRunning(): boolean {
  return running > 0;
}

export function queryFailures(): ReadonlyMap<string, string> {
  return failures;
}

export function useQueriesRunning(): boolean {
  return useSyncExternalStore(subscribe, queriesRunning);
}

export function useQueryFailures(): ReadonlyMap<string, string> {
  return useSyncExternalStore(subscribe, queryFailures);
}
