/**
 * Progress of long loads (download, then parse in the worker), by query key. Progress is not server
 * state, so it stays out of the query cache; components read it through `useLoadProgress`.
 */
import { useSyncExternalStore } from 'react';

const progress = new Map<string, number>();
const listeners = new Set<() => void>();

function keyOf(queryKey: readonly unknown[]): string {
  return JSON.stringify(queryKey);
}

export function reportProgress(queryKey: readonly unknown[], fraction: number | undefined): void {
  const key = keyOf(queryKey);
  if (fraction === undefined) progress.delete(key);
  else progress.set(key, fraction);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** 0..1 while a load of `queryKey` reports progress, undefined otherwise. */
export function useLoadProgress(queryKey: readonly unknown[]): number | undefined {
  const key = keyOf(queryKey);
  return useSyncExternalStore(subscribe, () => progress.get(key));
}
