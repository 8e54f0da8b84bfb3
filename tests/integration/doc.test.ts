/**
 * GET /api/doc on the seeded test dataset: a document anywhere in the source, found by index and
 * id, is the generator's event, shaped exactly like the same document's search hit; documents
 * outside the source's indices are not reachable; bad parameters are 400s naming the parameter.
 */
import { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocResponse } from '@/lib/documents/doc-params';
import { engineConnection } from '@/lib/es/connection';
import type { ApiErrorBody } from '@/lib/schema/errors';
import { expectedEvents, iso, search, seedTestDataset } from './search-fixture';

type Handler = (request: Request) => Promise<Response>;
let handler: Handler;
const OUTSIDE = 'lxtest-doc-outside-source';
const client = new Client(engineConnection().options);

beforeAll(async () => {
  await seedTestDataset();
  handler = (await import('@/app/api/doc/route')).GET;
  // A document the engine has, in an index that is not the source's: it must stay out of reach.
  await client.index({
    index: OUTSIDE,
    id: 'secret-1',
    document: { '@timestamp': iso(Date.now()), log: 'not yours' },
    refresh: 'wait_for',
  });
});

afterAll(async () => {
  await client.indices.delete({ index: OUTSIDE, ignore_unavailable: true });
  await client.close();
});

async function call(query: string): Promise<{ status: number; json: unknown }> {
  const res = await handler(new Request(`http://app.test/api/doc?${query}`));
  return { status: res.status, json: await res.json() };
}

const params = (p: Record<string, string>) => new URLSearchParams(p).toString();

describe('GET /api/doc', () => {
  // The oldest event: thousands of rows below the first page of the default (newest first) screen.
  const oldest = () => [...expectedEvents()].sort((a, b) => a.ts - b.ts)[0]!;

  it('returns a document far from the first page: the generator event, shaped like its search hit', async () => {
    const event = oldest();
    const { status, json } = await call(params({ index: event.index, id: event.id }));
    expect(status).toBe(200);
    const { hit } = json as DocResponse;
    expect(hit.id).toBe(event.id);
    expect(hit.index).toBe(event.index);
    expect(Date.parse(hit.timestamp)).toBe(event.ts);
    expect(hit.fields).toEqual(event.fields);
    expect(hit.message).toBe(String(event.fields.log ?? event.fields.message ?? ''));

    // The same document as POST /api/search returns it around its instant.
    const page = await search({ time: { from: iso(event.ts), to: iso(event.ts) }, size: 500, histogram: false });
    const fromSearch = page.hits.find((h) => h.id === event.id && h.index === event.index);
    expect(fromSearch).toBeDefined();
    expect(hit).toEqual(fromSearch);
  });

  it('takes the source by id', async () => {
    const event = oldest();
    const { status } = await call(params({ source: 'logs', index: event.index, id: event.id }));
    expect(status).toBe(200);
  });

  it('404s for an unknown id, for a known id in the wrong index, and for an index outside the source', async () => {
    const event = oldest();
    const other = expectedEvents().find((e) => e.index !== event.index)!;
    for (const query of [
      params({ index: event.index, id: 'no-such-document' }),
      params({ index: other.index, id: event.id }),
      params({ index: OUTSIDE, id: 'secret-1' }),
    ]) {
      const { status, json } = await call(query);
      expect(status, query).toBe(404);
      expect((json as ApiErrorBody).error.code).toBe('not_found');
    }
  });

  it('refuses bad parameters with 400 and the parameter named', async () => {
    const event = oldest();
    const cases: [string, string, string][] = [
      [params({ id: event.id }), 'validation_failed', 'index'],
      [params({ index: event.index }), 'validation_failed', 'id'],
      [params({ index: 'lxtest-logstash-*', id: event.id }), 'validation_failed', 'index'],
      [params({ index: 'a,b', id: event.id }), 'validation_failed', 'index'],
      [params({ index: event.index, id: 'x'.repeat(513) }), 'validation_failed', 'id'],
      [`index=${event.index}&id=a&id=b`, 'validation_failed', 'id'],
      [params({ source: 'nope', index: event.index, id: event.id }), 'unknown_source', 'source'],
    ];
    for (const [query, code, path] of cases) {
      const { status, json } = await call(query);
      expect(status, query).toBe(400);
      expect((json as ApiErrorBody).error.code, query).toBe(code);
      expect((json as ApiErrorBody).error.path, query).toBe(path);
    }
  });
});
