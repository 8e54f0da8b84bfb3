/**
 * `npx tsx bench/ui-bench.ts`: the explorer screen's budgets (issue 3) in headless Chromium
 * against a production build over the 1M-document bench dataset:
 *   - first-load JS of the explorer page (gzipped bytes of the scripts loaded before the first row)
 *   - navigation → first result row painted (fresh browser context each run: cold browser cache)
 *   - facet click → updated table
 *   - scrolling through 10,000 loaded rows: frame gaps and long tasks
 * Options (env): BENCH_UI_RUNS (default 15), BENCH_PORT (default 3201).
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { BENCH_RANGE, machineLine, percentile, prepareBenchData, startBenchApp } from './bench-app';

const RUNS = Number(process.env.BENCH_UI_RUNS ?? 15);
const PORT = Number(process.env.BENCH_PORT ?? 3201);
const ROW = '[role="row"][data-doc-id]';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

function screenUrl(base: string): string {
  return `${base}/?${new URLSearchParams({ v: '1', from: BENCH_RANGE.from, to: BENCH_RANGE.to }).toString()}`;
}

/** Records, inside the page, when the first result row is first painted (ms since navigation start). */
const FIRST_ROW_PROBE = `(() => {
  const seen = () => document.querySelector('${ROW}');
  const obs = new MutationObserver(() => {
    if (!seen()) return;
    obs.disconnect();
    requestAnimationFrame(() => { window.__firstRowPaint = performance.now(); });
  });
  obs.observe(document, { childList: true, subtree: true });
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

async function firstLoad(browser: Browser, url: string): Promise<{ scripts: number; gzipKb: number; paintMs: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(FIRST_ROW_PROBE);
  const bodies: Promise<Buffer>[] = [];
  let counting = true;
  page.on('response', (res) => {
    if (counting && res.request().resourceType() === 'script') bodies.push(res.body().catch(() => Buffer.alloc(0)));
  });
  await page.goto(url);
  await page.waitForFunction(() => (window as { __firstRowPaint?: number }).__firstRowPaint !== undefined);
  counting = false;
  const paintMs = await page.evaluate(() => (window as { __firstRowPaint?: number }).__firstRowPaint ?? NaN);
  const gzip = (await Promise.all(bodies)).reduce((sum, b) => sum + gzipSync(b).length, 0);
  await context.close();
  return { scripts: bodies.length, gzipKb: gzip / 1024, paintMs };
}

/**
 * Installed before the click: the click's time, and the first moment after it that the results
 * region stops being busy and a frame is painted — both on the page's own clock.
 */
const CLICK_PROBE = `(() => {
  const w = window;
  w.__clickAt = undefined; w.__doneAt = undefined;
  document.addEventListener('click', () => { w.__clickAt = performance.now(); }, { capture: true, once: true });
  const region = document.querySelector('[aria-label="Results"][aria-busy]');
  let sawBusy = false;
  const obs = new MutationObserver(() => {
    const busy = region.getAttribute('aria-busy') === 'true';
    if (busy) sawBusy = true;
    else if (sawBusy && w.__clickAt !== undefined) {
      obs.disconnect();
      requestAnimationFrame(() => { w.__doneAt = performance.now(); });
    }
  });
  obs.observe(region, { attributes: true, attributeFilter: ['aria-busy'] });
})()`;

async function facetClick(browser: Browser, url: string): Promise<number> {
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
  await page.waitForFunction(() => (window as { __doneAt?: number }).__doneAt !== undefined);
  const ms = await page.evaluate(() => {
    const w = window as { __doneAt?: number; __clickAt?: number };
    return (w.__doneAt ?? NaN) - (w.__clickAt ?? NaN);
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
  while (loaded < rows) {
    await grid.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.waitForTimeout(50);
    await resultsSettled(page);
    const count = Number(await grid.getAttribute('aria-rowcount')) - 1;
    if (count === loaded) await page.waitForTimeout(300);
    if (count === loaded && Number(await grid.getAttribute('aria-rowcount')) - 1 === loaded) break;
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

async function main(): Promise<void> {
  const version = await prepareBenchData();
  const app = await startBenchApp(PORT);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const url = screenUrl(app.url);
    await firstLoad(browser, url); // warm-up: server caches, JIT
    const loads = [];
    for (let i = 0; i < RUNS; i++) loads.push(await firstLoad(browser, url));
    const clicks = [];
    for (let i = 0; i < RUNS; i++) clicks.push(await facetClick(browser, url));
    const scroll = await scrolling(browser, url, 10_000);
    const js = loads[0]!;
    console.log(`\n${machineLine(version)}; Chromium headless; ${RUNS} runs each`);
    console.log('| measure | result | budget |');
    console.log('| --- | ---: | --- |');
    console.log(`| first-load JS (${js.scripts} scripts before the first row), gzipped | ${js.gzipKb.toFixed(1)} KB | ≤ 250 KB |`);
    console.log(
      `| navigation → first row painted, p50 / p95 | ${percentile(
        loads.map((l) => l.paintMs),
        50,
      ).toFixed(0)} / ${percentile(
        loads.map((l) => l.paintMs),
        95,
      ).toFixed(0)} ms | p50 ≤ 1,500 ms |`,
    );
    console.log(
      `| facet click → updated table, p50 / p95 | ${percentile(clicks, 50).toFixed(0)} / ${percentile(clicks, 95).toFixed(0)} ms | p50 ≤ 400 ms |`,
    );
    console.log(
      `| scrolling ${scroll.loaded.toLocaleString('en-US')} loaded rows (${scroll.frames} frames): frame gap p95 / max | ${scroll.p95.toFixed(1)} / ${scroll.max.toFixed(1)} ms | < 50 ms |`,
    );
    console.log(`| long tasks over 100 ms while scrolling (longest) | ${scroll.longTasks} (${scroll.longestTask.toFixed(0)} ms) | 0 |`);
  } finally {
    await browser.close();
    app.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
