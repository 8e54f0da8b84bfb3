/**
 * The URL of the Kubernetes views: `/pods/{namespace}/{pod}` and `/workloads/{namespace}/{name}`
 * with `since`, `until`, `container`, `tail`, `ts` (timestamps, `0` hides them), `line` (the line
 * to scroll to and mark) and `pods` (the workload view's pod filter). Parsed defensively: a bad
 * value falls back to its default, never breaks the screen. Pure.
 */
import { POD_LOG_LIMITS } from '@/lib/schema/limits';
import { DEFAULT_STATE, stateToSearch } from '@/lib/url-state/codec';

export interface LogsViewState {
  since: string;
  until: string;
  container: string | null;
  tail: number;
  timestamps: boolean;
  line: string | null;
  pods: string[];
  /** A configured source id other than the default. */
  source: string | null;
  /** Follow new lines as they arrive. */
  live: boolean;
  /** `/workloads/-/{name}` (from a pod facet value): a pod of the workload, whose namespace is looked up. */
  via: string | null;
}

export const DEFAULT_LOGS_VIEW: LogsViewState = {
  since: 'now-24h',
  until: 'now',
  container: null,
  tail: POD_LOG_LIMITS.defaultTail,
  timestamps: true,
  line: null,
  pods: [],
  source: null,
  live: false,
  via: null,
};

const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
const MAX_PARAM = 256;
const SOURCE_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

function text(params: URLSearchParams, key: string): string | null {
  const v = params.get(key);
  return v !== null && v.length > 0 && v.length <= MAX_PARAM ? v : null;
}

export function parseLogsView(params: URLSearchParams): LogsViewState {
  const tail = Number(params.get('tail'));
  const container = text(params, 'container');
  const via = text(params, 'via');
  return {
    since: text(params, 'since') ?? DEFAULT_LOGS_VIEW.since,
    until: text(params, 'until') ?? DEFAULT_LOGS_VIEW.until,
    container: container && NAME.test(container) ? container : null,
    tail: Number.isInteger(tail) && tail >= 1 && tail <= POD_LOG_LIMITS.maxTail ? tail : DEFAULT_LOGS_VIEW.tail,
    timestamps: params.get('ts') !== '0',
    line: text(params, 'line'),
    pods: (params.get('pods') ?? '')
      .split(',')
      .filter((p) => NAME.test(p))
      .slice(0, POD_LOG_LIMITS.maxPods),
    source: SOURCE_ID.test(params.get('source') ?? '') ? params.get('source') : null,
    live: params.get('live') === '1',
    via: via && NAME.test(via) ? via : null,
  };
}

/** Only what differs from the defaults, in a fixed order, so equal screens have equal URLs. */
export function logsViewQuery(state: Partial<LogsViewState>): string {
  const s = { ...DEFAULT_LOGS_VIEW, ...state };
  const params = new URLSearchParams();
  if (s.since !== DEFAULT_LOGS_VIEW.since) params.set('since', s.since);
  if (s.until !== DEFAULT_LOGS_VIEW.until) params.set('until', s.until);
  if (s.container) params.set('container', s.container);
  if (s.tail !== DEFAULT_LOGS_VIEW.tail) params.set('tail', String(s.tail));
  if (!s.timestamps) params.set('ts', '0');
  if (s.line) params.set('line', s.line);
  if (s.pods.length > 0) params.set('pods', s.pods.join(','));
  if (s.source) params.set('source', s.source);
  if (s.live) params.set('live', '1');
  if (s.via) params.set('via', s.via);
  const q = params.toString();
  return q ? `?${q}` : '';
}

/** Names come from log documents (hostile input): a valid Kubernetes name, or no link at all. */
export function isKubernetesName(name: unknown): name is string {
  return typeof name === 'string' && name.length <= 253 && NAME.test(name);
}

/** A path segment; `.` and `..` are encoded so a browser never resolves them. */
const segment = (name: string) => encodeURIComponent(name).replace(/^\.{1,2}$/, (dots) => dots.replace(/\./g, '%2E'));

