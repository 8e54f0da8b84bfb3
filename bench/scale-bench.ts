/**
 * `npm run bench:scale` (issue "Fast at 10 million lines"): one screen asked of the engine three
 * ways, side by side in one run, on the bench dataset (1M docs over a day by default;
 * `BENCH_DOCS=10000000 BENCH_DAYS=7` for the scale set, built once and kept):
 *   - the app: rows ready (the rows part alone, what the browser paints first) and the whole
 *     screen as the browser asks for it: its rows (with `total: false`, since the count comes with
 *     the bars), count with bars, and facets in one streamed call (POST /api/search/stream, each
 *     part a line when ready); a build without that call, as three calls in parallel. Also the
 *     three parts as three POST /api/search calls in parallel, and the whole screen in one POST
 *     /api/search (the planner's way, for other callers);
 *   - the same work as one engine search (rows + histogram + facets in one body);
 *   - a Kibana-like set of three searches in parallel (rows with a hit count, histogram, facets),
 *     straight to the engine, and through one server hop (Kibana's own server) that gzips its answers
 *     as Kibana's does by default (judged against) and one that does not (printed beside it).
 * The calls that stand for the browser's (the app's, and the Kibana-like hop's) go through a
 * browser-like HTTP client (bench/browser-like-http.ts says why); the streamed call and the
 * Kibana-like hop are also read with Node's fetch, printed beside.
 * Every way highlights what was typed in its rows, and each run's range ends a second before the
 * last one's (a moving "now"), so the shard request cache helps every way alike.
 * For the last 7 days (when the set spans them) and the last 24 hours with no query, a KQL text
 * query and a namespace filter. Prints p50 / p95 per row. BENCH_RUNS (default 40), BENCH_PORT.
 *
 * Every way of a screen runs once per round, the ways in turn (the first one rotating), so the
 * noise of a shared machine falls on all of them alike. One screen or one span at a time:
 * `BENCH_SPANS=7d` (or `24h`), `BENCH_SCREENS=error,namespace` (substrings of the screen names).
 * `BENCH_BASELINE=<git ref>` also runs the app built at that ref (a throwaway worktree, see
 * before-app.ts) on BENCH_PORT + 1, its ways interleaved with this build's: before/after in one run.
 * Where the app's time goes: per part of the three parallel calls, the client's wait, the
 * server's time (`tookMs.server`), its engine round trip and the engine's own `took`.
 *
 * The planner's evidence (lib/search/screen-plan.ts): the same screen as one combined engine
 * search and as the app's `_msearch` of three parts, both with the shard request cache off
 * (`request_cache: false`), as a new query is answered.
 * Then the issue's budgets, each with the figures it compares.
 */
import { createServer } from 'node:http';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { Client, type estypes } from '@elastic/elasticsearch';
import { engineConnection } from '../lib/es/connection';
import { compileQuery } from '../lib/query';
import { ndjsonLines } from '../lib/queries/search-stream';
import type { SearchRequestInput, SearchResponse, SearchStreamLine } from '../lib/schema/search';
import { chooseScreenPlan, type ScreenPlanKind } from '../lib/search/screen-plan';
import { BENCH_DATASET, machineLine, percentile, prepareBenchData, startBenchApp } from './bench-app';
import { startAppAt } from './before-app';
import { browserLikePost, lineArrivals, type BrowserLikeAnswer } from './browser-like-http';

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
  kql: string;
  filters: SearchRequestInput['filters'];
  /** The filter pills written by hand for the engine. */
  filterDsl: Query[];
}

const SCENARIOS: Scenario[] = [
  { name: 'no query', kql: '', filters: [], filterDsl: [] },
  { name: 'KQL "connection refused"', kql: '"connection refused"', filters: [], filterDsl: [] },
  { name: 'KQL error', kql: 'error', filters: [], filterDsl: [] },
  {
    name: 'namespace filter',
    kql: '',
    filters: [{ field: 'namespace', op: 'is', value: 'payments' }],
    filterDsl: [{ term: { 'kubernetes.namespace_name': 'payments' } }],
  },
];

