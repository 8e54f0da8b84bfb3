/**
 * When the cluster logs: a daily curve (quiet at night UTC, busy in the afternoon, lighter at
 * weekends) plus a few incidents, each a burst of errors in one namespace. The window is cut
 * into one-minute buckets; each bucket gets a doc budget from the cumulative curve, so the
 * total is exact and the histogram of any run shows the same shape.
 */
import { Rng } from './prng';
import { MS_PER_DAY, MS_PER_MINUTE } from './time-format';
import { INCIDENT_NAMESPACES } from './topology';

export interface Incident {
  namespace: string;
  start: number;
  end: number;
  /** Extra volume at the peak, as a multiple of the normal volume at that time. */
  intensity: number;
}

const INCIDENTS_PER_DAY = 3;

export function planIncidents(rng: Rng, start: number, end: number): Incident[] {
  const span = end - start;
  const count = Math.max(1, Math.round((span / MS_PER_DAY) * INCIDENTS_PER_DAY));
  const incidents: Incident[] = [];
  for (let attempt = 0; attempt < count * 20 && incidents.length < count; attempt++) {
    const duration = rng.between(6, 20) * MS_PER_MINUTE;
    // Keep clear of the window's edges so every incident shows its rise and fall.
    const from = start + span * 0.05 + rng.next() * Math.max(0, span * 0.9 - duration);
    const incident: Incident = {
      namespace: rng.pick(INCIDENT_NAMESPACES),
      start: Math.floor(from),
      end: Math.floor(from) + duration,
      intensity: 1.5 + rng.next() * 2.5,
    };
    const clash = incidents.some((o) => incident.start < o.end + 30 * MS_PER_MINUTE && o.start < incident.end + 30 * MS_PER_MINUTE);
    if (!clash) incidents.push(incident);
  }
  return incidents.sort((a, b) => a.start - b.start);
}

/** Normal volume at `ms`, between 0.25 (04:00 UTC) and 1 (16:00 UTC), times 0.75 at weekends. */
export function dailyCurve(ms: number): number {
  const hour = (ms % MS_PER_DAY) / 3_600_000;
  const day = new Date(ms).getUTCDay();
  const weekend = day === 0 || day === 6 ? 0.75 : 1;
  return weekend * (0.25 + 0.75 * (0.5 - 0.5 * Math.cos((2 * Math.PI * (hour - 4)) / 24)));
}

export class Traffic {
  readonly buckets: number;
  /** cumulative[i] = share of all docs that belong to buckets before i; cumulative[buckets] = 1. */
  private readonly cumulative: Float64Array;
  private readonly incidentShare: Float64Array;
  private readonly incidentOf: Int16Array;

  constructor(
    readonly start: number,
    readonly end: number,
    readonly incidents: readonly Incident[],
    rng: Rng,
  ) {
    this.buckets = Math.ceil((end - start) / MS_PER_MINUTE);
    this.cumulative = new Float64Array(this.buckets + 1);
    this.incidentShare = new Float64Array(this.buckets);
    this.incidentOf = new Int16Array(this.buckets).fill(-1);
    let total = 0;
    for (let i = 0; i < this.buckets; i++) {
      const from = this.bucketStart(i);
      const length = this.bucketEnd(i) - from;
      const middle = from + length / 2;
      const base = dailyCurve(middle) * (0.9 + 0.2 * rng.next()) * (length / MS_PER_MINUTE);
      let extra = 0;
      incidents.forEach((incident, index) => {
        if (middle < incident.start || middle >= incident.end) return;
        // Sharp rise, slower decay: how error bursts look on a dashboard.
        const progress = (middle - incident.start) / (incident.end - incident.start);
        const shape = progress < 0.2 ? progress / 0.2 : 1 - ((progress - 0.2) / 0.8) * 0.7;
        extra = base * incident.intensity * shape;
        this.incidentOf[i] = index;
      });
      this.incidentShare[i] = extra / (base + extra);
      total += base + extra;
      this.cumulative[i + 1] = total;
    }
    for (let i = 0; i <= this.buckets; i++) this.cumulative[i] = (this.cumulative[i] ?? 0) / total;
  }

  /** Exclusive lower bound of bucket i: a bucket holds timestamps in (start, end]. */
  bucketStart(i: number): number {
    return this.start + i * MS_PER_MINUTE;
  }

  bucketEnd(i: number): number {
    return Math.min(this.start + (i + 1) * MS_PER_MINUTE, this.end);
  }

  /** How many of `docs` should be emitted before bucket i ends. */
  docsThrough(i: number, docs: number): number {
    return Math.round(docs * (this.cumulative[i + 1] ?? 1));
  }

  /** The incident active in bucket i and the share of that bucket's docs it accounts for. */
  incidentIn(i: number): { incident: Incident; share: number } | null {
    const index = this.incidentOf[i] ?? -1;
    const incident = this.incidents[index];
    return incident ? { incident, share: this.incidentShare[i] ?? 0 } : null;
  }
}
