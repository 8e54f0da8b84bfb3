/**
 * The same simulated cluster in each shipper's document shape. The generator writes Fluentd's
 * kubernetes_metadata shape; `shapeDoc` rewrites one of its documents into the shape another
 * shipper would have written for the same log line, so every shape holds the same events and
 * tests derive their expectations from the generator whatever the shape. Field names follow
 * each shipper's documentation:
 *
 * - `fluent-bit`: the kubernetes filter (`kubernetes.pod_name`, `namespace_name`, `pod_id`,
 *   `host`, `container_name`, `docker_id`, `container_hash`, `container_image`, `labels`), the
 *   line in `log`, `stream`; `Merge_Log On` merges a JSON line's keys (here `level`) at the top.
 * - `ecs`: Filebeat / Elastic Agent's container input with add_kubernetes_metadata
 *   (`kubernetes.namespace`, `kubernetes.pod.name`, `kubernetes.pod.uid`,
 *   `kubernetes.container.name`, `kubernetes.node.name`, `kubernetes.labels.*`), `container.id`,
 *   `container.image.name`, `message`, `log.level`, `stream`.
 * - `otel`: the OpenTelemetry Collector's Elasticsearch exporter in its `otel` mapping mode (the
 *   default) with the k8sattributes processor: `body.text`, `severity_text`, `observed_timestamp`,
 *   `attributes.log.iostream`, `resource.attributes.k8s.namespace.name`, `k8s.pod.name`,
 *   `k8s.pod.uid`, `k8s.container.name`, `k8s.node.name`, `container.id`. Attribute keys keep
 *   their dots inside `attributes` / `resource.attributes`, as the exporter writes them.
 * - `otelcol-ecs`: the same exporter in its `ecs` mapping mode, which renames the semantic
 *   conventions' resource attributes to ECS (`k8s.namespace.name` → `kubernetes.namespace`,
 *   `k8s.pod.name` → `kubernetes.pod.name`, `k8s.pod.uid` → `kubernetes.pod.uid`,
 *   `k8s.container.name` → `kubernetes.container.name`, `k8s.node.name` → `kubernetes.node.name`),
 *   passes `container.id` and the record's `log.iostream` through as they are, and writes the body
 *   as `message`, the severity text as `log.level`, `agent.name: otlp`.
 * - `otelcol-none`: its legacy `none` mapping mode: `Body`, `SeverityText`, `SeverityNumber`,
 *   `TraceFlags`, the record's attributes under `Attributes.` (`Attributes.log.iostream`), the
 *   resource's under `Resource.` (`Resource.k8s.namespace.name`, …, `Resource.container.id`),
 *   the scope under `Scope.` (`Scope.name`, `Scope.version`).
 * Names do not start with another shape's name followed by `-`, so no shape's indices fall under
 * another's prefix (`lxtest-shape-otel-*` must not hold `otelcol-*` documents).
 */
export const LOG_SHAPES = ['fluentd', 'fluent-bit', 'ecs', 'otel', 'otelcol-ecs', 'otelcol-none'] as const;
export type LogShape = (typeof LOG_SHAPES)[number];

/** Where each shipper's indices usually are (daily indices here: the local engine has no data streams). */
export const SHAPE_INDEX_PREFIX: Record<LogShape, string> = {
  fluentd: 'logstash-',
  'fluent-bit': 'fluent-bit-',
  ecs: 'filebeat-',
  otel: 'logs-otel-',
  'otelcol-ecs': 'otelcol-ecs-',
  'otelcol-none': 'otelcol-none-',
};

/** The shape's field that holds the log line (text, with a `.keyword`). */
export const SHAPE_MESSAGE_FIELDS: Record<LogShape, readonly string[]> = {
  fluentd: ['log', 'message'],
  'fluent-bit': ['log', 'message'],
  ecs: ['message'],
  otel: ['body.text'],
  'otelcol-ecs': ['message'],
  'otelcol-none': ['Body'],
};

type Doc = Record<string, unknown>;

function obj(value: unknown): Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Doc) : {};
}

/** Keys of `from` that are set, copied in order. */
function defined(from: Doc): Doc {
  return Object.fromEntries(Object.entries(from).filter(([, v]) => v !== undefined));
}

function toFluentBit(doc: Doc): Doc {
  const k8s = obj(doc.kubernetes);
  if (!doc.kubernetes) return doc;
  const { kubernetes: _k, docker, ...rest } = doc;
  return {
    ...rest,
    kubernetes: defined({
      pod_name: k8s.pod_name,
      namespace_name: k8s.namespace_name,
      pod_id: k8s.pod_id,
      labels: k8s.labels,
      host: k8s.host,
      container_name: k8s.container_name,
      docker_id: obj(docker).container_id,
      container_hash: k8s.container_image_id,
      container_image: k8s.container_image,
    }),
  };
}

