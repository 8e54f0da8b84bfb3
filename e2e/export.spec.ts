import { readFile } from 'node:fs/promises';
import { Client } from '@elastic/elasticsearch';
import { expect, test } from '@playwright/test';
import { engineConnection } from '@/lib/es/connection';
import { TEST_DATASET } from '@/lib/demo-cluster/test-dataset';
import { ExplorerPage } from './pages/explorer-page';
import { parseCsv } from './support/csv';
import { count, events, hitsText, topValue } from './support/dataset';

const RANGE = { from: '2026-11-20T02:00:00.000Z', to: '2026-11-20T09:30:00.000Z' };

test('CSV and NDJSON exports of a filtered range hold exactly the matching rows, newest first', async ({ page }) => {
  const ns = topValue('kubernetes.namespace_name').value;
  const inRange = (ts: number) => ts >= Date.parse(RANGE.from) && ts <= Date.parse(RANGE.to);
  const expected = count((e) => e.fields['kubernetes.namespace_name'] === ns && inRange(e.ts));
  expect(expected).toBeGreaterThan(100);

  const explorer = new ExplorerPage(page);
  await explorer.open({ ...RANGE, f: JSON.stringify([{ field: 'kubernetes.namespace_name', op: 'is', value: ns }]) });
  await expect(explorer.total).toHaveText(hitsText(expected));

  const csv = await explorer.exportFile('CSV');
  // The source id and the range; the default screen's columns are the server's defaults.
  expect(csv.suggestedFilename()).toMatch(/^logs-20261120T020000Z-20261120T093000Z\.csv$/);
  await expect(explorer.exportPanel().getByTestId('export-outcome')).toHaveText(
    `Downloaded ${csv.suggestedFilename()} (${expected.toLocaleString('en-US')} rows).`,
  );
  const records = parseCsv(await readFile(await csv.path(), 'utf8'));
  const [header, ...rows] = records;
  // The time field first, then the screen's columns as real field names; a header starting
  // with @ gets the formula guard like any other cell (a spreadsheet would run `@timestamp`).
  expect(header).toEqual(["'@timestamp", 'kubernetes.namespace_name', 'kubernetes.pod_name', 'kubernetes.container_name', 'level', 'log']);
  expect(rows).toHaveLength(expected);
  expect(rows.every((r) => r[1] === ns)).toBe(true);
  const times = rows.map((r) => Date.parse(r[0] ?? ''));
  expect(times.every((t, i) => i === 0 || t <= (times[i - 1] ?? Infinity))).toBe(true);
  // Multi-line messages arrive whole: the file's messages are the generator's.
  const messages = new Set(
    events()
      .filter((e) => e.fields['kubernetes.namespace_name'] === ns && inRange(e.ts))
      .map((e) => e.fields.log),
  );
  // Cells the formula guard prefixed with ' read back as the original text.
  const unguard = (cell: string | undefined) => (cell && /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
  expect(rows.filter((r) => messages.has(unguard(r[5]))).length).toBe(expected);

  const ndjson = await explorer.exportFile('NDJSON');
  expect(ndjson.suggestedFilename()).toMatch(/\.ndjson$/);
  const lines = (await readFile(await ndjson.path(), 'utf8')).split('\n');
  expect(lines.pop()).toBe('');
  expect(lines).toHaveLength(expected);
  expect(JSON.parse(lines[0] ?? '{}')['kubernetes.namespace_name']).toBe(ns);
});

test('cancel stops a running export: nothing is downloaded and the engine lets go of it', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open();
  // A slow line keeps the whole-day export running long enough to cancel it half-way.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: 64 * 1024, uploadThroughput: -1 });
  let downloads = 0;
  page.on('download', () => downloads++);

  const panel = await explorer.startExport('CSV');
  const progress = panel.getByTestId('export-progress');
  const total = events().length.toLocaleString('en-US');
  await expect(progress).toHaveText(new RegExp(`^[1-9][\\d,]* of ${total} rows$`));
  await expect(page.getByRole('button', { name: /^Export(ing.*)?$/ })).toContainText(/Exporting/);
  await panel.getByRole('button', { name: 'Cancel export' }).click();

  await expect(panel.getByTestId('export-outcome')).toHaveText(/^Export cancelled after [\d,]+ rows; nothing was saved\.$/);
  await expect(page.getByRole('button', { name: /^Export(ing.*)?$/ })).toHaveText('Export');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

  // The server closes its point in time when the request goes away: no search context stays open.
  const client = new Client(engineConnection().options);
  try {
    await expect
      .poll(async () => {
        const stats = await client.indices.stats({ index: `${TEST_DATASET.indexPrefix}*`, metric: 'search' });
        return stats._all.total?.search?.open_contexts ?? 0;
      })
      .toBe(0);
  } finally {
    await client.close();
  }
  expect(downloads).toBe(0);

  // And the next export works.
  await cdp.detach();
  const again = await explorer.exportFile('NDJSON');
  const lines = (await readFile(await again.path(), 'utf8')).split('\n').length - 1;
  expect(lines).toBe(events().length);
});
