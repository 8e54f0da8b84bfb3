/**
 * seedDataset: puts the index template and loads the demo events with `_bulk`. Server-side
 * only. The seeder owns every index under its prefix: a reload deletes them first, because the
 * same `_id` can land in a different daily index when the window moves (a rerun of
 * `npm run seed` ends at a later "now"), and Elasticsearch only dedupes ids within one index.
 */
import type { Client } from '@elastic/elasticsearch';
import { DEFAULT_INDEX_PREFIX, GENERATOR_VERSION, demoWindow, generateEvents } from './generate';
import type { DemoEvent, DemoOptions } from './generate';
import { indexTemplateBody, indexTemplateName } from './index-template';
import { MS_PER_DAY, logstashDay } from './time-format';

export interface SeedOptions extends DemoOptions {
  /** Reload even when the indices already hold exactly this dataset. */
  force?: boolean;
}

export interface SeedProgress {
  done: number;
  total: number;
  elapsedMs: number;
}

export interface SeedHooks {
  onProgress?: (progress: SeedProgress) => void;
  /** Docs per `_bulk` request. */
  batchSize?: number;
  /** `_bulk` requests in flight. */
  concurrency?: number;
}

export interface SeedResult {
  docs: number;
  seconds: number;
  docsPerSecond: number;
  /** True when the indices already held the dataset and nothing was loaded. */
  skipped: boolean;
  indices: string[];
}

const DEFAULT_BATCH = 5_000;
const DEFAULT_CONCURRENCY = 3;
const REJECTED_RETRIES = 5;
/** Events compared against the stored documents to recognise an already-loaded dataset. */
const FINGERPRINT_EVENTS = 3;

export function assertIndexPrefix(prefix: string): void {
  // An empty or odd prefix would make `<prefix>*` reach indices the seeder does not own.
  if (!/^[a-z0-9][a-z0-9._-]{2,}$/.test(prefix)) {
    throw new Error(`index prefix must be 3+ lowercase letters, digits, '.', '_' or '-', starting with a letter or digit: "${prefix}"`);
  }
}

/** The daily indices the window touches, oldest first. */
export function windowIndices(opts: Pick<DemoOptions, 'days' | 'end' | 'indexPrefix'>): string[] {
  const { start, end } = demoWindow(opts);
  const prefix = opts.indexPrefix ?? DEFAULT_INDEX_PREFIX;
  const names: string[] = [];
  for (let day = Math.floor((start + 1) / MS_PER_DAY); day <= Math.floor(end / MS_PER_DAY); day++) {
    names.push(`${prefix}${logstashDay(day * MS_PER_DAY)}`);
  }
  return names;
}

export async function seedDataset(client: Client, opts: SeedOptions, hooks: SeedHooks = {}): Promise<SeedResult> {
  const prefix = opts.indexPrefix ?? DEFAULT_INDEX_PREFIX;
  assertIndexPrefix(prefix);
  const indices = windowIndices(opts);
  const began = Date.now();
  const result = (docs: number, skipped: boolean): SeedResult => {
    const seconds = (Date.now() - began) / 1000;
    return { docs, seconds, docsPerSecond: seconds > 0 ? docs / seconds : 0, skipped, indices };
  };

  await client.indices.putIndexTemplate({ name: indexTemplateName(prefix), ...indexTemplateBody(prefix, opts.shape) });
  if (!opts.force && (await alreadyLoaded(client, opts, prefix))) return result(0, true);

  await deleteOwnedIndices(client, prefix);
  // Created up front so refresh can be switched off for the whole load.
  for (const index of indices) {
    await client.indices.create({ index, settings: { refresh_interval: '-1', translog: { durability: 'async' } } });
  }
  try {
    await bulkLoad(client, generateEvents(opts), opts.docs, hooks, began);
  } finally {
    await client.indices.putSettings({
      index: indices.join(','),
      settings: { refresh_interval: '1s', translog: { durability: 'request' } },
    });
    await client.indices.refresh({ index: indices.join(',') });
  }
  const { count } = await client.count({ index: `${prefix}*` });
  if (count !== opts.docs) throw new Error(`seed: expected ${opts.docs} documents under ${prefix}*, the engine counts ${count}`);
  // Written last: only a complete load is recognised as "already loaded" next time.
  await client.indices.putMapping({ index: indices.join(','), _meta: { [META_KEY]: datasetMeta(opts) } });
  return result(opts.docs, false);
}

const META_KEY = 'log_explorer_demo';

function datasetMeta(opts: DemoOptions): Record<string, unknown> {
  return {
    seed: opts.seed,
    docs: opts.docs,
    days: opts.days,
    end: opts.end.toISOString(),
    generator: GENERATOR_VERSION,
    // Only other shapes say so: Fluentd-shaped indices stamped before shapes existed stay valid.
    ...(opts.shape && opts.shape !== 'fluentd' ? { shape: opts.shape } : {}),
  };
}

