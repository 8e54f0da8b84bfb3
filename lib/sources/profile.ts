/**
 * Field profiles: which field means message, level, namespace, … in a source, detected from
 * `_field_caps` (DESIGN.md, "Data: sources and field profiles"). Pure.
 */
import type { estypes } from '@elastic/elasticsearch';

export const FIELD_MEANINGS = ['message', 'level', 'namespace', 'pod', 'pod_uid', 'container', 'node', 'container_id', 'stream'] as const;
export type FieldMeaning = (typeof FIELD_MEANINGS)[number];
export const PROFILE_KINDS = ['fluentd', 'fluent-bit', 'ecs', 'otel', 'generic'] as const;
export type ProfileKind = (typeof PROFILE_KINDS)[number];

export interface FieldInfo {
  /** The mapped type, or `conflict` when indices of the source disagree. */
  type: string;
  /** For a conflict: every type the field has across the source's indices, sorted. */
  conflictTypes?: string[];
  searchable: boolean;
  aggregatable: boolean;
}

export interface SourceFields {
  profile: ProfileKind;
  /** Meaning → the field that carries it in this source; absent when the source has none. */
  meanings: Partial<Record<FieldMeaning, string>>;
  fields: ReadonlyMap<string, FieldInfo>;
}

type Candidates = Record<FieldMeaning, readonly string[]>;

const FLUENTD: Candidates = {
  message: ['log', 'message'],
  level: ['level', 'severity'],
  namespace: ['kubernetes.namespace_name'],
  pod: ['kubernetes.pod_name'],
  pod_uid: ['kubernetes.pod_id'],
  container: ['kubernetes.container_name'],
  node: ['kubernetes.host'],
  container_id: ['docker.container_id'],
  stream: ['stream'],
};

/** Fluent Bit's kubernetes filter: Fluentd's names, but the container id inside `kubernetes`. */
const FLUENT_BIT: Candidates = {
  ...FLUENTD,
  container_id: ['kubernetes.docker_id'],
};

const ECS: Candidates = {
  message: ['message'],
  level: ['log.level'],
  namespace: ['kubernetes.namespace'],
  pod: ['kubernetes.pod.name'],
  pod_uid: ['kubernetes.pod.uid'],
  container: ['kubernetes.container.name'],
  node: ['kubernetes.node.name'],
  container_id: ['container.id'],
  stream: ['stream', 'log.iostream'],
};

/**
 * The OpenTelemetry Collector's Elasticsearch exporter (k8sattributes processor): its `otel`
 * mapping mode (the default), then its legacy `none` mode (`Body`, `SeverityText`, `Resource.*`,
 * `Attributes.*`) and `raw` mode (`none` with the record's attributes at the top). Its `ecs` mode
 * writes ECS names and reads as the ECS profile.
 */
const OTEL: Candidates = {
  message: ['body.text', 'body', 'Body'],
  level: ['severity_text', 'SeverityText'],
  namespace: ['resource.attributes.k8s.namespace.name', 'Resource.k8s.namespace.name'],
  pod: ['resource.attributes.k8s.pod.name', 'Resource.k8s.pod.name'],
  pod_uid: ['resource.attributes.k8s.pod.uid', 'Resource.k8s.pod.uid'],
  container: ['resource.attributes.k8s.container.name', 'Resource.k8s.container.name'],
  node: ['resource.attributes.k8s.node.name', 'Resource.k8s.node.name'],
  container_id: ['resource.attributes.container.id', 'Resource.container.id'],
  stream: ['attributes.log.iostream', 'Attributes.log.iostream', 'log.iostream'],
};

/** Without Kubernetes metadata (apps that push), take whatever any profile would. */
const GENERIC: Candidates = {
  message: ['message', 'log', 'body.text', 'body', 'Body'],
  level: ['level', 'log.level', 'severity', 'severity_text', 'SeverityText'],
  namespace: [],
  pod: [],
  pod_uid: [],
  container: [],
  node: [],
  container_id: ['container.id', 'docker.container_id'],
  stream: ['stream', 'log.iostream'],
};

const PROFILES: Record<ProfileKind, Candidates> = { fluentd: FLUENTD, 'fluent-bit': FLUENT_BIT, ecs: ECS, otel: OTEL, generic: GENERIC };

/** What tells the shapes apart: where the Kubernetes metadata and the container id are. */
const KUBERNETES_MEANINGS: readonly FieldMeaning[] = ['namespace', 'pod', 'pod_uid', 'container', 'node', 'container_id'];

function fieldInfo(caps: Record<string, estypes.FieldCapsFieldCapability>): FieldInfo | null {
  // OpenSearch has no `metadata_field` flag: its metadata fields are typed by their own name (`_id`).
  const metadata = (c: estypes.FieldCapsFieldCapability) => c.metadata_field || c.type.startsWith('_');
  const entries = Object.values(caps).filter((c) => c.type !== 'object' && !(metadata(c) && c.type !== '_index'));
  const first = entries[0];
  if (!first) return null;
  const types = new Set(entries.map((c) => c.type));
  return {
    type: types.size === 1 ? first.type : 'conflict',
    ...(types.size > 1 ? { conflictTypes: [...types].sort() } : {}),
    searchable: entries.every((c) => c.searchable),
    aggregatable: entries.every((c) => c.aggregatable),
  };
}

