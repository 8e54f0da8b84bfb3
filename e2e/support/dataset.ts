/**
 * What the engine must answer, from the data itself: the fixed test dataset regenerated with
 * the same generator the seeder used. Specs take their expected counts from here, never from
 * the screen.
 */
import { flattenDoc, generateEvents, TEST_DATASET } from '@/lib/demo-cluster/index';

export interface ExpectedEvent {
  id: string;
  index: string;
  ts: number;
  fields: Record<string, unknown>;
}

/** Covers the whole dataset: its window is (end − 1 day, end], and the API's range is inclusive. */
export const DATASET_RANGE = {
  from: new Date(TEST_DATASET.end.getTime() - TEST_DATASET.days * 86_400_000).toISOString(),
  to: TEST_DATASET.end.toISOString(),
} as const;

/** A screen state (as `POST /api/views` and `/api/embeds` take it): the dataset's error lines, all of them. */
export const ERRORS_SCREEN = {
  schemaVersion: 1,
  query: { language: 'kql', text: 'level:error' },
  filters: [],
  time: DATASET_RANGE,
  columns: ['message'],
  sort: 'desc',
};

let cache: ExpectedEvent[] | undefined;

export function events(): ExpectedEvent[] {
  if (!cache) {
    cache = [];
    for (const ev of generateEvents({ ...TEST_DATASET, end: new Date(TEST_DATASET.end) })) {
      const fields = flattenDoc(ev.doc);
      cache.push({ id: ev.id, index: ev.index, ts: Date.parse(String(fields['@timestamp'])), fields });
    }
  }
  return cache;
}

export function count(predicate: (e: ExpectedEvent) => boolean): number {
  let n = 0;
  for (const e of events()) if (predicate(e)) n++;
  return n;
}

export function eventById(id: string): ExpectedEvent | undefined {
  return events().find((e) => e.id === id);
}

/** The screen's wording for a total: "12,345 hits". */
export function hitsText(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'hit' : 'hits'}`;
}

/** The most common value of a field, for picking a facet value that is surely shown. */
export function topValue(field: string): { value: string; count: number } {
  const counts = new Map<string, number>();
  for (const e of events()) {
    const v = e.fields[field];
    if (typeof v === 'string') counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const [value, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  return { value, count: n };
}
