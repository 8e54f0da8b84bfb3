/**
 * KQL through the API means what a person would write by hand: for each query, the total of
 * POST /api/search equals the engine's own count of a hand-written DSL query over the same
 * indices and time range. The DSL here is written from the KQL's meaning, not produced by the
 * app's translator, so a translation bug shows up as a count mismatch.
 */
import { Client, type estypes } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATASET } from '@/lib/demo-cluster/test-dataset';
import { engineConnection } from '@/lib/es/connection';
import { END, HOUR, iso, search, seedTestDataset } from './search-fixture';

type Query = estypes.QueryDslQueryContainer;

const INDEX = `${TEST_DATASET.indexPrefix}*`;
// A window inside the dataset, so the time range itself is part of what is compared.
const FROM = END - 18 * HOUR;
const TO = END - HOUR;
const TIME = { from: iso(FROM), to: iso(TO) };
const NS = 'kubernetes.namespace_name';

const term = (field: string, value: string): Query => ({ term: { [field]: value } });
const all = (...filter: Query[]): Query => ({ bool: { filter } });
const any = (...should: Query[]): Query => ({ bool: { should, minimum_should_match: 1 } });
const not = (...mustNot: Query[]): Query => ({ bool: { must_not: mustNot } });
const LABEL_FIELDS = ['app', 'controller-revision-hash', 'pod-template-hash', 'statefulset_kubernetes_io/pod-name'].map(
  (f) => `kubernetes.labels.${f}`,
);
const MESSAGE_FIELDS = ['log', 'message'];

const CASES: [string, Query][] = [
  ['level:error', term('level', 'error')],
  ['LEVEL:error', { match_none: {} }],
  [`${NS}:payments`, term(NS, 'payments')],
  ['log:"connection refused"', { match_phrase: { log: 'connection refused' } }],
  ['log:connection refused', { match: { log: 'connection refused' } }],
  ['kubernetes.pod_name:payments-api-*', { prefix: { 'kubernetes.pod_name': 'payments-api-' } }],
  ['log:refus*', { prefix: { log: 'refus' } }],
  ['kubernetes.labels.*:payments-api', any(...LABEL_FIELDS.map((f) => term(f, 'payments-api')))],
  ['kubernetes.labels.app:*', { exists: { field: 'kubernetes.labels.app' } }],
  ['message:*', { exists: { field: 'message' } }],
  ['not kubernetes.labels.app:*', not({ exists: { field: 'kubernetes.labels.app' } })],
  [
    '@timestamp >= "2026-11-20T06:00:00.000Z||-3h" and @timestamp < "2026-11-20T06:00:00.000Z||/h"',
    { range: { '@timestamp': { gte: '2026-11-20T03:00:00.000Z', lt: '2026-11-20T06:00:00.000Z' } } },
  ],
  ['@timestamp > "2026-11-20T00:00:00.000Z"', { range: { '@timestamp': { gt: '2026-11-20T00:00:00.000Z' } } }],
  // not > and > or: the `and` binds first, the `not` to its clause alone.
  [
    'level:error or level:warn and not kubernetes.namespace_name:payments',
    any(term('level', 'error'), all(term('level', 'warn'), not(term(NS, 'payments')))),
  ],
  ['not level:info and stream:stdout', all(not(term('level', 'info')), term('stream', 'stdout'))],
  [
    '(level:error or stream:stderr) and kubernetes.namespace_name:kube-system',
    all(any(term('level', 'error'), term('stream', 'stderr')), term(NS, 'kube-system')),
  ],
  ['level:(error or warn or fatal)', { terms: { level: ['error', 'warn', 'fatal'] } }],
  [
    `${NS}:(payments or checkout) and not level:(info or debug)`,
    all({ terms: { [NS]: ['payments', 'checkout'] } }, not({ terms: { level: ['info', 'debug'] } })),
  ],
  ['level:(not info and not debug)', all(not(term('level', 'info')), not(term('level', 'debug')))],
  ['refused', { multi_match: { query: 'refused', fields: MESSAGE_FIELDS } }],
  ['"connection refused"', { multi_match: { query: 'connection refused', type: 'phrase', fields: MESSAGE_FIELDS } }],
  [
    '"connection refused" and not kubernetes.namespace_name:checkout',
    all({ multi_match: { query: 'connection refused', type: 'phrase', fields: MESSAGE_FIELDS } }, not(term(NS, 'checkout'))),
  ],
  [
    'Invoice AND batch',
    all({ multi_match: { query: 'Invoice', fields: MESSAGE_FIELDS } }, { multi_match: { query: 'batch', fields: MESSAGE_FIELDS } }),
  ],
];

let client: Client;

beforeAll(async () => {
  await seedTestDataset();
  client = new Client(engineConnection().options);
});

afterAll(async () => {
  await client.close();
});

async function handCount(query: Query): Promise<number> {
  const filter: Query[] = [{ range: { '@timestamp': { gte: FROM, lte: TO, format: 'epoch_millis' } } }, query];
  const res = await client.count({ index: INDEX, query: { bool: { filter } } });
  return res.count;
}

describe('KQL through the API counts what the hand-written DSL counts', () => {
  it('has enough cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(12);
  });

  it.each(CASES)('%s', async (text, dsl) => {
    const [api, hand] = await Promise.all([search({ time: TIME, size: 1, query: { language: 'kql', text } }), handCount(dsl)]);
    expect(api.total).toEqual({ value: hand, relation: 'eq' });
  });

  it('compares counts that discriminate: most cases match some documents but not all', async () => {
    const window = await handCount({ match_all: {} });
    const counts = await Promise.all(CASES.map(([, dsl]) => handCount(dsl)));
    const telling = counts.filter((n) => n > 0 && n < window);
    expect(telling.length).toBeGreaterThanOrEqual(CASES.length - 2);
  });
});
