'use client';
/**
 * Reading preferences of this browser (localStorage), not part of the screen's URL state — a
 * shared link shows the same rows, each reader reads them their way: whether long log lines wrap
 * in the table, and whether multi-line events (stack traces) are grouped into one row.
 */
import { useCallback, useSyncExternalStore } from 'react';

export const WRAP_STORAGE_KEY = 'log-explorer:wrap-lines';
export const GROUPING_STORAGE_KEY = 'log-explorer:group-multiline';
const listeners = new Set<() => void>();

/** The stored flag, or `fallback` when none is stored, there is no storage or it refuses. */
export function readFlag(storage: Pick<Storage, 'getItem'> | undefined, key: string, fallback: boolean): boolean {
  try {
    const value = storage?.getItem(key);
    return value === '1' ? true : value === '0' ? false : fallback;
  } catch {
    // Storage can be switched off or full; the default then holds.
    return fallback;
  }
}

export function readWrapPreference(storage: Pick<Storage, 'getItem'> | undefined): boolean {
  return readFlag(storage, WRAP_STORAGE_KEY, false);
}

function subscribe(notify: () => void): () => void {
  listeners.add(notify);
  // Another tab changing a preference changes it here too.
  const onStorage = (e: StorageEvent) => {
    if (e.key === WRAP_STORAGE_KEY || e.key === GROUPING_STORAGE_KEY) notify();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(notify);
    window.removeEventListener('storage', onStorage);
  };
}

function useStoredFlag(key: string, fallback: boolean): [boolean, (on: boolean) => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => readFlag(window.localStorage, key, fallback),
    () => fallback,
  );
  const set = useCallback(
    (next: boolean) => {
      try {
        window.localStorage.setItem(key, next ? '1' : '0');
      } catch {
        // Storage switched off: the preference cannot be kept, and the table stays as it is.
      }
      for (const notify of listeners) notify();
    },
    [key],
  );
  return [value, set];
}

export function useWrapPreference(): [boolean, (wrap: boolean) => void] {
  return useStoredFlag(WRAP_STORAGE_KEY, false);
}

/** Multi-line events are grouped unless this browser switched it off. */
export function useGroupingPreference(): [boolean, (group: boolean) => void] {
  return useStoredFlag(GROUPING_STORAGE_KEY, true);
}
