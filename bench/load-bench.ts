/**
 * `npm run bench:load`: load shedding and cancellation of issue 11, over HTTP against production
 * builds (`next start`) on the fixed 1M-document bench dataset, with autocannon: this build beside
 * an earlier build (BENCH_BEFORE, default 0dfb54b, built once in a throwaway worktree by
 * before-app.ts; `none` to skip it; `env:NAME=value,…` for this build again with those settings,
 * e.g. `env:ACCEPT_BURST_HOLD_MS=0`), row by row in turn so both see the same machine.
 *   1. 20 concurrent clients on the 24 h screen (100 rows + histogram + 4 facets, one POST):
 *      p50 / p95 / max, 503s, errors, timeouts, and the engine's own search thread pool (queue
 *      peak and mean, sampled every 100 ms; rejections).
 *   2. 200 concurrent clients: the same columns — the extra ones should be fast 503s, and no
 *      answer of any status should take more than 2 s (column "> 2 s").
 *   3. Where a 200's time went, from each app's request log (accepted → first engine search →
 *      last answer → done; outside the handler = client − server latency).
 *   4. Cancellation: 40 screens in flight, their callers go away once the engine runs them; time
 *      until `GET _tasks?actions=*search*` holds none of their tasks (matched by the trace id each
 *      request sends as `traceparent`, or by the bench's index names).
 * Options (env): BENCH_DOCS (1,000,000), LOAD_BENCH_SECONDS (20), BENCH_PORT (3202),
 * BENCH_BEFORE_PORT (3208), LOAD_BENCH_ROWS (e.g. `200,200`; `20b` = 20 browsers), MAX_CONCURRENT_SEARCHES and
 * MAX_IN_FLIGHT_REQUESTS (the app's defaults). Beside each row: where its slow answers' time went
 * (bench/load-diagnostics.ts).
 *
 * `npm run bench:throughput` (issue 9): 20 concurrent clients on the same 24 h screen, the app
 * before the rows-first change (BENCH_BEFORE, default the parent of 57be814, where the screen was
 * one combined search in one POST; built once in a throwaway worktree, see before-app.ts) beside
 * this build (the browser's three parts, and the one-POST whole screen). Twice: the very same
 * screen again and again (the engine's request cache may answer), and every screen different (its
 * range ends 1 ms later each time: nothing cached). Screens per second and request p50 / p95.
 * BENCH_PORT (3200) and BENCH_BEFORE_PORT (3207).
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import autocannon from 'autocannon';
import { Client } from '@elastic/elasticsearch';
import { engineConnection } from '../lib/es/connection';
import { BENCH_DATASET, BENCH_RANGE, machineLine, percentile, prepareBenchData, startBenchApp } from './bench-app';
import { startAppAt } from './before-app';
import {
  ConnectLog,
  diagnosisRow,
  DIAGNOSIS_HEADER,
  SLOW_ANSWER_HEADER,
  slowAnswerLines,
  tcpCounts,
  tcpDelta,
  watchLoops,
  watchSockets,
  socketLine,
  type SocketSample,
  type LoopRecord,
  type SlowAnswer,
} from './load-diagnostics';

const SECONDS = Number(process.env.LOAD_BENCH_SECONDS ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 3202);
const BEFORE_PORT = Number(process.env.BENCH_BEFORE_PORT ?? 3208);
const SCREEN = JSON.stringify({ time: BENCH_RANGE, size: 100, histogram: true, facets: ['namespace', 'pod', 'container', 'level'] });
/** The screen with its range ending `i` ms early: the engine's request cache cannot answer it. */
const SCREEN_UNCACHED = (i: number) =>
  JSON.stringify({
    time: { from: BENCH_RANGE.from, to: new Date(Date.parse(BENCH_RANGE.to) - 1 - i).toISOString() },
    size: 100,
    histogram: true,
    facets: ['namespace', 'pod', 'container', 'level'],
  });

/** One app under test: where it runs, and the request log lines it wrote. */
interface AppUnderTest {
  label: string;
  url: string;
  log: RequestLine[];
}

/** The fields of the app's request log line this bench reads (lib/observability/observe.ts). */
interface RequestLine {
  route: string;
  status: number;
  durationMs: number;
  engineMs: number;
  engineSentMs?: number;
  engineAnsweredMs?: number;
  callerGoneMs?: number;
  reqId: string;
}

