/**
 * At server start: say which engine the app talks to, or why it cannot (lib/es/engine.ts). The
 * app starts either way; /api/health keeps reporting the same message until it is fixed.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getEngineClient } = await import('@/lib/es/client');
  const { describeEngine, engineInfo, EngineConfigError } = await import('@/lib/es/engine');
  try {
    console.log(`[engine] ${describeEngine(await engineInfo(getEngineClient()))}`);
  } catch (err) {
    if (err instanceof EngineConfigError) console.error(`[engine] configuration problem: ${err.message}`);
    else console.warn('[engine] not reachable yet; requests will retry it (see /api/health)');
  }
}
