/**
 * `npm run bench:scale` (issue "Fast at 10 million lines"): one screen asked of the engine three
 * ways, side by side in one run, on the bench dataset (1M docs over a day by default;
 * `BENCH_DOCS=10000000 BENCH_DAYS=7` for the scale set, built once and kept):
 *   - the app: rows ready (the rows part alone, what the browser paints first) and the whole
 *     screen as the browser asks for it (rows, count with bars, facets: three calls in parallel);
 *     also the whole screen in one POST /api/search (one `_msearch`);
 *   - the same work as one engine search (rows + histogram + facets in one body);
 *   - a Kibana-like set of three searches in parallel (rows with a hit count, histogram, facets),
 *     straight to the engine and through one pass-through server hop (Kibana's own server).
 * Every way highlights what was typed in its rows, and each run's range ends a second before the
 * last one's (a moving "now"), so the shard request cache helps every way alike.
 * For the last 7 days (when the set spans them) and the last 24 hours with no query, a KQL text
 * query and a namespace filter. Prints p50 / p95 per row. BENCH_RUNS (default 40), BENCH_PORT.
 *
 * The planner's evidence (lib/search/screen-plan.ts): the same screen as one combined engine
 * search and as the app's `_msearch` of three parts, both with the shard request cache off
 * (`request_cache: false`), as a new query is answered.
 * Then the budgets, each with the figures it compares.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, type estypes } from '@elastic/elasticsearch';
import { engineConnection } from '../lib/es/connection';
import { compileQuery } from '../lib/query';
import type { SearchRequestInput, SearchResponse } from '../lib/schema/search';
import { chooseScreenPlan, type ScreenPlanKind } from '../lib/search/screen-plan';
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
    name: 'KQL error',
    hours: 0,
    kql: 'error',
    filters: [],
    dsl: [{ multi_match: { query: 'error', fields: ['log', 'message'] } }],
  },
  {
    name: 'namespace filter',
    hours: 0,
    kql: '',
    filters: [{ field: 'namespace', op: 'is', value: 'payments' }],
    dsl: [{ term: { 'kubernetes.namespace_name': 'payments' } }],
  },
];

/** Runs `fn(i)` WARMUP + RUNS times in a row; the milliseconds of the last RUNS. */
async function timed(fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < RUNS + WARMUP; i++) {
    const t0 = performance.now();
    await fn(i);
    if (i >= WARMUP) out.push(performance.now() - t0);
  }
  return out;
}