function collectRequestLines(into: RequestLine[]): (line: string) => void {
  return (line) => {
    if (!line.startsWith('{') || !line.includes('"msg":"request"')) return;
    try {
      into.push(JSON.parse(line) as RequestLine);
    } catch {
      /* not a log line */
    }
  };
}

interface PoolSample {
  active: number;
  queue: number;
  rejected: number;
}

async function searchPool(engine: Client): Promise<PoolSample> {
  const stats = await engine.nodes.stats({ metric: ['thread_pool'] });
  const sum = { active: 0, queue: 0, rejected: 0 };
  for (const node of Object.values(stats.nodes)) {
    sum.active += node.thread_pool?.search?.active ?? 0;
    sum.queue += node.thread_pool?.search?.queue ?? 0;
    sum.rejected += node.thread_pool?.search?.rejected ?? 0;
  }
  return sum;
}

interface RunResult {
  app: string;
  clients: string;
  byStatus: Map<number, number[]>;
  errors: number;
  timeouts: number;
  rejectedDelta: number;
  queuePeak: number;
  queueMean: number;
  lines: RequestLine[];
  connections: number;
  slow: SlowAnswer[];
  connects: ConnectLog;
  loops: LoopRecord;
  tcp: string;
  sockets: SocketSample[];
}

/**
 * `clients` autocannon clients on the screen for SECONDS, the engine's search pool sampled every
 * 100 ms. `browsers`: each client is a browser asking for the screen as the explorer does, three
 * requests at once (rows; count + bars; facets) — three connections per client, each sending its
 * part again as soon as it is answered.
 */
