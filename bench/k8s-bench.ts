/**
 * `npx tsx bench/k8s-bench.ts`: the Kubernetes views' budgets of issue 10 — pod view first page
 * p95 ≤ 150 ms and context p95 ≤ 100 ms with 1M documents — through the route handlers
 * in-process, against the local engine on the shared 1M-document bench dataset
 * (bench/bench-app.ts; loaded if missing). Each request moves its range by a millisecond (or
 * picks another anchor) so the engine's request cache never answers.
 * Options (env): BENCH_RUNS (default 100).
 */
import { Client } from '@elastic/elasticsearch';
import { engineConnection } from '../lib/es/connection';
import { BENCH_DATASET, BENCH_SOURCES, machineLine, percentile, prepareBenchData } from './bench-app';

const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const WARMUP = 5;
process.env.LOG_SOURCES = BENCH_SOURCES;

const post = (body: unknown) =>
  new Request('http://bench.local/api', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

async function time(name: string, call: (i: number) => Promise<Response>): Promise<string> {
  const ms: number[] = [];
  for (let i = 0; i < RUNS + WARMUP; i++) {
    const t0 = performance.now();
    const res = await call(i);
    const body = await res.json();
    const took = performance.now() - t0;
    if (res.status !== 200) throw new Error(`${name}: HTTP ${res.status} ${JSON.stringify(body)}`);
    if (i >= WARMUP) ms.push(took);
  }
  return `| ${name} | ${percentile(ms, 50).toFixed(1)} | ${percentile(ms, 95).toFixed(1)} | ${Math.max(...ms).toFixed(1)} |`;
}

async function main(): Promise<void> {
  const version = await prepareBenchData();
  const client = new Client(engineConnection().options);
  const index = `${BENCH_DATASET.indexPrefix}*`;
  const top = await client.search({
    index,
    size: 0,
    aggs: {
      pods: { terms: { field: 'kubernetes.pod_name', size: 3 }, aggs: { ns: { terms: { field: 'kubernetes.namespace_name', size: 1 } } } },
    },
  });
  const pods = (top.aggregations?.pods as { buckets: { key: string; doc_count: number; ns: { buckets: { key: string }[] } }[] }).buckets;
  const busiest = pods[0];
  if (!busiest) throw new Error('no pods in the bench dataset');
  const namespace = busiest.ns.buckets[0]?.key ?? '';
  const anchors = await client.search({
    index,
    size: RUNS + WARMUP,
    query: {
      function_score: {
        query: { exists: { field: 'kubernetes.pod_name' } },
        functions: [{ random_score: { seed: Date.now(), field: '_seq_no' } }],
      },
    },
    _source: false,
  });
  await client.close();

  const { POST: podLogs } = await import('../app/api/pod-logs/route');
  const { POST: context } = await import('../app/api/context/route');
  const end = BENCH_DATASET.end.getTime() - (Date.now() % 600_000);
  const rows = [
    await time(`pod view, busiest pod (${busiest.doc_count.toLocaleString('en-US')} lines/day), 24 h, last 1,000 lines`, (i) =>
      podLogs(
        post({ namespace, pod: busiest.key, since: new Date(end - 86_400_000 + i).toISOString(), until: new Date(end + i).toISOString() }),
      ),
    ),
    await time('pod view, same pod, last 1 h, last 1,000 lines', (i) =>
      podLogs(
        post({ namespace, pod: busiest.key, since: new Date(end - 3_600_000 + i).toISOString(), until: new Date(end + i).toISOString() }),
      ),
    ),
    await time('context, 50 + 50 lines of the same container instance, random anchors', (i) => {
      const hit = anchors.hits.hits[i % anchors.hits.hits.length];
      return context(post({ anchor: { index: hit?._index, id: hit?._id } }));
    }),
    await time('context, whole node, random anchors', (i) => {
      const hit = anchors.hits.hits[(i + 7) % anchors.hits.hits.length];
      return context(post({ anchor: { index: hit?._index, id: hit?._id }, scope: 'node' }));
    }),
  ];
  console.log(`\n${machineLine(version)}; runs: ${RUNS} each after ${WARMUP} warm-up, sequential, in-process handlers`);
  console.log('\n| operation | p50 ms | p95 ms | max ms |\n| --- | ---: | ---: | ---: |');
  for (const row of rows) console.log(row);
  console.log('\nBudgets: pod view first page p95 ≤ 150 ms, context p95 ≤ 100 ms.');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
