import { describe, expect, it } from 'vitest';
import { SEARCH_LIMITS } from '@/lib/schema/search';
import {
  DEFAULT_COLUMNS,
  DEFAULT_STATE,
  decodeState,
  encodeState,
  isTimeExpression,
  MAX_COLUMNS,
  stateToSearch,
  type ExplorerState,
} from './codec';

const decode = (query: string) => decodeState(new URLSearchParams(query));

describe('url state codec', () => {
  it('decodes an empty URL to the defaults', () => {
    expect(decode('')).toEqual(DEFAULT_STATE);
  });

  it('round-trips a full state', () => {
    const state: ExplorerState = {
      source: 'logs',
      query: { language: 'lucene', text: 'level:error AND "timeout, again"' },
      filters: [
        { field: 'kubernetes.namespace_name', op: 'is', value: 'payments', negate: false, disabled: false },
        { field: 'kubernetes.pod_name', op: 'is_one_of', value: ['a', 'b,c'], negate: true, disabled: false },
        { field: 'stream', op: 'exists', negate: false, disabled: true },
        { field: 'status', op: 'between', value: { gte: '500' }, negate: false, disabled: false },
      ],
      time: { from: '2026-11-19T12:00:00.000Z', to: '2026-11-20T12:00:00.000Z' },
      columns: ['namespace', 'weird,name%', 'message'],
      sort: 'asc',
      doc: { index: 'logstash-2026.11.20', id: 'abc/def' },
      live: true,
    };
    const encoded = encodeState(state).toString();
    expect(decode(encoded)).toEqual(state);
  });

  it('writes the version and the time range, and leaves other defaults out', () => {
    const params = encodeState(DEFAULT_STATE);
    expect([...params.keys()].sort()).toEqual(['from', 'to', 'v']);
    expect(params.get('v')).toBe('1');
  });

  it('keeps relative date math', () => {
    expect(decode('from=now-3h&to=now').time).toEqual({ from: 'now-3h', to: 'now' });
    expect(decode('from=now%2Fd&to=now').time).toEqual({ from: 'now/d', to: 'now' });
  });

  it.each([
    ['from=yesterday&to=now'],
    ['from=now-1h'],
    ['from=2026-13-45T00:00:00Z&to=now'],
    ['from=2026-11-20T12:00:00Z&to=2026-11-20T11:00:00Z'],
    [`from=now-${'1'.repeat(80)}h&to=now`],
  ])('falls back to the default time for %s', (query) => {
    expect(decode(query).time).toEqual(DEFAULT_STATE.time);
  });

  it('drops broken filter JSON without touching the other parameters', () => {
    const state = decode('q=error&f=%5B%7Bbroken&sort=asc');
    expect(state.filters).toEqual([]);
    expect(state.query.text).toBe('error');
    expect(state.sort).toBe('asc');
  });

  it('keeps the valid filters of a partly invalid list', () => {
    const f = JSON.stringify([
      { field: 'level', op: 'is', value: 'error' },
      { field: 'level', op: 'nope', value: 'x' },
      { field: '', op: 'is', value: 'x' },
      'string',
      { field: 'level', op: 'is', value: 'warn', negate: true },
    ]);
    const state = decode(`f=${encodeURIComponent(f)}`);
    expect(state.filters).toEqual([
      { field: 'level', op: 'is', value: 'error', negate: false, disabled: false },
      { field: 'level', op: 'is', value: 'warn', negate: true, disabled: false },
    ]);
  });

  it('ignores a filter list that is not an array', () => {
    expect(decode(`f=${encodeURIComponent('{"field":"a"}')}`).filters).toEqual([]);
  });

  it('falls back per parameter for unknown values', () => {
    const state = decode('lang=sql&sort=sideways&src=../../etc&doc=nope&v=banana');
    expect(state.query.language).toBe('kql');
    expect(state.sort).toBe('desc');
    expect(state.source).toBeUndefined();
    expect(state.doc).toBeNull();
  });

  it('reads a link from a newer version as far as it parses', () => {
    expect(decode('v=7&q=hello&lang=lucene').query).toEqual({ language: 'lucene', text: 'hello' });
  });

  it('refuses a query longer than the API accepts', () => {
    expect(decode(`q=${'a'.repeat(5000)}`).query.text).toBe('');
  });

  it('falls back to the default columns for an empty or malformed list', () => {
    expect(decode('cols=').columns).toEqual(DEFAULT_COLUMNS);
    expect(decode('cols=%2C%2C').columns).toEqual(DEFAULT_COLUMNS);
    expect(decode(`cols=${encodeURIComponent('a,%E0%A4%A,a,b')}`).columns).toEqual(['a', 'b']);
  });

  it('turns live on only for live=1, and writes it only when on', () => {
    expect(decode('live=1').live).toBe(true);
    for (const off of ['', 'live=0', 'live=', 'live=true', 'live=yes', 'live=11']) expect(decode(off).live, off).toBe(false);
    expect(encodeState({ ...DEFAULT_STATE, live: true }).get('live')).toBe('1');
    expect(encodeState(DEFAULT_STATE).has('live')).toBe(false);
    expect(decode(encodeState({ ...DEFAULT_STATE, live: true }).toString())).toEqual({ ...DEFAULT_STATE, live: true });
  });

  it('keeps live through the migration from an unversioned (v0) link', () => {
    expect(decode('q=x&live=1')).toMatchObject({ live: true, query: { text: 'x' } });
  });

  it('splits the doc parameter at the first slash', () => {
    expect(decode('doc=idx%2Fa%2Fb').doc).toEqual({ index: 'idx', id: 'a/b' });
    expect(decode('doc=%2Fid').doc).toBeNull();
    expect(decode('doc=idx%2F').doc).toBeNull();
  });
});

