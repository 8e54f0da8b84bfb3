/**
 * Runs once when the server starts (next start, the standalone image), before any request:
 * refuse a broken configuration (lib/observability/startup.ts: one line per bad variable, exit
 * 78), install graceful shutdown and the front door (load shedding). Nothing here waits for the engine: Next.js holds every
 * request until this returns, so an engine probe awaited here (up to its time-out when the engine
 * is unreachable) would delay the liveness answer and the start. The engine is probed in the
 * background instead — the log then says which engine the app talks to, or why it cannot
 * (lib/es/engine.ts) — and the app's own indices are made ready, so the first readiness probe
 * finds them (bench/start-bench.ts measures this). /api/health keeps reporting an engine problem
 * until it is fixed.
 */
export async function register(): Promise<void> {
  // Not during `next build` (it loads this file too) and not in the edge runtime.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startServerRuntime } = await import('@/lib/observability/startup');
  startServerRuntime();
  // Load shedding before Next.js handles a request (lib/api/front-door.ts). Installed here, inside
  // the server process before its first request, so `next start` and the standalone server.js
  // both get it without a custom server.
  const { installFrontDoor } = await import('@/lib/api/front-door');
  installFrontDoor();
  void warmUp();
}

async function warmUp(): Promise<void> {
  const { getEngineClient } = await import('@/lib/es/client');
  const { describeEngine, engineInfo, EngineConfigError } = await import('@/lib/es/engine');
  try {
    console.log(`[engine] ${describeEngine(await engineInfo(getEngineClient()))}`);
  } catch (err) {
    if (err instanceof EngineConfigError) console.error(`[engine] configuration problem: ${err.message}`);
    else console.warn('[engine] not reachable yet; requests will retry it (see /api/health)');
    return;
  }
  try {
    const [{ getViewStore }, { getLinkStore }] = await Promise.all([import('@/lib/views/handlers'), import('@/lib/links/handlers')]);
    await Promise.all([getViewStore().ensureIndex(), getLinkStore().ensureIndex()]);
  } catch {
    // The readiness probe reports it (and tries again); a background start must never crash the process.
  }
}
