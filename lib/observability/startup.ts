/**
 * What the server does once at start, before it answers anything (called from
 * instrumentation.ts): refuse an old Node or a broken configuration with one line per problem
 * and exit code 78 (EX_CONFIG), then install graceful shutdown.
 */
import { configProblems, formatProblems, nodeVersionProblem, opsSettings } from '@/lib/config/env';
import { installGracefulShutdown } from '@/lib/observability/lifecycle';
import { getLogger } from '@/lib/observability/logger';

export const EXIT_CONFIG = 78;

export function startServerRuntime(): void {
  const nodeProblem = nodeVersionProblem();
  const problems = nodeProblem ? [nodeProblem] : configProblems();
  if (problems.length > 0) {
    // Plain text on stderr, not JSON: this is read by a person looking at a crash loop.
    process.stderr.write(`${formatProblems(problems)}\n`);
    process.exit(EXIT_CONFIG);
  }
  const settings = opsSettings();
  installGracefulShutdown(settings.shutdownTimeoutMs);
  getLogger().info(
    { node: process.versions.node, metrics: settings.metricsEnabled ? (settings.metricsToken ? 'token' : 'open') : 'off' },
    'configuration checked; serving',
  );
}
