/**
 * `npm run bench:embed`: the embed panels' budgets (issue 11) and the explorer's first load
 * (issue 9) in headless Chromium against production builds over the 1M-document bench dataset,
 * each panel inside a host page served from another origin (127.0.0.1 on the next port):
 *   - first-load JS (gzipped bytes of the scripts the page loads by the time its first data is
 *     painted and its load event has fired): the embed page per panel kind, and the explorer
 *   - iframe load → first data painted (the frame's own clock: from its navigation start to the
 *     frame after the first row, bar or facet value is in the page), p50 / p95, cold cache;
 *     navigation → first row painted for the explorer
 *   - the panel's data route against `POST /api/search` for the same screen part: p50 / p95,
 *     the two interleaved so that the machine's noise falls on both alike
 * Every page is measured on this build and, beside it in the same run, on a build of an earlier
 * commit (BENCH_BEFORE, default 0dfb54b: the last embed page that was a React App Router page;
 * built once in a throwaway worktree, bench/before-app.ts),
 * the loads alternating between the two. `BENCH_BEFORE=none` measures this build alone.
 * Options (env): BENCH_EMBED_RUNS (default 15), BENCH_PORT (default 3203; the host page takes the
 * next, the earlier build the one after), BENCH_EMBED_VERBOSE=1 (every script loaded, gzipped).
 */
import http from 'node:http';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { BENCH_RANGE, machineLine, percentile, prepareBenchData, startBenchApp } from './bench-app';
import { startAppAt } from './before-app';

const RUNS = Number(process.env.BENCH_EMBED_RUNS ?? 15);
/** BENCH_EMBED_VERBOSE=1: each script of every frame load, gzipped, to see what to cut. */
const VERBOSE = process.env.BENCH_EMBED_VERBOSE === '1';
const PORT = Number(process.env.BENCH_PORT ?? 3203);
const HOST_PORT = PORT + 1;
const BEFORE_PORT = PORT + 2;
const BEFORE_REF = process.env.BENCH_BEFORE ?? '0dfb54b';
const HOST = `http://127.0.0.1:${HOST_PORT}`;
const SECRET = 'bench-embed-secret-not-for-production-0123456789';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const PANELS = ['results', 'histogram', 'facets'] as const;
type Panel = (typeof PANELS)[number];
/** The explorer's first row, as bench:ui counts it. */
const EXPLORER_ROW = '[role="row"][data-doc-id]';

