/**
 * `npm run bench:embed`: the embed panels' budgets (issue 11) in headless Chromium against a
 * production build over the 1M-document bench dataset, each panel inside a host page served
 * from another origin (127.0.0.1 on the next port):
 *   - first-load JS of the embed page (gzipped bytes of the scripts the frame loads before its
 *     first data is painted), per panel kind
 *   - iframe load → first data painted (the frame's own clock: from its navigation start to the
 *     frame after the first row, bar or facet value is in the page), p50 / p95, cold cache
 *   - the panel's data route against `POST /api/search` for the same screen part: p50 / p95,
 *     the two interleaved so that the machine's noise falls on both alike
 * Options (env): BENCH_EMBED_RUNS (default 15), BENCH_PORT (default 3203; the host page takes the next),
 * BENCH_EMBED_VERBOSE=1 (every script loaded, gzipped).
 */
import http from 'node:http';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { BENCH_RANGE, machineLine, percentile, prepareBenchData, startBenchApp } from './bench-app';

const RUNS = Number(process.env.BENCH_EMBED_RUNS ?? 15);
/** BENCH_EMBED_VERBOSE=1: each script of every frame load, gzipped, to see what to cut. */
const VERBOSE = process.env.BENCH_EMBED_VERBOSE === '1';
const PORT = Number(process.env.BENCH_PORT ?? 3203);
const HOST_PORT = PORT + 1;
const HOST = `http://127.0.0.1:${HOST_PORT}`;
const SECRET = 'bench-embed-secret-not-for-production-0123456789';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const PANELS = ['results', 'histogram', 'facets'] as const;
type Panel = (typeof PANELS)[number];

/** What "data painted" is in each panel: its first row, its chart, its first facet value. */
const DATA_SELECTOR: Record<Panel, string> = {
  results: '[data-panel="results"] li',
  histogram: '[data-panel="histogram"] [data-testid="histogram-chart"] .recharts-bar-rectangle',
  facets: '[data-panel="facets"] section li',
};

const STATE = {
  schemaVersion: 1,
  query: { language: 'kql', text: '' },
  filters: [],
  time: BENCH_RANGE,
  columns: ['message'],
  sort: 'desc',
};

/** Installed in every frame; the embed frame records when its first data was painted. */
const probe = (selector: string) => `(() => {
  if (window === window.top) return;
  const seen = () => document.querySelector(${JSON.stringify(selector)});
  const obs = new MutationObserver(() => {
    if (!seen()) return;
    obs.disconnect();
    requestAnimationFrame(() => { window.__firstDataPaint = performance.now(); });
  });
  obs.observe(document, { childList: true, subtree: true });
})();`;

async function makeEmbed(app: string, panel: Panel): Promise<{ id: string; token: string; url: string }> {
  const res = await fetch(`${app}/api/embeds`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ panel, state: STATE, origins: [HOST], maxWindowHours: 24, title: `bench ${panel}` }),
  });
  if (res.status !== 201) throw new Error(`POST /api/embeds: ${res.status} ${await res.text()}`);
  const made = (await res.json()) as { embed: { id: string }; token: string; url: string };
  return { id: made.embed.id, token: made.token, url: `${app}${made.url}` };
}

function hostPage(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const src = new URL(req.url ?? '/', HOST).searchParams.get('src') ?? '';
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><title>host</title><iframe id="panel" src="${src.replace(/"/g, '&quot;')}" width="900" height="420"></iframe>`);
  });
  return new Promise((resolve) => server.listen(HOST_PORT, '127.0.0.1', () => resolve(server)));
}

