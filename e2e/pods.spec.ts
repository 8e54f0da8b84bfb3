import { expect, test, type Page } from '@playwright/test';
import { workloadOfPod } from '@/lib/k8s/workload';
import { events } from './support/dataset';
import { DAY, evictions, podLines, query, restarts, scrollToOldest } from './support/k8s';

const terminal = (page: Page) => page.getByTestId('log-terminal');
const separators = (page: Page) => page.getByTestId('restart-separator');

test('the pod view shows a separator at each seeded restart, with the earlier instance’s line count', async ({ page }) => {
  const byPod = new Map<string, ReturnType<typeof restarts>>();
  for (const r of restarts()) byPod.set(`${r.namespace}/${r.pod}`, [...(byPod.get(`${r.namespace}/${r.pod}`) ?? []), r]);
  const [key, expected] = [...byPod].sort((a, b) => b[1].length - a[1].length)[0]!;
  const [namespace, pod] = key.split('/') as [string, string];
  const lines = podLines(namespace, pod);

  await page.goto(`/pods/${namespace}/${pod}${query({ ...DAY, tail: 5000 })}`);
  const status = page.getByTestId('pod-log-status');
  const total = lines.length.toLocaleString('en-US');
  // A first screenful; older lines load as the reader scrolls up, the lines in view staying put.
  expect(lines.length).toBeGreaterThan(400);
  await expect(status).toContainText(`200 of ${total} lines`);
  const firstShown = terminal(page).locator('[data-line-id]').first();
  const firstId = (await firstShown.getAttribute('data-line-id')) ?? '';
  await terminal(page).evaluate((el) => el.parentElement?.scrollTo({ top: 0 }));
  await expect(status).toContainText(`400 of ${total} lines`);
  await expect(terminal(page).locator(`[data-line-id="${firstId}"]`)).toBeInViewport();
  await scrollToOldest(page, lines.length);
  await expect(page.getByRole('button', { name: /older lines/ })).toHaveCount(0);
  await expect(separators(page)).toHaveCount(expected.length);
  for (const [i, r] of expected.entries()) {
    const sep = separators(page).nth(i);
    expect(Date.parse((await sep.getAttribute('data-restart-at')) ?? '')).toBe(r.at);
    await expect(sep).toHaveAttribute('data-previous-lines', String(r.previousLines));
    await expect(sep).toContainText(`wrote ${r.previousLines.toLocaleString('en-US')} lines`);
  }
  // Oldest first, like a terminal: the view opens at the newest line, at the bottom.
  const stamps = await terminal(page)
    .locator('[data-line-id]')
    .evaluateAll((els) => els.map((el) => Date.parse(el.getAttribute('data-timestamp') ?? '')));
  expect(stamps).toEqual([...stamps].sort((a, b) => a - b));

  await page.getByRole('button', { name: 'Previous instance' }).click();
  await expect(separators(page).last()).toBeInViewport();

  await page.getByRole('checkbox', { name: 'Timestamps' }).uncheck();
  await expect(page).toHaveURL(/ts=0/);
  await expect(terminal(page).locator('[data-line-id]').first()).not.toContainText(/^\d{4}-\d{2}-\d{2} /);
});

test('an evicted pod says it is gone and links to its successor, which links back', async ({ page }) => {
  const eviction = evictions()[0]!;
  const last = podLines(eviction.namespace, eviction.from.pod).at(-1)!;
  await page.goto(`/pods/${eviction.namespace}/${eviction.from.pod}${query({ ...DAY, tail: 200 })}`);
  const gone = page.getByTestId('gone-notice');
  await expect(gone).toContainText(`on ${eviction.from.node}`);
  await expect(gone).toContainText(`Rescheduled as ${eviction.to.pod} on ${eviction.to.node}`);
  await expect(page.getByTestId('pod-status')).toHaveText('Gone');
  await expect(terminal(page).locator('[data-line-id]').last()).toHaveAttribute('data-line-id', last.id);

  await page.getByTestId('successor-link').click();
  await expect(page).toHaveURL(new RegExp(`/pods/${eviction.namespace}/${eviction.to.pod}\\?`));
  await expect(page.getByTestId('predecessor-notice')).toContainText(`Replaces ${eviction.from.pod} on ${eviction.from.node}`);
  await page.getByTestId('predecessor-link').click();
  await expect(page.getByTestId('gone-notice')).toBeVisible();
});