export function fieldsFromCaps(body: Pick<estypes.FieldCapsResponse, 'fields'>): Map<string, FieldInfo> {
  const fields = new Map<string, FieldInfo>();
  for (const [name, caps] of Object.entries(body.fields)) {
    if (name === '_doc_count') continue; // a metadata field OpenSearch reports as a plain long
    const info = fieldInfo(caps);
    if (info) fields.set(name, info);
  }
  return fields;
}

function kubernetesScore(candidates: Candidates, fields: ReadonlyMap<string, FieldInfo>): number {
  return KUBERNETES_MEANINGS.filter((m) => candidates[m].some((f) => fields.has(f))).length;
}

/**
 * The profile whose Kubernetes fields the source has most of (ties go to the earlier one:
 * Fluentd, Fluent Bit, ECS, OpenTelemetry), or `generic` when it has none of them. `forced`
 * (a source's `profile` in LOG_SOURCES) skips the detection.
 */
export function detectProfile(body: Pick<estypes.FieldCapsResponse, 'fields'>, forced?: ProfileKind): SourceFields {
  const fields = fieldsFromCaps(body);
  let profile: ProfileKind = 'generic';
  if (forced) profile = forced;
  else {
    let best = 0;
    for (const kind of ['fluentd', 'fluent-bit', 'ecs', 'otel'] as const) {
      const score = kubernetesScore(PROFILES[kind], fields);
      if (score > best) [best, profile] = [score, kind];
    }
  }
  const candidates = PROFILES[profile];
  const meanings: Partial<Record<FieldMeaning, string>> = {};
  for (const meaning of FIELD_MEANINGS) {
    const field = candidates[meaning].find((f) => fields.has(f));
    if (field) meanings[meaning] = field;
  }
  return { profile, meanings, fields };
}

/**
 * Fields that can hold a hit's message, best first: the profile's own, then the other usual
 * name when the source has it too (Fluentd indices hold `log` from containers and `message`
 * from applications that push their own logs).
 */
export function messageFieldsOf(source: SourceFields): string[] {
  const primary = source.meanings.message;
  const others = ['log', 'message', 'body.text', 'Body'].filter((f) => f !== primary && source.fields.has(f));
  return primary ? [primary, ...others] : others;
}

export function isFieldMeaning(name: string): name is FieldMeaning {
  return (FIELD_MEANINGS as readonly string[]).includes(name);
}

/**
 * A meaning or a field name → a field that terms aggregations accept. A text field falls back
 * to its conventional `.keyword` sub-field. Meanings win over same-named fields (ECS `level`
 * means `log.level`). Null when nothing aggregatable matches.
 */
export function resolveAggregatableField(source: SourceFields, name: string): string | null {
  const found = findAggregatableField(source, name);
  return found && 'field' in found ? found.field : null;
}

export type AggregatableLookup = { field: string } | { conflict: { field: string; types: string[] } } | null;

/**
 * As `resolveAggregatableField`, but tells a field the source has with clashing mappings
 * (`keyword` in one daily index, `long` or `text` in another) apart from one it lacks: counting
 * such a field fails in the engine's reduce, so callers skip it with a note instead.
 */
export function findAggregatableField(source: SourceFields, name: string): AggregatableLookup {
  const field = (isFieldMeaning(name) ? source.meanings[name] : undefined) ?? name;
  for (const candidate of [field, `${field}.keyword`]) {
    const info = source.fields.get(candidate);
    if (info?.type === 'conflict') return { conflict: { field: candidate, types: info.conflictTypes ?? [] } };
    if (info?.aggregatable) return { field: candidate };
  }
  return null;
}

/**
 * The source's time field is `date` in some indices and `date_nanos` in others. A time sort over
 * such a source compares milliseconds with nanoseconds (every `date` line sorts as if written in
 * January 1970, and its time comes back so) unless it converts with `numeric_type: date_nanos`,
 * which costs the engine its early stop on time-sorted indices, so only these sources convert.
 * The one decision for every time sort: the screen, pod and workload lines, the live tail,
 * document lookups and surrounding lines.
 */
export function mixedTimeTypes(source: Pick<SourceFields, 'fields'>, timeField: string): boolean {
  const info = source.fields.get(timeField);
  return info?.type === 'conflict' && Boolean(info.conflictTypes?.includes('date') && info.conflictTypes.includes('date_nanos'));
}

export function conflictNote(conflict: { field: string; types: string[] }): string {
  return `${conflict.field} is mapped as ${conflict.types.join(' in some indices and ') || 'different types'} in others of this source, so it cannot be counted`;
}

/**
 * A field name or a meaning → a field the source has, for filters. Null when it has none.
 * Unlike facets, a field the source really has wins over a same-named meaning: the screen writes
 * filters with literal field names (the filter form, the document view), and a Fluentd source
 * that holds both `log` and `message` must filter `message` when asked for `message`.
 */
export function resolveKnownField(source: SourceFields, name: string): string | null {
  if (source.fields.has(name)) return name;
  const field = isFieldMeaning(name) ? source.meanings[name] : undefined;
  return field !== undefined && source.fields.has(field) ? field : null;
}
