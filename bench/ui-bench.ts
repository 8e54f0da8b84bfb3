/**
 * `npx tsx bench/ui-bench.ts`: the explorer screen's budgets (issue 3) in headless Chromium
 * against a production build over the 1M-document bench dataset:
 *   - first-load JS of the explorer page (gzipped bytes of the module scripts its HTML names)
 *   - navigation → first result row painted (fresh browser context each run: cold browser cache)
 *   - facet click → updated table
 *   - scrolling through 10,000 loaded rows: frame gaps and long tasks
 * Every measure is taken on this build and, beside it in the same run, on a build of an earlier
 * commit (BENCH_BEFORE, default 0dfb54b: before the first rows were rendered on the server; built
 * once in a throwaway worktree, bench/before-app.ts), the two alternating, so the machine's noise
 * falls on both alike; `BENCH_BEFORE=none` measures this build alone.
 * Options (env): BENCH_UI_RUNS (default 15), BENCH_PORT (default 3201; the earlier build the next).
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { BENCH_RANGE, machineLine, percentile, prepareBenchData, startBenchApp } from './bench-app';
import { startAppAt } from './before-app';

const RUNS = Number(process.env.BENCH_UI_RUNS ?? 15);
const PORT = Number(process.env.BENCH_PORT ?? 3201);
const BEFORE_REF = process.env.BENCH_BEFORE ?? '0dfb54b';
const ROW = '[role="row"][data-doc-id]';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

function screenUrl(base: string): string {
  return `${base}/?${new URLSearchParams({ v: '1', from: BENCH_RANGE.from, to: BENCH_RANGE.to }).toString()}`;
}

/**
 * Records, inside the page, when the first result row is first painted and when the hit count
 * is (ms since navigation start): the rows may come in the HTML, the count always from the browser.
 */
const FIRST_ROW_PROBE = `(() => {
  const rowSeen = () => document.querySelector('${ROW}');
  const countSeen = () => /\\d/.test(document.querySelector('[data-testid="hits-total"]')?.textContent ?? '');
  const obs = new MutationObserver(() => {
    if (window.__rowSeen === undefined && rowSeen()) {
      window.__rowSeen = true;
      requestAnimationFrame(() => { window.__firstRowPaint = performance.now(); });
    }
    if (window.__countSeen === undefined && countSeen()) {
      window.__countSeen = true;
      requestAnimationFrame(() => { window.__countPaint = performance.now(); });
    }
    if (window.__rowSeen && window.__countSeen) obs.disconnect();
  });
  obs.observe(document, { childList: true, subtree: true, characterData: true });
})();`;

/**
 * Scrolls the grid from top to bottom, 800 px per animation frame, recording the gaps between
 * frames and every long task. A string, not a function: the bench runs through tsx, whose
 * transpiled functions reference helpers that do not exist inside the page.
 */
const SCROLL_PROBE = `(async () => {
  const el = document.querySelector('[role="grid"][aria-label="Log lines"]');
  const tasks = [];
  const obs = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
  obs.observe({ type: 'longtask', buffered: false });
  const gaps = [];
  await new Promise((done) => {
    let last = performance.now();
    const step = () => {
      const now = performance.now();
      gaps.push(now - last);
      last = now;
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) return done();
      el.scrollBy(0, 800);
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  obs.disconnect();
  return { gaps: gaps.slice(1), tasks };
})()`;

async function resultsSettled(page: Page): Promise<void> {
  await page.locator('[aria-busy="false"]').first().waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
}

/**
 * The scripts the page's HTML names (module scripts: the no-module polyfill is not loaded by
 * current browsers). Not "the scripts loaded before the first row": once the rows come in the
 * HTML they are painted before most scripts have arrived, yet the page needs all of these to work.
 */
function firstLoadScripts(html: string): Set<string> {
  const srcs = new Set<string>();
  for (const tag of html.match(/<script[^>]*\bsrc="[^"]+"[^>]*>/g) ?? []) {
    if (/\bnomodule\b/i.test(tag)) continue;
    srcs.add(/\bsrc="([^"]+)"/.exec(tag)![1]!.replace(/&amp;/g, '&'));
  }
  return srcs;
}