async function alreadyLoaded(client: Client, opts: DemoOptions, prefix: string): Promise<boolean> {
  const { count } = await client.count({ index: `${prefix}*`, ignore_unavailable: true, allow_no_indices: true });
  if (count !== opts.docs) return false;
  const mappings = await client.indices.getMapping({
    index: windowIndices(opts).join(','),
    ignore_unavailable: true,
    allow_no_indices: true,
  });
  const wanted = datasetMeta(opts);
  const stamps = Object.values(mappings).map((m) => m.mappings._meta?.[META_KEY] as Record<string, unknown> | undefined);
  // The engine does not keep key order in _meta: compare field by field.
  const same = (stamp: Record<string, unknown> | undefined) => !!stamp && Object.keys(wanted).every((k) => stamp[k] === wanted[k]);
  if (stamps.length === 0 || !stamps.every(same)) return false;
  if (opts.docs === 0) return true;
  // Same count is not enough (another seed or window): the first events must match exactly.
  const expected: DemoEvent[] = [];
  for (const event of generateEvents(opts)) {
    expected.push(event);
    if (expected.length >= FINGERPRINT_EVENTS) break;
  }
  const { docs } = await client.mget<Record<string, unknown>>({ docs: expected.map((e) => ({ _index: e.index, _id: e.id })) });
  return docs.every(
    (stored, i) => 'found' in stored && stored.found && JSON.stringify(stored._source) === JSON.stringify(expected[i]?.doc),
  );
}

async function deleteOwnedIndices(client: Client, prefix: string): Promise<void> {
  const existing = Object.keys(
    await client.indices.get({ index: `${prefix}*`, expand_wildcards: 'all', allow_no_indices: true, ignore_unavailable: true }),
  );
  // Explicit names: clusters refuse wildcard deletes (action.destructive_requires_name).
  for (let i = 0; i < existing.length; i += 50) {
    await client.indices.delete({ index: existing.slice(i, i + 50).join(',') });
  }
}

interface BulkItem {
  status: number;
  error?: { type?: string; reason?: string };
}

async function bulkLoad(client: Client, events: Iterable<DemoEvent>, total: number, hooks: SeedHooks, began: number): Promise<void> {
  const batchSize = hooks.batchSize ?? DEFAULT_BATCH;
  const concurrency = hooks.concurrency ?? DEFAULT_CONCURRENCY;
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  let done = 0;
  let lines: string[] = [];

  const send = async (batch: string[]) => {
    await sendBatch(client, batch);
    done += batch.length;
    hooks.onProgress?.({ done, total, elapsedMs: Date.now() - began });
  };
  const dispatch = async () => {
    const batch = lines;
    lines = [];
    const request = send(batch).catch((err: unknown) => {
      failure ??= err;
    });
    const tracked = request.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
    if (failure) throw failure;
  };

  for (const event of events) {
    lines.push(`{"index":{"_index":"${event.index}","_id":"${event.id}"}}\n${JSON.stringify(event.doc)}\n`);
    if (lines.length >= batchSize) await dispatch();
  }
  if (lines.length > 0) await dispatch();
  await Promise.all(inFlight);
  if (failure) throw failure;
}

/** One `_bulk` request; items the engine rejected for back-pressure (429) are retried, any other item error is fatal. */
async function sendBatch(client: Client, batch: string[]): Promise<void> {
  let pending = batch;
  for (let attempt = 0; ; attempt++) {
    const response = (await client.transport.request(
      { method: 'POST', path: '/_bulk', querystring: { filter_path: 'errors,items.*.status,items.*.error' }, bulkBody: pending.join('') },
      { requestTimeout: 120_000 },
    )) as { errors: boolean; items?: Record<string, BulkItem>[] };
    if (!response.errors) return;
    const items = (response.items ?? []).map((item) => Object.values(item)[0]);
    const failed = items.flatMap((item, i) => (item && item.status >= 300 ? [{ item, line: pending[i] ?? '' }] : []));
    const fatal = failed.find(({ item }) => item.status !== 429);
    if (fatal || attempt >= REJECTED_RETRIES) {
      const { item, line } = fatal ?? failed[0] ?? { item: { status: 0 }, line: '' };
      const action = line.slice(0, line.indexOf('\n'));
      throw new Error(
        `bulk indexing failed for ${failed.length} of ${pending.length} docs; first: ${action} → ${item.status} ${item.error?.type ?? ''}: ${item.error?.reason ?? 'unknown reason'}`,
      );
    }
    pending = failed.map(({ line }) => line);
    await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
  }
}
