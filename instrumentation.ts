/**
 * Runs once when the server starts (next start, the standalone image), before any request:
 * refuse a broken configuration (lib/observability/startup.ts: one line per bad variable, exit
 * 78), install graceful shutdown, then say which engine the app talks to, or why it cannot
 * (lib/es/engine.ts). Past the configuration check the app starts either way; /api/health keeps
 * reporting the engine's problem until it is fixed.
 */
export async function register(): Promise<void> {
  // Not during `next build` (it loads this file too) and not in the edge runtime.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startServerRuntime } = await import('@/lib/observability/startup');
  startServerRuntime();
  const { getEngineClient } = await import('@/lib/es/client');
  const { describeEngine, engineInfo, EngineConfigError } = await import('@/lib/es/engine');
  try {
    console.log(`[engine] ${describeEngine(await engineInfo(getEngineClient()))}`);
  } catch (err) {
    if (err instanceof EngineConfigError) console.error(`[engine] configuration problem: ${err.message}`);
    else console.warn('[engine] not reachable yet; requests will retry it (see /api/health)');
  }
}