/**
 * What a KQL text compiles to, for the hand-written ways too: free text becomes a lenient
 * `multi_match` with no fields, over every field of the index (the index's default fields), as
 * Kibana's own KQL translation sends it. (Before 2026-11-30 11:00 the hand-written ways searched
 * only `log` and `message`: a cheaper query with other matches — `error` matched 306,338 lines
 * of the 10M set that way and 337,106 as typed — so they did not do the same work.)
 */
const typedQuery = (kql: string): Query | null =>
  kql ? compileQuery({ language: 'kql', text: kql }, { largeTextFields: ['log', 'message'] }) : null;

const SPANS = (process.env.BENCH_SPANS ?? '7d,24h').split(',').map((s) => s.trim());
const SCREENS = process.env.BENCH_SCREENS?.split(',').map((s) => s.trim().toLowerCase());
const chosen = (s: Scenario) => !SCREENS || SCREENS.some((part) => s.name.toLowerCase().includes(part));

/** One way of asking for a screen; `run` is told whether this round is measured (not warm-up). */
interface Way {
  label: string;
  run: (measured: boolean) => Promise<unknown>;
  samples: number[];
}
const way = (label: string, run: Way['run']): Way => ({ label, run, samples: [] });

/**
 * WARMUP + RUNS rounds; in each, every way once, in turn, starting one further each round, so
 * the load of a shared machine falls on every way alike. The milliseconds of the measured rounds.
 */
async function interleaved(ways: readonly Way[]): Promise<void> {
  for (let round = 0; round < RUNS + WARMUP; round++) {
    for (let k = 0; k < ways.length; k++) {
      const w = ways[(round + k) % ways.length]!;
      const t0 = performance.now();
      await w.run(round >= WARMUP);
      if (round >= WARMUP) w.samples.push(performance.now() - t0);
    }
  }
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

/** POST /api/search as the browser's call: through the browser-like client (bench/browser-like-http.ts). */
async function post(url: string, body: SearchRequestInput): Promise<SearchResponse> {
  const res = await browserLikePost(`${url}/api/search`, body);
  if (res.status !== 200) throw new Error(`HTTP ${res.status} ${res.text}`);
  return JSON.parse(res.text) as SearchResponse;
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
 *
 * `compress`: the answer is gzip'd when the caller accepts it (Node's fetch does, as browsers do),
 * as Kibana's server does by default (`server.compression.enabled: true`; hapi gzips at zlib's
 * default level) — and as the app does (Next.js's compression). Without it (the stand-in before
 * 2026-11-30 17:20) the Kibana-like way skipped work both real servers do on every answer, while
 * the app's way paid for it; both are printed.
 */
