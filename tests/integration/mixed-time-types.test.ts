/**
 * A source whose indices map the time field as `date` in one and `date_nanos` in another (a
 * shipper upgraded to nanosecond timestamps mid-retention). Without the conversion every time
 * sort compares milliseconds with nanoseconds: the `date` lines sort as if written in January
 * 1970 and come back with such times. Every view that sorts by time — the explorer's rows, a
 * pod's lines, the live tail, a document lookup and the surrounding lines — must put the lines
 * in the order they were written, with their own times. Expected order and times come from the
 * documents this test writes.
 */
import { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineConnection } from '@/lib/es/connection';
import type { ContextResponse } from '@/lib/schema/context';
import type { PodLogsResponse, LogLine } from '@/lib/schema/pod-logs';
import type { SearchResponse } from '@/lib/schema/search';
import type { TailLinesEvent } from '@/lib/schema/tail';
import { firstEvent } from '@/tests/support/live-index';

const PREFIX = `lxtest-timemix-${process.pid}`;
const DATE_INDEX = `${PREFIX}-date`;
const NANOS_INDEX = `${PREFIX}-nanos`;
const SOURCE = 'timemix';
const NS = 'timemix';
const POD = 'clock-7d9c5b8f4d-x2x4k';

interface Line {
  id: string;
  index: string;
  /** As written into the document. */
  timestamp: string;
  /** Epoch ms and the nanoseconds within that millisecond: the order the lines were written. */
  ms: number;
  nanos: number;
}

const client = new Client(engineConnection().options);
// Recent, so the tail's `now-10m` and the screen's `now-15m` hold them all; whole seconds apart.
const base = Math.floor((Date.now() - 5 * 60_000) / 1000) * 1000;
// Alternately in each index, whole seconds apart; the date_nanos lines carry sub-millisecond
// digits, and one more shares a millisecond with a date line (written 500 ns after it), so only
// a sort in nanoseconds orders that pair right.
const lines: Line[] = Array.from({ length: 10 }, (_, i) => {
  const ms = base + i * 1000;
  return i % 2 === 0
    ? { id: `line-${i}`, index: DATE_INDEX, ms, nanos: 0, timestamp: iso(ms) }
    : { id: `line-${i}`, index: NANOS_INDEX, ms, nanos: 123_456, timestamp: `${iso(ms).slice(0, 23)}123456Z` };
});
lines.push({ id: 'line-same-ms', index: NANOS_INDEX, ms: base, nanos: 500, timestamp: `${iso(base).slice(0, 23)}000500Z` });
const written = [...lines].sort((a, b) => a.ms - b.ms || a.nanos - b.nanos);

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

const kubernetes = {
  namespace_name: NS,
  pod_name: POD,
  pod_id: 'b2c3d4e5-0000-4000-8000-000000000001',
  container_name: 'clock',
  host: 'node-1',
};

beforeAll(async () => {
  await client.indices.delete({ index: [DATE_INDEX, NANOS_INDEX], ignore_unavailable: true });
  for (const [index, type] of [
    [DATE_INDEX, 'date'],
    [NANOS_INDEX, 'date_nanos'],
  ] as const) {
    await client.indices.create({
      index,
      settings: { number_of_shards: 1, number_of_replicas: 0 },
      mappings: {
        dynamic_templates: [{ s: { match_mapping_type: 'string', mapping: { type: 'keyword' } } }],
        properties: { '@timestamp': { type }, log: { type: 'text' } },
      },
    });
  }
  await client.bulk({
    refresh: true,
    operations: lines.flatMap((l) => [
      { index: { _index: l.index, _id: l.id } },
      { '@timestamp': l.timestamp, log: `tick ${l.id}`, kubernetes, docker: { container_id: 'c0ffee' }, stream: 'stdout' },
    ]),
  });
  process.env.LOG_SOURCES = JSON.stringify([{ id: SOURCE, indexPattern: `${PREFIX}-*`, timeField: '@timestamp' }]);
  const { clearSourceFieldsCache } = await import('@/lib/sources');
  clearSourceFieldsCache();
});

afterAll(async () => {
  await client.indices.delete({ index: [DATE_INDEX, NANOS_INDEX], ignore_unavailable: true });
  await client.close();
});

