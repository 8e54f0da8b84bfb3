/**
 * Time zones in the browser: the screen sends the viewer's own zone, `now/d` is the viewer's
 * day, a chosen zone goes into the URL and the requests, and the picker refuses what cannot be
 * searched where it was typed. Expected instants come from the browser's own Intl, not the app.
 */
import { expect, test, type Page, type Request } from '@playwright/test';
import { isSearchCall } from './support/search-calls';

test.use({ timezoneId: 'America/New_York' });

interface SentTime {
  from: string;
  to: string;
  timeZone?: string;
}

/** The time a search call sent: POST /api/search's own, or the first of a streamed call's searches. */
function sentTime(request: Request): SentTime {
  const body = request.postDataJSON() as { time: SentTime } | { requests: { time: SentTime }[] };
  return 'requests' in body ? body.requests[0]!.time : body.time;
}

/** `2026-11-30 00:00:00.000` for an instant, as a wall clock in `zone` reads it. */
function wallClock(iso: string, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    fractionalSecondDigits: 3,
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}.${get('fractionalSecond')}`;
}

const searchRequest = (page: Page) => page.waitForRequest((r) => isSearchCall(r.url()) && r.method() === 'POST');

test('Today is the viewer’s day, in the browser’s zone, until another zone is chosen', async ({ page }) => {
  const first = searchRequest(page);
  await page.goto('/?v=1&from=now%2Fd&to=now%2Fd');
  const time = sentTime(await first);
  expect(time.timeZone).toBe('America/New_York');
  const today = wallClock(new Date().toISOString(), 'America/New_York').slice(0, 10);
  expect(wallClock(time.from, 'America/New_York')).toBe(`${today} 00:00:00.000`);
  expect(wallClock(time.to, 'America/New_York')).toBe(`${today} 23:59:59.999`);

  await page.getByRole('button', { name: /Time range$/ }).click();
  const next = searchRequest(page);
  await page.getByRole('combobox', { name: 'Time zone' }).selectOption('UTC');
  const utc = sentTime(await next);
  expect(utc.timeZone).toBe('UTC');
  const todayUtc = new Date().toISOString().slice(0, 10);
  expect(utc.from).toBe(`${todayUtc}T00:00:00.000Z`);
  expect(new URL(page.url()).searchParams.get('tz')).toBe('UTC');
});

test('the picker refuses an inverted range and a time that does not exist, and sends nothing', async ({ page }) => {
  await page.goto('/?v=1&from=now-1h&to=now');
  await expect(page.getByRole('region', { name: 'Results' })).toHaveAttribute('aria-busy', 'false');
  const url = page.url();
  let searched = 0;
  page.on('request', (r) => {
    if (isSearchCall(r.url())) searched++;
  });
  await page.getByRole('button', { name: /Time range$/ }).click();
  const picker = page.getByRole('dialog', { name: 'Time range' });
  const from = picker.getByRole('textbox', { name: 'From' });
  const to = picker.getByRole('textbox', { name: 'To' });
  await from.fill('now');
  await to.fill('now-1h');
  await picker.getByRole('button', { name: 'Apply' }).click();
  await expect(picker.getByRole('alert')).toHaveText('The start must be before the end.');
  await expect(from).toHaveAttribute('aria-invalid', 'true');

  await from.fill('2026-11-29 25:00');
  await to.fill('now');
  await picker.getByRole('button', { name: 'Apply' }).click();
  await expect(picker.getByRole('alert')).toHaveText(/^From: "2026-11-29 25:00": hours go to 23/);
  expect(page.url()).toBe(url);
  expect(searched).toBe(0);
});