describe('url state codec at its limits', () => {
  it('keeps a source id of 64 characters and drops one of 65', () => {
    expect(decode(`src=${'s'.repeat(64)}`).source).toBe('s'.repeat(64));
    expect(decode(`src=${'s'.repeat(65)}`).source).toBeUndefined();
  });

  it('keeps a query of exactly the API limit', () => {
    const text = 'a'.repeat(SEARCH_LIMITS.queryLength);
    expect(decode(`q=${text}`).query.text).toBe(text);
  });

  it('keeps the first 50 filters of a longer list', () => {
    const filters = Array.from({ length: 51 }, (_, i) => ({ field: 'level', op: 'is', value: `v${i}`, negate: false, disabled: false }));
    const decoded = decode(`f=${encodeURIComponent(JSON.stringify(filters))}`).filters;
    expect(decoded).toEqual(filters.slice(0, 50));
  });

  it('keeps a column name of 256 characters and drops one of 257', () => {
    const long = 'c'.repeat(256);
    expect(decode(`cols=a,${long},${long}x,b`).columns).toEqual(['a', long, 'b']);
  });

  it(`keeps the first ${MAX_COLUMNS} columns of a longer list`, () => {
    const names = Array.from({ length: 35 }, (_, i) => `c${i}`);
    expect(decode(`cols=${names.join(',')}`).columns).toEqual(names.slice(0, 30));
  });

  it('keeps a doc parameter of 1024 characters and drops one of 1025', () => {
    const id = 'x'.repeat(1024 - 'idx/'.length);
    expect(decode(`doc=idx%2F${id}`).doc).toEqual({ index: 'idx', id });
    expect(decode(`doc=idx%2F${id}y`).doc).toBeNull();
  });

  it('falls back to the default time when only the end is given', () => {
    expect(decode('to=now-1h').time).toEqual(DEFAULT_STATE.time);
  });

  it("checks a range's order in its own zone", () => {
    // 10:00 in Kolkata (UTC+5:30) is 04:30Z, before 08:00Z; read in UTC it would be after it.
    expect(decode('from=2026-11-20T10:00&to=2026-11-20T08:00:00Z&tz=Asia/Kolkata').time).toEqual({
      from: '2026-11-20T10:00',
      to: '2026-11-20T08:00:00Z',
      timeZone: 'Asia/Kolkata',
    });
    expect(decode('from=2026-11-20T10:00&to=2026-11-20T08:00:00Z').time).toEqual(DEFAULT_STATE.time);
  });

  it.each<[string, string[]]>([
    ['the defaults in another order', ['pod', 'namespace', 'container', 'level', 'message']],
    ['a prefix of the defaults', ['namespace', 'pod']],
    ['the defaults and one more', [...DEFAULT_COLUMNS, 'stream']],
  ])('writes the columns when they are %s', (_name, columns) => {
    const params = encodeState({ ...DEFAULT_STATE, columns });
    expect(params.get('cols')).toBe(columns.join(','));
    expect(decodeState(params).columns).toEqual(columns);
  });

  it('writes a query string for the location bar', () => {
    expect(stateToSearch(DEFAULT_STATE)).toBe('?v=1&from=now-24h&to=now');
  });
});

describe('isTimeExpression', () => {
  it.each(['now', 'now-15m', 'now-1d/d', 'now/d', '2026-11-20', '2026-11-20T12:00:00Z', '2026-11-20T12:00:00.123+01:00'])(
    'accepts %s',
    (value) => expect(isTimeExpression(value)).toBe(true),
  );
  it.each(['', 'now-', 'tomorrow', '<script>', 'now-3x', '2026-11-20T25:00:00Z'])('rejects %s', (value) =>
    expect(isTimeExpression(value)).toBe(false),
  );
});