async function run(
  app: AppUnderTest,
  engine: Client,
  clients: number,
  way: 'one POST' | 'browsers' = 'one POST',
  seconds = SECONDS,
): Promise<RunResult> {
  const parts = way === 'browsers' ? THREE_PARTS.bodies.map((body) => body(BENCH_RANGE.to)) : [SCREEN];
  const byStatus = new Map<number, number[]>();
  const before = await searchPool(engine);
  const queues: number[] = [];
  const sampler = setInterval(() => {
    void searchPool(engine).then((p) => queues.push(p.queue));
  }, 100);
  const firstLine = app.log.length;
  let partCounter = 0;
  const connects = new ConnectLog();
  const slow: SlowAnswer[] = [];
  const tcpBefore = tcpCounts();
  let startedAt = performance.now();
  const loops = await watchLoops(app.url, () => startedAt);
  const sockets = watchSockets(Number(new URL(app.url).port), () => startedAt);
  startedAt = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${app.url}/api/search`,
        connections: clients * parts.length,
        duration: seconds,
        timeout: 10,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: parts[0],
        // Connection i sends part i mod 3 only: three requests of each browser in flight at once.
        setupClient: (client: autocannon.Client) => {
          connects.watch(client);
          client.setBody(parts[partCounter++ % parts.length]!);
        },
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (client, statusCode, _bytes, responseTime) => {
      const list = byStatus.get(statusCode) ?? [];
      list.push(responseTime);
      byStatus.set(statusCode, list);
      const firstOnConnection = connects.firstOnConnection(client);
      if (responseTime > 1_000) slow.push({ at: performance.now() - startedAt, ms: responseTime, status: statusCode, firstOnConnection });
    });
  });
  clearInterval(sampler);
  const loopRecord = loops.stop();
  const socketSamples = sockets.stop();
  const tcp = tcpDelta(tcpBefore, tcpCounts());
  const after = await searchPool(engine);
  await new Promise((r) => setTimeout(r, 200)); // the last log lines
  return {
    app: app.label,
    clients: way === 'browsers' ? `${clients} browsers (${clients * parts.length} connections)` : String(clients),
    byStatus,
    errors: result.errors,
    timeouts: result.timeouts,
    rejectedDelta: after.rejected - before.rejected,
    queuePeak: Math.max(0, ...queues),
    queueMean: queues.length > 0 ? queues.reduce((a, b) => a + b, 0) / queues.length : 0,
    lines: app.log.slice(firstLine).filter((l) => l.route === '/api/search'),
    connections: clients * parts.length,
    slow,
    connects,
    loops: loopRecord,
    tcp,
    sockets: socketSamples,
  };
}

/**
 * Waits (up to 20 s) until the app answers nothing any more: clients that gave up at 10 s leave
 * requests the app still works on, which would slow whatever runs next on the machine.
 */
async function settle(app: AppUnderTest): Promise<void> {
  const until = performance.now() + 20_000;
  while (performance.now() < until) {
    const text = await fetch(`${app.url}/api/metrics`).then(
      (r) => r.text(),
      () => '',
    );
    const inFlight = Number(/^log_explorer_http_requests_in_flight (\d+)/m.exec(text)?.[1] ?? 0);
    if (inFlight <= 1) break; // the metrics request itself
    await new Promise((r) => setTimeout(r, 250));
  }
  await new Promise((r) => setTimeout(r, 1_000));
}

interface EngineTask {
  description?: string;
  headers?: Record<string, string>;
}

/**
 * The engine's search tasks (`GET _tasks?actions=*search*`) that belong to this bench: carrying
 * one of `traceIds` (apps that send `traceparent`), or naming the bench's indices (the shard
 * tasks and searches of an app that does not).
 */
async function benchTasks(engine: Client, traceIds: ReadonlySet<string>): Promise<number> {
  const res = await engine.tasks.list({ actions: '*search*', detailed: true });
  let n = 0;
  for (const node of Object.values(res.nodes ?? {})) {
    for (const task of Object.values(node.tasks ?? {}) as EngineTask[]) {
      const trace = task.headers?.['trace.id'];
      if ((trace && traceIds.has(trace)) || task.description?.includes(BENCH_DATASET.indexPrefix)) n++;
    }
  }
  return n;
}

interface Cancellation {
  app: string;
  seen: number;
  goneMs: number;
  /** In the app (its log): the caller gone → the engine call given up, p50 / max over the searches that had been sent. */
  appAbortMs: number[];
}

/** Sends `n` screens, drops them all once the engine runs them, and times how long their engine tasks live on. */
async function cancellation(app: AppUnderTest, engine: Client, n: number): Promise<Cancellation> {
  const ids = Array.from({ length: n }, () => randomUUID());
  const traceIds = new Set(ids.map((id) => id.replace(/-/g, '')));
  const callers = ids.map(() => new AbortController());
  const firstLine = app.log.length;
  const requests = ids.map((id, i) =>
    fetch(`${app.url}/api/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': id },
      body: SCREEN_UNCACHED(i),
      signal: callers[i]!.signal,
    }).catch(() => undefined),
  );
  // The callers go away once the engine works on all of them (or after 5 s): going away earlier
  // would mostly time requests that never reached the engine.
  let seen = 0;
  const seenBy = performance.now() + 5_000;
  while (seen < n && performance.now() < seenBy) {
    seen = Math.max(seen, await benchTasks(engine, traceIds));
    if (seen < n) await new Promise((r) => setTimeout(r, 10));
  }
  for (const c of callers) c.abort();
  const abortedAt = performance.now();
  while ((await benchTasks(engine, traceIds)) > 0) {
    if (performance.now() - abortedAt > 30_000) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  const goneMs = performance.now() - abortedAt;
  await Promise.all(requests);
  await settle(app); // the app logs each request when it has given up its engine call
  const mine = new Set<string>(ids);
  const appAbortMs = app.log
    .slice(firstLine)
    .filter((l) => mine.has(l.reqId) && l.callerGoneMs !== undefined && l.engineAnsweredMs !== undefined)
    .map((l) => Math.max(0, l.engineAnsweredMs! - l.callerGoneMs!));
  return { app: app.label, seen, goneMs, appAbortMs };
}

const LUCENE_WORST: [string, string][] = [
  ['2,000-deep parentheses', '('.repeat(2000) + 'a' + ')'.repeat(2000)],
  [
    '2,000 terms',
    Array.from({ length: 2000 }, () => 'a')
      .join(' ')
      .slice(0, 4096),
  ],
  ['the 2.4 KB wildcard flood', Array.from({ length: 400 }, (_, i) => `*${i}*`).join(' OR ')],
  ['255 terms, then a leading wildcard', `${Array.from({ length: 255 }, (_, i) => `x${i}`).join(' OR ')} OR *a`],
];

