/**
 * `npm run bench:engines` (issue "Every engine and log shape"): the 24 h screen on the 1M-doc
 * bench set on each of the four local engines, side by side in one run, each against
 * Elasticsearch 9's figure.
 *
 * The default engine (Elasticsearch 9, :9200) and its app run throughout; every other engine is
 * started in turn (heap BENCH_ENGINE_HEAP, default 2g, so at most two engines run at once),
 * loaded with the same bench set once (kept in its own data folder, so later runs skip the load),
 * given its own `next start`, and measured in alternation with Elasticsearch 9 — one screen on
 * one, then the same screen on the other — so both see the same machine load and their ratio
 * means something on a shared machine. The engine is stopped again if this run started it.
 *
 * Measured: the screen as the browser asks for it (rows, count with bars, facets: three
 * `POST /api/search` in parallel) and its rows part alone; and, to tell the engine from the app,
 * the engine's own `took` of each part (the answer's `tookMs.engine`). BENCH_RUNS (default 40) per engine
 * after BENCH_WARMUP (default 150) warm-up screens, BENCH_PORT (default 3220; the other engine's app on the next port),
 * BENCH_ONLY=elasticsearch@8,opensearch@2 to measure fewer, BENCH_ENGINE_PORT_OFFSET=N to run
 * the other engines on their port + N (their own data folders still), beside a test:engines run
 * that uses the usual ports.
 */
import os from 'node:os';
import { Client } from '@elastic/elasticsearch';
import { seedDataset } from '../lib/demo-cluster/load';
import { engineConnection } from '../lib/es/connection';
import { describeEngine, engineInfo } from '../lib/es/engine';
import { isDefaultEngine, LOCAL_ENGINES, type LocalEngineSpec } from '../lib/es/local-engines';
import type { SearchRequestInput } from '../lib/schema/search';
import { buildSearchRequest, type SearchPlan } from '../lib/search/build-request';
import { timeSortedRowsRequest } from '../lib/search/time-sorted-rows';
import { engineAnswers, runStep } from '../scripts/run-steps';
import { BENCH_DATASET, BENCH_RANGE, percentile, prepareBenchData, startBenchApp } from './bench-app';

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
/**
 * Screens per engine before measuring. Elasticsearch 9 is the machine's long-lived node; the
 * others are often started by this run, and a just-started JVM answers even request-cache hits
 * 2–4 × slower until its search path is compiled (took of cached bars 4 → 1–2 ms over ~300
 * searches, bench/README.md "Why the other engines were slower"). Five screens left them cold.
 */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 150);
const PORT = Number(process.env.BENCH_PORT ?? 3220);
const HEAP = process.env.BENCH_ENGINE_HEAP ?? '2g';
const BUDGET = 1.5;
const FACETS = ['namespace', 'pod', 'container', 'level'];

const label = (e: LocalEngineSpec) => `${e.kind}@${e.version.split('.')[0]}`;
const PORT_OFFSET = Number(process.env.BENCH_ENGINE_PORT_OFFSET ?? 0);
const portOf = (e: LocalEngineSpec) => (isDefaultEngine(e) ? e.port : e.port + PORT_OFFSET);
const urlOf = (e: LocalEngineSpec) => `http://127.0.0.1:${portOf(e)}`;

const screen = { time: { ...BENCH_RANGE, timeZone: 'UTC' }, query: { language: 'kql' as const, text: '' }, filters: [] };
const PARTS: SearchRequestInput[] = [
  // As the browser asks for its rows part: the count comes with the bars (total: false).
  { ...screen, size: 100, histogram: false, facets: [], total: false },
  { ...screen, size: 0, histogram: true, facets: [] },
  { ...screen, size: 0, histogram: false, facets: FACETS, facetSize: 50 },
];

interface PartTimes {
  /** The engine's own time (`tookMs.engine`). */
  took: number;
  /** The app's wait for the engine's answer: `took` plus rendering, the wire and decoding (`tookMs.engineRoundTrip`). */
  roundTrip: number;
}

