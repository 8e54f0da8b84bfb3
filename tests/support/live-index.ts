/**
 * The live-tail tests' own index, shared by the integration tests (tests/integration/tail.test.ts,
 * embed-tail.test.ts) and the end-to-end specs (e2e/live-tail.spec.ts, embed-tail.spec.ts): made
 * afresh like a shipper's target (1 s refresh unless told otherwise, strings as keywords), written
 * in Fluentd's shape, and the tail's Server-Sent Events read back. The test dataset is never
 * written to. Framework-free (vitest and Playwright both use it), so failures throw.
 */
import type { Client } from '@elastic/elasticsearch';

export async function createLiveIndex(client: Client, index: string, opts: { refreshInterval?: string | null } = {}): Promise<void> {
  await client.indices.delete({ index, ignore_unavailable: true });
  const refresh = opts.refreshInterval === undefined ? '1s' : opts.refreshInterval;
  await client.indices.create({
    index,
    settings: { number_of_shards: 1, number_of_replicas: 0, ...(refresh ? { refresh_interval: refresh } : {}) },
    mappings: {
      dynamic_templates: [{ s: { match_mapping_type: 'string', mapping: { type: 'keyword' } } }],
      // Mapped up front: a source's fields are read when its first tail opens, maybe before any line.
      properties: {
        '@timestamp': { type: 'date' },
        log: { type: 'text' },
        level: { type: 'keyword' },
        stream: { type: 'keyword' },
        kubernetes: {
          properties: {
            namespace_name: { type: 'keyword' },
            pod_name: { type: 'keyword' },
            container_name: { type: 'keyword' },
            host: { type: 'keyword' },
          },
        },
        docker: { properties: { container_id: { type: 'keyword' } } },
      },
    },
  });
}

export async function deleteLiveIndex(client: Client, index: string): Promise<void> {
  await client.indices.delete({ index, ignore_unavailable: true });
}

/** One line as a Fluentd node agent ships it; `ts` defaults to now, `log` to `line <id>`. */
export interface LiveDoc {
  id: string;
  namespace: string;
  pod: string;
  ts?: number;
  log?: string;
  level?: string;
  stream?: string;
  container?: string;
  host?: string;
  containerId?: string;
}

export function liveDocument(d: LiveDoc): Record<string, unknown> {
  return {
    '@timestamp': new Date(d.ts ?? Date.now()).toISOString(),
    log: d.log ?? `line ${d.id}`,
    ...(d.level ? { level: d.level } : {}),
    stream: d.stream ?? 'stdout',
    kubernetes: { namespace_name: d.namespace, pod_name: d.pod, container_name: d.container ?? 'app', host: d.host ?? 'node-1' },
    docker: { container_id: d.containerId ?? 'c1' },
  };
}

/**
 * Indexes the lines. Without `refresh` they become visible at the index's refresh interval, as a
 * shipper's would — what a tail has to cope with.
 */
export async function writeLive(
  client: Client,
  index: string,
  docs: readonly LiveDoc[],
  refresh: boolean | 'wait_for' = false,
): Promise<void> {
  const operations = docs.flatMap((d) => [{ index: { _index: index, _id: d.id } }, liveDocument(d)]);
  const res = await client.bulk({ operations, refresh });
  if (res.errors) throw new Error(`bulk write to ${index} failed: ${JSON.stringify(res.items.find((i) => i.index?.error))}`);
}

export interface SseEvent {
  event: string;
  /** The SSE `id:` (the tail's cursor), or null. */
  id: string | null;
  data: string;
}

/** Reads a Server-Sent Events body until it ends or is cancelled; `onEvent` sees each event as it comes. */
export function readEvents(
  body: ReadableStream<Uint8Array>,
  onEvent?: (event: SseEvent) => void,
): { events: SseEvent[]; done: Promise<void>; cancel: () => void } {
  const events: SseEvent[] = [];
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const done = (async () => {
    for (;;) {
      const { done: end, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (end) return;
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        if (!event) continue;
        const parsed = { event, id: /^id: (.*)$/m.exec(block)?.[1] ?? null, data: /^data: (.*)$/m.exec(block)?.[1] ?? '' };
        events.push(parsed);
        onEvent?.(parsed);
      }
    }
  })();
  return { events, done, cancel: () => void reader.cancel().catch(() => undefined) };
}

/** The data of the first event named `name` (JSON), then the body is cancelled; throws if it ends first. */
export async function firstEvent<T>(body: ReadableStream<Uint8Array>, name: string): Promise<T> {
  let found: SseEvent | undefined;
  const reading = readEvents(body, (event) => {
    if (found || event.event !== name) return;
    found = event;
    reading.cancel();
  });
  await reading.done;
  if (!found) throw new Error(`the stream ended before an event "${name}"`);
  return JSON.parse(found.data) as T;
}
