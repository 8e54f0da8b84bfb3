/**
 * `npm run bench`: the search budget of issue 2, measured over HTTP against a production
 * build of the app (`next start`) on the fixed 1M-document bench dataset.
 *   POST /api/search — 100 rows + histogram + 4 facets over 24 h, no query
 * Prints one table: operation, p50, p95, engine p50, server overhead p50 — overhead as the issue
 * defines it (tookMs.server − tookMs.engine) and the app's own share (server − engine round trip).
 * Options (env): BENCH_DOCS (default 1,000,000), BENCH_RUNS (default 200), BENCH_PORT (3200).
 */
import type { SearchRequestInput, SearchResponse } from '../lib/schema/search';
import { BENCH_RANGE, machineLine, percentile, prepareBenchData, startBenchApp } from './bench-app';

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const WARMUP = 10;

interface Sample {
  wall: number;
  engine: number;
  roundTrip: number;
  server: number;
}

async function measure(url: string, name: string, body: SearchRequestInput): Promise<{ name: string; samples: Sample[] }> {
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS + WARMUP; i++) {
    const t0 = performance.now();
    const res = await fetch(`${url}/api/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as SearchResponse;
    const wall = performance.now() - t0;
    if (!res.ok) throw new Error(`${name}: HTTP ${res.status} ${JSON.stringify(json)}`);
    if (i >= WARMUP) samples.push({ wall, engine: json.tookMs.engine, roundTrip: json.tookMs.engineRoundTrip, server: json.tookMs.server });
  }
  return { name, samples };
}

async function main(): Promise<void> {
  const version = await prepareBenchData();
  const app = await startBenchApp(PORT);
  try {
    const time = BENCH_RANGE;
    const facets = ['namespace', 'pod', 'container', 'level'];
    const results = [
      await measure(app.url, 'search: 100 rows + histogram + 4 facets, 24 h', { time, size: 100, histogram: true, facets }),
      await measure(app.url, 'search: same, KQL level:error', {
        time,
        size: 100,
        histogram: true,
        facets,
        query: { language: 'kql', text: 'level:error' },
      }),
      await measure(app.url, 'search: 100 rows only, no aggregations', { time, size: 100, histogram: false, facets: [] }),
    ];
    console.log(`\n${machineLine(version)}; runs: ${RUNS} each, sequential, after ${WARMUP} warm-up`);
    console.log("| operation | p50 ms | p95 ms | engine p50 ms | server − engine p50 ms | app's own share p50 ms |");
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const r of results) {
      const wall = r.samples.map((s) => s.wall);
      const overhead = r.samples.map((s) => s.server - s.engine);
      const own = r.samples.map((s) => s.server - s.roundTrip);
      console.log(
        `| ${r.name} | ${percentile(wall, 50).toFixed(1)} | ${percentile(wall, 95).toFixed(1)} | ${percentile(
          r.samples.map((s) => s.engine),
          50,
        ).toFixed(1)} | ${percentile(overhead, 50).toFixed(1)} | ${percentile(own, 50).toFixed(1)} |`,
      );
    }
  } finally {
    app.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
