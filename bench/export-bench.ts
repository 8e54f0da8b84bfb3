/**
 * `tsx --expose-gc bench/export-bench.ts`: the export budget of issue 5 — at least 20,000 rows/s
 * from the 1M-doc bench dataset, and the server's memory (RSS) growing by less than 100 MB over
 * a 1M-row export. The export route handler runs in this process, as it would in the server,
 * and the file is read as fast as it comes; RSS is sampled every 50 ms.
 * Options (env): BENCH_DOCS (default 1,000,000), BENCH_FORMATS (default "csv,ndjson").
 */
import type { ExportFormat, ExportRequestInput } from '../lib/schema/export';
import { BENCH_DATASET, BENCH_RANGE, BENCH_SOURCES, machineLine, prepareBenchData } from './bench-app';

const DOCS = BENCH_DATASET.docs;
const FORMATS = (process.env.BENCH_FORMATS ?? 'csv,ndjson').split(',') as ExportFormat[];
process.env.LOG_SOURCES = BENCH_SOURCES;
process.env.EXPORT_MAX_ROWS = String(Math.max(DOCS, 1_000_000));

const BUDGET_ROWS_PER_S = 20_000;
const BUDGET_RSS_MB = 100;
const MB = 2 ** 20;

interface Run {
  format: ExportFormat;
  rows: number;
  bytes: number;
  seconds: number;
  firstByteMs: number;
  rssBaseMb: number;
  rssPeakMb: number;
}

function settle(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
}

async function exportOnce(format: ExportFormat, maxRows?: number): Promise<Run> {
  const { POST } = await import('../app/api/export/route');
  const body: ExportRequestInput = {
    time: BENCH_RANGE,
    format,
    columns: ['namespace', 'pod', 'container', 'level', 'message'],
    ...(maxRows ? { maxRows } : {}),
  };
  settle();
  const rssBase = process.memoryUsage().rss;
  let rssPeak = rssBase;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 50);
  const t0 = performance.now();
  try {
    const res = await POST(new Request('http://localhost/api/export', { method: 'POST', body: JSON.stringify(body) }));
    if (res.status !== 200 || !res.body) throw new Error(`export: HTTP ${res.status} ${await res.text()}`);
    const firstByteMs = performance.now() - t0;
    const reader = res.body.getReader();
    let bytes = 0;
    let newlines = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (let i = value.indexOf(10); i !== -1; i = value.indexOf(10, i + 1)) newlines++;
    }
    const seconds = (performance.now() - t0) / 1000;
    const expected = Number(res.headers.get('x-export-total'));
    // NDJSON has one newline per row; CSV rows may hold newlines inside quotes, so trust the header there.
    const rows = format === 'ndjson' ? newlines : expected;
    if (format === 'ndjson' && rows !== expected) throw new Error(`ndjson: ${rows} lines but X-Export-Total ${expected}`);
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    return { format, rows, bytes, seconds, firstByteMs, rssBaseMb: rssBase / MB, rssPeakMb: rssPeak / MB };
  } finally {
    clearInterval(sampler);
  }
}

async function main(): Promise<void> {
  const version = await prepareBenchData();

  await exportOnce('ndjson', 20_000); // warm-up: modules, JIT, connections, field caps
  const runs: Run[] = [];
  for (const format of FORMATS) runs.push(await exportOnce(format));

  const gc = (globalThis as { gc?: () => void }).gc ? 'gc before each run' : 'no --expose-gc';
  console.log(`\n${machineLine(version)}; handler in-process, ${gc}`);
  console.log('| export (24 h, 6 columns) | rows | MB | first byte ms | seconds | rows/s | RSS start MB | RSS peak growth MB | budget |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  let ok = true;
  for (const r of runs) {
    const rate = r.rows / r.seconds;
    const growth = r.rssPeakMb - r.rssBaseMb;
    const pass = rate >= BUDGET_ROWS_PER_S && growth < BUDGET_RSS_MB && r.rows === Math.min(DOCS, 1_000_000);
    ok &&= pass;
    console.log(
      `| ${r.format} | ${r.rows.toLocaleString('en-US')} | ${(r.bytes / MB).toFixed(0)} | ${r.firstByteMs.toFixed(0)} | ${r.seconds.toFixed(1)} | ${Math.round(rate).toLocaleString('en-US')} | ${r.rssBaseMb.toFixed(0)} | ${growth.toFixed(0)} | ${pass ? 'ok' : 'OVER'} (≥ ${BUDGET_ROWS_PER_S.toLocaleString('en-US')} rows/s, < ${BUDGET_RSS_MB} MB) |`,
    );
  }
  process.exitCode = ok ? 0 : 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
