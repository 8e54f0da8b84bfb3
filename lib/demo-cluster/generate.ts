/**
 * generateEvents: the simulated cluster's logs as a stream of Elasticsearch documents.
 * Deterministic in (seed, docs, days, end): tests regenerate the events to know what the
 * engine must answer. Memory stays flat: only one minute of events is held at a time.
 */
import { buildCluster, liveAt } from './cluster';
import type { Cluster, ContainerSource, LiveContainer, Scheduled, ScheduledKind, Source } from './cluster';
import { containerDoc, pushedDoc } from './document';
import { shapeDoc, type LogShape } from './shapes';
import { FORMATS, crashOutput, longLine } from './formats';
import type { LineContext, LogLine } from './formats';
import { pushedLine } from './formats/pushed';
import { Rng, deriveSeed, eventId } from './prng';
import { SourcePicker } from './source-picker';
import { MS_PER_DAY, isoMs, logstashDay } from './time-format';
import { Traffic, planIncidents } from './traffic';
import type { Incident } from './traffic';
import type { PushedSpec } from './topology';

export interface DemoOptions {
  seed: number;
  docs: number;
  days: number;
  end: Date;
  /** Index name prefix; the day (UTC) is appended as Fluentd's logstash_format does. */
  indexPrefix?: string;
  /** The shipper whose document shape to write (default Fluentd's; see shapes.ts). */
  shape?: LogShape;
}

export interface DemoEvent {
  id: string;
  index: string;
  doc: Record<string, unknown>;
  /**
   * The write this line came from (not part of the document): a stack trace is one write of
   * several lines, so tests of multi-line grouping know which lines belong together.
   */
  emission: EmissionInfo;
}

/** `first` is the sequence number of the write's first line; `kind` says what was written. */
export interface EmissionInfo {
  first: number;
  lines: number;
  kind: ScheduledKind | 'line' | 'pushed';
}

export const DEFAULT_INDEX_PREFIX = 'logstash-';

/**
 * Bump whenever the events for given options change, so loaders know that indices seeded by an
 * older generator no longer hold "this" dataset.
 */
export const GENERATOR_VERSION = 1;

/** One write by one container (or pushing app): one or more lines, 1 ms apart. */
interface Emission {
  ts: number;
  lines: LogLine[];
  kind?: ScheduledKind;
  live?: LiveContainer;
  pushed?: PushedSpec;
}

export interface DemoWindow {
  /** Exclusive: events are in (start, end]. */
  start: number;
  end: number;
}

export function demoWindow(opts: Pick<DemoOptions, 'days' | 'end'>): DemoWindow {
  const end = opts.end.getTime();
  if (!Number.isFinite(end)) throw new Error('demo cluster: end must be a valid date');
  if (!Number.isFinite(opts.days) || opts.days <= 0 || opts.days > 366)
    throw new Error(`demo cluster: days must be in (0, 366], got ${opts.days}`);
  const span = Math.round(opts.days * MS_PER_DAY);
  if (span < 1000) throw new Error('demo cluster: the window must be at least one second long');
  return { start: end - span, end };
}

function validate(opts: DemoOptions): void {
  if (!Number.isSafeInteger(opts.seed)) throw new Error(`demo cluster: seed must be an integer, got ${opts.seed}`);
  if (!Number.isSafeInteger(opts.docs) || opts.docs < 0)
    throw new Error(`demo cluster: docs must be a non-negative integer, got ${opts.docs}`);
}

/** The simulated cluster and its incidents for these options (what the events are drawn from). */
export function demoScenario(opts: DemoOptions): { cluster: Cluster; incidents: Incident[]; window: DemoWindow } {
  validate(opts);
  const window = demoWindow(opts);
  const longLines = opts.docs === 0 ? 0 : Math.max(3, Math.round(opts.docs / 100_000));
  const cluster = buildCluster(new Rng(deriveSeed(opts.seed, 1)), window.start, window.end, longLines);
  const incidents = planIncidents(new Rng(deriveSeed(opts.seed, 2)), window.start, window.end);
  return { cluster, incidents, window };
}

