const UNITS: Record<string, [string, string]> = {
  ms: ['ms', 'ms'],
  s: ['s', 's'],
  m: ['min', 'min'],
  h: ['h', 'h'],
  d: ['day', 'days'],
  w: ['week', 'weeks'],
  M: ['month', 'months'],
  y: ['year', 'years'],
};

/** `30s` → `per 30 s`, `1d` → `per day`; unknown forms fall back to the bucket width in ms. */
export function intervalLabel(interval: string, intervalMs: number): string {
  const match = /^(\d+)(ms|s|m|h|d|w|M|y)$/.exec(interval);
  if (!match) return `per ${intervalMs.toLocaleString('en-US')} ms`;
  const n = Number(match[1]);
  const [one, many] = UNITS[match[2] ?? 'ms'] ?? ['ms', 'ms'];
  if (n === 1 && (one === 'day' || one === 'week' || one === 'month' || one === 'year')) return `per ${one}`;
  return `per ${n} ${n === 1 ? one : many}`;
}
