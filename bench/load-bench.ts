/**
 * `npm run bench:load`: load shedding and cancellation of issue 11, over HTTP against a
 * production build (`next start`) on the fixed 1M-document bench dataset, with autocannon.
 *   1. 20 concurrent clients on the 24 h screen (100 rows + histogram + 4 facets): p50/p95, errors.
 *   2. 200 concurrent clients: the slowest answer, how many were shed (503) and how fast, and
 *      whether the engine was harmed (search thread pool rejections, queue peak).
 *   3. Cancellation: 40 searches in flight, their callers go away; time until the engine holds
 *      no search task of the bench indices any more.
 * Options (env): BENCH_DOCS (1,000,000), LOAD_BENCH_SECONDS (20), BENCH_PORT (3202),
 * MAX_CONCURRENT_SEARCHES (the app's default).
 *
 * `npm run bench:throughput` (issue 9): 20 concurrent clients on the same 24 h screen, the app
 * before the rows-first change (BENCH_BEFORE, default the parent of 57be814, where the screen was
 * one combined search in one POST; built once in a throwaway worktree, see before-app.ts) beside
 * this build (the browser's three parts, and the one-POST whole screen). Twice: the very same
 * screen again and again (the engine's request cache may answer), and every screen different (its
 * range ends 1 ms later each time: nothing cached). Screens per second and request p50 / p95.
 * BENCH_PORT (3200) and BENCH_BEFORE_PORT (3207).
 */
import os from 'node:os';
import autocannon from 'autocannon';
import { Client } from '@elastic/elasticsearch';
import { engineConnection } from '../lib/es/connection';
import { BENCH_DATASET, BENCH_RANGE, machineLine, percentile, prepareBenchData, startBenchApp } from './bench-app';
import { startAppAt } from './before-app';

const SECONDS = Number(process.env.LOAD_BENCH_SECONDS ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 3202);
const SCREEN = JSON.stringify({ time: BENCH_RANGE, size: 100, histogram: true, facets: ['namespace', 'pod', 'container', 'level'] });

interface RunResult {
  connections: number;
  byStatus: Map<number, number[]>;
  errors: number;
  timeouts: number;
  rejectedDelta: number;
  queuePeak: number;
}

async function searchPool(engine: Client): Promise<{ rejected: number; queue: number }> {
  const stats = await engine.nodes.stats({ metric: ['thread_pool'] });
  let rejected = 0;
  let queue = 0;
  for (const node of Object.values(stats.nodes)) {
    rejected += node.thread_pool?.search?.rejected ?? 0;
    queue += node.thread_pool?.search?.queue ?? 0;
  }
  return { rejected, queue };
}

async function run(url: string, engine: Client, connections: number): Promise<RunResult> {
  const byStatus = new Map<number, number[]>();
  const before = await searchPool(engine);
  let queuePeak = 0;
  const sampler = setInterval(() => {
    void searchPool(engine).then((p) => (queuePeak = Math.max(queuePeak, p.queue)));
  }, 250);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/api/search`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: SCREEN,
        connections,
        duration: SECONDS,
        timeout: 10,
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      const list = byStatus.get(statusCode) ?? [];
      list.push(responseTime);
      byStatus.set(statusCode, list);
    });
  });
  clearInterval(sampler);
  const after = await searchPool(engine);
  return {
    connections,
    byStatus,
    errors: result.errors,
    timeouts: result.timeouts,
    rejectedDelta: after.rejected - before.rejected,
    queuePeak,
  };
}

async function benchTasks(engine: Client): Promise<number> {
  const res = await engine.tasks.list({ actions: 'indices:data/read/search*', detailed: true });
  let n = 0;
  for (const node of Object.values(res.nodes ?? {})) {
    for (const task of Object.values(node.tasks ?? {})) if (task.description?.includes(BENCH_DATASET.indexPrefix)) n++;
  }
  return n;
}

/** Sends `n` searches, drops them all once the engine runs them, and times how long their tasks live on. */
async function cancellation(url: string, engine: Client, n: number): Promise<{ seen: number; goneMs: number }> {
  const callers = Array.from({ length: n }, () => new AbortController());
  const requests = callers.map((c) =>
    fetch(`${url}/api/search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: SCREEN, signal: c.signal }).catch(
      () => undefined,
    ),
  );
  let seen = 0;
  for (let i = 0; i < 100 && seen === 0; i++) {
    seen = await benchTasks(engine);
    if (seen === 0) await new Promise((r) => setTimeout(r, 10));
  }
  for (const c of callers) c.abort();
  const abortedAt = performance.now();
  while ((await benchTasks(engine)) > 0) {
    if (performance.now() - abortedAt > 30_000) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const goneMs = performance.now() - abortedAt;
  await Promise.all(requests);
  return { seen, goneMs };
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

function row(r: RunResult): string {
  const ok = r.byStatus.get(200) ?? [];
  const shed = r.byStatus.get(503) ?? [];
  const all = [...r.byStatus.values()].flat();
  const other = all.length - ok.length - shed.length;
  const f = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '–');
  return `| ${r.connections} | ${all.length} | ${ok.length} | ${f(percentile(ok, 50))} / ${f(percentile(ok, 95))} | ${shed.length} | ${f(
    percentile(shed, 50),
  )} / ${f(percentile(shed, 95))} | ${f(Math.max(...all))} | ${other + r.errors + r.timeouts} | ${r.rejectedDelta} / ${r.queuePeak} |`;
}

async function main(): Promise<void> {
  const version = await prepareBenchData();
  const engine = new Client(engineConnection().options);
  const app = await startBenchApp(PORT);
  try {
    await run(app.url, engine, 4); // warm-up: field caps, JIT, engine caches
    const results = [await run(app.url, engine, 20), await run(app.url, engine, 200)];
    const cancel = await cancellation(app.url, engine, 40);
    const refusals = await luceneRefusals(app.url);
    const load = os.loadavg().map((l) => l.toFixed(1));
    console.log(`\nload average at the end (1/5/15 min): ${load.join(' / ')} — other work on the machine shows here`);
    console.log(
      `${machineLine(version)}; ${SECONDS} s per row; MAX_CONCURRENT_SEARCHES=${process.env.MAX_CONCURRENT_SEARCHES ?? 'default'}`,
    );
    console.log(
      '| clients | answers | 200 | 200 p50 / p95 ms | 503 shed | 503 p50 / p95 ms | slowest ms | errors | engine rejections / queue peak |',
    );
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of results) console.log(row(r));
    console.log('\n| Lucene refused (400) | p50 ms | p95 ms |\n| --- | ---: | ---: |');
    for (const line of refusals) console.log(line);
    console.log(
      `\ncancellation: ${cancel.seen} engine search tasks seen; all gone ${cancel.goneMs.toFixed(0)} ms after the 40 callers went away`,
    );
  } finally {
    app.stop();
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
