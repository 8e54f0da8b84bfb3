/**
 * Timestamp renderings used inside log lines. Hand-rolled from UTC fields so the output never
 * depends on the machine's locale or time zone.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

function p2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

function p3(n: number): string {
  return n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`;
}

let isoDay = -1;
let isoDayPrefix = '';

/** 2026-11-20T12:00:00.123Z, as Date#toISOString; the date part is cached (one call per event). */
export function isoMs(ms: number): string {
  const day = Math.floor(ms / MS_PER_DAY);
  if (day !== isoDay || ms < 0) {
    const full = new Date(ms).toISOString();
    if (ms < 0 || full.length !== 24) return full;
    isoDay = day;
    isoDayPrefix = full.slice(0, 11);
  }
  const inDay = ms - day * MS_PER_DAY;
  const seconds = Math.floor(inDay / 1000);
  return `${isoDayPrefix}${p2(Math.floor(seconds / 3600))}:${p2(Math.floor(seconds / 60) % 60)}:${p2(seconds % 60)}.${p3(inDay % 1000)}Z`;
}

/** klog header time: MMDD hh:mm:ss.uuuuuu (microseconds padded from milliseconds). */
export function klogTime(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${clock(d)}.${p3(d.getUTCMilliseconds())}${p3((ms * 7) % 1000)}`;
}

function clock(d: Date): string {
  return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

/** nginx $time_local with the server in UTC: 20/Nov/2026:12:00:00 +0000 */
export function nginxTime(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${clock(d)} +0000`;
}

/** Spring Boot / logback default: 2026-11-20 12:00:00.123 (also postgres and fluentd, with suffixes). */
export function sqlTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${clock(d)}.${p3(d.getUTCMilliseconds())}`;
}

/** Seconds resolution variant: 2026-11-20 12:00:00 */
export function sqlTimeSeconds(ms: number): string {
  return sqlTime(ms).slice(0, 19);
}

/** Output of busybox `date` in UTC: Fri Nov 20 12:00:00 UTC 2026 */
export function unixDate(ms: number): string {
  const d = new Date(ms);
  const day = d.getUTCDate();
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${day < 10 ? ` ${day}` : day} ${clock(d)} UTC ${d.getUTCFullYear()}`;
}

/** redis: 20 Nov 2026 12:00:00.123 */
export function redisTime(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${clock(d)}.${p3(d.getUTCMilliseconds())}`;
}

/** Unix seconds with millisecond fraction, as zap writes `ts`: 1763640000.123 */
export function epochSeconds(ms: number): string {
  return `${Math.floor(ms / 1000)}.${p3(ms % 1000)}`;
}

/** The UTC day of `ms` as Fluentd's logstash_format writes it: 2026.11.20 */
export function logstashDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}.${p2(d.getUTCMonth() + 1)}.${p2(d.getUTCDate())}`;
}