function post(path: string, body: unknown): Request {
  return new Request(`http://app.test${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** A line's time as the app reports it, back to (ms, nanos within the ms) to compare with what was written. */
function instant(timestamp: string): { ms: number; nanos: number } {
  const m = /\.(\d+)Z$/.exec(timestamp);
  const fraction = (m?.[1] ?? '').padEnd(9, '0');
  return { ms: Date.parse(timestamp), nanos: Number(fraction.slice(3)) };
}

function expectWrittenTimes(got: { id: string; timestamp: string }[]): void {
  for (const line of got) {
    const mine = lines.find((l) => l.id === line.id);
    expect(instant(line.timestamp), line.id).toEqual({ ms: mine?.ms, nanos: mine?.nanos });
  }
}

/** OpenSearch takes no `format` on a sort, and the dialect drops the conversion with it (lib/es/dialect.ts). */
async function isOpenSearch(): Promise<boolean> {
  const root = await fetch(`${engineConnection().url}/`).catch(() => null);
  const body = (await root?.json().catch(() => ({}))) as { version?: { distribution?: string } } | undefined;
  return body?.version?.distribution === 'opensearch';
}

describe.skipIf(await isOpenSearch())('a source mixing date and date_nanos time fields', () => {
  it('is one: the field list reports the time field as a conflict of date and date_nanos', async () => {
    const { GET } = await import('@/app/api/fields/route');
    const body = (await (await GET(new Request(`http://app.test/api/fields?source=${SOURCE}`))).json()) as {
      fields: { name: string; conflictTypes?: string[] }[];
    };
    expect(body.fields.find((f) => f.name === '@timestamp')?.conflictTypes).toEqual(['date', 'date_nanos']);
  });

  it('explorer rows: newest first, each with its own time', async () => {
    const { POST } = await import('@/app/api/search/route');
    const res = await POST(post('/api/search', { source: SOURCE, time: { from: 'now-15m', to: 'now' }, size: 50 }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as SearchResponse;
    expect(body.hits.map((h) => h.id)).toEqual([...written].reverse().map((l) => l.id));
    expectWrittenTimes(body.hits);
  });

  it("a pod's lines: oldest first, each with its own time", async () => {
    const { POST } = await import('@/app/api/pod-logs/route');
    const res = await POST(post('/api/pod-logs', { source: SOURCE, namespace: NS, pod: POD, since: 'now-15m' }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as PodLogsResponse;
    expect(body.lines.map((l: LogLine) => l.id)).toEqual(written.map((l) => l.id));
    expectWrittenTimes(body.lines);
  });

  it('the live tail: its first batch in the order written', async () => {
    const { GET } = await import('@/app/api/tail/route');
    const controller = new AbortController();
    const res = await GET(
      new Request(`http://app.test/api/tail?source=${SOURCE}&namespace=${NS}&pod=${POD}&from=now-10m`, { signal: controller.signal }),
    );
    expect(res.status).toBe(200);
    const batch = await firstEvent<TailLinesEvent>(res.body as ReadableStream<Uint8Array>, 'lines');
    controller.abort();
    expect(batch?.lines.map((l) => l.id)).toEqual(written.map((l) => l.id));
    expectWrittenTimes(batch?.lines ?? []);
  });

  it('a document lookup: the time it was written, for a date line and a date_nanos line', async () => {
    const { GET } = await import('@/app/api/doc/route');
    for (const line of [lines[0], lines[1]] as Line[]) {
      const q = new URLSearchParams({ source: SOURCE, index: line.index, id: line.id });
      const res = await GET(new Request(`http://app.test/api/doc?${q.toString()}`));
      expect(res.status).toBe(200);
      const { hit } = (await res.json()) as { hit: { id: string; timestamp: string } };
      expectWrittenTimes([hit]);
    }
  });

  it('surrounding lines: before and after the anchor in the order written', async () => {
    const { POST } = await import('@/app/api/context/route');
    const anchorAt = 5;
    const anchor = written[anchorAt] as Line;
    const res = await POST(post('/api/context', { source: SOURCE, anchor: { index: anchor.index, id: anchor.id }, scope: 'pod' }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as ContextResponse;
    expect(body.before.map((l) => l.id)).toEqual(written.slice(0, anchorAt).map((l) => l.id));
    expect(body.after.map((l) => l.id)).toEqual(written.slice(anchorAt + 1).map((l) => l.id));
    expectWrittenTimes([body.anchor, ...body.before, ...body.after]);
  });
});