test('the workload view interleaves its pods in time with a legend, and filters to one pod in a click', async ({ page }) => {
  const eviction = evictions()[0]!;
  const name = workloadOfPod(eviction.from.pod)!.name;
  const pods = new Set(
    events()
      .filter(
        (e) =>
          e.fields['kubernetes.namespace_name'] === eviction.namespace &&
          workloadOfPod(String(e.fields['kubernetes.pod_name']))?.name === name,
      )
      .map((e) => String(e.fields['kubernetes.pod_name'])),
  );
  await page.goto(`/workloads/${eviction.namespace}/${name}${query({ ...DAY, tail: 300 })}`);
  const legend = page.getByTestId('legend-pod');
  await expect(legend).toHaveCount(pods.size);
  expect(new Set(await legend.evaluateAll((els) => els.map((el) => el.getAttribute('data-pod'))))).toEqual(pods);
  await expect(legend.filter({ hasText: eviction.from.pod })).toContainText('gone since');

  const rendered = terminal(page).locator('[data-line-id]');
  await expect(rendered.first()).toBeVisible();
  const seen = await rendered.evaluateAll((els) =>
    els.map((el) => [Date.parse(el.getAttribute('data-timestamp') ?? ''), el.getAttribute('data-pod')] as const),
  );
  expect(seen.map((s) => s[0])).toEqual(seen.map((s) => s[0]).sort((a, b) => a - b));
  expect(new Set(seen.map((s) => s[1])).size).toBeGreaterThan(1);

  await legend.filter({ hasText: eviction.to.pod }).getByRole('button', { name: eviction.to.pod }).click();
  await expect(page).toHaveURL(new RegExp(`pods=${eviction.to.pod}`));
  await expect(page.getByTestId('workload-log-status')).toContainText(
    `${Math.min(300, podLines(eviction.namespace, eviction.to.pod).length)} lines`,
  );
  await expect
    .poll(() => rendered.evaluateAll((els) => [...new Set(els.map((el) => el.getAttribute('data-pod')))]))
    .toEqual([eviction.to.pod]);
});

test('surrounding lines are exactly the line’s container neighbours, and widen to the pod', async ({ page }) => {
  const r = restarts()[0]!;
  const lines = podLines(r.namespace, r.pod).filter((e) => e.fields['docker.container_id'] === r.containerId);
  const anchor = lines[Math.floor(lines.length / 2)]!;
  const at = lines.indexOf(anchor);
  await page.goto(`/context/${anchor.index}/${anchor.id}${query({ before: 20, after: 20 })}`);
  await page.getByRole('checkbox', { name: 'Group multi-line events' }).uncheck();
  await expect(page.getByTestId('context-status')).toContainText('20 lines before, 20 after');
  const ids = await terminal(page)
    .locator('[data-line-id]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-line-id')));
  expect(ids).toEqual(lines.slice(at - 20, at + 21).map((e) => e.id));
  await expect(terminal(page).locator(`[data-line-id="${anchor.id}"]`)).toBeInViewport();

  await page.getByRole('button', { name: 'Load 50 more before' }).click();
  await expect(page.getByTestId('context-status')).toContainText('70 lines before, 20 after');
  await page.getByRole('radio', { name: 'Whole pod' }).check();
  await expect(page).toHaveURL(/scope=pod/);
  await expect(page.getByTestId('context-status')).toContainText('kubernetes.pod_id=');
});

test('a stack trace shows as one collapsible event', async ({ page }) => {
  const r = restarts().find((x) => x.container === 'checkout')!;
  // The crash output, a Go panic, is the old instance's last write: 14 lines on stderr.
  const panic = podLines(r.namespace, r.pod)
    .filter((e) => e.fields['docker.container_id'] === r.previousContainerId && e.fields.stream === 'stderr')
    .slice(-14);
  expect(String(panic[0]?.fields.log)).toMatch(/^panic: /);
  await page.goto(
    `/pods/${r.namespace}/${r.pod}${query({ since: new Date(r.at - 60_000).toISOString(), until: new Date(r.at + 60_000).toISOString() })}`,
  );
  const event = page.getByTestId('multiline-event').filter({ hasText: 'panic: runtime error' });
  await expect(event).toHaveAttribute('data-lines', '14');
  await expect(event.locator('[data-line-id]')).toHaveCount(1);
  await event.getByRole('button', { name: '13 more lines' }).click();
  await expect(event.locator('[data-line-id]')).toHaveCount(14);
  expect(await event.locator('[data-line-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-line-id')))).toEqual(
    panic.map((e) => e.id),
  );
  await page.getByRole('checkbox', { name: 'Group multi-line events' }).uncheck();
  await expect(page.getByTestId('multiline-event')).toHaveCount(0);
});