/** Wall time of `POST /api/search` refusing each query (400), 50 times each after 5 warm-up. */
async function luceneRefusals(url: string): Promise<string[]> {
  const lines: string[] = [];
  for (const [name, text] of LUCENE_WORST) {
    const times: number[] = [];
    for (let i = 0; i < 55; i++) {
      const t0 = performance.now();
      const res = await fetch(`${url}/api/search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ time: BENCH_RANGE, query: { language: 'lucene', text } }),
      });
      await res.arrayBuffer();
      // Shed (the cancelled searches before may still hold the gate on a loaded machine): try again.
      if (res.status === 503) {
        await new Promise((r) => setTimeout(r, 1_000));
        i--;
        continue;
      }
      if (res.status !== 400) throw new Error(`${name}: expected 400, got ${res.status}`);
      if (i >= 5) times.push(performance.now() - t0);
    }
    lines.push(`| ${name} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} |`);
  }
  return lines;
}

const ms = (v: number) => (Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: 0 }) : '–');
const spread = (values: readonly number[]) =>
  values.length === 0 ? '– / – / –' : `${ms(percentile(values, 50))} / ${ms(percentile(values, 95))} / ${ms(Math.max(...values))}`;

function row(r: RunResult): string {
  const ok = r.byStatus.get(200) ?? [];
  const shed = r.byStatus.get(503) ?? [];
  const all = [...r.byStatus.values()].flat();
  const other = all.length - ok.length - shed.length;
  const slow = all.filter((t) => t > 2_000).length;
  return `| ${r.app} | ${r.clients} | ${all.length} | ${ok.length} | ${spread(ok)} | ${shed.length} | ${spread(shed)} | ${slow} | ${other + r.errors} | ${r.timeouts} | ${r.queuePeak} / ${r.queueMean.toFixed(1)} | ${r.rejectedDelta} |`;
}

/**
 * Where a 200's time went, p50 / p95 ms: outside the handler (the client's latency minus the
 * server's, as distributions: Node's accept queue and event loop, Next.js routing), in the handler
 * before the first engine search was sent, the engine round trips, and after the last answer.
 */
function timelineRow(r: RunResult): string {
  const ok = r.byStatus.get(200) ?? [];
  const lines = r.lines.filter((l) => l.status === 200);
  const pair = (values: number[]) => (values.length === 0 ? '– / –' : `${ms(percentile(values, 50))} / ${ms(percentile(values, 95))}`);
  const server = lines.map((l) => l.durationMs);
  const outside = [50, 95].map((p) => percentile(ok, p) - percentile(server, p));
  const timed = lines.filter((l) => l.engineSentMs !== undefined && l.engineAnsweredMs !== undefined);
  const before = timed.map((l) => l.engineSentMs!);
  const engineSpan = timed.map((l) => l.engineAnsweredMs! - l.engineSentMs!);
  const after = timed.map((l) => l.durationMs - l.engineAnsweredMs!);
  return `| ${r.app} | ${r.clients} | ${pair(ok)} | ${ms(outside[0]!)} / ${ms(outside[1]!)} | ${pair(server)} | ${pair(before)} | ${pair(engineSpan)} | ${pair(lines.map((l) => l.engineMs))} | ${pair(after)} |`;
}

const BEFORE_REF = process.env.BENCH_BEFORE ?? '0dfb54b';

type Row = [number, 'one POST' | 'browsers'];
/**
 * The rows to run: LOAD_BENCH_ROWS, e.g. `200,200` (or `20b` for 20 browsers), else 1, 20, 20
 * browsers and 200 twice (the other build first the second time: whichever goes second inherits
 * the first's leftovers).
 */
function benchRows(spec = process.env.LOAD_BENCH_ROWS): Row[] {
  if (!spec) {
    return [
      [1, 'one POST'],
      [20, 'one POST'],
      [20, 'browsers'],
      [200, 'one POST'],
      [200, 'one POST'],
    ];
  }
  return spec.split(',').map((item): Row => {
    const m = /^\s*(\d+)(b?)\s*$/.exec(item);
    if (!m) throw new Error(`LOAD_BENCH_ROWS: "${item}" is not a client count (200) or browsers (20b)`);
    return [Number(m[1]), m[2] ? 'browsers' : 'one POST'];
  });
}
/** Screens dropped in the cancellation step: as many as either build admits at once (16 × 3 searches). */
const CANCELLED_SCREENS = 16;

async function main(): Promise<void> {
  const version = await prepareBenchData();
  const engine = new Client(engineConnection().options);
  const apps: (AppUnderTest & { stop: () => void })[] = [];
  try {
    if (BEFORE_REF.startsWith('env:')) {
      // This build a second time with other settings (`env:NAME=value,NAME=value`): an A/B of a setting in one run.
      const env = Object.fromEntries(
        BEFORE_REF.slice(4)
          .split(',')
          .map((kv) => kv.split('=', 2) as [string, string]),
      );
      const log: RequestLine[] = [];
      const before = await startBenchApp(BEFORE_PORT, env, { onLogLine: collectRequestLines(log) });
      apps.push({ label: `this build, ${BEFORE_REF.slice(4)}`, url: before.url, log, stop: before.stop });
    } else if (BEFORE_REF !== 'none') {
      const log: RequestLine[] = [];
      const before = await startAppAt(BEFORE_REF, BEFORE_PORT, {}, collectRequestLines(log));
      apps.push({ label: `before (${before.commit})`, url: before.url, log, stop: before.stop });
    }
    const log: RequestLine[] = [];
    const after = await startBenchApp(PORT, {}, { onLogLine: collectRequestLines(log) });
    apps.push({ label: 'this build', url: after.url, log, stop: after.stop });
    const uptimeAtStart = os.loadavg().map((l) => l.toFixed(1));
    for (const app of apps) await run(app, engine, 4, 'one POST', 5); // warm-up: field caps, JIT, engine caches
    // Interleaved, so both builds see the same machine: each row on each build in turn.
    const results: RunResult[] = [];
    const rows = benchRows();
    for (const [i, [clients, way]] of rows.entries()) {
      // Which build goes first alternates, so neither always follows the other's leftovers.
      const order = i % 2 === 0 ? apps : [...apps].reverse();
      for (const app of order) {
        results.push(await run(app, engine, clients, way));
        await settle(app);
      }
    }
    const cancels: Cancellation[] = [];
    for (const app of apps) cancels.push(await cancellation(app, engine, CANCELLED_SCREENS));
    const refusals = await luceneRefusals(apps[apps.length - 1]!.url);
    const load = os.loadavg().map((l) => l.toFixed(1));
    console.log(`\nload average (1/5/15 min) at the start ${uptimeAtStart.join(' / ')}, at the end ${load.join(' / ')}`);
    console.log(
      `${machineLine(version)}; ${SECONDS} s per row; MAX_CONCURRENT_SEARCHES=${process.env.MAX_CONCURRENT_SEARCHES ?? 'default'}, MAX_IN_FLIGHT_REQUESTS=${process.env.MAX_IN_FLIGHT_REQUESTS ?? 'default'} (the before build has no front door)`,
    );
    console.log(
      '\n| app | clients | answers | 200 | 200 p50 / p95 / max ms | 503 shed | 503 p50 / p95 / max ms | > 2 s | errors | timeouts (10 s) | engine search queue peak / mean | engine rejections |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of results) console.log(row(r));
    console.log(
      '\nWhere the time of a 200 went, p50 / p95 ms (from the app\'s request log; "outside" = client − server latency, as distributions):',
    );
    console.log(
      '| app | clients | client | outside the handler | server | accepted → first engine search | first search → last answer | engine calls (summed) | after the last answer |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of results) console.log(timelineRow(r));
    console.log(
      "\nWhere the slow answers' time went (bench/load-diagnostics.ts): the clients' connects, the bench's and the app's event loops, the app's GC, the kernel's TCP counters:",
    );
    console.log(DIAGNOSIS_HEADER);
    for (const r of results) console.log(diagnosisRow(r.app, r.clients, r.connections, r.slow, r.connects, r.loops, r.tcp, r.lines));
    console.log(
      "\nThe app's sockets in each row's first seconds (`ss`, every 200 ms): ms into the row: connections not yet accepted / sockets with request bytes unread / with answer bytes unacknowledged",
    );
    console.log('| app | clients | samples |\n| --- | ---: | --- |');
    for (const r of results) console.log(socketLine(r.app, r.clients, r.sockets));
    const slowLines = results.flatMap((r) => slowAnswerLines(r.app, r.clients, r.slow, r.loops));
    if (slowLines.length > 0) console.log(`\nThe answers over 2 s (at most 12 a row):\n${SLOW_ANSWER_HEADER}\n${slowLines.join('\n')}`);
    console.log('\n| Lucene refused (400) | p50 ms | p95 ms |\n| --- | ---: | ---: |');
    for (const line of refusals) console.log(line);
    console.log(
      `\n| app | engine search tasks seen | all gone after the ${CANCELLED_SCREENS} callers went away (ms) | in the app: caller gone → engine call given up, p50 / max ms |`,
    );
    console.log('| --- | ---: | ---: | ---: |');
    for (const c of cancels) {
      const inApp = c.appAbortMs.length > 0 ? `${ms(percentile(c.appAbortMs, 50))} / ${ms(Math.max(...c.appAbortMs))}` : '– (not logged)';
      console.log(`| ${c.app} | ${c.seen} | ${ms(c.goneMs)} | ${inApp} |`);
    }
  } finally {
    for (const app of apps) app.stop();
    await engine.close();
  }
}

const FACETS = ['namespace', 'pod', 'container', 'level'];
/** What one screen sends: `parts` requests, each a body for a range ending at `to`. */
interface ScreenWay {
  name: string;
  bodies: ((to: string) => string)[];
}
const screenBody = (extra: object) => (to: string) => JSON.stringify({ time: { from: BENCH_RANGE.from, to }, ...extra });
const ONE_POST: ScreenWay = { name: 'whole screen, one POST', bodies: [screenBody({ size: 100, histogram: true, facets: FACETS })] };
const THREE_PARTS: ScreenWay = {
  name: 'rows first: rows, count + bars, facets (3 POSTs)',
  bodies: [
    screenBody({ size: 100, histogram: false, facets: [] }),
    screenBody({ size: 0, histogram: true, facets: [] }),
    screenBody({ size: 0, histogram: false, facets: FACETS, facetSize: 50 }),
  ],
};

interface Throughput {
  screensPerSecond: number;
  p50: number;
  p95: number;
  errors: number;
}

/** `connections` clients sending the way's requests in turn for SECONDS; `moving`: each range ends 1 ms later. */
async function throughput(url: string, way: ScreenWay, connections: number, moving: boolean): Promise<Throughput> {
  const end = Date.parse(BENCH_RANGE.to);
  let n = 0;
  const latencies: number[] = [];
  let bad = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/api/search`,
        connections,
        duration: SECONDS,
        timeout: 10,
        requests: way.bodies.map((body) => ({
          method: 'POST' as const,
          headers: { 'content-type': 'application/json' },
          setupRequest: (req: autocannon.Request) => ({ ...req, body: body(moving ? new Date(end - n++).toISOString() : BENCH_RANGE.to) }),
        })),
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) latencies.push(responseTime);
      else bad++;
    });
  });
  return {
    screensPerSecond: latencies.length / way.bodies.length / SECONDS,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    errors: bad + result.errors + result.timeouts,
  };
}

