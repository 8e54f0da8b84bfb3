/**
 * `npm run bench`: the search budget of issue 2, measured over HTTP against a production
 * build of the app (`next start`) on a fixed 1M-document dataset in the local engine.
 *   POST /api/search — 100 rows + histogram + 4 facets over 24 h, no query
 * Prints one table: operation, p50, p95, engine p50, server overhead p50.
 * Options (env): BENCH_DOCS (default 1,000,000), BENCH_RUNS (default 200), BENCH_PORT (3200).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { seedDataset } from '../lib/demo-cluster/load';
import { engineConnection } from '../lib/es/connection';
import type { SearchRequestInput, SearchResponse } from '../lib/schema/search';
import { ROOT, runStep, stepEnv } from '../scripts/run-steps';

const DOCS = Number(process.env.BENCH_DOCS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const DATASET = { seed: 424242, docs: DOCS, days: 1, end: new Date('2026-11-01T00:00:00.000Z'), indexPrefix: 'lxbench-logstash-' };
const SOURCES = JSON.stringify([{ id: 'logs', indexPattern: `${DATASET.indexPrefix}*`, timeField: '@timestamp' }]);

interface Sample { wall: number; engine: number; server: number }

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx] ?? NaN;
}

async function waitForApp(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the app did not answer at ${url}`);
}

async function measure(url: string, name: string, body: SearchRequestInput): Promise<{ name: string; samples: Sample[] }> {
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS + 10; i++) {
    const t0 = performance.now();
    const res = await fetch(`${url}/api/search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const json = (await res.json()) as SearchResponse;
    const wall = performance.now() - t0;
    if (!res.ok) throw new Error(`${name}: HTTP ${res.status} ${JSON.stringify(json)}`);
    if (i >= 10) samples.push({ wall, engine: json.tookMs.engine, server: json.tookMs.server });
  }
  return { name, samples };
}

async function main(): Promise<void> {
  if ((await runStep({ name: 'engine', command: 'tsx', args: ['scripts/engine.ts', 'start'] })) !== 0) process.exit(1);
  const client = new Client(engineConnection().options);
  const info = await client.nodes.info({ node_id: '_local', metric: ['jvm'] });
  const version = Object.values(info.nodes)[0]?.version ?? 'unknown';
  await seedDataset(client, DATASET);
  await client.close();

  if (!existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
    if ((await runStep({ name: 'build', command: 'next', args: ['build'] })) !== 0) process.exit(1);
  }
  const app = spawn('next', ['start', '-p', String(PORT)], { cwd: ROOT, env: stepEnv({ LOG_SOURCES: SOURCES }), stdio: 'ignore' });
  const url = `http://127.0.0.1:${PORT}`;
  try {
    await waitForApp(url);
    const time = { from: new Date(DATASET.end.getTime() - 24 * 3600_000).toISOString(), to: DATASET.end.toISOString() };
    const facets = ['namespace', 'pod', 'container', 'level'];
    const results = [
      await measure(url, 'search: 100 rows + histogram + 4 facets, 24 h', { time, size: 100, histogram: true, facets }),
      await measure(url, 'search: same, KQL level:error', { time, size: 100, histogram: true, facets, query: { language: 'kql', text: 'level:error' } }),
      await measure(url, 'search: 100 rows only, no aggregations', { time, size: 100, histogram: false, facets: [] }),
    ];
    const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
    console.log(`\nmachine: ${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; engine: Elasticsearch ${version} (local, 1 node); docs: ${DOCS.toLocaleString('en-US')}; runs: ${RUNS} each, sequential, after 10 warm-up`);
    console.log('| operation | p50 ms | p95 ms | engine p50 ms | server overhead p50 ms |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    for (const r of results) {
      const wall = r.samples.map((s) => s.wall);
      const overhead = r.samples.map((s) => s.server - s.engine);
      console.log(`| ${r.name} | ${percentile(wall, 50).toFixed(1)} | ${percentile(wall, 95).toFixed(1)} | ${percentile(r.samples.map((s) => s.engine), 50).toFixed(1)} | ${percentile(overhead, 50).toFixed(1)} |`);
    }
  } finally {
    app.kill('SIGTERM');
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
