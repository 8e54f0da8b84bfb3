/**
 * `npx tsx bench/k8s-bench.ts`: the Kubernetes views' budgets of issue 10 — pod view first page
 * p95 ≤ 150 ms and context p95 ≤ 100 ms with 1M documents, live tail p95 from indexing to
 * delivered ≤ 2 s at a 1 s refresh interval — through the route handlers in-process, against the
 * local engine on the shared 1M-document bench dataset (bench/bench-app.ts; loaded if missing).
 * Each request moves its range by a millisecond (or picks another anchor) so the engine's
 * request cache never answers. Context is timed twice in the same run: as it was (a point in
 * time opened, the anchor, both directions, the point in time closed: four round trips, rebuilt
 * here from the same builders) and as the route does it now (two round trips).
 * Options (env): BENCH_RUNS (default 100), BENCH_TAIL_SECONDS (default 30).
 */
import { Client, type estypes } from '@elastic/elasticsearch';
import { engineConnection } from '../lib/es/connection';
import { buildAnchorRequest, buildContextRequest, scopeTerms } from '../lib/k8s/context-query';
import { buildSort } from '../lib/search/build-request';
import { flattenSource } from '../lib/search/flatten';
import { BENCH_DATASET, BENCH_SOURCES, machineLine, percentile, prepareBenchData } from './bench-app';

// One request log line per call would bury the table.
process.env.LOG_LEVEL ??= 'warn';
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const TAIL_SECONDS = Number(process.env.BENCH_TAIL_SECONDS ?? 30);
const WARMUP = 5;
/** The tail bench writes to an index of its own, beside the dataset, with a 1 s refresh interval. */
const TAIL_INDEX = `lxbench-tail-${process.pid}`;
/** The bench dataset is in Fluentd's shape. */
const FLUENTD_MEANINGS = {
  namespace: 'kubernetes.namespace_name',
  pod: 'kubernetes.pod_name',
  pod_uid: 'kubernetes.pod_id',
  container: 'kubernetes.container_name',
  container_id: 'docker.container_id',
  node: 'kubernetes.host',
};
process.env.LOG_SOURCES = JSON.stringify([
  ...(JSON.parse(BENCH_SOURCES) as unknown[]),
  { id: 'benchtail', indexPattern: TAIL_INDEX, timeField: '@timestamp' },
]);

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
  return row(name, ms);
}

/** Context now, engine calls only: the route's own builders, two round trips (anchor, both directions). */
async function contextNow(client: Client, index: string, anchor: { index: string; id: string }): Promise<number> {
  const t0 = performance.now();
  const found = await client.search(buildAnchorRequest(index, '@timestamp', anchor.index, anchor.id));
  const hit = found.hits.hits[0];
  const terms = scopeTerms('instance', FLUENTD_MEANINGS, flattenSource(hit?._source));
  const side = (direction: 'before' | 'after') =>
    client.search(
      buildContextRequest({
        index,
        timeField: '@timestamp',
        terms,
        direction,
        searchAfter: hit?.sort ?? [],
        size: 51,
        sourceFields: ['@timestamp', 'log', 'kubernetes.*', 'docker.container_id', 'stream', 'level'],
        engineTimeout: '10s',
      }),
    );
  await Promise.all([side('before'), side('after')]);
  return performance.now() - t0;
}

/** Context as it was before: under a point in time, four round trips (open, anchor, both directions, close). */
async function contextWithPit(client: Client, index: string, anchor: { index: string; id: string }): Promise<number> {
  const sort = (order: 'asc' | 'desc') => [...buildSort('@timestamp', order), { _shard_doc: { order } }] as estypes.SortCombinations[];
  const t0 = performance.now();
  const pit = await client.openPointInTime({ index, keep_alive: '30s', ignore_unavailable: true });
  try {
    const found = await client.search({
      pit: { id: pit.id, keep_alive: '30s' },
      size: 1,
      sort: sort('asc'),
      query: { bool: { filter: [{ ids: { values: [anchor.id] } }, { term: { _index: anchor.index } }] } },
      track_total_hits: false,
    });
    const hit = found.hits.hits[0];
    const src = (hit?._source ?? {}) as { kubernetes?: Record<string, string>; docker?: { container_id?: string } };
    const filter = [
      { term: { 'kubernetes.namespace_name': src.kubernetes?.namespace_name ?? '' } },
      { term: { 'kubernetes.pod_name': src.kubernetes?.pod_name ?? '' } },
      { term: { 'kubernetes.pod_id': src.kubernetes?.pod_id ?? '' } },
      { term: { 'kubernetes.container_name': src.kubernetes?.container_name ?? '' } },
      { term: { 'docker.container_id': src.docker?.container_id ?? '' } },
    ];
    const side = (order: 'asc' | 'desc') =>
      client.search({
        pit: { id: pit.id, keep_alive: '30s' },
        size: 51,
        sort: sort(order),
        search_after: hit?.sort ?? [],
        query: { bool: { filter } },
        _source: { includes: ['@timestamp', 'log', 'kubernetes.*', 'docker.container_id', 'stream', 'level'] },
        track_total_hits: false,
      });
    await Promise.all([side('desc'), side('asc')]);
  } finally {
    await client.closePointInTime({ id: pit.id });
  }
  return performance.now() - t0;
}

