import { describe, expect, it } from 'vitest';
import { indexTemplateBody, indexTemplateName } from './index-template';

describe('index template', () => {
  const body = indexTemplateBody('logstash-');
  const settings = body.template?.settings as Record<string, unknown>;
  const props = body.template?.mappings?.properties as Record<string, Record<string, unknown>>;

  it('targets the prefix with one sorted shard and no replicas', () => {
    expect(body.index_patterns).toEqual(['logstash-*']);
    expect(settings).toMatchObject({
      number_of_shards: 1,
      number_of_replicas: 0,
      refresh_interval: '1s',
      'sort.field': '@timestamp',
      'sort.order': 'desc',
    });
    expect(indexTemplateName('logstash-')).toBe('log-explorer-logstash');
    expect(indexTemplateBody('lxtest-logstash-').priority).toBeGreaterThan(body.priority ?? 0);
  });

  it('maps time as date, the message as text + keyword, the kubernetes fields as keyword', () => {
    expect(props['@timestamp']).toEqual({ type: 'date' });
    expect(props.log).toEqual({ type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 1024 } } });
    for (const field of ['level', 'stream']) expect(props[field]?.type).toBe('keyword');
    const k8s = (props.kubernetes?.properties ?? {}) as Record<string, { type?: string }>;
    for (const field of ['namespace_name', 'pod_name', 'pod_id', 'container_name', 'host']) expect(k8s[field]?.type).toBe('keyword');
  });

  it('uses nothing the minimal engine lacks', () => {
    const text = JSON.stringify(body);
    for (const missing of ['match_only_text', '"script"', 'pipeline', 'data_stream', '"analyzer"']) expect(text).not.toContain(missing);
  });
});
