/**
 * `npx tsx bench/ui-bench.ts`: the explorer screen's budgets (issue 3) in headless Chromium
 * against a production build over the 1M-document bench dataset:
 *   - first-load JS of the explorer page (gzipped bytes of the scripts loaded before the first row)
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

async function firstLoad(browser: Browser, url: string): Promise<{ scripts: number; gzipKb: number; paintMs: number; countMs: number }> {
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
  await page.waitForFunction(() => (window as { __countPaint?: number }).__countPaint !== undefined);
  const countMs = await page.evaluate(() => (window as { __countPaint?: number }).__countPaint ?? NaN);
  const gzip = (await Promise.all(bodies)).reduce((sum, b) => sum + gzipSync(b).length, 0);
  await context.close();
  return { scripts: bodies.length, gzipKb: gzip / 1024, paintMs, countMs };
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

interface Build {
  name: string;
  url: string;
  loads: Awaited<ReturnType<typeof firstLoad>>[];
  clicks: number[];
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
    const head = builds.map((b) => b.name);
    console.log(`\n${machineLine(version)}; Chromium headless; ${RUNS} runs each${builds.length > 1 ? ', the builds alternating' : ''}`);
    console.log(`| measure | ${head.join(' | ')} |${builds.length > 1 ? ' this / before |' : ''} budget |`);
    console.log(`| --- | ${head.map(() => '---:').join(' | ')} |${builds.length > 1 ? ' ---: |' : ''} --- |`);
    const js = (b: Build) => b.loads[0]!;
    console.log(
      row(
        'first-load JS before the first row, gzipped',
        builds,
        (b) => `${js(b).gzipKb.toFixed(1)} KB (${js(b).scripts} scripts)`,
        (b) => js(b).gzipKb,
        '≤ 180 KB',
      ),
    );
    console.log(
      row(
        'navigation → first row painted, p50 / p95',
        builds,
        (b) => `${p(paint(b), 50)} / ${p(paint(b), 95)} ms`,
        (b) => percentile(paint(b), 50),
        'p50 ≤ 500 ms',
      ),
    );
    console.log(
      row(
        'navigation → hit count painted, p50 / p95',
        builds,
        (b) => `${p(count(b), 50)} / ${p(count(b), 95)} ms`,
        (b) => percentile(count(b), 50),
        '',
      ),
    );
    console.log(
      row(
        'facet click → updated table, p50 / p95',
        builds,
        (b) => `${p(b.clicks, 50)} / ${p(b.clicks, 95)} ms`,
        (b) => percentile(b.clicks, 50),
        'p50 ≤ 400 ms',
      ),
    );
    console.log(
      row(
        'scrolling the loaded rows: frame gap p95 / max',
        builds,
        (b) =>
          `${b.scroll!.p95.toFixed(1)} / ${b.scroll!.max.toFixed(1)} ms (${b.scroll!.loaded.toLocaleString('en-US')} rows, ${b.scroll!.frames} frames)`,
        (b) => b.scroll!.p95,
        '< 50 ms',
      ),
    );
    console.log(
      row(
        'long tasks over 100 ms while scrolling (longest)',
        builds,
        (b) => `${b.scroll!.longTasks} (${b.scroll!.longestTask.toFixed(0)} ms)`,
        null,
        '0',
      ),
    );
  } finally {
    await browser.close();
    for (const a of apps) a.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