/** What "data painted" is in each panel: its first row, its chart, its first facet value. */
const DATA_SELECTOR: Record<Panel, string> = {
  results: '[data-panel="results"] li',
  // recharts' bars (builds before the SVG chart of lib/embed/view/histogram-view.ts) or the SVG's.
  histogram: '[data-panel="histogram"] .recharts-bar-rectangle, [data-panel="histogram"] [data-bar] rect',
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

/** Installed in every frame; the measured one (the embed's frame, or the page) records when its first data was painted. */
const probe = (selector: string, inFrame: boolean) => `(() => {
  if (${inFrame} && window === window.top) return;
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

type Load = { scripts: number; gzipKb: number; paintMs: number };

/** One cold load of `src`: in the host page's frame (an embed), or as the page itself (the explorer). */
async function coldLoad(browser: Browser, selector: string, src: string, inFrame: boolean): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(probe(selector, inFrame));
  const bodies: Promise<Buffer>[] = [];
  const names: string[] = [];
  let counting = true;
  page.on('response', (res) => {
    if (counting && res.request().resourceType() === 'script' && (!inFrame || res.frame() !== page.mainFrame())) {
      bodies.push(res.body().catch(() => Buffer.alloc(0)));
      names.push(new URL(res.url()).pathname);
    }
  });
  let target = page.mainFrame();
  if (inFrame) {
    await page.goto(`${HOST}/?src=${encodeURIComponent(src)}`);
    const frame = await (await page.waitForSelector('#panel')).contentFrame();
    if (!frame) throw new Error('no embed frame');
    target = frame;
  } else {
    await page.goto(src);
  }
  await target.waitForFunction(() => (window as { __firstDataPaint?: number }).__firstDataPaint !== undefined, null, { timeout: 30_000 });
  // A page whose data is in its HTML paints before its scripts have come: count them all the same.
  await target.waitForLoadState('load');
  counting = false;
  const paintMs = await target.evaluate(() => (window as { __firstDataPaint?: number }).__firstDataPaint ?? NaN);
  const sizes = (await Promise.all(bodies)).map((b) => gzipSync(b).length);
  if (VERBOSE) names.forEach((name, i) => console.log(`  ${src.slice(0, 60)}: ${((sizes[i] ?? 0) / 1024).toFixed(1)} KB ${name}`));
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

interface App {
  name: string;
  url: string;
  stop: () => void;
}

/** A page measured on each app: how to reach it there, what its first data is. */
interface Target {
  name: string;
  selector: string;
  inFrame: boolean;
  src: Map<App, string>;
}

const f = (v: number[]) => `${percentile(v, 50).toFixed(0)} / ${percentile(v, 95).toFixed(0)}`;
const kb = (l: Load) => `${l.gzipKb.toFixed(1)} KB (${l.scripts})`;

async function main(): Promise<void> {
  const version = await prepareBenchData();
  const env = { EMBED_SECRET: SECRET, EMBED_ALLOWED_ORIGINS: HOST, APP_INDEX_PREFIX: 'lxbench-app-' };
  const apps: App[] = [];
  const host = await hostPage();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const made: { app: App; id: string }[] = [];
  try {
    if (BEFORE_REF !== 'none') {
      const before = await startAppAt(BEFORE_REF, BEFORE_PORT, env);
      apps.push({ name: `before (${before.commit})`, url: before.url, stop: before.stop });
    }
    const current = await startBenchApp(PORT, env);
    const now: App = { name: 'this build', url: current.url, stop: current.stop };
    apps.push(now);

    const explorerPath = `/?${new URLSearchParams({ v: '1', from: BENCH_RANGE.from, to: BENCH_RANGE.to }).toString()}`;
    const targets: Target[] = [
      { name: 'explorer', selector: EXPLORER_ROW, inFrame: false, src: new Map(apps.map((a) => [a, `${a.url}${explorerPath}`])) },
    ];
    const embeds = new Map<Panel, { id: string; token: string }>();
    for (const panel of PANELS) {
      const src = new Map<App, string>();
      for (const app of apps) {
        const embed = await makeEmbed(app.url, panel);
        made.push({ app, id: embed.id });
        src.set(app, embed.url);
        if (app === now) embeds.set(panel, embed);
      }
      targets.push({ name: `embed: ${panel}`, selector: DATA_SELECTOR[panel], inFrame: true, src });
    }

    const rows: string[] = [];
    for (const target of targets) {
      const loads = new Map<App, Load[]>(apps.map((a) => [a, []]));
      for (const app of apps) await coldLoad(browser, target.selector, target.src.get(app)!, target.inFrame); // warm-up
      // Alternating, and the order swapped each round, so the machine's noise falls on both.
      for (let i = 0; i < RUNS; i++) {
        for (const app of i % 2 === 0 ? apps : [...apps].reverse()) {
          loads.get(app)!.push(await coldLoad(browser, target.selector, target.src.get(app)!, target.inFrame));
        }
      }
      const cells = apps.map((a) => {
        const l = loads.get(a)!;
        return { js: kb(l[0]!), paint: l.map((x) => x.paintMs) };
      });
      const ratio = cells.length > 1 ? (percentile(cells[1]!.paint, 50) / percentile(cells[0]!.paint, 50)).toFixed(2) : '–';
      rows.push(`| ${target.name} | ${cells.map((c) => c.js).join(' | ')} | ${cells.map((c) => f(c.paint)).join(' | ')} | ${ratio} |`);
    }

    const dataRows: string[] = [];
    for (const panel of PANELS) {
      const { data, direct } = await dataVsSearch(now.url, panel, embeds.get(panel)!, RUNS * 2);
      dataRows.push(`| ${panel} | ${f(data)} | ${f(direct)} | ${(percentile(data, 95) / percentile(direct, 95)).toFixed(2)} |`);
    }

    const load = os.loadavg().map((l) => l.toFixed(1));
    console.log(`\nload average at the end (1/5/15 min): ${load.join(' / ')}`);
    console.log(`${machineLine(version)}; Chromium headless; ${RUNS} cold loads per page and build, alternating`);
    console.log('Budgets: explorer first-load JS ≤ 180 KB (issue 9); embed first-load JS ≤ 120 KB, first data p50 ≤ 1,000 ms (issue 11).');
    const names = apps.map((a) => a.name);
    console.log(
      `| page | ${names.map((n) => `${n}: first-load JS, gzipped (scripts)`).join(' | ')} | ${names
        .map((n) => `${n}: first data painted p50 / p95 ms`)
        .join(' | ')} | p50 ratio |`,
    );
    console.log(`| --- | ${names.map(() => '---:').join(' | ')} | ${names.map(() => '---:').join(' | ')} | ---: |`);
    for (const r of rows) console.log(r);
    console.log(`\n| panel (this build) | panel data route p50 / p95 ms | POST /api/search, same part, p50 / p95 ms | p95 ratio (≈ 1) |`);
    console.log('| --- | ---: | ---: | ---: |');
    for (const r of dataRows) console.log(r);
  } finally {
    for (const { app, id } of made) await fetch(`${app.url}/api/embeds/${id}`, { method: 'DELETE' }).catch(() => undefined);
    await browser.close();
    await new Promise((resolve) => host.close(resolve));
    for (const app of apps) app.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
