/**
 * The histogram's axes as pure functions: linear y ticks at round numbers (1, 2 or 5 × 10ⁿ
 * apart, starting at 0, so equal steps look equal and read as counts, never as a log scale)
 * and x labels that carry the year when the range spans more than one.
 */
import { formatAxisTime } from '@/components/time-picker/time-format';
import { inZone } from '@/lib/time';

/** About this many intervals between y ticks; fewer when the counts are small. */
const TARGET_TICKS = 4;

/** The smallest round step (1, 2, 2.5 or 5 × 10ⁿ, whole numbers only) giving at most `target` steps up to `max`. */
export function niceStep(max: number, target = TARGET_TICKS): number {
  if (!(max > 0)) return 1;
  const raw = max / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) {
    const step = m * magnitude;
    // Counts are whole: a step of 2.5 only where it is a whole number (25, 250, …).
    if (step >= raw && Number.isInteger(step)) return step;
  }
  return 10 * magnitude;
}

/** Linear y ticks from 0 to the first round number at or above `max`, evenly spaced. */
export function yTicks(max: number, target = TARGET_TICKS): number[] {
  const step = niceStep(max, target);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return ticks;
}

/** `12k`-style labels for wide numbers keep the axis narrow; small ones stay exact. */
export function formatCount(n: number): string {
  if (n >= 1_000_000) return `${trim(n / 1_000_000)}M`;
  if (n >= 10_000) return `${trim(n / 1_000)}k`;
  return n.toLocaleString('en-US');
}

function trim(n: number): string {
  return String(Math.round(n * 10) / 10);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');
const DAY_MS = 86_400_000;

/**
 * An x label for the bar starting at `ms`, in the screen's zone. Within one calendar year the
 * labels are those of formatAxisTime; a range over two or more years says the year in every
 * label, as short as the bars allow: `2026` for yearly bars, `Nov 2026` for monthly ones,
 * `Nov 20, 2026` for days and `Nov 20, 2026 14:00` below that.
 */
export function axisLabel(ms: number, range: { from: number; to: number }, intervalMs: number, zone: string): string {
  const spansYears = inZone(range.from, zone).getFullYear() !== inZone(range.to, zone).getFullYear();
  if (!spansYears) return formatAxisTime(ms, range, zone, intervalMs);
  const d = inZone(ms, zone);
  const year = d.getFullYear();
  if (intervalMs >= 365 * DAY_MS) return String(year);
  if (intervalMs >= 28 * DAY_MS) return `${MONTHS[d.getMonth()]} ${year}`;
  const date = `${MONTHS[d.getMonth()]} ${d.getDate()}, ${year}`;
  return intervalMs >= DAY_MS ? date : `${date} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
