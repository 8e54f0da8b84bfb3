const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-11-20 10:00:01.234` in the browser's time zone: sortable, and the form the time boxes accept. */
export function formatLineTime(value: string): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/**
 * A log line longer than this shows its start and a "show all" button, in the pod and workload
 * views' terminal and in an embedded tail panel alike: the page stays readable and fast.
 */
export const LONG_LINE_CHARS = 2_000;
