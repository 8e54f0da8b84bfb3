/**
 * The log-shapes suites' shared setup: the same simulated cluster seeded in each shipper's shape
 * (TEST_SHAPE_DATASETS), and its events regenerated here twice — as the shape wrote them and in
 * the generator's own (Fluentd) names — so every expectation comes from the generator, read by
 * the shape's own field names, never from the app's profiles.
 */
import type { Client } from '@elastic/elasticsearch';
import { flattenDoc } from '@/lib/demo-cluster/document';
import { generateEvents } from '@/lib/demo-cluster/generate';
import { seedDataset } from '@/lib/demo-cluster/load';
import { LOG_SHAPES, type LogShape } from '@/lib/demo-cluster/shapes';
import { TEST_SHAPE_DATASETS } from '@/lib/demo-cluster/test-dataset';

/** Each shape's own field names, as its shipper writes them (not read from the app's profiles). */
export interface ShapeFields {
  namespace: string;
  level: string;
  message: string;
  pod: string;
  podUid: string;
  container: string;
  containerId: string;
  node: string;
}

const FLUENTD_FIELDS: ShapeFields = {
  namespace: 'kubernetes.namespace_name',
  level: 'level',
  message: 'log',
  pod: 'kubernetes.pod_name',
  podUid: 'kubernetes.pod_id',
  container: 'kubernetes.container_name',
  containerId: 'docker.container_id',
  node: 'kubernetes.host',
};

const ECS_FIELDS: ShapeFields = {
  namespace: 'kubernetes.namespace',
  level: 'log.level',
  message: 'message',
  pod: 'kubernetes.pod.name',
  podUid: 'kubernetes.pod.uid',
  container: 'kubernetes.container.name',
  containerId: 'container.id',
  node: 'kubernetes.node.name',
};

export const SHAPE_FIELDS: Record<LogShape, ShapeFields> = {
  fluentd: FLUENTD_FIELDS,
  'fluent-bit': { ...FLUENTD_FIELDS, containerId: 'kubernetes.docker_id' },
  ecs: ECS_FIELDS,
  otel: {
    namespace: 'resource.attributes.k8s.namespace.name',
    level: 'severity_text',
    message: 'body.text',
    pod: 'resource.attributes.k8s.pod.name',
    podUid: 'resource.attributes.k8s.pod.uid',
    container: 'resource.attributes.k8s.container.name',
    containerId: 'resource.attributes.container.id',
    node: 'resource.attributes.k8s.node.name',
  },
  // The exporter's ecs mode writes ECS names.
  'otelcol-ecs': ECS_FIELDS,
  'otelcol-none': {
    namespace: 'Resource.k8s.namespace.name',
    level: 'SeverityText',
    message: 'Body',
    pod: 'Resource.k8s.pod.name',
    podUid: 'Resource.k8s.pod.uid',
    container: 'Resource.k8s.container.name',
    containerId: 'Resource.container.id',
    node: 'Resource.k8s.node.name',
  },
};

/** The field profile each shape must be read as (the exporter's ecs mode writes ECS names). */
export const SHAPE_PROFILE: Record<LogShape, string> = {
  fluentd: 'fluentd',
  'fluent-bit': 'fluent-bit',
  ecs: 'ecs',
  otel: 'otel',
  'otelcol-ecs': 'ecs',
  'otelcol-none': 'otel',
};

export type Flat = Record<string, unknown>;

export interface ShapeEvent {
  id: string;
  index: string;
  ts: number;
  /** The document as the shape's shipper wrote it, flattened to dotted names. */
  fields: Flat;
  /** The same event in the generator's own (Fluentd) names, for the Kubernetes expectations. */
  fluentd: Flat;
}

const cache = new Map<LogShape, ShapeEvent[]>();

/** The shape's events in generation order (the order lines were written in). */
export function shapeEvents(shape: LogShape): ShapeEvent[] {
  let events = cache.get(shape);
  if (!events) {
    const opts = TEST_SHAPE_DATASETS[shape];
    const own = [...generateEvents(opts)];
    const fluentd = [...generateEvents({ ...opts, shape: 'fluentd' })];
    events = own.map((e, i) => {
      const twin = fluentd[i];
      if (!twin || twin.id !== e.id) throw new Error(`the ${shape} events and their Fluentd twins differ at ${i}`);
      const fields = flattenDoc(e.doc);
      return { id: e.id, index: e.index, ts: Date.parse(String(fields['@timestamp'])), fields, fluentd: flattenDoc(twin.doc) };
    });
    cache.set(shape, events);
  }
  return events;
}

export async function seedShapes(client: Client): Promise<void> {
  for (const shape of LOG_SHAPES) await seedDataset(client, TEST_SHAPE_DATASETS[shape]);
}

export const SHAPE_END = TEST_SHAPE_DATASETS.fluentd.end.getTime();
export const SHAPE_DAY = { from: new Date(SHAPE_END - 24 * 3_600_000).toISOString(), to: new Date(SHAPE_END).toISOString() };

export function post(path: string, body: unknown): Request {
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export function countBy(docs: readonly Flat[], field: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const doc of docs) {
    const value = doc[field];
    if (typeof value === 'string') counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}
