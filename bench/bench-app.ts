/**
 * What the benchmarks share: the fixed 1M-document dataset in the local engine (its own
 * indices, loaded once and reused) and a production build of the app pointed at it.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from '@elastic/elasticsearch';
import { seedDataset } from '../lib/demo-cluster/load';
import { engineConnection } from '../lib/es/connection';
import { ROOT, runStep, stepEnv } from '../scripts/run-steps';

const BENCH_DOCS = Number(process.env.BENCH_DOCS ?? 1_000_000);
const BENCH_DAYS = Number(process.env.BENCH_DAYS ?? 1);
/**
 * The default 1M-doc day keeps its indices; other sizes (`BENCH_DOCS=10000000 BENCH_DAYS=7`, the
 * scale set) get their own prefix, so each set is built once and both are kept.
 */
export const BENCH_DATASET = {
  seed: 424242,
  docs: BENCH_DOCS,
  days: BENCH_DAYS,
  end: new Date('2026-11-01T00:00:00.000Z'),
  indexPrefix: BENCH_DOCS === 1_000_000 && BENCH_DAYS === 1 ? 'lxbench-logstash-' : `lxbench-${BENCH_DOCS}-${BENCH_DAYS}d-logstash-`,
};

/** The dataset's whole day, as absolute times: "the last 24 hours" of the data. */
export const BENCH_RANGE = {
  from: new Date(BENCH_DATASET.end.getTime() - 24 * 3600_000).toISOString(),
  to: BENCH_DATASET.end.toISOString(),
};

export const BENCH_SOURCES = JSON.stringify([{ id: 'logs', indexPattern: `${BENCH_DATASET.indexPrefix}*`, timeField: '@timestamp' }]);

/** Starts the engine, loads the dataset if it is not there yet; returns the engine's version. */
export async function prepareBenchData(): Promise<string> {
  const client = new Client(engineConnection().options);
  // An engine that already answers is used as it is: on a loaded machine its health check can
  // take longer than the start script waits, which would then try to start a second engine.
  const answers = await client.cluster.health({}, { requestTimeout: 30_000, maxRetries: 1 }).then(
    () => true,
    () => false,
  );
  if (!answers && (await runStep({ name: 'engine', command: 'tsx', args: ['scripts/engine.ts', 'start'] })) !== 0) {
    await client.close();
    throw new Error('the engine did not start');
  }
  try {
    const info = await client.nodes.info({ node_id: '_local', metric: ['jvm'] });
    await seedDataset(client, BENCH_DATASET);
    return Object.values(info.nodes)[0]?.version ?? 'unknown';
  } finally {
    await client.close();
  }
}

/**
 * True when `.next` holds a build made after the checkout's last commit. A build left from an
 * earlier commit would be measured as "this build" (it happened: a quiet bench:ui run of a
 * 3-hour-old build), so an older one is rebuilt. Uncommitted changes are not detected.
 */
function currentBuild(): boolean {
  const buildId = path.join(ROOT, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return false;
  const committedAt = Number(execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: ROOT, encoding: 'utf8' }).trim()) * 1000;
  return !(statSync(buildId).mtimeMs < committedAt);
}

/** `next start` of the current build (built first if there is none or it is older than the last commit) on `port`, over the bench dataset; `env` on top (undefined unsets). */
export async function startBenchApp(
  port: number,
  env: Record<string, string | undefined> = {},
  opts: { onLogLine?: (line: string) => void } = {},
): Promise<{ url: string; stop: () => void }> {
  if (!currentBuild()) {
    if ((await runStep({ name: 'build', command: 'next', args: ['build'] })) !== 0) throw new Error('next build failed');
  }
  // An app left running on the port (another bench, an older build) would answer the health check
  // below and be measured in this build's place.
  const stale = await fetch(`http://127.0.0.1:${port}/api/health`).then(
    () => true,
    () => false,
  );
  if (stale) throw new Error(`port ${port} is already in use: stop what runs there (fuser -k ${port}/tcp) or set BENCH_PORT`);
  return launchApp(ROOT, stepEnv({ LOG_SOURCES: BENCH_SOURCES, ...env }), port, opts.onLogLine);
}

/**
 * `next start` in `cwd` on `port`, resolved once its health check answers. `onLogLine` gets each
 * line the app writes on stdout (its JSON request log), else the output is dropped.
 */
export async function launchApp(
  cwd: string,
  env: NodeJS.ProcessEnv,
  port: number,
  onLogLine?: (line: string) => void,
): Promise<{ url: string; stop: () => void }> {
  const app = spawn('next', ['start', '-p', String(port)], { cwd, env, stdio: ['ignore', onLogLine ? 'pipe' : 'ignore', 'pipe'] });
  if (onLogLine && app.stdout) createInterface({ input: app.stdout }).on('line', onLogLine);
  // The app's last words, printed should it end while measured (else a bench only sees ECONNREFUSED).
  const lastErr: string[] = [];
  if (app.stderr) createInterface({ input: app.stderr }).on('line', (line) => lastErr.push(line) > 20 && lastErr.shift());
  let stopping = false;
  app.on('exit', (code, signal) => {
    if (!stopping) console.error(`the app on port ${port} (${cwd}) ended: ${signal ?? `exit ${code}`}\n${lastErr.join('\n')}`);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) {
        return {
          url,
          stop: () => {
            stopping = true;
            app.kill('SIGTERM');
          },
        };
      }
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  app.kill('SIGTERM');
  throw new Error(`the app in ${cwd} did not answer at ${url}`);
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx] ?? NaN;
}

export function machineLine(engineVersion: string): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
  return `machine: ${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; engine: Elasticsearch ${engineVersion} (local, 1 node); docs: ${BENCH_DATASET.docs.toLocaleString('en-US')}`;
}
