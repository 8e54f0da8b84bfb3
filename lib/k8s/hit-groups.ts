/**
 * Multi-line events in the explorer's table: the same grouping as the pod view
 * (`groupMultiline`), over search hits in the table's order (newest first or oldest first).
 * Each row of the table is an event: its lines in the order the container wrote them, placed
 * where its first line in the table's order falls. Pure.
 */
import { groupMultiline, type GroupableLine } from '@/lib/k8s/multiline';
import type { SearchHit, SortOrder } from '@/lib/schema/search';

export interface HitEvent {
  /** The event's lines, oldest first; the first is the head (the exception line or the entry it belongs to). */
  hits: SearchHit[];
  /** `hits` after the head: the lines a collapsed event hides. */
  more: SearchHit[];
}

/** Which fields carry pod, container, container id, stream and level (the search response's `meanings`). */
export type HitMeanings = Readonly<Partial<Record<'pod' | 'container' | 'container_id' | 'stream' | 'level', string>>>;

const textOf = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

/**
 * The grouping keys of a hit. A line without Kubernetes metadata (an app that pushes its logs)
 * is kept apart per index, so lines of unrelated sources never join one event.
 */
export function groupableOf(hit: SearchHit, meanings: HitMeanings): GroupableLine {
  const field = (meaning: keyof HitMeanings) => {
    const name = meanings[meaning];
    return name ? textOf(hit.fields[name]) : '';
  };
  const pod = field('pod');
  const level = field('level');
  return {
    timestamp: hit.timestamp,
    message: hit.message,
    pod: pod || `index:${hit.index}`,
    container: field('container'),
    containerId: field('container_id'),
    stream: field('stream'),
    ...(level ? { level: level.toLowerCase() } : {}),
  };
}

/**
 * Rows → events. `group: false` gives one event per row. The rows' order is kept for the
 * events (by each event's first row in that order); the lines inside an event are oldest first.
 */
export function groupHits(rows: readonly SearchHit[], meanings: HitMeanings, sort: SortOrder, group = true): HitEvent[] {
  if (!group) return rows.map((hit) => ({ hits: [hit], more: [] }));
  // Grouping reads lines in the order they were written: oldest first.
  const written = sort === 'asc' ? rows : [...rows].reverse();
  const groups = groupMultiline(written.map((hit) => groupableOf(hit, meanings)));
  const events = groups.map((g) => ({ hits: g.map((i) => written[i] as SearchHit), at: tablePosition(g, rows.length, sort) }));
  events.sort((a, b) => a.at - b.at);
  return events.map(({ hits }) => ({ hits, more: hits.slice(1) }));
}

/** Where an event goes in the table: its earliest row in the table's order. */
function tablePosition(members: readonly number[], count: number, sort: SortOrder): number {
  if (sort === 'asc') return members[0] as number;
  // Newest first: the written index i is table row count-1-i; the event's newest line comes first.
  return count - 1 - (members[members.length - 1] as number);
}