async function frameLoad(browser: Browser, panel: Panel, src: string): Promise<{ scripts: number; gzipKb: number; paintMs: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(probe(DATA_SELECTOR[panel]));
  const bodies: Promise<Buffer>[] = [];
  const names: string[] = [];
  let counting = true;
  page.on('response', (res) => {
    if (counting && res.request().resourceType() === 'script' && res.frame() !== page.mainFrame()) {
      bodies.push(res.body().catch(() => Buffer.alloc(0)));
      names.push(new URL(res.url()).pathname);
    }
  });
  await page.goto(`${HOST}/?src=${encodeURIComponent(src)}`);
  const frame = await (await page.waitForSelector('#panel')).contentFrame();
  if (!frame) throw new Error('no embed frame');
  await frame.waitForFunction(() => (window as { __firstDataPaint?: number }).__firstDataPaint !== undefined, null, { timeout: 30_000 });
  counting = false;
  const paintMs = await frame.evaluate(() => (window as { __firstDataPaint?: number }).__firstDataPaint ?? NaN);
  const sizes = (await Promise.all(bodies)).map((b) => gzipSync(b).length);
  if (VERBOSE) names.forEach((name, i) => console.log(`  ${panel}: ${((sizes[i] ?? 0) / 1024).toFixed(1)} KB ${name}`));
  await context.close();
  return { scripts: bodies.length, gzipKb: sizes.reduce((a, b) => a + b, 0) / 1024, paintMs };
}

async function timed(url: string, body: unknown): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  return performance.now() - t0;
}

/** The panel's data route and `POST /api/search` for the same part, alternating, `n` times each. */
async function dataVsSearch(app: string, panel: Panel, embed: { id: string; token: string }, n: number) {
  const search = {
    time: BENCH_RANGE,
    size: panel === 'results' ? 100 : 1,
    histogram: panel === 'histogram',
    facets: panel === 'facets' ? ['namespace', 'pod', 'container', 'level'] : [],
  };
  const data: number[] = [];
  const direct: number[] = [];
  for (let i = 0; i < n + 3; i++) {
    const a = await timed(`${app}/api/embeds/${embed.id}/data`, { token: embed.token });
    const b = await timed(`${app}/api/search`, search);
    if (i < 3) continue; // warm-up
    data.push(a);
    direct.push(b);
  }
  return { data, direct };
}

async function main(): Promise<void> {
  const version = await prepareBenchData();
  const app = await startBenchApp(PORT, { EMBED_SECRET: SECRET, EMBED_ALLOWED_ORIGINS: HOST, APP_INDEX_PREFIX: 'lxbench-app-' });
  const host = await hostPage();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const rows: string[] = [];
    const dataRows: string[] = [];
    for (const panel of PANELS) {
      const embed = await makeEmbed(app.url, panel);
      await frameLoad(browser, panel, embed.url); // warm-up: server caches, JIT
      const loads = [];
      for (let i = 0; i < RUNS; i++) loads.push(await frameLoad(browser, panel, embed.url));
      const paints = loads.map((l) => l.paintMs);
      const js = loads[0]!;
      rows.push(
        `| ${panel} | ${js.gzipKb.toFixed(1)} KB (${js.scripts} scripts) | ${percentile(paints, 50).toFixed(0)} / ${percentile(paints, 95).toFixed(0)} ms |`,
      );
      const { data, direct } = await dataVsSearch(app.url, panel, embed, RUNS * 2);
      const f = (v: number[]) => `${percentile(v, 50).toFixed(0)} / ${percentile(v, 95).toFixed(0)}`;
      dataRows.push(`| ${panel} | ${f(data)} | ${f(direct)} | ${(percentile(data, 95) / percentile(direct, 95)).toFixed(2)} |`);
      await fetch(`${app.url}/api/embeds/${embed.id}`, { method: 'DELETE' });
    }
    const load = os.loadavg().map((l) => l.toFixed(1));
    console.log(`\nload average at the end (1/5/15 min): ${load.join(' / ')}`);
    console.log(`${machineLine(version)}; Chromium headless; ${RUNS} cold frame loads per panel`);
    console.log(
      '| panel | embed page first-load JS, gzipped (budget ≤ 120 KB) | iframe load → first data painted, p50 / p95 (budget p50 ≤ 1,000 ms) |',
    );
    console.log('| --- | ---: | ---: |');
    for (const r of rows) console.log(r);
    console.log(`\n| panel | panel data route p50 / p95 ms | POST /api/search, same part, p50 / p95 ms | p95 ratio (≈ 1) |`);
    console.log('| --- | ---: | ---: | ---: |');
    for (const r of dataRows) console.log(r);
  } finally {
    await browser.close();
    await new Promise((resolve) => host.close(resolve));
    app.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
