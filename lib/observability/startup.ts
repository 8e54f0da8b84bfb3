/**
 * What the server does once at start, before it answers anything (called from
 * instrumentation.ts): refuse an old Node or a broken configuration with one line per problem
 * and exit code 78 (EX_CONFIG), then install graceful shutdown.
 */
import { format } from 'node:util';
import { configProblems, formatProblems, nodeVersionProblem, opsSettings } from '@/lib/config/env';
import { installGracefulShutdown } from '@/lib/observability/lifecycle';
import { getLogger } from '@/lib/observability/logger';

export const EXIT_CONFIG = 78;

/**
 * The server's own `console` lines (the engine client's warnings, a handler's unexpected error,
 * Next.js after start) become JSON log lines too, so a log pipeline parses every line it gets.
 */
function routeConsoleToLogger(): void {
  const logger = getLogger();
  /* eslint-disable no-console -- replacing console is the point here */
  console.log = (...args: unknown[]) => logger.info(format(...args));
  console.info = console.log;
  console.warn = (...args: unknown[]) => logger.warn(format(...args));
  console.error = (...args: unknown[]) => logger.error(format(...args));
  /* eslint-enable no-console */
}

export function startServerRuntime(): void {
  const nodeProblem = nodeVersionProblem();
  const problems = nodeProblem ? [nodeProblem] : configProblems();
  if (problems.length > 0) {
    // Plain text on stderr, not JSON: this is read by a person looking at a crash loop.
    process.stderr.write(`${formatProblems(problems)}\n`);
    process.exit(EXIT_CONFIG);
  }
  const settings = opsSettings();
  routeConsoleToLogger();
  installGracefulShutdown(settings.shutdownTimeoutMs);
  getLogger().info(
    { node: process.versions.node, metrics: settings.metricsEnabled ? (settings.metricsToken ? 'token' : 'open') : 'off' },
    'configuration checked; serving',
  );
}