export function podViewHref(namespace: string, pod: string, state: Partial<LogsViewState> = {}): string {
  return `/pods/${segment(namespace)}/${segment(pod)}${logsViewQuery(state)}`;
}

export function workloadViewHref(namespace: string, name: string, state: Partial<LogsViewState> = {}): string {
  return `/workloads/${segment(namespace)}/${segment(name)}${logsViewQuery(state)}`;
}

/** Half the window a link from one line opens around it: enough context, few enough lines for `tail`. */
export const AROUND_LINE_MS = 15 * 60_000;

/** The pod view around one line (from a hit): a window centred on it, the line marked. */
export function podViewAroundLine(namespace: string, pod: string, line: { id: string; timestamp: string }, source?: string | null): string {
  const from = source && SOURCE_ID.test(source) ? { source } : {};
  const at = Date.parse(line.timestamp);
  if (!Number.isFinite(at)) return podViewHref(namespace, pod, { line: line.id, ...from });
  return podViewHref(namespace, pod, {
    ...from,
    since: new Date(at - AROUND_LINE_MS).toISOString(),
    until: new Date(at + AROUND_LINE_MS).toISOString(),
    tail: POD_LOG_LIMITS.maxTail,
    line: line.id,
  });
}

/** A dynamic route segment as text: decoded once, and left as it is when it is not valid percent-encoding. */
export function routeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Where each built-in profile (Fluentd and Fluent Bit, ECS, OpenTelemetry) keeps a line's namespace and pod. */
const NAMESPACE_FIELDS = [
  'kubernetes.namespace_name',
  'kubernetes.namespace',
  'resource.attributes.k8s.namespace.name',
  'Resource.k8s.namespace.name',
];
const POD_FIELDS = ['kubernetes.pod_name', 'kubernetes.pod.name', 'resource.attributes.k8s.pod.name', 'Resource.k8s.pod.name'];

/**
 * The Kubernetes namespace and pod of a hit's flattened fields: the source's own fields for
 * those meanings first (a forced or unusual profile), then the built-in profiles' names.
 */
export function podOfFields(
  fields: Readonly<Record<string, unknown>>,
  meanings: Readonly<{ namespace?: string; pod?: string }> = {},
): { namespace: string; pod: string } | null {
  const first = (names: readonly (string | undefined)[]) => names.map((n) => (n ? fields[n] : undefined)).find((v) => v !== undefined);
  const namespace = first([meanings.namespace, ...NAMESPACE_FIELDS]);
  const pod = first([meanings.pod, ...POD_FIELDS]);
  return isKubernetesName(namespace) && isKubernetesName(pod) ? { namespace, pod } : null;
}

/** Stands for "whichever namespace the pod is in" in `/pods/-/{pod}` and `/workloads/-/{name}?via={pod}` (links that know only the pod). */
export const ANY_NAMESPACE = '-';

/** "Show surrounding lines" of one line: `/context/{index}/{id}`. */
export function contextHref(line: { index: string; id: string }, scope?: string, source?: string | null): string {
  const params = new URLSearchParams();
  if (scope && scope !== 'instance') params.set('scope', scope);
  // The default source is left out, as in the logs views' URLs.
  if (source && SOURCE_ID.test(source)) params.set('source', source);
  const q = params.toString();
  return `/context/${segment(line.index)}/${segment(line.id)}${q ? `?${q}` : ''}`;
}

/**
 * The explorer filtered on one value (a JSON key of a line in the pod views), over the view's
 * range and, when given, only the line's pod.
 */
export function explorerFilterHref(
  filter: { field: string; value: string; negate: boolean },
  range: { since: string; until: string; pod?: string; source?: string | null },
): string {
  const filters = [
    ...(range.pod ? [{ field: 'pod', op: 'is' as const, value: range.pod, negate: false, disabled: false }] : []),
    { field: filter.field, op: 'is' as const, value: filter.value, negate: filter.negate, disabled: false },
  ];
  return `/${stateToSearch({ ...DEFAULT_STATE, source: range.source ?? undefined, time: { from: range.since, to: range.until }, filters })}`;
}
