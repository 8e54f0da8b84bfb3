/**
 * `tsx bench/views-bench.ts`: the saved-view budget of issue 5 (list / open / save p95 ≤ 50 ms),
 * measured through the route handlers in-process against the local engine, in an index of its
 * own (`lxbench-app-views`) holding BENCH_VIEWS views (default 200).
 * Options (env): BENCH_RUNS (default 200), BENCH_VIEWS.
 */
import os from 'node:os';
import type { SavedView } from '../lib/schema/views';
import { runStep } from '../scripts/run-steps';

process.env.APP_INDEX_PREFIX = 'lxbench-app-';
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const VIEWS = Number(process.env.BENCH_VIEWS ?? 200);
const WARMUP = 10;
const BUDGET_P95_MS = 50;

const state = {
  schemaVersion: 1,
  query: { language: 'kql', text: 'kubernetes.namespace_name:payments and level:error' },
  filters: [{ field: 'pod', op: 'is', value: 'api-7d9c-x2x1' }],
  time: { from: 'now-24h', to: 'now' },
  columns: ['namespace', 'pod', 'container', 'level', 'message'],
  sort: 'desc',
};

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

function request(method: string, url: string, body?: unknown): Request {
  return new Request(`http://localhost${url}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function measure(name: string, run: (i: number) => Promise<Response>, expected: number): Promise<{ name: string; ms: number[] }> {
  const ms: number[] = [];
  for (let i = 0; i < RUNS + WARMUP; i++) {
    const t0 = performance.now();
    const res = await run(i);
    await res.arrayBuffer();
    const took = performance.now() - t0;
    if (res.status !== expected) throw new Error(`${name}: HTTP ${res.status}`);
    if (i >= WARMUP) ms.push(took);
  }
  return { name, ms };
}

async function main(): Promise<void> {
  if ((await runStep({ name: 'engine', command: 'tsx', args: ['scripts/engine.ts', 'start'] })) !== 0) process.exit(1);
  const { getEngineClient, closeEngineClient } = await import('../lib/es/client');
  await getEngineClient().indices.delete({ index: 'lxbench-app-views', ignore_unavailable: true });
  const list = await import('../app/api/views/route');
  const item = await import('../app/api/views/[id]/route');
  const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

  let target: SavedView | undefined;
  for (let i = 0; i < VIEWS; i++) {
    const res = await list.POST(request('POST', '/api/views', { name: `View ${i} ${i % 3 === 0 ? 'payments' : 'checkout'}`, state }));
    target = (await res.json()) as SavedView;
  }
  if (!target) throw new Error('no view created');
  const id = target.id;
  let version = target.version;

  const results = [
    await measure('list: first 50, newest first', () => list.GET(request('GET', '/api/views?limit=50')), 200),
    await measure('list: search "paym" (contains, any case)', () => list.GET(request('GET', '/api/views?q=paym&limit=50')), 200),
    await measure('open: GET /api/views/{id}', () => item.GET(request('GET', `/api/views/${id}`), ctx(id)), 200),
    await measure(
      'save: PUT with version (refresh on write)',
      async (i) => {
        const res = await item.PUT(request('PUT', `/api/views/${id}`, { version, name: `Renamed ${i}` }), ctx(id));
        if (res.status === 200) version = ((await res.clone().json()) as SavedView).version;
        return res;
      },
      200,
    ),
    await measure('save new: POST /api/views', (i) => list.POST(request('POST', '/api/views', { name: `New ${i}`, state })), 201),
  ];
  await closeEngineClient();

  const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
  console.log(
    `\nmachine: ${os.cpus().length} cores (${cpu}); engine: local, 1 node; ${VIEWS} views stored; runs: ${RUNS} each, sequential, in-process handlers, after ${WARMUP} warm-up`,
  );
  console.log('| operation | p50 ms | p95 ms | max ms | budget p95 |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  let ok = true;
  for (const r of results) {
    const p95 = percentile(r.ms, 95);
    ok &&= p95 <= BUDGET_P95_MS;
    console.log(
      `| ${r.name} | ${percentile(r.ms, 50).toFixed(1)} | ${p95.toFixed(1)} | ${Math.max(...r.ms).toFixed(1)} | ${p95 <= BUDGET_P95_MS ? 'ok' : 'OVER'} ≤ ${BUDGET_P95_MS} |`,
    );
  }
  process.exitCode = ok ? 0 : 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
