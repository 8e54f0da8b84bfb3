/**
 * The index template for the demo indices: what a Fluentd deployment would install so its
 * daily `logstash-*` indices are mapped for log exploration. Only core Elasticsearch features:
 * the local engine has no analysis-common, painless, match_only_text or data streams.
 */
import type { estypes } from '@elastic/elasticsearch';
import { SHAPE_MESSAGE_FIELDS, type LogShape } from './shapes';

export type IndexTemplateBody = Omit<estypes.IndicesPutIndexTemplateRequest, 'name'>;

const KEYWORD = { type: 'keyword', ignore_above: 1024 } as const;
const MESSAGE = { type: 'text', fields: { keyword: KEYWORD } } as const;

export function indexTemplateName(prefix: string): string {
  return `log-explorer-${prefix.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'logs'}`;
}

/** Dotted field names → nested `properties` (`body.text` → `{body: {properties: {text}}}`). */
function nestedProperties(fields: Record<string, estypes.MappingProperty>): Record<string, estypes.MappingProperty> {
  const root: Record<string, estypes.MappingProperty> = {};
  for (const [name, mapping] of Object.entries(fields)) {
    const parts = name.split('.');
    let level = root;
    for (const part of parts.slice(0, -1)) {
      const parent = (level[part] ??= { properties: {} }) as estypes.MappingObjectProperty;
      level = parent.properties ??= {};
    }
    level[parts[parts.length - 1] as string] = mapping;
  }
  return root;
}

/**
 * Other shapes: every string a keyword (as above), the message field text with a `.keyword`,
 * the time fields dates. Nothing of another shape is mapped, so the profile a source is
 * detected as comes from its documents' own fields.
 */
function shapeProperties(shape: Exclude<LogShape, 'fluentd'>): Record<string, estypes.MappingProperty> {
  const fields: Record<string, estypes.MappingProperty> = { '@timestamp': { type: 'date' } };
  for (const field of SHAPE_MESSAGE_FIELDS[shape]) fields[field] = MESSAGE;
  if (shape === 'otel') fields.observed_timestamp = { type: 'date' };
  if (shape === 'otelcol-none') Object.assign(fields, { SeverityNumber: { type: 'byte' }, TraceFlags: { type: 'byte' } });
  return nestedProperties(fields);
}

export function indexTemplateBody(prefix: string, shape: LogShape = 'fluentd'): IndexTemplateBody {
  if (shape !== 'fluentd') {
    const fluentd = indexTemplateBody(prefix);
    return {
      ...fluentd,
      template: {
        ...fluentd.template,
        mappings: { dynamic_templates: fluentd.template?.mappings?.dynamic_templates, properties: shapeProperties(shape) },
      },
      _meta: { description: `Log Explorer demo cluster logs (${shape} shape)` },
    };
  }
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
