/**
 * The document shapes Fluentd writes: nested `kubernetes` and `docker` objects for container
 * lines, and the bare shape applications use when they push their own logs.
 */
import type { LogLine } from './formats/types';
import type { Level, PushedSpec } from './topology';

export function containerDoc(
  timestamp: string,
  line: LogLine,
  docker: Readonly<{ container_id: string }>,
  kubernetes: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const doc: Record<string, unknown> = { '@timestamp': timestamp, log: line.text, stream: line.stream };
  if (line.level) doc.level = line.level;
  doc.docker = docker;
  doc.kubernetes = kubernetes;
  return doc;
}

export function pushedDoc(timestamp: string, spec: PushedSpec, text: string, level: Level): Record<string, unknown> {
  const doc: Record<string, unknown> = { '@timestamp': timestamp, [spec.messageField]: text, level };
  if (spec.withService) doc.service = spec.service;
  return doc;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{kubernetes: {pod_name: x}}` → `{'kubernetes.pod_name': x}`: the field names queries use. */
export function flattenDoc(doc: Record<string, unknown>, prefix = '', into: Record<string, unknown> = {}): Record<string, unknown> {
  for (const key of Object.keys(doc)) {
    const value = doc[key];
    if (isPlainObject(value)) flattenDoc(value, `${prefix}${key}.`, into);
    else into[`${prefix}${key}`] = value;
  }
  return into;
}
