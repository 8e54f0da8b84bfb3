/**
 * The explorer's first rows, searched while its page renders (components/explorer/first-rows.ts)
 * against the real engine: the same rows POST /api/search answers for the rows part the browser
 * would send, the screen's query applied, none when the server would have to guess a zone or the
 * query is wrong (the browser then asks, and shows the route's error). Expected rows come from the
 * dataset generator.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { explorerFirstRows } from '@/components/explorer/first-rows';
import { END, HOUR, eventsIn, iso, search, seedTestDataset } from './search-fixture';

beforeAll(async () => {
  await seedTestDataset();
});

const params = (entries: Record<string, string>) => new URLSearchParams({ v: '1', ...entries });
const LAST_6H = { from: iso(END - 6 * HOUR), to: iso(END) };

describe('the explorer’s first rows (rendered into its HTML)', () => {
  it('are the rows part the route answers, of the screen’s query, newest first', async () => {
    const first = await explorerFirstRows(params({ ...LAST_6H, q: 'level:error' }), undefined);
    expect(first).not.toBeNull();
    // A range that means the same in every zone: taken in UTC, the browser shows it in its own.
    expect([first!.zone, first!.guessed]).toEqual(['UTC', true]);
    expect([first!.request.size, first!.request.histogram, first!.request.facets]).toEqual([100, false, []]);
    const expected = eventsIn(END - 6 * HOUR, END, (f) => f.level === 'error');
    expect(first!.page.hits.length).toBe(Math.min(100, expected.length));
    expect(first!.page.hits.every((h) => h.fields.level === 'error')).toBe(true);
    const times = first!.page.hits.map((h) => Date.parse(h.timestamp));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const route = await search(first!.request);
    expect(first!.page.hits.map((h) => h.id)).toEqual(route.hits.map((h) => h.id));
    // Plain JSON objects, as React passes them to the client component.
    expect(Object.getPrototypeOf(first!.page.hits[0]?.fields)).toBe(Object.prototype);
  });

  it('resolve a relative range at one now, in the URL’s zone or the viewer’s cookie, and leave a zone they would guess to the browser', async () => {
    const today = { from: 'now/d', to: 'now/d' };
    expect(await explorerFirstRows(params(today), undefined)).toBeNull();
    expect(await explorerFirstRows(params(today), 'Not/AZone')).toBeNull();
    const berlin = await explorerFirstRows(params(today), 'Europe/Berlin');
    expect([berlin?.zone, berlin?.guessed, berlin?.request.time.timeZone]).toEqual(['Europe/Berlin', false, 'Europe/Berlin']);
    const tokyo = await explorerFirstRows(params({ ...today, tz: 'Asia/Tokyo' }), 'Europe/Berlin');
    expect(tokyo?.zone).toBe('Asia/Tokyo');
    // Resolved to instants at the server's now: the browser counts the same ones.
    expect(Date.parse(tokyo!.request.time.from)).toBeLessThanOrEqual(tokyo!.now);
    expect(tokyo!.request.time.from).toMatch(/Z$/);
  });

  it('are none for a query the engine refuses: the browser asks and shows the error where it is', async () => {
    expect(await explorerFirstRows(params({ ...LAST_6H, q: 'level:(error' }), undefined)).toBeNull();
  });
});
