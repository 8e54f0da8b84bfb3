/**
 * The index template for the demo indices: what a Fluentd deployment would install so its
 * daily `logstash-*` indices are mapped for log exploration. Only core Elasticsearch features:
 * the local engine has no analysis-common, painless, match_only_text or data streams.
 */
import type { estypes } from '@elastic/elasticsearch';

export type IndexTemplateBody = Omit<estypes.IndicesPutIndexTemplateRequest, 'name'>;

const KEYWORD = { type: 'keyword', ignore_above: 1024 } as const;
const MESSAGE = { type: 'text', fields: { keyword: KEYWORD } } as const;

export function indexTemplateName(prefix: string): string {
  return `log-explorer-${prefix.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'logs'}`;
}

export function indexTemplateBody(prefix: string): IndexTemplateBody {
  return {
    index_patterns: [`${prefix}*`],
    // Longer prefixes are more specific (lxtest-logstash- vs logstash-), so they win any overlap.
    priority: 100 + prefix.length,
    template: {
      settings: {
        number_of_shards: 1,
        number_of_replicas: 0,
        refresh_interval: '1s',
        // Newest-first is how logs are read; a sorted index lets the engine stop early.
        'sort.field': '@timestamp',
        'sort.order': 'desc',
      },
      mappings: {
        dynamic_templates: [{ strings_as_keywords: { match_mapping_type: 'string', mapping: KEYWORD } }],
        properties: {
          '@timestamp': { type: 'date' },
          log: MESSAGE,
          message: MESSAGE,
          level: KEYWORD,
          stream: KEYWORD,
          service: KEYWORD,
          docker: { properties: { container_id: KEYWORD } },
          kubernetes: {
            properties: {
              namespace_name: KEYWORD,
              namespace_id: KEYWORD,
              pod_name: KEYWORD,
              pod_id: KEYWORD,
              pod_ip: KEYWORD,
              container_name: KEYWORD,
              container_image: KEYWORD,
              container_image_id: KEYWORD,
              host: KEYWORD,
              labels: { type: 'object', properties: { app: KEYWORD } },
            },
          },
        },
      },
    },
    _meta: { description: 'Log Explorer demo cluster logs (Fluentd kubernetes-metadata shape)' },
  };
}

/** Alias kept for callers that read the template as a constant-like factory. */
export const INDEX_TEMPLATE = indexTemplateBody;
