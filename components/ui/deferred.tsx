'use client';
import { useEffect, useState, type ComponentType, type ReactNode } from 'react';

/**
 * Code the screen's first load does not carry: fetched when first needed, or when `preload()` is
 * called (idle time after the first rows, see preloadWhenIdle).
 */
export interface DeferredModule<M> {
  /** Fetches the code now (idempotent; a failed fetch is tried again next time). */
  preload: () => Promise<M>;
  /** The module once it is here; asks for it while `wanted`, and re-renders when it arrives. */
  useModule: (wanted: boolean) => M | null;
}

export function deferredModule<M>(load: () => Promise<M>): DeferredModule<M> {
  let loaded: M | null = null;
  let pending: Promise<M> | null = null;
  const preload = () =>
    (pending ??= load().then(
      (module) => (loaded = module),
      (err: unknown) => {
        // Offline for a moment, or a new deployment: tried again the next time it is wanted.
        pending = null;
        throw err;
      },
    ));
  function useModule(wanted: boolean): M | null {
    const [module, setModule] = useState<M | null>(() => loaded);
    useEffect(() => {
      if (module || !wanted) return;
      let live = true;
      preload().then(
        (m) => live && setModule(() => m),
        () => undefined,
      );
      return () => {
        live = false;
      };
    }, [module, wanted]);
    return module;
  }
  return { preload, useModule };
}

/**
 * A component whose code is fetched only when it is first shown (or preloaded): dialogs, popover
 * panels, the document flyout.
 *
 * Held in state rather than behind next/dynamic (React.lazy): a lazy component suspends when it
 * mounts, and React then holds later commits back for its fallback throttle — a search's rows
 * included (see components/histogram/histogram.tsx). Here the fallback renders until the code is
 * there, and nothing suspends.
 */
export interface Deferred<P> {
  (props: P): ReactNode;
  preload: () => Promise<unknown>;
}

export function deferred<P extends object>(load: () => Promise<ComponentType<P>>, fallback: ReactNode = null): Deferred<P> {
  const code = deferredModule(load);
  function DeferredComponent(props: P): ReactNode {
    const Component = code.useModule(true);
    return Component ? <Component {...props} /> : fallback;
  }
  return Object.assign(DeferredComponent, { preload: code.preload });
}

/** Fetches the given parts' code when the browser is next idle, after what the first paint needs. */
export function preloadWhenIdle(parts: readonly { preload: () => Promise<unknown> }[]): () => void {
  const run = () => {
    for (const part of parts) part.preload().catch(() => undefined);
  };
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(run, { timeout: 3000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(run, 200);
  return () => window.clearTimeout(id);
}