async function firstLoad(browser: Browser, url: string): Promise<{ scripts: number; gzipKb: number; paintMs: number; countMs: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(FIRST_ROW_PROBE);
  const bodies = new Map<string, Promise<Buffer>>();
  page.on('response', (res) => {
    if (res.request().resourceType() === 'script')
      bodies.set(
        new URL(res.url()).pathname,
        res.body().catch(() => Buffer.alloc(0)),
      );
  });
  const html = (await (await page.goto(url))?.text()) ?? '';
  await page.waitForFunction(() => (window as { __firstRowPaint?: number }).__firstRowPaint !== undefined);
  const paintMs = await page.evaluate(() => (window as { __firstRowPaint?: number }).__firstRowPaint ?? NaN);
  await page.waitForFunction(() => (window as { __countPaint?: number }).__countPaint !== undefined);
  const countMs = await page.evaluate(() => (window as { __countPaint?: number }).__countPaint ?? NaN);
  const named = [...firstLoadScripts(html)];
  const loaded = await Promise.all(named.map((src) => bodies.get(src) ?? Promise.resolve(Buffer.alloc(0))));
  if (loaded.some((b) => b.length === 0)) throw new Error(`a script the page names was not loaded: ${named.join(', ')}`);
  const gzip = loaded.reduce((sum, b) => sum + gzipSync(b).length, 0);
  await context.close();
  return { scripts: named.length, gzipKb: gzip / 1024, paintMs, countMs };
}

/**
 * Installed before the click: the click's time, the first frame after the table's rows are
 * updated (the results region's `data-loading` goes), and the first frame after the whole screen
 * is (its `aria-busy`: rows, count and bars, facets) — all on the page's own clock.
 */
const CLICK_PROBE = `(() => {
  const w = window;
  w.__clickAt = undefined; w.__rowsAt = undefined; w.__doneAt = undefined;
  document.addEventListener('click', () => { w.__clickAt = performance.now(); }, { capture: true, once: true });
  const region = document.querySelector('[aria-label="Results"][aria-busy]');
  let sawBusy = false;
  let sawLoading = false;
  const obs = new MutationObserver(() => {
    if (region.hasAttribute('data-loading')) sawLoading = true;
    else if (sawLoading && w.__clickAt !== undefined && w.__rowsAt === undefined) {
      w.__rowsAt = null;
      requestAnimationFrame(() => { w.__rowsAt = performance.now(); });
    }
    const busy = region.getAttribute('aria-busy') === 'true';
    if (busy) sawBusy = true;
    else if (sawBusy && w.__clickAt !== undefined && w.__doneAt === undefined) {
      w.__doneAt = null;
      requestAnimationFrame(() => { w.__doneAt = performance.now(); });
    }
  });
  obs.observe(region, { attributes: true, attributeFilter: ['aria-busy', 'data-loading'] });
})()`;

type ClickProbe = { __doneAt?: number | null; __rowsAt?: number | null; __clickAt?: number };

async function facetClick(browser: Browser, url: string): Promise<{ rows: number; all: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator(ROW).first().waitFor();
  await resultsSettled(page);
  await page.evaluate(CLICK_PROBE);
  await page
    .getByRole('button', { name: /^Include namespace / })
    .first()
    .click();
  await page.waitForFunction(
    () => typeof (window as ClickProbe).__doneAt === 'number' && typeof (window as ClickProbe).__rowsAt === 'number',
  );
  const ms = await page.evaluate(() => {
    const w = window as ClickProbe;
    return { rows: (w.__rowsAt ?? NaN) - (w.__clickAt ?? NaN), all: (w.__doneAt ?? NaN) - (w.__clickAt ?? NaN) };
  });
  await context.close();
  return ms;
}

async function scrolling(
  browser: Browser,
  url: string,
  rows: number,
): Promise<{ loaded: number; frames: number; p95: number; max: number; longTasks: number; longestTask: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url);
  const grid = page.getByRole('grid', { name: 'Log lines' });
  await page.locator(ROW).first().waitFor();
  let loaded = 0;
  // Pages load as the end comes into view; on a busy machine one may take seconds, so the list
  // counts as complete only when several scrolls to the end over 3 s bring no new row.
  let idle = 0;
  while (loaded < rows && idle < 6) {
    await grid.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.waitForTimeout(50);
    await resultsSettled(page);
    const count = Number(await grid.getAttribute('aria-rowcount')) - 1;
    if (count === loaded) {
      idle++;
      await page.waitForTimeout(500);
    } else idle = 0;
    loaded = count;
  }
  await grid.evaluate((el) => el.scrollTo(0, 0));
  const stats = (await page.evaluate(SCROLL_PROBE)) as { gaps: number[]; tasks: number[] };
  await context.close();
  return {
    loaded,
    frames: stats.gaps.length,
    p95: percentile(stats.gaps, 95),
    max: Math.max(...stats.gaps),
    longTasks: stats.tasks.filter((d) => d > 100).length,
    longestTask: Math.max(0, ...stats.tasks),
  };
}

