import type { estypes } from '@elastic/elasticsearch';
import { describe, expect, it } from 'vitest';
import {
  conflictNote,
  detectProfile,
  findAggregatableField,
  mixedTimeTypes,
  resolveAggregatableField,
  resolveKnownField,
} from '@/lib/sources/profile';

type Caps = Pick<estypes.FieldCapsResponse, 'fields'>;
const cap = (type: string, aggregatable = type !== 'text', metadata = false) => ({
  [type]: { type, searchable: true, aggregatable, metadata_field: metadata },
});

/** What `_field_caps?fields=*&filters=-parent` answers for Fluentd's logstash-* indices. */
const FLUENTD: Caps = {
  fields: {
    '@timestamp': cap('date'),
    log: cap('text'),
    'log.keyword': cap('keyword'),
    level: cap('keyword'),
    stream: cap('keyword'),
    'kubernetes.namespace_name': cap('keyword'),
    'kubernetes.pod_name': cap('keyword'),
    'kubernetes.pod_id': cap('keyword'),
    'kubernetes.container_name': cap('keyword'),
    'kubernetes.host': cap('keyword'),
    'docker.container_id': cap('keyword'),
    _index: cap('_index', true, true),
    _seq_no: cap('_seq_no', true, true),
    _id: cap('_id', false, true),
  },
};

/** And for Filebeat / Elastic Agent (ECS). */
const ECS: Caps = {
  fields: {
    '@timestamp': cap('date'),
    message: cap('text'),
    'log.level': cap('keyword'),
    'log.iostream': cap('keyword'),
    'kubernetes.namespace': cap('keyword'),
    'kubernetes.pod.name': cap('keyword'),
    'kubernetes.pod.uid': cap('keyword'),
    'kubernetes.container.name': cap('keyword'),
    'kubernetes.node.name': cap('keyword'),
    'container.id': cap('keyword'),
    'ecs.version': cap('keyword'),
  },
};

/** The OpenTelemetry Collector's Elasticsearch exporter in its legacy `none` mapping mode. */
const OTEL_NONE: Caps = {
  fields: {
    '@timestamp': cap('date'),
    Body: cap('text'),
    SeverityText: cap('keyword'),
    SeverityNumber: cap('byte'),
    'Attributes.log.iostream': cap('keyword'),
    'Resource.k8s.namespace.name': cap('keyword'),
    'Resource.k8s.pod.name': cap('keyword'),
    'Resource.k8s.pod.uid': cap('keyword'),
    'Resource.k8s.container.name': cap('keyword'),
    'Resource.k8s.node.name': cap('keyword'),
    'Resource.container.id': cap('keyword'),
  },
};

describe('detectProfile', () => {
  it("reads the OpenTelemetry exporter's none mode as the otel profile, each meaning on its capitalised field", () => {
    const source = detectProfile(OTEL_NONE);
    expect(source.profile).toBe('otel');
    expect(source.meanings).toEqual({
      message: 'Body',
      level: 'SeverityText',
      namespace: 'Resource.k8s.namespace.name',
      pod: 'Resource.k8s.pod.name',
      pod_uid: 'Resource.k8s.pod.uid',
      container: 'Resource.k8s.container.name',
      node: 'Resource.k8s.node.name',
      container_id: 'Resource.container.id',
      stream: 'Attributes.log.iostream',
    });
  });

  it('recognizes the Fluentd kubernetes-metadata profile', () => {
    const source = detectProfile(FLUENTD);
    expect(source.profile).toBe('fluentd');
    expect(source.meanings).toEqual({
      message: 'log',
      level: 'level',
      namespace: 'kubernetes.namespace_name',
      pod: 'kubernetes.pod_name',
      pod_uid: 'kubernetes.pod_id',
      container: 'kubernetes.container_name',
      node: 'kubernetes.host',
      container_id: 'docker.container_id',
      stream: 'stream',
    });
  });

  it('recognizes the ECS profile', () => {
    const source = detectProfile(ECS);
    expect(source.profile).toBe('ecs');
    expect(source.meanings).toEqual({
      message: 'message',
      level: 'log.level',
      namespace: 'kubernetes.namespace',
      pod: 'kubernetes.pod.name',
      pod_uid: 'kubernetes.pod.uid',
      container: 'kubernetes.container.name',
      node: 'kubernetes.node.name',
      container_id: 'container.id',
      stream: 'log.iostream',
    });
  });

  it('falls back to a generic profile for logs with no Kubernetes metadata', () => {
    const source = detectProfile({ fields: { '@timestamp': cap('date'), message: cap('text'), severity: cap('keyword') } });
    expect(source.profile).toBe('generic');
    expect(source.meanings).toEqual({ message: 'message', level: 'severity' });
  });

  it('uses Fluentd `severity` and `message` when `level` and `log` are absent', () => {
    const source = detectProfile({ fields: { message: cap('text'), severity: cap('keyword'), 'kubernetes.pod_name': cap('keyword') } });
    expect(source.meanings).toMatchObject({ message: 'message', level: 'severity', pod: 'kubernetes.pod_name' });
  });

  it('keeps _index but drops other metadata fields, and marks type conflicts', () => {
    const source = detectProfile({
      fields: {
        ...FLUENTD.fields,
        status: {
          long: { type: 'long', searchable: true, aggregatable: true },
          keyword: { type: 'keyword', searchable: true, aggregatable: true },
        },
      },
    });
    expect(source.fields.has('_index')).toBe(true);
    expect(source.fields.has('_seq_no')).toBe(false);
    expect(source.fields.has('_id')).toBe(false);
    expect(source.fields.get('status')).toEqual({
      type: 'conflict',
      conflictTypes: ['keyword', 'long'],
      searchable: true,
      aggregatable: true,
    });
  });

  it('is empty for a pattern with no indices yet', () => {
    expect(detectProfile({ fields: {} })).toEqual({ profile: 'generic', meanings: {}, fields: new Map() });
  });
});