async function startSearchHop(compress: boolean): Promise<{
  search: (body: estypes.SearchRequest) => Promise<unknown>;
  /** The same through Node's fetch (printed beside, to show what the client costs). */
  searchWithFetch: (body: estypes.SearchRequest) => Promise<unknown>;
  close: () => Promise<void>;
}> {
  const engine = new Client(engineConnection().options);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      engine
        .search(JSON.parse(Buffer.concat(chunks).toString('utf8')) as estypes.SearchRequest)
        .then(async (answer) => {
          const json = JSON.stringify(answer);
          // hapi compresses answers of 1 KB or more (its `minBytes`).
          if (compress && json.length >= 1024 && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
            const zipped = await promisify(gzip)(json);
            res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', vary: 'accept-encoding' });
            res.end(zipped);
            return;
          }
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(json);
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
      const res = await browserLikePost(`http://127.0.0.1:${port}/`, body);
      if (res.status !== 200) throw new Error(`hop: HTTP ${res.status} ${res.text}`);
      return JSON.parse(res.text) as unknown;
    },
    searchWithFetch: async (body) => {
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

/** An app under test: this build, or the one at BENCH_BASELINE. */
interface AppUnderTest {
  name: string;
  url: string;
  stop: () => void;
  /** What the browser's rows part adds to its request: `total: false` where the build knows it. */
  rowsExtra?: Pick<SearchRequestInput, 'total'>;
  /** Its browser asks for the parts in one streamed call (else three calls in parallel). */
  streams?: boolean;
}

/**
 * The browser's rows part asks for no count (the count comes with the bars) since `total: false`
 * exists; a build from before it refuses the field (400), and its browser did not send it.
 */
async function rowsExtraOf(url: string): Promise<Pick<SearchRequestInput, 'total'>> {
  const res = await fetch(`${url}/api/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ size: 1, histogram: false, total: false }),
  });
  await res.body?.cancel();
  return res.ok ? { total: false } : {};
}

/** True when the build answers the screen's parts in one streamed call (POST /api/search/stream), as its browser then asks. */
async function streamsParts(url: string): Promise<boolean> {
  const res = await fetch(`${url}/api/search/stream`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ requests: [{ size: 1, histogram: false }] }),
  });
  await res.body?.cancel();
  return res.ok;
}

/**
 * The lines of a streamed call, each with the ms from `t0` to its arrival; the body's end at `end`.
 */
async function streamLines(res: Response, t0: number): Promise<{ lines: { line: SearchStreamLine; at: number }[]; end: number }> {
  const lines: { line: SearchStreamLine; at: number }[] = [];
  for await (const line of ndjsonLines(res.body!)) lines.push({ line: JSON.parse(line) as SearchStreamLine, at: performance.now() - t0 });
  return { lines, end: performance.now() - t0 };
}

type Part = 'rows' | 'bars' | 'facets';
const PARTS: Part[] = ['rows', 'bars', 'facets'];
/** Per part of the three parallel calls: client wait and the response's own `tookMs`, measured rounds only. */
type PartTimes = Record<Part, { client: number[]; server: number[]; roundTrip: number[]; engine: number[] }>;
const partTimes = (): PartTimes => {
  const one = () => ({ client: [], server: [], roundTrip: [], engine: [] });
  return { rows: one(), bars: one(), facets: one() };
};

async function main(): Promise<void> {
  const version = await prepareBenchData();
  const apps: AppUnderTest[] = [{ name: 'app', ...(await startBenchApp(PORT)) }];
  const client = new Client(engineConnection().options);
  const hop = await startSearchHop(true);
  const plainHop = await startSearchHop(false);
  const baselineRef = process.env.BENCH_BASELINE;
  try {
    if (baselineRef) {
      const before = await startAppAt(baselineRef, PORT + 1);
      apps.push({ name: `app at ${before.commit}`, url: before.url, stop: before.stop });
    }
    // A run starts with an empty shard request cache: an earlier run's identical bodies would
    // otherwise answer from it for some ways and not for others.
    await client.indices.clearCache({ index: INDEX, request: true });
    for (const app of apps) {
      app.rowsExtra = await rowsExtraOf(app.url);
      app.streams = await streamsParts(app.url);
    }
    const rows: string[] = [];
    const budgets: string[] = [];
    const breakdown: string[] = [];
    const add = (label: string, samples: number[], server?: number[]): Figures => {
      const f = figures(samples);
      rows.push(`| ${label} | ${f.p50.toFixed(0)} | ${f.p95.toFixed(0)} | ${server ? percentile(server, 50).toFixed(1) : ''} |`);
      return f;
    };
    const judge = (label: string, value: number, limit: number, unit: string) =>
      budgets.push(`| ${label} | ${value.toFixed(unit === '×' ? 2 : 1)} ${unit} | ≤ ${limit} ${unit} | ${value <= limit ? '✔' : '✘'} |`);
    const spans = [...(BENCH_DATASET.days >= 7 && SPANS.includes('7d') ? [7 * 24] : []), ...(SPANS.includes('24h') ? [24] : [])];
    for (const hours of spans) {
      for (const s of SCENARIOS.filter(chosen)) {
        // Each run is a reload at a new "now" (a second before any earlier run's, so no two runs
        // of any way share a range): indices wholly inside the range answer their `size: 0`
        // parts from the shard request cache (their range is rewritten to "all"), the one holding
        // the range's edge does the work again — alike for every way below.
        const screenAt = (end: number) => {
          const time = { from: new Date(end - hours * HOUR).toISOString(), to: new Date(end).toISOString(), timeZone: 'UTC' };
          return { time, query: { language: 'kql' as const, text: s.kql }, filters: s.filters };
        };
        const label = `last ${hours === 24 ? '24 hours' : '7 days'}, ${s.name}`;
        const typed = typedQuery(s.kql);
        const dsl = [...(typed ? [typed] : []), ...s.filterDsl];
        const bodiesAt = (end: number) => engineBodies(end - hours * HOUR, end, dsl, typed);
        const plan = appPlan(s);
        const perApp = apps.map((app) => {
          const serverMs: number[] = [];
          const parts = partTimes();
          const streamParts = partTimes();
          const streamedAnswers: { answer: BrowserLikeAnswer; lines: SearchStreamLine[] }[] = [];
          const streamedRequests = () => {
            const screen = screenAt(reload());
            return [
              { ...screen, size: 100, histogram: false, facets: [], ...app.rowsExtra },
              { ...screen, size: 0, histogram: true, facets: [] },
              { ...screen, size: 0, histogram: false, facets: FACETS, facetSize: 50 },
            ];
          };
          const timedPost = async (part: Part, body: SearchRequestInput, measured: boolean) => {
            const t0 = performance.now();
            const res = await post(app.url, body);
            if (!measured) return;
            const p = parts[part];
            p.client.push(performance.now() - t0);
            p.server.push(res.tookMs.server);
            p.roundTrip.push(res.tookMs.engineRoundTrip);
            p.engine.push(res.tookMs.engine);
          };
          return {
            app,
            serverMs,
            parts,
            streamParts,
            streamedAnswers,
            rowsReady: way(`${app.name}, rows ready`, async (measured) => {
              const res = await post(app.url, { ...screenAt(reload()), size: 100, histogram: false, facets: [], ...app.rowsExtra });
              if (measured) serverMs.push(res.tookMs.server);
            }),
            whole: way(`${app.name}, whole screen (3 parallel calls)`, (measured) => {
              const screen = screenAt(reload());
              return Promise.all([
                timedPost('rows', { ...screen, size: 100, histogram: false, facets: [], ...app.rowsExtra }, measured),
                timedPost('bars', { ...screen, size: 0, histogram: true, facets: [] }, measured),
                timedPost('facets', { ...screen, size: 0, histogram: false, facets: FACETS, facetSize: 50 }, measured),
              ]);
            }),
            streamed: way(`${app.name}, whole screen (one streamed call, as its browser asks)`, async (measured) => {
              const t0 = performance.now();
              const res = await browserLikePost(`${app.url}/api/search/stream`, { requests: streamedRequests() }, t0);
              if (res.status !== 200) throw new Error(`stream: HTTP ${res.status} ${res.text}`);
              const lines = res.text
                .split('\n')
                .filter((l) => l.trim() !== '')
                .map((l) => JSON.parse(l) as SearchStreamLine);
              if (lines.length !== 3) throw new Error(`stream: ${lines.length} lines`);
              for (const line of lines) {
                if (!('response' in line)) throw new Error(`stream: part ${line.i} failed: ${JSON.stringify(line.error)}`);
              }
              // Each line's arrival is worked out after the run (it decodes the body again).
              if (measured) streamedAnswers.push({ answer: res, lines });
            }),
            streamedFetch: way(`${app.name}, whole screen (one streamed call, read with Node's fetch)`, async () => {
              const t0 = performance.now();
              const res = await fetch(`${app.url}/api/search/stream`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ requests: streamedRequests() }),
              });
              if (!res.ok) throw new Error(`stream: HTTP ${res.status} ${await res.text()}`);
              const { lines } = await streamLines(res, t0);
              if (lines.length !== 3) throw new Error(`stream: ${lines.length} lines`);
            }),
            onePost: way(`${app.name}, whole screen (one POST, planned ${plan})`, () =>
              post(app.url, { ...screenAt(reload()), size: 100, histogram: true, facets: FACETS, facetSize: 50 }),
            ),
          };
        });
        const single = way('one engine request', () => client.search(bodiesAt(reload()).combined));
        const kibanaDirect = way('Kibana-like, 3 engine requests in parallel, straight to the engine', () => {
          const b = bodiesAt(reload());
          return Promise.all([client.search(b.rows), client.search(b.histogram), client.search(b.facets)]);
        });
        const kibana = way('Kibana-like, 3 requests in parallel through one server hop that compresses (as Kibana does)', () => {
          const b = bodiesAt(reload());
          return Promise.all([hop.search(b.rows), hop.search(b.histogram), hop.search(b.facets)]);
        });
        const kibanaPlain = way('Kibana-like, 3 requests in parallel through one server hop that does not compress', () => {
          const b = bodiesAt(reload());
          return Promise.all([plainHop.search(b.rows), plainHop.search(b.histogram), plainHop.search(b.facets)]);
        });
        const kibanaFetch = way("Kibana-like, 3 requests in parallel through the hop that compresses, read with Node's fetch", () => {
          const b = bodiesAt(reload());
          return Promise.all([hop.searchWithFetch(b.rows), hop.searchWithFetch(b.histogram), hop.searchWithFetch(b.facets)]);
        });
        // The planner's evidence, request cache off. Moving the range's end is not enough: a
        // shard whose documents all lie inside the range has its range rewritten to "all", so
        // the cache key stays the same (the daily indices of both sets are such shards).
        const cold = () => bodiesAt(reload());
        const coldCombined = way('engine, one combined search, cache missed', () =>
          client.search({ ...cold().combined, request_cache: false }),
        );
        const coldSplit = way('engine, _msearch of 3 parts, cache missed', () =>
          client.msearch({ index: INDEX, searches: cold().msearch }),
        );
        await interleaved([
          ...perApp.flatMap((a) => [a.rowsReady, a.whole, ...(a.app.streams ? [a.streamed, a.streamedFetch] : []), a.onePost]),
          single,
          kibanaDirect,
          kibana,
          kibanaPlain,
          kibanaFetch,
          coldCombined,
          coldSplit,
        ]);
        const singleF = figures(single.samples);
        const kibanaF = figures(kibana.samples);
        const kibanaPlainF = figures(kibanaPlain.samples);
        for (const a of perApp) {
          const rowsReady = add(`${label}: ${a.rowsReady.label}`, a.rowsReady.samples, a.serverMs);
          const threeCalls = add(`${label}: ${a.whole.label}`, a.whole.samples);
          const streamed = a.app.streams ? add(`${label}: ${a.streamed.label}`, a.streamed.samples) : null;
          const streamedFetch = a.app.streams ? add(`${label}: ${a.streamedFetch.label}`, a.streamedFetch.samples) : null;
          for (const { answer, lines } of a.streamedAnswers) {
            const arrivals = lineArrivals(answer);
            lines.forEach((line, k) => {
              if (!('response' in line)) return;
              const p = a.streamParts[PARTS[line.i]!];
              p.client.push(arrivals[k]!);
              p.server.push(line.response.tookMs.server);
              p.roundTrip.push(line.response.tookMs.engineRoundTrip);
              p.engine.push(line.response.tookMs.engine);
            });
          }
          const onePost = add(`${label}: ${a.onePost.label}`, a.onePost.samples);
          // The whole screen as the build's browser asks for it: one streamed call where the build
          // has it, else three calls in parallel.
          const browser = streamed ?? threeCalls;
          const how = streamed ? 'one streamed call' : '3 parallel calls';
          judge(
            `${label}, ${a.app.name}: whole screen as its browser asks (${how}) p50 ÷ Kibana-like p50 through a server hop that compresses (${browser.p50.toFixed(0)} / ${kibanaF.p50.toFixed(0)} ms; hop not compressing ${kibanaPlainF.p50.toFixed(0)} ms, ratio ${(browser.p50 / kibanaPlainF.p50).toFixed(2)}; straight to the engine ${figures(kibanaDirect.samples).p50.toFixed(0)} ms; one POST ${onePost.p50.toFixed(0)} ms; read with Node's fetch ${streamedFetch ? `${streamedFetch.p50.toFixed(0)} / ` : ''}${figures(kibanaFetch.samples).p50.toFixed(0)} ms)`,
            browser.p50 / kibanaF.p50,
            1.0,
            '×',
          );
          judge(
            `${label}, ${a.app.name}: rows ready, server time p50 (client p50 ${rowsReady.p50.toFixed(0)} ms)`,
            percentile(a.serverMs, 50),
            30,
            'ms',
          );
          if (plan === 'combined') {
            // A selective query: the whole screen, the browser's way and as one POST (the planner's
            // combined search), against the same work as one engine request.
            const best = Math.min(browser.p50, onePost.p50);
            judge(
              `${label}, ${a.app.name}: selective query, whole screen p50 ÷ one engine request p50 (${how} ${browser.p50.toFixed(0)}, one POST ${onePost.p50.toFixed(0)} / ${singleF.p50.toFixed(0)} ms)`,
              best / singleF.p50,
              1.2,
              '×',
            );
          }
          const p50 = (v: number[]) => (v.length > 0 ? percentile(v, 50).toFixed(1) : '–');
          for (const [how, times] of [['3 calls', a.parts], ...(a.app.streams ? [['streamed', a.streamParts] as const] : [])] as const) {
            for (const part of PARTS) {
              const t = times[part];
              breakdown.push(
                `| ${label}, ${a.app.name}, ${how} | ${part} | ${p50(t.client)} | ${p50(t.server)} | ${p50(t.roundTrip)} | ${p50(t.engine)} |`,
              );
            }
          }
        }
        for (const w of [single, kibanaDirect, kibana, kibanaPlain, kibanaFetch, coldCombined, coldSplit])
          add(`${label}: ${w.label}`, w.samples);
        const combinedP50 = figures(coldCombined.samples).p50;
        const splitP50 = figures(coldSplit.samples).p50;
        const faster = combinedP50 <= splitP50 ? 'combined' : 'split';
        budgets.push(
          `| ${label}: planner chose ${plan}; cache missed, combined ${combinedP50.toFixed(0)} vs split ${splitP50.toFixed(0)} ms p50 | ${faster} faster | ${plan} | ${faster === plan ? '✔' : '✘'} |`,
        );
      }
    }
    const load = (await import('node:os')).loadavg().map((l) => l.toFixed(1));
    console.log(
      `\n${machineLine(version)}, over ${BENCH_DATASET.days} day(s); runs: ${RUNS} each after ${WARMUP} warm-up, ways interleaved; load average ${load.join(' ')}`,
    );
    console.log('| screen: way | p50 ms | p95 ms | server p50 ms |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const r of rows) console.log(r);
    console.log(
      "\nWhere the app's time goes, p50 ms per part: the three parallel calls (client: its answer), and the streamed call (client: its line's arrival)",
    );
    console.log('| screen, app | part | client | server (`tookMs.server`) | engine round trip | engine `took` |');
    console.log('| --- | --- | ---: | ---: | ---: | ---: |');
    for (const b of breakdown) console.log(b);
    console.log('\n| budget (issue 9) | measured | budget | |');
    console.log('| --- | ---: | ---: | --- |');
    for (const b of budgets) console.log(b);
  } finally {
    for (const app of apps) app.stop();
    await hop.close();
    await plainHop.close();
    await client.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
