/**
 * The items of a terminal-like log view: entries (a line, or a multi-line event), with a
 * separator before the first line of each restarted container instance. Pure.
 */
import { groupMultiline } from '@/lib/k8s/multiline';
import type { LogLine, RestartSeparator } from '@/lib/schema/pod-logs';

export type LogItem =
  | { kind: 'entry'; lines: LogLine[]; /** Index of the entry's first line in the input. */ first: number }
  | { kind: 'restart'; restart: RestartSeparator };

/**
 * Lines → entries (grouped into multi-line events when `group`), and each restart separator
 * right before the entry holding the first line of its new instance (same container and
 * container id). A separator whose new instance has no line on screen (cut by `tail`, or it
 * wrote nothing in the range) goes where its time falls, so none is ever lost.
 */
export function logItems(lines: readonly LogLine[], restarts: readonly RestartSeparator[], group = true): LogItem[] {
  const groups = group ? groupMultiline(lines) : lines.map((_, i) => [i]);
  const entryOf = new Array<number>(lines.length);
  groups.forEach((g, e) => g.forEach((i) => (entryOf[i] = e)));
  const firstLineOf = new Map<string, number>();
  lines.forEach((line, i) => {
    const key = `${line.container}\u0000${line.containerId}`;
    if (!firstLineOf.has(key)) firstLineOf.set(key, i);
  });
  const before = new Map<number, RestartSeparator[]>();
  const place = (entry: number, r: RestartSeparator) => before.set(entry, [...(before.get(entry) ?? []), r]);
  for (const r of restarts) {
    const first = firstLineOf.get(`${r.container}\u0000${r.containerId}`);
    if (first !== undefined) {
      place(entryOf[first] as number, r);
      continue;
    }
    const at = Date.parse(r.at);
    const next = groups.findIndex((g) => Date.parse((lines[g[0] as number] as LogLine).timestamp) >= at);
    place(next === -1 ? groups.length : next, r);
  }
  const items: LogItem[] = [];
  for (let e = 0; e <= groups.length; e++) {
    for (const r of before.get(e) ?? []) items.push({ kind: 'restart', restart: r });
    const g = groups[e];
    if (g) items.push({ kind: 'entry', lines: g.map((i) => lines[i] as LogLine), first: g[0] as number });
  }
  return items;
}

/** Stable colour slots for names (containers in the pod view, pods in the workload view), in order of first sight. */
export function colourSlots(names: readonly string[], slots: number): Map<string, number> {
  const map = new Map<string, number>();
  for (const name of names) if (!map.has(name)) map.set(name, map.size % slots);
  return map;
}
