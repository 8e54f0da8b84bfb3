import type { ContainerSource, PodInstance } from '@/lib/demo-cluster/cluster';
import type { Rng } from '@/lib/demo-cluster/prng';
import type { Level, Stream } from '@/lib/demo-cluster/topology';

/** One line as the container wrote it, plus the level a Fluentd parser would extract (if any). */
export interface LogLine {
  text: string;
  stream: Stream;
  level?: Level;
}

export interface LineContext {
  rng: Rng;
  /** Timestamp of the first line, epoch ms. */
  ts: number;
  source: ContainerSource;
  instance: PodInstance;
  /** The namespace of the incident that caused this emission, if any. */
  incidentNamespace?: string;
  /** Resolves a workload's current pod IP (for upstream addresses), or undefined if none is up. */
  podIpOf: (namespace: string, workload: string, ts: number) => string | undefined;
}

/**
 * A container's way of writing logs. `line` is one ordinary emission (one line, or several for
 * a stack trace); `startup` and `shutdown` are what it prints when it starts and stops.
 */
export interface Format {
  line(ctx: LineContext): LogLine[];
  startup(ctx: LineContext): LogLine[];
  shutdown(ctx: LineContext): LogLine[];
}

export function out(text: string, stream: Stream, level?: Level): LogLine {
  return level ? { text, stream, level } : { text, stream };
}

/** Level mix of an app: mostly info, an error burst when its namespace has an incident. */
export function appLevel(ctx: LineContext): Level {
  const r = ctx.rng.next();
  if (ctx.incidentNamespace === ctx.source.namespace) return r < 0.55 ? 'error' : r < 0.75 ? 'warn' : 'info';
  return r < 0.03 ? 'trace' : r < 0.12 ? 'debug' : r < 0.91 ? 'info' : r < 0.97 ? 'warn' : 'error';
}
