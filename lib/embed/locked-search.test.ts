import { describe, expect, it } from 'vitest';
import type { EmbedRecord } from '@/lib/schema/embeds';
import { lockedSearchRequest } from './locked-search';

const NOW = Date.parse('2026-11-20T12:00:00.000Z');
const HOUR = 3_600_000;

const record: EmbedRecord = {
  id: 'AAAAAAAAAAAAAAAAAAAA',
  panel: 'histogram',
  title: '',
  state: {
    schemaVersion: 1,
    source: 'logs',
    query: { language: 'kql', text: 'level:error' },
    filters: [{ field: 'namespace', op: 'is', value: 'payments', negate: false, disabled: false }],
    time: { from: 'now-6h', to: 'now' },
    columns: ['message'],
    sort: 'desc',
  },
  origins: ['https://wiki.example'],
  allowTimeChange: false,
  maxWindowHours: 24,
  theme: 'auto',
  refreshSeconds: 0,
  createdAt: '2026-11-01T00:00:00.000Z',
  expiresAt: null,
};

const iso = (ms: number) => new Date(ms).toISOString();

describe('lockedSearchRequest', () => {
  it('keeps the embed’s source, query, filters and range, whatever time is asked for when the embed does not allow it', () => {
    const req = lockedSearchRequest(record, { time: { from: 'now-30d', to: 'now' } }, NOW);
    expect(req).toMatchObject({
      source: 'logs',
      query: record.state.query,
      filters: record.state.filters,
      time: { from: iso(NOW - 6 * HOUR), to: iso(NOW) },
      histogram: true,
      facets: [],
      size: 1,
    });
  });

  it('takes the viewer’s range when allowed, cut to the maximum window from its end', () => {
    const open = { ...record, allowTimeChange: true, maxWindowHours: 2 };
    expect(lockedSearchRequest(open, { time: { from: 'now-1h', to: 'now' } }, NOW).time).toEqual({ from: iso(NOW - HOUR), to: iso(NOW) });
    expect(lockedSearchRequest(open, { time: { from: 'now-30d', to: 'now-1d' } }, NOW).time).toEqual({
      from: iso(NOW - 26 * HOUR),
      to: iso(NOW - 24 * HOUR),
    });
  });

  it('cuts even the saved range to the window', () => {
    expect(lockedSearchRequest({ ...record, maxWindowHours: 1 }, {}, NOW).time).toEqual({ from: iso(NOW - HOUR), to: iso(NOW) });
  });

  it('asks for rows only for a results panel and for facets only for a facets panel', () => {
    expect(lockedSearchRequest({ ...record, panel: 'results' }, {}, NOW)).toMatchObject({ size: 100, histogram: false, facets: [] });
    expect(lockedSearchRequest({ ...record, panel: 'facets' }, {}, NOW)).toMatchObject({
      size: 1,
      histogram: false,
      facets: ['namespace', 'pod', 'container', 'level'],
    });
  });
});