async function throughputMain(): Promise<void> {
  const version = await prepareBenchData();
  const beforeRef = process.env.BENCH_BEFORE ?? '57be814^';
  const before = await startAppAt(beforeRef, Number(process.env.BENCH_BEFORE_PORT ?? 3207));
  const after = await startBenchApp(Number(process.env.BENCH_PORT ?? 3200));
  const lines: string[] = [];
  try {
    for (const moving of [false, true]) {
      const ways: [string, string, ScreenWay][] = [
        [`before (${before.commit})`, before.url, ONE_POST],
        ['after', after.url, THREE_PARTS],
        ['after', after.url, ONE_POST],
      ];
      const baseline: Throughput[] = [];
      for (const [label, url, way] of ways) {
        await throughput(url, way, 4, moving); // warm-up
        const t = await throughput(url, way, 20, moving);
        baseline.push(t);
        const ratio = t.screensPerSecond / baseline[0]!.screensPerSecond;
        lines.push(
          `| ${moving ? 'every screen different' : 'the same screen'} | ${label}: ${way.name} | ${t.screensPerSecond.toFixed(1)} | ${ratio.toFixed(2)} × | ${t.p50.toFixed(0)} / ${t.p95.toFixed(0)} | ${t.errors} |`,
        );
      }
    }
    const load = os.loadavg().map((l) => l.toFixed(1));
    console.log(`\n${machineLine(version)}; 20 clients, ${SECONDS} s per row; load average at the end ${load.join(' / ')}`);
    console.log('| screens | app: how it asks | screens/s | vs before | request p50 / p95 ms | errors |');
    console.log('| --- | --- | ---: | ---: | ---: | ---: |');
    for (const line of lines) console.log(line);
  } finally {
    before.stop();
    after.stop();
  }
}

(process.argv.includes('--throughput') ? throughputMain() : main()).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