function row(name: string, ms: number[]): string {
  return `| ${name} | ${percentile(ms, 50).toFixed(1)} | ${percentile(ms, 95).toFixed(1)} | ${Math.max(...ms).toFixed(1)} |`;
}

/**
 * Live tail: a writer indexes a few lines every 200 ms (no refresh asked: they become visible at
 * the index's 1 s refresh, as a shipper's would) while `GET /api/tail` follows the pod; each line's
 * latency is from just before its bulk request was sent to the moment its event was read.
 */
async function tailLatency(client: Client): Promise<number[]> {
  const pod = 'ticker-7d9c5b8f4d-x2x4k';
  await client.indices.delete({ index: TAIL_INDEX, ignore_unavailable: true });
  await client.indices.create({
    index: TAIL_INDEX,
    settings: { number_of_shards: 1, number_of_replicas: 0, refresh_interval: '1s' },
    mappings: {
      dynamic_templates: [{ s: { match_mapping_type: 'string', mapping: { type: 'keyword' } } }],
      properties: { '@timestamp': { type: 'date' }, log: { type: 'text' } },
    },
  });
  const doc = (id: string) => ({
    '@timestamp': new Date().toISOString(),
    log: `tick ${id}`,
    stream: 'stdout',
    kubernetes: { namespace_name: 'bench', pod_name: pod, pod_id: 'u1', container_name: 'ticker', host: 'n1' },
    docker: { container_id: 'c1' },
  });
  // The source's fields are read once, when the first tail opens: one line must be there before.
  await client.index({ index: TAIL_INDEX, id: 'seed', document: doc('seed'), refresh: 'wait_for' });
  const { GET } = await import('../app/api/tail/route');
  const stop = new AbortController();
  const res = await GET(new Request(`http://bench.local/api/tail?source=benchtail&namespace=bench&pod=${pod}`, { signal: stop.signal }));
  if (res.status !== 200 || !res.body) throw new Error(`tail: HTTP ${res.status}`);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const reading = (async () => {
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        if (!/^event: lines$/m.test(block)) continue;
        const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? '{}') as { lines: { id: string }[] };
        const now = performance.now();
        for (const line of data.lines) {
          const at = sentAt.get(line.id);
          if (at !== undefined) latencies.push(now - at);
        }
      }
    }
  })();
  await new Promise((r) => setTimeout(r, 1_500)); // the tail's first polls
  const end = performance.now() + TAIL_SECONDS * 1000;
  for (let n = 0; performance.now() < end; n++) {
    const ids = Array.from({ length: 5 }, (_, i) => `t${n}-${i}`);
    const at = performance.now();
    for (const id of ids) sentAt.set(id, at);
    await client.bulk({ operations: ids.flatMap((id) => [{ index: { _index: TAIL_INDEX, _id: id } }, doc(id)]) });
    await new Promise((r) => setTimeout(r, 200));
  }
  await new Promise((r) => setTimeout(r, 3_000)); // the last lines' refresh and poll
  stop.abort();
  await reader.cancel().catch(() => undefined);
  await reading;
  await client.indices.delete({ index: TAIL_INDEX, ignore_unavailable: true });
  if (latencies.length < sentAt.size) throw new Error(`tail: ${sentAt.size - latencies.length} of ${sentAt.size} lines never arrived`);
  return latencies;
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
  // Before and after in the same run, interleaved (same anchors, same moment of a noisy machine):
  // the engine calls the route made until now, under a point in time, and the ones it makes now.
  const pitMs: number[] = [];
  const nowMs: number[] = [];
  for (let i = 0; i < RUNS + WARMUP; i++) {
    const hit = anchors.hits.hits[(i + 3) % anchors.hits.hits.length];
    const anchor = { index: hit?._index ?? '', id: hit?._id ?? '' };
    // Alternate which goes first, so neither always finds the engine's caches warmed by the other.
    let pit: number;
    let now: number;
    if (i % 2 === 0) {
      pit = await contextWithPit(client, index, anchor);
      now = await contextNow(client, index, anchor);
    } else {
      now = await contextNow(client, index, anchor);
      pit = await contextWithPit(client, index, anchor);
    }
    if (i >= WARMUP) {
      pitMs.push(pit);
      nowMs.push(now);
    }
  }
  rows.push(row('context, same instance, engine calls only — before: point in time, 4 round trips', pitMs));
  rows.push(row('context, same instance, engine calls only — now: no point in time, 2 round trips', nowMs));
  rows.push(row(`live tail, indexing → event delivered (1 s refresh, 25 lines/s for ${TAIL_SECONDS} s)`, await tailLatency(client)));
  await client.close();

  console.log(`\n${machineLine(version)}; runs: ${RUNS} each after ${WARMUP} warm-up, sequential, in-process handlers`);
  console.log('\n| operation | p50 ms | p95 ms | max ms |\n| --- | ---: | ---: | ---: |');
  for (const row of rows) console.log(row);
  console.log('\nBudgets: pod view first page p95 ≤ 150 ms, context p95 ≤ 100 ms, live tail p95 ≤ 2,000 ms.');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