export function* generateEvents(opts: DemoOptions): Generator<DemoEvent> {
  const { cluster, incidents, window } = demoScenario(opts);
  const prefix = opts.indexPrefix ?? DEFAULT_INDEX_PREFIX;
  const shape = opts.shape ?? 'fluentd';
  const traffic = new Traffic(window.start, window.end, incidents, new Rng(deriveSeed(opts.seed, 3)));
  const rng = new Rng(deriveSeed(opts.seed, 4));
  const picker = new SourcePicker(cluster);
  const podIpOf = (namespace: string, workload: string, ts: number) => picker.podIpOf(rng, namespace, workload, ts);
  const indexByDay = new Map<number, string>();
  const total = opts.docs;
  let sequence = 0;
  let nextScheduled = 0;

  for (let bucket = 0; bucket < traffic.buckets && sequence < total; bucket++) {
    const from = traffic.bucketStart(bucket);
    const to = traffic.bucketEnd(bucket);
    const last = bucket === traffic.buckets - 1;
    const quota = (last ? total : traffic.docsThrough(bucket, total)) - sequence;
    const room = total - sequence;
    const emissions: Emission[] = [];
    const busy = new Map<number, Occupancy>();
    let planned = 0;
    const add = (emission: Emission, sourceId: number) => {
      const allowed = Math.min(emission.lines.length, room - planned, to - emission.ts + 1);
      if (allowed <= 0) return;
      if (allowed < emission.lines.length) emission.lines = emission.lines.slice(0, allowed);
      emissions.push(emission);
      planned += emission.lines.length;
      let occupancy = busy.get(sourceId);
      if (!occupancy) busy.set(sourceId, (occupancy = { spans: [], singles: new Set() }));
      if (emission.lines.length > 1) occupancy.spans.push(emission.ts, emission.ts + emission.lines.length - 1);
      else occupancy.singles.add(emission.ts);
    };

    for (let s = cluster.scheduled[nextScheduled]; s && s.ts <= to; s = cluster.scheduled[++nextScheduled]) {
      if (s.ts <= from) continue;
      const emission = scheduledEmission(s, rng, podIpOf);
      if (emission) add(fitInBucket(emission, from, to), s.source.id);
    }

    const active = traffic.incidentIn(bucket);
    let misses = 0;
    while (planned < quota && planned < room && misses < 1000) {
      const incident = active && rng.next() < active.share ? active.incident.namespace : undefined;
      const source = incident ? picker.pickForIncident(rng, incident) : picker.pick(rng);
      const emission = randomEmission(source, from, to, rng, incident, podIpOf, busy);
      if (emission) add(emission, source.id);
      else misses++;
    }

    // Stable sort: equal timestamps keep their (deterministic) creation order.
    emissions.sort((a, b) => a.ts - b.ts);
    for (const emission of emissions) {
      const info: EmissionInfo = {
        first: sequence,
        lines: emission.lines.length,
        kind: emission.kind ?? (emission.pushed ? 'pushed' : 'line'),
      };
      for (let i = 0; i < emission.lines.length; i++) {
        const line = emission.lines[i] as LogLine;
        const ts = emission.ts + i;
        const day = Math.floor(ts / MS_PER_DAY);
        let index = indexByDay.get(day);
        if (!index) indexByDay.set(day, (index = `${prefix}${logstashDay(ts)}`));
        const timestamp = isoMs(ts);
        const fluentdDoc = emission.live
          ? containerDoc(
              timestamp,
              line,
              emission.live.run.docker[emission.live.incarnation] ?? { container_id: '' },
              emission.live.run.kubernetes,
            )
          : pushedDoc(timestamp, emission.pushed as PushedSpec, line.text, line.level ?? 'info');
        const doc = shape === 'fluentd' ? fluentdDoc : shapeDoc(fluentdDoc, shape);
        yield { id: eventId(opts.seed, sequence), index, doc, emission: info };
        sequence++;
      }
    }
  }
  // Callers count on the exact total (tests derive expectations from it): never fall short quietly.
  if (sequence < total) throw new Error(`demo cluster: produced ${sequence} of ${total} docs`);
}

