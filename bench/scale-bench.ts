/**
 * `npm run bench:scale` (issue "Fast at 10 million lines"): one screen asked of the engine three
 * ways, side by side in one run, on the bench dataset (1M docs over a day by default;
 * `BENCH_DOCS=10000000 BENCH_DAYS=7` for the scale set, built once and kept):
 *   - the app: rows ready (the rows part alone, what the browser paints first) and the whole
 *     screen as the browser asks for it (rows, count with bars, facets: three calls in parallel);
 *     also the whole screen in one POST /api/search (one `_msearch`);
 *   - the same work as one engine search (rows + histogram + facets in one body);
 *   - a Kibana-like set of three engine searches in parallel (rows with a hit count, histogram,
 *     facets).
 * For the last 7 days (when the set spans them) and the last 24 hours with no query, a KQL text
 * query and a namespace filter. Prints p50 / p95 per row. BENCH_RUNS (default 40), BENCH_PORT.
 */
import { Client, type estypes } from '@elastic/elasticsearch';
import { engineConnection } from '../lib/es/connection';
import type { SearchRequestInput, SearchResponse } from '../lib/schema/search';
import { BENCH_DATASET, machineLine, percentile, prepareBenchData, startBenchApp } from './bench-app';

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WARMUP = 5;
const PORT = Number(process.env.BENCH_PORT ?? 3207);
const INDEX = `${BENCH_DATASET.indexPrefix}*`;
const END = BENCH_DATASET.end.getTime();
const HOUR = 3_600_000;
const FACETS = ['namespace', 'pod', 'container', 'level'];
const FACET_FIELDS = ['kubernetes.namespace_name', 'kubernetes.pod_name', 'kubernetes.container_name', 'level'];

type Query = estypes.QueryDslQueryContainer;
interface Scenario {
  name: string;
  hours: number;
  kql: string;
  filters: SearchRequestInput['filters'];
  /** The same selection written by hand for the engine. */
  dsl: Query[];
}

const SCENARIOS: Scenario[] = [
  { name: 'no query', hours: 0, kql: '', filters: [], dsl: [] },
  {
    name: 'KQL "connection refused"',
    hours: 0,
    kql: '"connection refused"',
    filters: [],
    dsl: [{ multi_match: { query: 'connection refused', type: 'phrase', fields: ['log', 'message'] } }],
  },
  {
    name: 'namespace filter',
    hours: 0,
    kql: '',
    filters: [{ field: 'namespace', op: 'is', value: 'payments' }],
    dsl: [{ term: { 'kubernetes.namespace_name': 'payments' } }],
  },
];

async function timed(fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < RUNS + WARMUP; i++) {
    const t0 = performance.now();
    await fn();
    if (i >= WARMUP) out.push(performance.now() - t0);
  }
  return out;
}

async function post(url: string, body: SearchRequestInput): Promise<SearchResponse> {
  const res = await fetch(`${url}/api/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as SearchResponse;
}

function engineBodies(from: number, to: number, dsl: Query[]) {
  const query: Query = { bool: { filter: [{ range: { '@timestamp': { gte: from, lte: to, format: 'epoch_millis' } } }, ...dsl] } };
  const sort: estypes.SortCombinations[] = [{ '@timestamp': { order: 'desc' } }];
  const span = to - from;
  const histogram = { date_histogram: { field: '@timestamp', fixed_interval: span > 2 * 86_400_000 ? '3h' : '30m', min_doc_count: 0 } };
  const facets = Object.fromEntries(FACET_FIELDS.map((f, i) => [`f${i}`, { terms: { field: f, size: 50 } }]));
  return {
    combined: { index: INDEX, size: 100, sort, query, track_total_hits: false, aggs: { h: histogram, ...facets } },
    rows: { index: INDEX, size: 100, sort, query, track_total_hits: 10_000 },
    histogram: { index: INDEX, size: 0, query, track_total_hits: true, aggs: { h: histogram } },
    facets: { index: INDEX, size: 0, query, track_total_hits: false, aggs: facets },
  };
}

async function main(): Promise<void> {
  const version = await prepareBenchData();
  const app = await startBenchApp(PORT);
  const client = new Client(engineConnection().options);
  const rows: string[] = [];
  const add = (label: string, samples: number[]) =>
    rows.push(`| ${label} | ${percentile(samples, 50).toFixed(0)} | ${percentile(samples, 95).toFixed(0)} |`);
  try {
    const spans = BENCH_DATASET.days >= 7 ? [7 * 24, 24] : [24];
    for (const hours of spans) {
      for (const s of SCENARIOS) {
        const from = END - hours * HOUR;
        const time = { from: new Date(from).toISOString(), to: new Date(END).toISOString(), timeZone: 'UTC' };
        const screen = { time, query: { language: 'kql' as const, text: s.kql }, filters: s.filters };
        const label = `last ${hours === 24 ? '24 hours' : '7 days'}, ${s.name}`;
        const bodies = engineBodies(from, END, s.dsl);
        add(`${label}: app, rows ready`, await timed(() => post(app.url, { ...screen, size: 100, histogram: false, facets: [] })));
        add(
          `${label}: app, whole screen (3 parallel parts)`,
          await timed(() =>
            Promise.all([
              post(app.url, { ...screen, size: 100, histogram: false, facets: [] }),
              post(app.url, { ...screen, size: 0, histogram: true, facets: [] }),
              post(app.url, { ...screen, size: 0, histogram: false, facets: FACETS, facetSize: 50 }),
            ]),
          ),
        );
        add(
          `${label}: app, whole screen (one POST)`,
          await timed(() => post(app.url, { ...screen, size: 100, histogram: true, facets: FACETS, facetSize: 50 })),
        );
        add(`${label}: one engine request`, await timed(() => client.search(bodies.combined)));
        add(
          `${label}: Kibana-like, 3 engine requests in parallel`,
          await timed(() => Promise.all([client.search(bodies.rows), client.search(bodies.histogram), client.search(bodies.facets)])),
        );
      }
    }
    console.log(
      `\n${machineLine(version)}, over ${BENCH_DATASET.days} day(s); runs: ${RUNS} each after ${WARMUP} warm-up; load average ${(
        await import('node:os')
      )
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log('| screen: way | p50 ms | p95 ms |');
    console.log('| --- | ---: | ---: |');
    for (const r of rows) console.log(r);
  } finally {
    app.stop();
    await client.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