describe('field resolution', () => {
  const fluentd = detectProfile(FLUENTD);
  const ecs = detectProfile(ECS);

  it('resolves meanings per profile', () => {
    expect(resolveAggregatableField(fluentd, 'namespace')).toBe('kubernetes.namespace_name');
    expect(resolveAggregatableField(ecs, 'namespace')).toBe('kubernetes.namespace');
    expect(resolveAggregatableField(ecs, 'level')).toBe('log.level');
  });

  it('accepts aggregatable field names and the keyword sub-field of text', () => {
    expect(resolveAggregatableField(fluentd, 'kubernetes.host')).toBe('kubernetes.host');
    expect(resolveAggregatableField(fluentd, 'message')).toBe('log.keyword');
    expect(resolveAggregatableField(fluentd, '_index')).toBe('_index');
  });

  it('refuses what cannot be aggregated or does not exist', () => {
    expect(resolveAggregatableField(ecs, 'message')).toBeNull();
    expect(resolveAggregatableField(fluentd, 'nope')).toBeNull();
    expect(resolveAggregatableField(ecs, 'pod_uid_missing')).toBeNull();
  });

  it('resolves filter fields to any field the source has', () => {
    expect(resolveKnownField(fluentd, 'message')).toBe('log');
    expect(resolveKnownField(fluentd, 'kubernetes.pod_name')).toBe('kubernetes.pod_name');
    expect(resolveKnownField(fluentd, 'ghost')).toBeNull();
  });

  it('lets a filter on a real field win over the same-named meaning', () => {
    const both = detectProfile({ fields: { ...FLUENTD.fields, message: cap('text'), 'message.keyword': cap('keyword') } });
    expect(both.meanings.message).toBe('log');
    expect(resolveKnownField(both, 'message')).toBe('message');
    expect(resolveKnownField(both, 'namespace')).toBe('kubernetes.namespace_name');
    // Facets keep naming meanings first.
    expect(resolveAggregatableField(both, 'message')).toBe('log.keyword');
  });
});

describe('findAggregatableField', () => {
  const caps = (types: Record<string, string[]>) =>
    detectProfile({
      fields: Object.fromEntries(
        Object.entries(types).map(([name, ts]) => [
          name,
          Object.fromEntries(ts.map((t) => [t, { type: t, searchable: true, aggregatable: t !== 'text', metadata_field: false }])),
        ]),
      ),
    });

  it('tells a clashing field apart from a missing one', () => {
    const source = caps({
      level: ['keyword', 'long'],
      'kubernetes.namespace_name': ['keyword'],
      'kubernetes.pod_name': ['keyword', 'text'],
    });
    expect(findAggregatableField(source, 'level')).toEqual({ conflict: { field: 'level', types: ['keyword', 'long'] } });
    expect(findAggregatableField(source, 'pod')).toEqual({ conflict: { field: 'kubernetes.pod_name', types: ['keyword', 'text'] } });
    expect(findAggregatableField(source, 'namespace')).toEqual({ field: 'kubernetes.namespace_name' });
    expect(findAggregatableField(source, 'nothing')).toBeNull();
    expect(resolveAggregatableField(source, 'level')).toBeNull();
  });

  it('says which types clash, in a sentence', () => {
    expect(conflictNote({ field: 'level', types: ['keyword', 'long'] })).toBe(
      'level is mapped as keyword in some indices and long in others of this source, so it cannot be counted',
    );
  });
});

describe('mixedTimeTypes', () => {
  const source = (types: string[]) =>
    detectProfile({
      fields: {
        '@timestamp': Object.fromEntries(types.map((t) => [t, { type: t, searchable: true, aggregatable: true, metadata_field: false }])),
      },
    });

  it('is true only when the time field is date in some indices and date_nanos in others', () => {
    expect(mixedTimeTypes(source(['date', 'date_nanos']), '@timestamp')).toBe(true);
    expect(mixedTimeTypes(source(['date_nanos', 'date']), '@timestamp')).toBe(true);
  });

  it('is false for one time type, another clash, or a field the source lacks', () => {
    expect(mixedTimeTypes(source(['date']), '@timestamp')).toBe(false);
    expect(mixedTimeTypes(source(['date_nanos']), '@timestamp')).toBe(false);
    // Not a date/date_nanos pair: converting would not make these comparable.
    expect(mixedTimeTypes(source(['date', 'keyword']), '@timestamp')).toBe(false);
    expect(mixedTimeTypes(source(['date_nanos', 'long']), '@timestamp')).toBe(false);
    expect(mixedTimeTypes(source(['date', 'date_nanos']), 'time')).toBe(false);
    // A conflict whose types were not reported is not assumed to be this one.
    expect(
      mixedTimeTypes({ fields: new Map([['@timestamp', { type: 'conflict', searchable: true, aggregatable: false }]]) }, '@timestamp'),
    ).toBe(false);
  });
});