/** The plan the app's planner makes for a scenario's whole screen (the facets alone give it a choice). */
function appPlan(s: Scenario): ScreenPlanKind {
  const query = compileQuery({ language: 'kql', text: s.kql }, { largeTextFields: ['log', 'message'] });
  return chooseScreenPlan({
    query,
    size: 100,
    after: null,
    histogram: null,
    facets: [{ name: 'pod', field: 'kubernetes.pod_name' }],
  });
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

/** An `_msearch` header that keeps the shard request cache out of the measurement. */
const NO_CACHE = { request_cache: false };

function engineBodies(from: number, to: number, dsl: Query[], typed: Query | null = null) {
  const query: Query = { bool: { filter: [{ range: { '@timestamp': { gte: from, lte: to, format: 'epoch_millis' } } }, ...dsl] } };
  // Kibana's Discover highlights what was typed in the rows it shows, as the app does.
  const highlight: estypes.SearchHighlight | undefined = typed
    ? { number_of_fragments: 0, highlight_query: typed, fields: { log: {}, message: {} } }
    : undefined;
  const sort: estypes.SortCombinations[] = [{ '@timestamp': { order: 'desc' } }];
  const span = to - from;
  // Bars stacked by level, as the app draws them (Kibana Discover's "Break down by" level): the
  // sub-aggregation costs the date histogram its filter-by-filter fast path (15 → 75 ms on 24 h of
  // the 10M set, cache missed), so leaving it out would compare unlike work.
  const histogram = {
    date_histogram: { field: '@timestamp', fixed_interval: span > 2 * 86_400_000 ? '3h' : '30m', min_doc_count: 0 },
    aggs: { l: { terms: { field: 'level', size: 10 } } },
  };
  const facets = Object.fromEntries(FACET_FIELDS.map((f, i) => [`f${i}`, { terms: { field: f, size: 50 } }]));
  return {
    combined: { index: INDEX, size: 100, sort, query, highlight, track_total_hits: false, aggs: { h: histogram, ...facets } },
    rows: { index: INDEX, size: 100, sort, query, highlight, track_total_hits: 10_000 },
    histogram: { index: INDEX, size: 0, query, track_total_hits: true, aggs: { h: histogram } },
    facets: { index: INDEX, size: 0, query, track_total_hits: false, aggs: facets },
    /** The app's split plan: rows with no count, bars, facets, in one `_msearch`. */
    msearch: [
      NO_CACHE,
      { size: 100, sort, query, highlight, track_total_hits: false },
      NO_CACHE,
      { size: 0, query, track_total_hits: false, aggs: { h: histogram } },
      NO_CACHE,
      { size: 0, query, track_total_hits: false, aggs: facets },
    ] as estypes.MsearchRequestItem[],
  };
}

/**
 * Kibana's browser does not reach the engine: it asks Kibana's server, which asks the engine with
 * its client. This stand-in is that hop and nothing else — a Node HTTP server that passes a search
 * body to the engine client and the answer back — so the Kibana-like way pays the same kind of
 * server hop the app's browser calls do.
 */
async function startSearchHop(): Promise<{ search: (body: estypes.SearchRequest) => Promise<unknown>; close: () => Promise<void> }> {
  const engine = new Client(engineConnection().options);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      engine
        .search(JSON.parse(Buffer.concat(chunks).toString('utf8')) as estypes.SearchRequest)
        .then((answer) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(answer));
        })
        .catch((err: unknown) => {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(String(err));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    search: async (body) => {
      const res = await fetch(`http://127.0.0.1:${port}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`hop: HTTP ${res.status} ${await res.text()}`);
      return res.json();
    },
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await engine.close();
    },
  };
}

let reloads = 0;
/** The end of the next reload's range: each one a second earlier than any before it. */
const reload = (): number => END - ++reloads * 1000;

interface Figures {
  p50: number;
  p95: number;
}
const figures = (samples: number[]): Figures => ({ p50: percentile(samples, 50), p95: percentile(samples, 95) });

async function main(): Promise<void> {
  const version = await prepareBenchData();
  const app = await startBenchApp(PORT);
  const client = new Client(engineConnection().options);
  const hop = await startSearchHop();
  // A run starts with an empty shard request cache: an earlier run's identical bodies would
  // otherwise answer from it for some ways and not for others.
  await client.indices.clearCache({ index: INDEX, request: true });
  const rows: string[] = [];
  const budgets: string[] = [];
  const add = (label: string, samples: number[], server?: number[]): Figures => {
    const f = figures(samples);
    rows.push(`| ${label} | ${f.p50.toFixed(0)} | ${f.p95.toFixed(0)} | ${server ? percentile(server, 50).toFixed(1) : ''} |`);
    return f;
  };
  const judge = (label: string, value: number, limit: number, unit: string) =>
    budgets.push(`| ${label} | ${value.toFixed(unit === '×' ? 2 : 1)} ${unit} | ≤ ${limit} ${unit} | ${value <= limit ? '✔' : '✘'} |`);
  try {
    const spans = BENCH_DATASET.days >= 7 ? [7 * 24, 24] : [24];
    for (const hours of spans) {
      for (const s of SCENARIOS) {
        // Each run is a reload at a new "now" (a second before any earlier run's, so no two runs
        // of any way share a range): indices wholly inside the range answer their `size: 0`
        // parts from the shard request cache (their range is rewritten to "all"), the one holding
        // the range's edge does the work again — alike for every way below.
        const from = END - hours * HOUR;
        const screenAt = (end: number) => {
          const time = { from: new Date(end - hours * HOUR).toISOString(), to: new Date(end).toISOString(), timeZone: 'UTC' };
          return { time, query: { language: 'kql' as const, text: s.kql }, filters: s.filters };
        };
        const label = `last ${hours === 24 ? '24 hours' : '7 days'}, ${s.name}`;
        const typed = s.kql ? (s.dsl[0] ?? null) : null;
        const bodiesAt = (end: number) => engineBodies(end - hours * HOUR, end, s.dsl, typed);
        const plan = appPlan(s);
        const serverMs: number[] = [];
        const rowsReady = add(
          `${label}: app, rows ready`,
          await timed(async (i) => {
            const res = await post(app.url, { ...screenAt(reload()), size: 100, histogram: false, facets: [] });
            if (i >= WARMUP) serverMs.push(res.tookMs.server);
          }),
          serverMs,
        );
        const whole = add(
          `${label}: app, whole screen (3 parallel parts)`,
          await timed(() => {
            const screen = screenAt(reload());
            return Promise.all([
              post(app.url, { ...screen, size: 100, histogram: false, facets: [] }),
              post(app.url, { ...screen, size: 0, histogram: true, facets: [] }),
              post(app.url, { ...screen, size: 0, histogram: false, facets: FACETS, facetSize: 50 }),
            ]);
          }),
        );
        const onePost = add(
          `${label}: app, whole screen (one POST, planned ${plan})`,
          await timed(() => post(app.url, { ...screenAt(reload()), size: 100, histogram: true, facets: FACETS, facetSize: 50 })),
        );
        const single = add(`${label}: one engine request`, await timed(() => client.search(bodiesAt(reload()).combined)));
        const kibanaDirect = add(
          `${label}: Kibana-like, 3 engine requests in parallel, straight to the engine`,
          await timed(() => {
            const b = bodiesAt(reload());
            return Promise.all([client.search(b.rows), client.search(b.histogram), client.search(b.facets)]);
          }),
        );
        const kibana = add(
          `${label}: Kibana-like, 3 requests in parallel through one server hop`,
          await timed(() => {
            const b = bodiesAt(reload());
            return Promise.all([hop.search(b.rows), hop.search(b.histogram), hop.search(b.facets)]);
          }),
        );
        // The planner's evidence, request cache off. Moving the range's end is not enough: a
        // shard whose documents all lie inside the range has its range rewritten to "all", so
        // the cache key stays the same (the daily indices of both sets are such shards).
        const cold = (i: number) => engineBodies(from, END - 1 - i, s.dsl, typed);
        const coldCombined = add(
          `${label}: engine, one combined search, cache missed`,
          await timed((i) => client.search({ ...cold(i).combined, request_cache: false })),
        );
        const coldSplit = add(
          `${label}: engine, _msearch of 3 parts, cache missed`,
          await timed((i) => client.msearch({ index: INDEX, searches: cold(i).msearch })),
        );
        const best = Math.min(whole.p50, onePost.p50);
        judge(
          `${label}: whole screen p50 ÷ Kibana-like p50 through a server hop (${best.toFixed(0)} / ${kibana.p50.toFixed(0)} ms; straight to the engine ${kibanaDirect.p50.toFixed(0)} ms, ${(best / kibanaDirect.p50).toFixed(2)} ×)`,
          best / kibana.p50,
          1.0,
          '×',
        );
        judge(`${label}: rows ready, server time p50 (client p50 ${rowsReady.p50.toFixed(0)} ms)`, percentile(serverMs, 50), 30, 'ms');
        if (plan === 'combined') {
          judge(
            `${label}: one POST p50 ÷ one engine request p50 (${onePost.p50.toFixed(0)} / ${single.p50.toFixed(0)} ms)`,
            onePost.p50 / single.p50,
            1.2,
            '×',
          );
        }
        const faster = coldCombined.p50 <= coldSplit.p50 ? 'combined' : 'split';
        budgets.push(
          `| ${label}: planner chose ${plan}; cache missed, combined ${coldCombined.p50.toFixed(0)} vs split ${coldSplit.p50.toFixed(0)} ms p50 | ${faster} faster | ${plan} | ${faster === plan ? '✔' : '✘'} |`,
        );
      }
    }
    const load = (await import('node:os')).loadavg().map((l) => l.toFixed(1));
    console.log(
      `\n${machineLine(version)}, over ${BENCH_DATASET.days} day(s); runs: ${RUNS} each after ${WARMUP} warm-up; load average ${load.join(' ')}`,
    );
    console.log('| screen: way | p50 ms | p95 ms | server p50 ms |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const r of rows) console.log(r);
    console.log('\n| budget (issue 9) | measured | budget | |');
    console.log('| --- | ---: | ---: | --- |');
    for (const b of budgets) console.log(b);
  } finally {
    app.stop();
    await hop.close();
    await client.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
