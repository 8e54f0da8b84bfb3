/**
 * The items of a terminal-like log view: lines, with a separator before the first line of each
 * restarted container instance. Pure.
 */
import type { LogLine, RestartSeparator } from '@/lib/schema/pod-logs';

export type LogItem = { kind: 'line'; line: LogLine; index: number } | { kind: 'restart'; restart: RestartSeparator };

/**
 * Each separator goes right before the first line of its new instance (same container and
 * container id). A separator whose new instance has no line on screen (cut by `tail`, or the
 * instance wrote nothing in the range) goes where its time falls, so none is ever lost.
 */
export function interleaveRestarts(lines: readonly LogLine[], restarts: readonly RestartSeparator[]): LogItem[] {
  const firstLineOf = new Map<string, number>();
  lines.forEach((line, i) => {
    const key = `${line.container}\u0000${line.containerId}`;
    if (!firstLineOf.has(key)) firstLineOf.set(key, i);
  });
  const before = new Map<number, RestartSeparator[]>();
  const place = (at: number, r: RestartSeparator) => before.set(at, [...(before.get(at) ?? []), r]);
  for (const r of restarts) {
    const first = firstLineOf.get(`${r.container}\u0000${r.containerId}`);
    if (first !== undefined) {
      place(first, r);
      continue;
    }
    const at = Date.parse(r.at);
    const next = lines.findIndex((l) => Date.parse(l.timestamp) >= at);
    place(next === -1 ? lines.length : next, r);
  }
  const items: LogItem[] = [];
  for (let i = 0; i <= lines.length; i++) {
    for (const r of before.get(i) ?? []) items.push({ kind: 'restart', restart: r });
    const line = lines[i];
    if (line) items.push({ kind: 'line', line, index: i });
  }
  return items;
}

/** Stable colour slots for names (containers in the pod view, pods in the workload view), in order of first sight. */
export function colourSlots(names: readonly string[], slots: number): Map<string, number> {
  const map = new Map<string, number>();
  for (const name of names) if (!map.has(name)) map.set(name, map.size % slots);
  return map;
}
