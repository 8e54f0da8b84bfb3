import { beforeAll, describe, expect, it } from 'vitest';
import { END, HOUR, iso, rawSearch, search, searchError, seedTestDataset } from './search-fixture';

const TIME = { from: iso(END - HOUR), to: iso(END) };

beforeAll(async () => {
  await seedTestDataset();
});

/** What an error body must never carry: the engine's address. */
const ENGINE_ADDRESS = /127\.0\.0\.1|localhost|:9200|elastic:/;

describe('bad input gets a 400 that says what is wrong', () => {
  it.each([
    ['malformed JSON', '{"time":', 400, 'invalid_json', undefined],
    ['a body that is not an object', '[1,2]', 400, 'validation_failed', undefined],
    ['an unknown source', { source: 'nope' }, 400, 'unknown_source', 'source'],
    ['an unparseable from', { time: { from: 'yesterday-ish', to: 'now' } }, 400, 'invalid_time', 'time.from'],
    ['an unparseable to', { time: { from: 'now-1h', to: 'now-1x' } }, 400, 'invalid_time', 'time.to'],
    ['an inverted range', { time: { from: 'now', to: 'now-1h' } }, 400, 'invalid_time', 'time.from'],
    ['an unknown time zone', { time: { from: 'now-1h', to: 'now', timeZone: 'Mars/Olympus' } }, 400, 'invalid_time', 'time.timeZone'],
    ['an offset for a time zone', { time: { from: 'now-1h', to: 'now', timeZone: '+05:30' } }, 400, 'invalid_time', 'time.timeZone'],
    ['a negative size', { size: -1 }, 400, 'validation_failed', 'size'],
    ['a huge size', { size: 1_000_000 }, 400, 'validation_failed', 'size'],
    ['a fractional size', { size: 2.5 }, 400, 'validation_failed', 'size'],
    ['a too-long query', { query: { language: 'kql', text: 'x'.repeat(5_000) } }, 400, 'validation_failed', 'query.text'],
    ['an unknown facet', { facets: ['namespace', 'no_such_field'] }, 400, 'unknown_field', 'facets.1'],
    ['a text facet', { facets: ['kubernetes.labels'] }, 400, 'unknown_field', 'facets.0'],
    ['too many facets', { facets: Array.from({ length: 11 }, (_, i) => `f${i}`) }, 400, 'validation_failed', 'facets'],
    ['a huge facet size', { facetSize: 100_000 }, 400, 'validation_failed', 'facetSize'],
    ['an unknown filter field', { filters: [{ field: 'ghost.field', op: 'exists' }] }, 400, 'unknown_field', 'filters.0.field'],
    ['a bad filter value', { filters: [{ field: 'level', op: 'is', value: 5 }] }, 400, 'validation_failed', 'filters.0.value'],
    ['an unknown key', { sizee: 10 }, 400, 'validation_failed', 'sizee'],
    ['a garbage cursor', { after: 'not-a-cursor' }, 400, 'invalid_cursor', 'after'],
    ['a KQL syntax error', { query: { language: 'kql', text: 'level:(error' } }, 400, 'query_syntax', 'query.text'],
  ])('%s', async (_what, body, status, code, path) => {
    const { status: got, error, text } = await searchError(body);
    expect(got).toBe(status);
    expect(error.code).toBe(code);
    if (path) expect(error.path).toBe(path);
    expect(error.message.length).toBeGreaterThan(5);
    expect(text).not.toMatch(ENGINE_ADDRESS);
  });

  it('refuses a 100 KB body before parsing it', async () => {
    const { status, error } = await searchError({ time: TIME, query: { language: 'kql', text: 'x'.repeat(100 * 1024) } });
    expect(status).toBe(413);
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toMatch(/KB/);
  });

  it('reports a query the engine cannot parse as a syntax error, not as partial results', async () => {
    const { status, error } = await searchError({ time: TIME, query: { language: 'lucene', text: 'level:[1 TO' } });
    expect(status).toBe(400);
    expect(error.code).toBe('query_syntax');
  });

  it('gives KQL syntax errors an offset', async () => {
    const { error } = await searchError({ query: { language: 'kql', text: 'level:(error' } });
    expect(typeof error.offset).toBe('number');
  });

  it('refuses a cursor from another search, and a tampered one', async () => {
    const first = await search({ time: TIME, size: 5 });
    expect(first.cursor).toBeTruthy();
    const other = await searchError({ time: TIME, size: 5, query: { language: 'kql', text: 'level:error' }, after: first.cursor });
    expect([other.status, other.error.code, other.error.path]).toEqual([400, 'invalid_cursor', 'after']);
    const tampered = `${first.cursor!.slice(0, -2)}${first.cursor!.endsWith('AA') ? 'BB' : 'AA'}`;
    const bad = await searchError({ time: TIME, size: 5, after: tampered });
    expect([bad.status, bad.error.code]).toEqual([400, 'invalid_cursor']);
  });

  it('answers a caller that already went away without reaching a result', async () => {
    const controller = new AbortController();
    controller.abort();
    const { status } = await rawSearch(JSON.stringify({ time: TIME }), { signal: controller.signal });
    expect(status).toBe(499);
  });
});