/**
 * ECS `container` and `kubernetes` of a container line: Filebeat's add_kubernetes_metadata writes
 * them all (`full`); the OpenTelemetry exporter's ecs mode only what k8sattributes gave it.
 */
function ecsKubernetes(doc: Doc, full: boolean): Doc {
  if (!doc.kubernetes) return {};
  const k8s = obj(doc.kubernetes);
  return {
    container: { id: obj(doc.docker).container_id, image: { name: k8s.container_image } },
    kubernetes: defined({
      namespace: k8s.namespace_name,
      namespace_uid: full ? k8s.namespace_id : undefined,
      pod: defined({ name: k8s.pod_name, uid: k8s.pod_id, ip: full ? k8s.pod_ip : undefined }),
      container: { name: k8s.container_name },
      node: { name: k8s.host },
      labels: full ? k8s.labels : undefined,
    }),
  };
}

function toEcs(doc: Doc): Doc {
  const message = doc.log ?? doc.message;
  const out: Doc = { '@timestamp': doc['@timestamp'], message };
  if (doc.level !== undefined) out.log = { level: doc.level };
  if (doc.stream !== undefined) out.stream = doc.stream;
  if (doc.service !== undefined) out.service = { name: doc.service };
  return { ...out, ...ecsKubernetes(doc, true) };
}

function toOtel(doc: Doc): Doc {
  const out: Doc = { '@timestamp': doc['@timestamp'], observed_timestamp: doc['@timestamp'], body: { text: doc.log ?? doc.message } };
  if (doc.level !== undefined) out.severity_text = doc.level;
  if (doc.stream !== undefined) out.attributes = { 'log.iostream': doc.stream };
  const resource: Doc = {};
  if (doc.service !== undefined) resource['service.name'] = doc.service;
  if (doc.kubernetes) {
    const k8s = obj(doc.kubernetes);
    Object.assign(resource, {
      'k8s.namespace.name': k8s.namespace_name,
      'k8s.pod.name': k8s.pod_name,
      'k8s.pod.uid': k8s.pod_id,
      'k8s.container.name': k8s.container_name,
      'k8s.node.name': k8s.host,
      'container.id': obj(doc.docker).container_id,
      'container.image.name': k8s.container_image,
    });
  }
  if (Object.keys(resource).length > 0) out.resource = { attributes: resource };
  return out;
}

/** OpenTelemetry's SeverityNumber for the generator's levels (the start of each range). */
const SEVERITY_NUMBER: Record<string, number> = { trace: 1, debug: 5, info: 9, warn: 13, warning: 13, error: 17, fatal: 21 };

function toOtelcolEcs(doc: Doc): Doc {
  const out: Doc = { '@timestamp': doc['@timestamp'], message: doc.log ?? doc.message, agent: { name: 'otlp' } };
  const log = defined({ level: doc.level, iostream: doc.stream });
  if (Object.keys(log).length > 0) out.log = log;
  if (doc.service !== undefined) out.service = { name: doc.service };
  return { ...out, ...ecsKubernetes(doc, false) };
}

function toOtelcolNone(doc: Doc): Doc {
  const level = typeof doc.level === 'string' ? doc.level : undefined;
  const out: Doc = {
    '@timestamp': doc['@timestamp'],
    TraceFlags: 0,
    ...(level !== undefined ? { SeverityText: level } : {}),
    SeverityNumber: (level && SEVERITY_NUMBER[level]) ?? 0,
    Body: doc.log ?? doc.message,
  };
  if (doc.stream !== undefined) out.Attributes = { 'log.iostream': doc.stream };
  const resource = obj(toOtel(doc).resource).attributes;
  if (resource) out.Resource = resource;
  out.Scope = { name: '', version: '' };
  return out;
}

/** A generator (Fluentd-shaped) document in another shipper's shape. */
export function shapeDoc(doc: Doc, shape: LogShape): Doc {
  switch (shape) {
    case 'fluentd':
      return doc;
    case 'fluent-bit':
      return toFluentBit(doc);
    case 'ecs':
      return toEcs(doc);
    case 'otel':
      return toOtel(doc);
    case 'otelcol-ecs':
      return toOtelcolEcs(doc);
    case 'otelcol-none':
      return toOtelcolNone(doc);
  }
}

export function isLogShape(value: string): value is LogShape {
  return (LOG_SHAPES as readonly string[]).includes(value);
}
