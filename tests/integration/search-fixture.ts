/**
 * Shared setup of the search API integration tests: the route handler loaded against the test
 * sources, the fixed dataset seeded into the engine, and the same events regenerated here so
 * every expected count comes from the generator, never from the app.
 */
import { Client } from '@elastic/elasticsearch';
import { flattenDoc, generateEvents } from '@/lib/demo-cluster';
import { seedDataset } from '@/lib/demo-cluster/load';
import { TEST_DATASET, TEST_SOURCES_ENV } from '@/lib/demo-cluster/test-dataset';
import { engineConnection } from '@/lib/es/connection';
import type { ApiErrorBody } from '@/lib/schema/errors';
import type { SearchRequestInput, SearchResponse } from '@/lib/schema/search';

process.env.LOG_SOURCES = TEST_SOURCES_ENV;

export interface ExpectedEvent {
  id: string;
  index: string;
  ts: number;
  fields: Record<string, unknown>;
}

export const END = TEST_DATASET.end.getTime();
export const HOUR = 3_600_000;

export async function seedTestDataset(): Promise<void> {
  const client = new Client(engineConnection().options);
  try {
    await seedDataset(client, { ...TEST_DATASET, end: new Date(TEST_DATASET.end) });
  } finally {
    await client.close();
  }
}

let events: ExpectedEvent[] | undefined;
export function expectedEvents(): ExpectedEvent[] {
  events ??= [...generateEvents({ ...TEST_DATASET, end: new Date(TEST_DATASET.end) })].map((e) => {
    const fields = flattenDoc(e.doc);
    return { id: e.id, index: e.index, ts: Date.parse(String(fields['@timestamp'])), fields };
  });
  return events;
}

/** Events in the inclusive range, optionally narrowed by a predicate on their fields. */
export function eventsIn(from: number, to: number, where: (f: Record<string, unknown>) => boolean = () => true): ExpectedEvent[] {
  return expectedEvents().filter((e) => e.ts >= from && e.ts <= to && where(e.fields));
}

export function countBy(list: readonly ExpectedEvent[], field: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of list) {
    const v = e.fields[field];
    if (v !== undefined && v !== null) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
  }
  return counts;
}

export const iso = (ms: number) => new Date(ms).toISOString();

type Handler = (request: Request) => Promise<Response>;
let post: Handler | undefined;

export async function searchHandler(): Promise<Handler> {
  post ??= (await import('@/app/api/search/route')).POST;
  return post;
}

export async function rawSearch(body: string, init: RequestInit = {}): Promise<{ status: number; json: unknown }> {
  const handler = await searchHandler();
  const res = await handler(
    new Request('http://app.test/api/search', { method: 'POST', body, headers: { 'content-type': 'application/json' }, ...init }),
  );
  return { status: res.status, json: await res.json() };
}

export async function search(body: SearchRequestInput): Promise<SearchResponse> {
  const { status, json } = await rawSearch(JSON.stringify(body));
  if (status !== 200) throw new Error(`search failed: HTTP ${status} ${JSON.stringify(json)}`);
  return json as SearchResponse;
}

export async function searchError(body: unknown): Promise<{ status: number; error: ApiErrorBody['error']; text: string }> {
  const { status, json } = await rawSearch(typeof body === 'string' ? body : JSON.stringify(body));
  return { status, error: (json as ApiErrorBody).error, text: JSON.stringify(json) };
}