interface Build {
  name: string;
  url: string;
  loads: Awaited<ReturnType<typeof firstLoad>>[];
  clicks: { rows: number; all: number }[];
  scroll?: Awaited<ReturnType<typeof scrolling>>;
}

const p = (values: number[], q: number) => percentile(values, q).toFixed(0);

/** One table row: each build's figure, and this build's over the earlier one's when there is one. */
function row(measure: string, builds: Build[], figure: (b: Build) => string, ratio: ((b: Build) => number) | null, budget: string): string {
  const cells = builds.map(figure);
  const [mine, before] = builds;
  const r = ratio && mine && before ? `${(ratio(mine) / ratio(before)).toFixed(2)} ×` : '';
  return `| ${measure} | ${cells.join(' | ')} |${builds.length > 1 ? ` ${r} |` : ''} ${budget} |`;
}

async function main(): Promise<void> {
  const version = await prepareBenchData();
  const apps = [{ name: 'this build', ...(await startBenchApp(PORT)) }];
  if (BEFORE_REF !== 'none') {
    const before = await startAppAt(BEFORE_REF, PORT + 1);
    apps.push({ name: `before (${before.commit})`, url: before.url, stop: before.stop });
  }
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const builds: Build[] = apps.map((a) => ({ name: a.name, url: screenUrl(a.url), loads: [], clicks: [] }));
    // Alternating, and each run in the other order, so that neither build always goes first.
    const inTurn = (i: number) => (i % 2 === 0 ? builds : [...builds].reverse());
    for (const b of builds) await firstLoad(browser, b.url); // warm-up: server caches, JIT
    for (let i = 0; i < RUNS; i++) for (const b of inTurn(i)) b.loads.push(await firstLoad(browser, b.url));
    for (let i = 0; i < RUNS; i++) for (const b of inTurn(i)) b.clicks.push(await facetClick(browser, b.url));
    for (const b of builds) b.scroll = await scrolling(browser, b.url, 10_000);
    const paint = (b: Build) => b.loads.map((l) => l.paintMs);
    const count = (b: Build) => b.loads.map((l) => l.countMs);
    const clickRows = (b: Build) => b.clicks.map((c) => c.rows);
    const clickAll = (b: Build) => b.clicks.map((c) => c.all);
    const head = builds.map((b) => b.name);
    console.log(`\n${machineLine(version)}; Chromium headless; ${RUNS} runs each${builds.length > 1 ? ', the builds alternating' : ''}`);
    console.log(`| measure | ${head.join(' | ')} |${builds.length > 1 ? ' this / before |' : ''} budget |`);
    console.log(`| --- | ${head.map(() => '---:').join(' | ')} |${builds.length > 1 ? ' ---: |' : ''} --- |`);
    const js = (b: Build) => b.loads[0]!;
    /** A timing row: p50 / p95 of each build, compared by p50. */
    const timing = (measure: string, values: (b: Build) => number[], budget: string) =>
      row(
        measure,
        builds,
        (b) => `${p(values(b), 50)} / ${p(values(b), 95)} ms`,
        (b) => percentile(values(b), 50),
        budget,
      );
    const rows = [
      row(
        'first-load JS (the scripts the HTML names), gzipped',
        builds,
        (b) => `${js(b).gzipKb.toFixed(1)} KB (${js(b).scripts} scripts)`,
        (b) => js(b).gzipKb,
        '≤ 180 KB',
      ),
      timing('navigation → first row painted, p50 / p95', paint, 'p50 ≤ 500 ms'),
      timing('navigation → hit count painted, p50 / p95', count, ''),
      timing('facet click → updated table (rows), p50 / p95', clickRows, 'p50 ≤ 400 ms'),
      timing('facet click → whole screen (count, bars, facets too), p50 / p95', clickAll, ''),
      row(
        'scrolling the loaded rows: frame gap p95 / max',
        builds,
        (b) =>
          `${b.scroll!.p95.toFixed(1)} / ${b.scroll!.max.toFixed(1)} ms (${b.scroll!.loaded.toLocaleString('en-US')} rows, ${b.scroll!.frames} frames)`,
        (b) => b.scroll!.p95,
        '< 50 ms',
      ),
      row(
        'long tasks over 100 ms while scrolling (longest)',
        builds,
        (b) => `${b.scroll!.longTasks} (${b.scroll!.longestTask.toFixed(0)} ms)`,
        null,
        '0',
      ),
    ];
    console.log(rows.join('\n'));
  } finally {
    await browser.close();
    for (const a of apps) a.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
