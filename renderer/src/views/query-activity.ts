// How many view queries are running. While one is, the view is marked busy (aria-busy, and dimmed
// after a moment): views keep the previous filter's figures on screen until the new ones arrive, and
// nobody should read the old figures as the new.
import { useSyncExternalStore } from 'react';

let running = 0;
const listeners = new Set<() => void>();

function changed(by: number): void {
  running += by;
  for (const listener of listeners) listener();
}

/** Counts `query` as running until it settles; returns it unchanged. */
export function trackQuery<T>(query: Promise<T>): Promise<T> {
  changed(1);
  return query.finally(() => changed(-1));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useQueriesRunning(): boolean {
  return useSyncExternalStore(subscribe, () => running > 0);
}
