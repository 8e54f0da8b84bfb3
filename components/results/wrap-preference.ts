'use client';
/**
 * Whether long log lines wrap in the table: a preference of this browser (localStorage), not part
 * of the screen's URL state — a shared link shows the same rows, each reader reads them their way.
 */
import { useCallback, useSyncExternalStore } from 'react';

export const WRAP_STORAGE_KEY = 'log-explorer:wrap-lines';
const listeners = new Set<() => void>();

export function readWrapPreference(storage: Pick<Storage, 'getItem'> | undefined): boolean {
  try {
    return storage?.getItem(WRAP_STORAGE_KEY) === '1';
  } catch {
    // Storage can be switched off or full; the table then simply does not wrap.
    return false;
  }
}

function subscribe(notify: () => void): () => void {
  listeners.add(notify);
  // Another tab changing the preference changes it here too.
  const onStorage = (e: StorageEvent) => {
    if (e.key === WRAP_STORAGE_KEY) notify();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(notify);
    window.removeEventListener('storage', onStorage);
  };
}

export function useWrapPreference(): [boolean, (wrap: boolean) => void] {
  const wrap = useSyncExternalStore(
    subscribe,
    () => readWrapPreference(window.localStorage),
    () => false,
  );
  const setWrap = useCallback((next: boolean) => {
    try {
      window.localStorage.setItem(WRAP_STORAGE_KEY, next ? '1' : '0');
    } catch {
      // Storage switched off: the preference cannot be kept, and the table stays as it is.
    }
    for (const notify of listeners) notify();
  }, []);
  return [wrap, setWrap];
}