/** One part; resolves to the engine's times for it. */
async function post(url: string, body: SearchRequestInput): Promise<PartTimes> {
  const res = await fetch(`${url}/api/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${text.slice(0, 300)}`);
  const { tookMs } = JSON.parse(text) as { tookMs: { engine: number; engineRoundTrip: number } };
  return { took: tookMs.engine, roundTrip: tookMs.engineRoundTrip };
}

const PART_NAMES = ['rows', 'bars', 'facets'] as const;

/** The rows part of the screen as the app plans it for the browser (no query, newest 100 of the day, not counted). */
const ROWS_PLAN: SearchPlan = {
  index: `${BENCH_DATASET.indexPrefix}*`,
  timeField: '@timestamp',
  range: { from: Date.parse(BENCH_RANGE.from), to: Date.parse(BENCH_RANGE.to) },
  timeZone: 'UTC',
  query: null,
  filters: { filter: [], must_not: [] },
  sort: 'desc',
  size: 100,
  after: null,
  histogram: null,
  facets: [],
  facetSize: 0,
  // The browser's rows part: its count comes with the bars.
  total: false,
  highlightFields: [],
  engineTimeout: '10000ms',
};

interface RowsProfile {
  /** Documents the engine's query visited (`profile: true`, `next_doc` calls summed over shards). */
  visited: number;
  took: number[];
}

interface ProfileShard {
  searches: { query: { breakdown: Record<string, number> }[] }[];
}

/**
 * The rows part raw at the engine, its full sort (time, `_index`, `_seq_no`) beside the time
 * alone that a first page now asks for (lib/search/time-sorted-rows.ts), interleaved: the
 * engine's own profile says which one stops early.
 */
async function rowsProfiles(url: string, runs = 20): Promise<{ full: RowsProfile; timeOnly: RowsProfile }> {
  const client = new Client(engineConnection({ ...process.env, ELASTICSEARCH_URL: url }).options);
  const full = buildSearchRequest(ROWS_PLAN);
  const bodies = { full, timeOnly: timeSortedRowsRequest(full) };
  try {
    const out = { full: { visited: 0, took: [] as number[] }, timeOnly: { visited: 0, took: [] as number[] } };
    for (const key of ['full', 'timeOnly'] as const) {
      const profiled = (await client.search({ ...bodies[key], profile: true })) as { profile?: { shards: ProfileShard[] } };
      out[key].visited = (profiled.profile?.shards ?? [])
        .flatMap((s) => s.searches.flatMap((x) => x.query))
        .reduce((sum, q) => sum + (q.breakdown.next_doc_count ?? 0), 0);
    }
    for (let i = 0; i < runs; i++) {
      for (const key of ['full', 'timeOnly'] as const) out[key].took.push((await client.search(bodies[key])).took);
    }
    return out;
  } finally {
    await client.close();
  }
}

interface Samples {
  screen: number[];
  rows: number[];
  /** The engine's `took` of each part of the screen, in PART_NAMES order. */
  engine: [number[], number[], number[]];
  /** The app's round trip to the engine for each part, in PART_NAMES order. */
  roundTrip: [number[], number[], number[]];
}

const samples = (): Samples => ({ screen: [], rows: [], engine: [[], [], []], roundTrip: [[], [], []] });

async function once(url: string, into: Samples | null): Promise<void> {
  let t0 = performance.now();
  await post(url, PARTS[0]!);
  const rows = performance.now() - t0;
  t0 = performance.now();
  const times = await Promise.all(PARTS.map((p) => post(url, p)));
  const whole = performance.now() - t0;
  if (into) {
    into.rows.push(rows);
    into.screen.push(whole);
    times.forEach((t, i) => {
      into.engine[i]!.push(t.took);
      into.roundTrip[i]!.push(t.roundTrip);
    });
  }
}