type PodIpOf = LineContext['podIpOf'];

/** Moves a multi-line emission back so its last line still falls inside the bucket. */
function fitInBucket(emission: Emission, from: number, to: number): Emission {
  const lastTs = emission.ts + emission.lines.length - 1;
  if (lastTs > to) emission.ts = Math.max(from + 1, to - emission.lines.length + 1);
  return emission;
}

function scheduledEmission(s: Scheduled, rng: Rng, podIpOf: PodIpOf): Emission | undefined {
  const live = liveAt(s.source, s.ts, false);
  if (!live) return undefined;
  const ctx: LineContext = { rng, ts: s.ts, source: s.source, instance: live.instance, podIpOf };
  const format = FORMATS[containerFormat(s.source)];
  const lines =
    s.kind === 'crash' && s.crash
      ? crashOutput(s.crash, rng)
      : s.kind === 'startup'
        ? format.startup(ctx)
        : s.kind === 'shutdown'
          ? format.shutdown(ctx)
          : longLine(ctx);
  return lines.length > 0 ? { ts: s.ts, lines, live, kind: s.kind } : undefined;
}

function containerFormat(source: ContainerSource) {
  const spec = source.replica.workload.containers[source.container];
  if (!spec) throw new Error(`no container ${source.container} in ${source.replica.workload.name}`);
  return spec.format;
}

const PLACEMENT_TRIES = 4;

function randomEmission(
  source: Source,
  from: number,
  to: number,
  rng: Rng,
  incidentNamespace: string | undefined,
  podIpOf: PodIpOf,
  busy: Map<number, Occupancy>,
): Emission | undefined {
  if (source.kind === 'pushed') {
    const ts = from + 1 + rng.int(to - from);
    const { text, level } = pushedLine(rng, source.pushed, ts);
    return { ts, lines: [{ text, stream: 'stdout', level }], pushed: source.pushed };
  }
  const format = FORMATS[containerFormat(source)];
  for (let attempt = 0; attempt < PLACEMENT_TRIES; attempt++) {
    const ts = from + 1 + rng.int(to - from);
    const live = liveAt(source, ts, true);
    if (!live) return undefined;
    const ctx: LineContext = { rng, ts, source, instance: live.instance, podIpOf };
    if (incidentNamespace) ctx.incidentNamespace = incidentNamespace;
    const emission = fitInBucket({ ts, lines: format.line(ctx), live }, from, to);
    // Keep one container's multi-line writes unbroken: no other line of it inside their span.
    const occupancy = busy.get(source.id);
    if (!occupancy || !overlaps(occupancy, emission.ts, emission.ts + emission.lines.length - 1) || attempt === PLACEMENT_TRIES - 1) {
      return emission.ts === ts ? emission : relocated(emission, ctx, format.line);
    }
  }
  return undefined;
}

/** Re-renders an emission that had to move, so the time inside its text matches its timestamp. */
function relocated(emission: Emission, ctx: LineContext, render: (ctx: LineContext) => LogLine[]): Emission {
  const lines = render({ ...ctx, ts: emission.ts });
  return { ...emission, lines: lines.slice(0, emission.lines.length) };
}

/**
 * What one source has written in the current bucket: multi-line spans, and single lines by
 * millisecond (a Set, so dense buckets stay linear). Two single lines may share a millisecond.
 */
interface Occupancy {
  spans: number[];
  singles: Set<number>;
}

function overlaps(occupancy: Occupancy, a: number, b: number): boolean {
  const { spans, singles } = occupancy;
  for (let i = 0; i < spans.length; i += 2) {
    if (a <= (spans[i + 1] as number) && (spans[i] as number) <= b) return true;
  }
  if (a !== b) for (let t = a; t <= b; t++) if (singles.has(t)) return true;
  return false;
}