test('a hit links to its pod’s logs around it, the line marked, and a pod facet value to the pod view', async ({ page }) => {
  const restart = restarts()[0]!;
  const hit = podLines(restart.namespace, restart.pod).at(-5)!;
  await page.goto(
    `/${query({ v: 1, from: DAY.since, to: DAY.until, q: `kubernetes.pod_name:"${restart.pod}"`, doc: `${hit.index}/${hit.id}` })}`,
  );
  await page.getByTestId('hit-pod-link').click();
  await expect(page).toHaveURL(new RegExp(`/pods/${restart.namespace}/${restart.pod}\\?.*line=${hit.id}`));
  const marked = terminal(page).locator(`[data-line-id="${hit.id}"]`);
  await expect(marked).toBeInViewport();

  await page.goto(`/${query({ v: 1, from: DAY.since, to: DAY.until, q: `kubernetes.pod_name:"${restart.pod}"` })}`);
  await page.getByRole('link', { name: `Logs of pod ${restart.pod}` }).click();
  await expect(page).toHaveURL(new RegExp(`/pods/${restart.namespace}/${restart.pod}`));
  await expect(page.getByRole('heading', { name: restart.pod })).toBeVisible();
});

test('the explorer groups a stack trace into one collapsible row, and every row links to its pod and its surrounding lines', async ({
  page,
}) => {
  const r = restarts().find((x) => x.container === 'checkout')!;
  const panic = podLines(r.namespace, r.pod)
    .filter((e) => e.fields['docker.container_id'] === r.previousContainerId && e.fields.stream === 'stderr')
    .slice(-14);
  const around = { v: 1, from: new Date(r.at - 60_000).toISOString(), to: new Date(r.at + 60_000).toISOString() };
  await page.goto(`/${query({ ...around, q: `kubernetes.pod_name:"${r.pod}"` })}`);
  const event = page.getByRole('row').filter({ has: page.getByRole('button', { name: '13 more lines' }) });
  await expect(event).toHaveAttribute('data-lines', '14');
  await expect(event).toHaveAttribute('data-doc-id', panic[0]!.id);
  await event.getByRole('button', { name: '13 more lines' }).click();
  await expect(event.locator('[data-line-id]')).toHaveCount(13);
  expect(await event.locator('[data-line-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-line-id')))).toEqual(
    panic.slice(1).map((e) => e.id),
  );
  // Folding the event does not open the row's document.
  await expect(page).not.toHaveURL(/doc=/);

  await page.getByRole('button', { name: 'Group multi-line' }).click();
  await expect(page.getByTestId('multiline-event')).toHaveCount(0);
  await page.getByRole('button', { name: 'Group multi-line' }).click();

  // The links show on the row under the pointer.
  await event.hover();
  await event.getByTestId('row-context-link').click();
  await expect(page).toHaveURL(new RegExp(`/context/[^/]+/${panic[0]!.id}`));
  await page.goBack();
  await page
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: '13 more lines' }) })
    .getByTestId('row-pod-link')
    .click();
  await expect(page).toHaveURL(new RegExp(`/pods/${r.namespace}/${r.pod}\\?.*line=${panic[0]!.id}`));
  await expect(terminal(page).locator(`[data-line-id="${panic[0]!.id}"]`)).toBeInViewport();

  // A pod facet value links to its workload too; the namespace is looked up.
  const workload = workloadOfPod(r.pod)!;
  await page.goto(`/${query({ ...around, q: `kubernetes.pod_name:"${r.pod}"` })}`);
  await page.getByRole('link', { name: `Logs of ${workload.kind} ${workload.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/workloads/${r.namespace}/${workload.name}(\\?|$)`));
  await expect(page.getByTestId('legend-pod').filter({ hasText: r.pod })).toBeVisible();
});