/** Starts the engine (a no-op when it runs) and loads the bench set (skipped when it is there). */
async function prepareEngine(spec: LocalEngineSpec): Promise<{ name: string; startedHere: boolean }> {
  const url = urlOf(spec);
  const startedHere = !(await engineAnswers(url));
  const env = {
    ENGINE_KIND: spec.kind,
    ENGINE_VERSION: spec.version,
    ENGINE_HEAP: HEAP,
    ENGINE_PORT: String(portOf(spec)),
    ELASTICSEARCH_URL: undefined,
  };
  if ((await runStep({ name: 'engine', command: 'tsx', args: ['scripts/engine.ts', 'start'], env })) !== 0) {
    throw new Error(`${spec.kind} ${spec.version} did not start`);
  }
  const client = new Client(engineConnection({ ...process.env, ELASTICSEARCH_URL: url }).options);
  try {
    const name = describeEngine(await engineInfo(client));
    const t0 = Date.now();
    const seeded = await seedDataset(client, BENCH_DATASET);
    console.log(
      seeded.skipped
        ? `${name}: the bench set is already loaded`
        : `${name}: loaded ${seeded.docs.toLocaleString('en-US')} docs in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
    );
    await mergeBenchSet(client, name);
    return { name, startedHere };
  } finally {
    await client.close();
  }
}

const BENCH_INDICES = `${BENCH_DATASET.indexPrefix}*`;

/** Segments of the bench set's indices: how the engine's merges happened to leave them. */
async function segmentCount(client: Client): Promise<number> {
  const res = await client.indices.segments({ index: BENCH_INDICES });
  let count = 0;
  for (const index of Object.values(res.indices)) {
    for (const copies of Object.values(index.shards)) {
      const primary = Array.isArray(copies) ? copies[0] : copies;
      count += Object.keys(primary?.segments ?? {}).length;
    }
  }
  return count;
}

/**
 * Every engine's set prepared alike: the same seed, shards and index sort from the seeder, and
 * force-merged to one segment per shard, as a day's index is once it is no longer written to.
 * Left as the load's merges happened to leave it, the same set had 11 to 35 segments on the
 * four engines. A no-op once merged.
 */
async function mergeBenchSet(client: Client, name: string): Promise<void> {
  const before = await segmentCount(client);
  const shards = (await client.cat.shards({ index: BENCH_INDICES, format: 'json' })).filter((s) => Number(s.docs) > 0).length;
  if (before <= shards) return;
  const t0 = Date.now();
  await client.indices.forcemerge({ index: BENCH_INDICES, max_num_segments: 1 }, { requestTimeout: 30 * 60_000 });
  // OpenSearch lists the merged-away segments until the next refresh.
  await client.indices.refresh({ index: BENCH_INDICES });
  console.log(
    `${name}: bench set force-merged, ${before} → ${await segmentCount(client)} segments in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
}

interface EngineState {
  segments: number;
  /** The JVM's uptime when the measured runs began. */
  uptimeS: number;
  cache: { hit: number; miss: number };
}

async function engineState(url: string): Promise<EngineState> {
  const client = new Client(engineConnection({ ...process.env, ELASTICSEARCH_URL: url }).options);
  try {
    const stats = await client.nodes.stats({ node_id: '_local', metric: ['indices', 'jvm'], index_metric: ['request_cache'] });
    const node = Object.values(stats.nodes)[0];
    const cache = node?.indices?.request_cache;
    return {
      segments: await segmentCount(client),
      uptimeS: Math.round((node?.jvm?.uptime_in_millis ?? 0) / 1000),
      cache: { hit: cache?.hit_count ?? 0, miss: cache?.miss_count ?? 0 },
    };
  } finally {
    await client.close();
  }
}

const cacheDelta = (before: EngineState, after: EngineState) => ({
  hit: after.cache.hit - before.cache.hit,
  miss: after.cache.miss - before.cache.miss,
});

async function stopEngine(spec: LocalEngineSpec): Promise<void> {
  await runStep({
    name: 'engine stop',
    command: 'tsx',
    args: ['scripts/engine.ts', 'stop'],
    env: { ENGINE_KIND: spec.kind, ENGINE_VERSION: spec.version, ENGINE_PORT: String(portOf(spec)), ELASTICSEARCH_URL: undefined },
  });
}

interface Row {
  name: string;
  rowsProfile?: { full: RowsProfile; timeOnly: RowsProfile };
  /** The engine before the measured runs, and its request cache's hits and misses during them. */
  state?: EngineState;
  own: Samples;
  /** Elasticsearch 9's samples taken in alternation with this engine's (itself for its own row). */
  paired: Samples;
}

const ms = (v: number) => v.toFixed(0);

/** The engine's own time per part, p50 (and Elasticsearch 9's alongside): where an engine is slower. */
function engineTable(rows: Row[]): string {
  const out = [
    `| engine | ${PART_NAMES.map((p) => `${p}: took p50 ms (ES 9 alongside)`).join(' | ')} |`,
    `| --- |${' ---: |'.repeat(PART_NAMES.length)}`,
  ];
  for (const r of rows) {
    const cells = PART_NAMES.map((_, i) => `${ms(percentile(r.own.engine[i]!, 50))} (${ms(percentile(r.paired.engine[i]!, 50))})`);
    out.push(`| ${r.name} | ${cells.join(' | ')} |`);
  }
  return out.join('\n');
}

/** The app's round trip to the engine per part, p50: the engine's answer beyond its `took` (rendering, wire, decoding). */
function roundTripTable(rows: Row[]): string {
  return markdownTable(
    ['engine', ...PART_NAMES.map((p) => `${p}: round trip p50 ms (ES 9 alongside)`)],
    rows.map((r) => [
      r.name,
      ...PART_NAMES.map((_, i) => `${ms(percentile(r.own.roundTrip[i]!, 50))} (${ms(percentile(r.paired.roundTrip[i]!, 50))})`),
    ]),
  );
}

/** A Markdown table: the header's cells, then a row of cells for each row that has any. */
function markdownTable(head: string[], rows: (string[] | null)[]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), `| --- |${' ---: |'.repeat(head.length - 1)}`, ...rows.flatMap((r) => (r ? [line(r)] : []))].join('\n');
}

