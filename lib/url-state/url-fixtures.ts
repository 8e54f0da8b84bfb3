/**
 * Links from every released URL shape, written out as literal strings exactly as people have
 * them in chats, tickets and bookmarks, each with the screen it must open. Never generate these
 * from the codec and never edit one once its shape is released: that is what makes them a
 * promise. When the shape changes (see migrations.ts), add URLs of the new shape and keep these.
 *
 * The expected states are spelled out too, defaults included: a change of a default (the
 * columns, the time range) changes what an old link shows, and this list is where that shows up.
 */
import type { ExplorerState } from '@/lib/url-state/codec';

export interface UrlFixture {
  name: string;
  /** The released shape the URL was written in: v0 = before links carried `v`. */
  shape: 'v0' | 'v1';
  /** Same-origin path and query, as copied from the address bar. */
  url: string;
  state: ExplorerState;
}

const DEFAULT_COLUMNS_V1 = ['namespace', 'pod', 'container', 'level', 'message'];

/** The test dataset's day, (2026-11-19T12:00Z, 2026-11-20T12:00Z]: the end-to-end spec opens the ones in it. */
const DATASET_DAY = { from: '2026-11-19T12:00:00.000Z', to: '2026-11-20T12:00:00.000Z' };

export const URL_FIXTURES: readonly UrlFixture[] = [
  {
    name: 'v1: defaults over an absolute range',
    shape: 'v1',
    url: '/?v=1&from=2026-11-19T12%3A00%3A00.000Z&to=2026-11-20T12%3A00%3A00.000Z',
    state: {
      source: undefined,
      query: { language: 'kql', text: '' },
      filters: [],
      time: DATASET_DAY,
      columns: DEFAULT_COLUMNS_V1,
      sort: 'desc',
      doc: null,
      live: false,
    },
  },
  {
    name: 'v1: KQL, an excluded namespace, chosen columns, oldest first',
    shape: 'v1',
    url:
      '/?v=1&q=level%3Aerror&f=%5B%7B%22field%22%3A%22kubernetes.namespace_name%22%2C%22op%22%3A%22is%22%2C%22value%22%3A%22payments%22%2C%22negate%22%3Atrue%7D%5D' +
      '&from=2026-11-19T12%3A00%3A00.000Z&to=2026-11-20T12%3A00%3A00.000Z&cols=pod%2Cmessage&sort=asc',
    state: {
      source: undefined,
      query: { language: 'kql', text: 'level:error' },
      filters: [{ field: 'kubernetes.namespace_name', op: 'is', value: 'payments', negate: true, disabled: false }],
      time: DATASET_DAY,
      columns: ['pod', 'message'],
      sort: 'asc',
      doc: null,
      live: false,
    },
  },
  {
    name: 'v1: every parameter kind (source, Lucene, all filter ops and flags, date math, escaped columns, open document)',
    shape: 'v1',
    url:
      '/?v=1&src=logs&q=log%3A%22connection+refused%22+AND+NOT+level%3Adebug&lang=lucene' +
      '&f=%5B%7B%22field%22%3A%22namespace%22%2C%22op%22%3A%22is%22%2C%22value%22%3A%22payments%22%7D%2C' +
      '%7B%22field%22%3A%22level%22%2C%22op%22%3A%22is_one_of%22%2C%22value%22%3A%5B%22error%22%2C%22warn%22%5D%2C%22negate%22%3Atrue%7D%2C' +
      '%7B%22field%22%3A%22kubernetes.pod_id%22%2C%22op%22%3A%22exists%22%2C%22disabled%22%3Atrue%7D%2C' +
      '%7B%22field%22%3A%22http.status%22%2C%22op%22%3A%22between%22%2C%22value%22%3A%7B%22gte%22%3A%22500%22%2C%22lt%22%3A%22600%22%7D%7D%5D' +
      '&from=now-7d%2Fd&to=now&cols=pod%2Cweird%252Cname%2525%2Cmessage&sort=asc&doc=logstash-2026.11.20%2Fab%2Fcd',
    state: {
      source: 'logs',
      query: { language: 'lucene', text: 'log:"connection refused" AND NOT level:debug' },
      filters: [
        { field: 'namespace', op: 'is', value: 'payments', negate: false, disabled: false },
        { field: 'level', op: 'is_one_of', value: ['error', 'warn'], negate: true, disabled: false },
        { field: 'kubernetes.pod_id', op: 'exists', negate: false, disabled: true },
        { field: 'http.status', op: 'between', value: { gte: '500', lt: '600' }, negate: false, disabled: false },
      ],
      time: { from: 'now-7d/d', to: 'now' },
      columns: ['pod', 'weird,name%', 'message'],
      sort: 'asc',
      doc: { index: 'logstash-2026.11.20', id: 'ab/cd' },
      live: false,
    },
  },
  {
    name: 'v1: rounded date math on both ends',
    shape: 'v1',
    url: '/?v=1&from=now-1d%2Fd&to=now-1d%2Fd',
    state: {
      source: undefined,
      query: { language: 'kql', text: '' },
      filters: [],
      time: { from: 'now-1d/d', to: 'now-1d/d' },
      columns: DEFAULT_COLUMNS_V1,
      sort: 'desc',
      doc: null,
      live: false,
    },
  },
  {
    name: 'v1: following live over the last 15 minutes',
    shape: 'v1',
    url: '/?v=1&q=level%3Aerror&from=now-15m&to=now&live=1',
    state: {
      source: undefined,
      query: { language: 'kql', text: 'level:error' },
      filters: [],
      time: { from: 'now-15m', to: 'now' },
      columns: DEFAULT_COLUMNS_V1,
      sort: 'desc',
      doc: null,
      live: true,
    },
  },
  {
    name: 'v0: a hand-typed query and range (unencoded colons)',
    shape: 'v0',
    url: '/?q=level:warn&from=2026-11-20T00:00:00.000Z&to=2026-11-20T12:00:00.000Z',
    state: {
      source: undefined,
      query: { language: 'kql', text: 'level:warn' },
      filters: [],
      time: { from: '2026-11-20T00:00:00.000Z', to: '2026-11-20T12:00:00.000Z' },
      columns: DEFAULT_COLUMNS_V1,
      sort: 'desc',
      doc: null,
      live: false,
    },
  },
  {
    name: 'v0: every parameter kind',
    shape: 'v0',
    url:
      '/?src=logs&q=timeout+OR+refused&lang=lucene' +
      '&f=%5B%7B%22field%22%3A%22kubernetes.container_name%22%2C%22op%22%3A%22is%22%2C%22value%22%3A%22api%22%2C%22negate%22%3Atrue%2C%22disabled%22%3Atrue%7D%5D' +
      '&from=2026-11-20T10:00:00Z&to=2026-11-20T11:00:00Z&cols=namespace%2Cmessage&sort=asc&doc=lxtest-logstash-2026.11.20%2Fx1',
    state: {
      source: 'logs',
      query: { language: 'lucene', text: 'timeout OR refused' },
      filters: [{ field: 'kubernetes.container_name', op: 'is', value: 'api', negate: true, disabled: true }],
      time: { from: '2026-11-20T10:00:00Z', to: '2026-11-20T11:00:00Z' },
      columns: ['namespace', 'message'],
      sort: 'asc',
      doc: { index: 'lxtest-logstash-2026.11.20', id: 'x1' },
      live: false,
    },
  },
  {
    name: 'v0: only a query (the default range and columns)',
    shape: 'v0',
    url: '/?q=timeout',
    state: {
      source: undefined,
      query: { language: 'kql', text: 'timeout' },
      filters: [],
      time: { from: 'now-24h', to: 'now' },
      columns: DEFAULT_COLUMNS_V1,
      sort: 'desc',
      doc: null,
      live: false,
    },
  },
  {
    name: 'v0: relative range, sort and columns',
    shape: 'v0',
    url: '/?from=now-1h&to=now&sort=asc&cols=namespace,message',
    state: {
      source: undefined,
      query: { language: 'kql', text: '' },
      filters: [],
      time: { from: 'now-1h', to: 'now' },
      columns: ['namespace', 'message'],
      sort: 'asc',
      doc: null,
      live: false,
    },
  },
];

export function urlFixture(name: string): UrlFixture {
  const fixture = URL_FIXTURES.find((f) => f.name === name);
  if (!fixture) throw new Error(`no URL fixture named ${JSON.stringify(name)}`);
  return fixture;
}
