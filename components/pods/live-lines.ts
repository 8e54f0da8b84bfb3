import type { LogLine } from '@/lib/schema/pod-logs';

/**
 * The loaded lines and the live ones after them, each once (a tail re-sends a minute of
 * overlap); `keep` narrows the live ones (the workload view's pod filter). Pure.
 */
export function withLiveLines(loaded: readonly LogLine[], live: readonly LogLine[], keep?: (line: LogLine) => boolean): LogLine[] {
  const fresh = keep ? live.filter(keep) : live;
  if (fresh.length === 0) return loaded as LogLine[];
  const have = new Set(loaded.map((l) => `${l.index}/${l.id}`));
  return [...loaded, ...fresh.filter((l) => !have.has(`${l.index}/${l.id}`))];
}