/** What each engine was measured on: segments, how long its JVM had run, its request cache. */
function stateTable(rows: Row[]): string {
  return markdownTable(
    ['engine', 'bench set segments', 'JVM uptime at the first measured run', 'request cache hits / misses during the runs'],
    rows.map(({ name, state }) =>
      state ? [name, String(state.segments), `${(state.uptimeS / 60).toFixed(0)} min`, `${state.cache.hit} / ${state.cache.miss}`] : null,
    ),
  );
}

/** The rows part at the engine, full sort vs time alone: where the early stop happens. */
function rowsProfileTable(rows: Row[]): string {
  const cell = (p: RowsProfile) => `${p.visited.toLocaleString('en-US')} / ${ms(percentile(p.took, 50))}`;
  return markdownTable(
    [
      'engine',
      'rows by (time, _index, _seq_no), not counted: docs visited / took p50 ms',
      'rows by time alone (+1 row), not counted: docs visited / took p50 ms',
    ],
    rows.map(({ name, rowsProfile: p }) => (p ? [name, cell(p.full), cell(p.timeOnly)] : null)),
  );
}

function table(rows: Row[]): string {
  const out = [
    '| engine | rows ready p50 / p95 ms | 24 h screen p50 / p95 ms | Elasticsearch 9 alongside, screen p50 / p95 ms | ratio p50 / p95 | ≤ 1.5 × ES 9 |',
    '| --- | ---: | ---: | ---: | ---: | :---: |',
  ];
  for (const r of rows) {
    const [p50, p95] = [percentile(r.own.screen, 50), percentile(r.own.screen, 95)];
    const [b50, b95] = [percentile(r.paired.screen, 50), percentile(r.paired.screen, 95)];
    const ratio = [p50 / b50, p95 / b95];
    const ok = ratio.every((x) => x <= BUDGET);
    out.push(
      `| ${r.name} | ${ms(percentile(r.own.rows, 50))} / ${ms(percentile(r.own.rows, 95))} | ${ms(p50)} / ${ms(p95)} | ${ms(b50)} / ${ms(b95)} | ${ratio[0]!.toFixed(2)} / ${ratio[1]!.toFixed(2)} | ${ok ? '✔' : '✘'} |`,
    );
  }
  return out.join('\n');
}

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim().toLowerCase());
  const base = LOCAL_ENGINES.find(isDefaultEngine)!;
  const others = LOCAL_ENGINES.filter((e) => !isDefaultEngine(e) && (!only || only.includes(label(e))));
  const baseVersion = await prepareBenchData();
  const baseName = `Elasticsearch ${baseVersion}`;
  const baseClient = new Client(engineConnection({ ...process.env, ELASTICSEARCH_URL: urlOf(base) }).options);
  await mergeBenchSet(baseClient, baseName).finally(() => baseClient.close());
  let baseState: EngineState | undefined;
  const baseCache = { hit: 0, miss: 0 };
  const baseApp = await startBenchApp(PORT, { ELASTICSEARCH_URL: urlOf(base), ENGINE_KIND: undefined, ENGINE_VERSION: undefined });
  const baseAll = samples();
  const rows: Row[] = [];
  try {
    for (const spec of others) {
      const { name, startedHere } = await prepareEngine(spec);
      const app = await startBenchApp(PORT + 1, { ELASTICSEARCH_URL: urlOf(spec), ENGINE_KIND: undefined, ENGINE_VERSION: undefined });
      try {
        for (let i = 0; i < WARMUP; i++) {
          await once(baseApp.url, null);
          await once(app.url, null);
        }
        const own = samples();
        const paired = samples();
        const [ownBefore, baseBefore] = await Promise.all([engineState(urlOf(spec)), engineState(urlOf(base))]);
        baseState ??= baseBefore;
        // Alternate, and swap who goes first each round: neither always runs on a warmer cache.
        for (let i = 0; i < RUNS; i++) {
          const pair: [string, Samples][] = [
            [baseApp.url, paired],
            [app.url, own],
          ];
          if (i % 2 === 1) pair.reverse();
          for (const [url, into] of pair) await once(url, into);
        }
        const [ownAfter, baseAfter] = await Promise.all([engineState(urlOf(spec)), engineState(urlOf(base))]);
        const state = { ...ownBefore, cache: cacheDelta(ownBefore, ownAfter) };
        const baseDelta = cacheDelta(baseBefore, baseAfter);
        baseCache.hit += baseDelta.hit;
        baseCache.miss += baseDelta.miss;
        baseAll.screen.push(...paired.screen);
        baseAll.rows.push(...paired.rows);
        paired.engine.forEach((took, i) => baseAll.engine[i]!.push(...took));
        paired.roundTrip.forEach((rt, i) => baseAll.roundTrip[i]!.push(...rt));
        // Each engine's row as soon as it is measured: a run cut short still leaves its figures.
        const row: Row = { name, state, own, paired, rowsProfile: await rowsProfiles(urlOf(spec)) };
        rows.push(row);
        console.log(
          `${name}: measured\n${table([row])}\n\n${engineTable([row])}\n\n${roundTripTable([row])}\n\n${stateTable([row])}\n\n${rowsProfileTable([row])}`,
        );
      } finally {
        app.stop();
        if (startedHere) await stopEngine(spec);
      }
    }
    if (others.length === 0) {
      for (let i = 0; i < WARMUP; i++) await once(baseApp.url, null);
      baseState = await engineState(urlOf(base));
      for (let i = 0; i < RUNS; i++) await once(baseApp.url, baseAll);
      const delta = cacheDelta(baseState, await engineState(urlOf(base)));
      baseCache.hit += delta.hit;
      baseCache.miss += delta.miss;
    }
  } finally {
    baseApp.stop();
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
  console.log(
    `\nmachine: ${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; ${BENCH_DATASET.docs.toLocaleString('en-US')} docs over ${BENCH_DATASET.days} day(s), the 24 h screen, no query; heap of the engines this run started ${HEAP}; ${RUNS} runs per engine after ${WARMUP} warm-up, alternating with Elasticsearch 9; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const all: Row[] = [
    {
      name: `${baseName} (all its runs)`,
      ...(baseState ? { state: { ...baseState, cache: baseCache } } : {}),
      rowsProfile: await rowsProfiles(urlOf(base)),
      own: baseAll,
      paired: baseAll,
    },
    ...rows,
  ];
  console.log(`${table(all)}\n\n${engineTable(all)}\n\n${roundTripTable(all)}\n\n${stateTable(all)}\n\n${rowsProfileTable(all)}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
