/**
 * The wire shapes of the Kubernetes views: a pod's lines (`POST /api/pod-logs`) and a
 * workload's (`POST /api/workload-logs`). One schema validates on the server and types the client.
 */
import { z } from 'zod';
import { POD_LOG_LIMITS } from '@/lib/schema/limits';
import { SEARCH_LIMITS } from '@/lib/schema/search';

export { POD_LOG_LIMITS };

/**
 * Namespace and pod names are DNS subdomains (RFC 1123), container names DNS labels: checked
 * here so nothing else ever reaches the engine as a name.
 */
const dnsSubdomain = z
  .string()
  .min(1, 'a name is required')
  .max(253, 'names are at most 253 characters')
  .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'not a Kubernetes name (lowercase letters, digits, "-" and ".")');
const dnsLabel = z
  .string()
  .min(1, 'a name is required')
  .max(63, 'container names are at most 63 characters')
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'not a Kubernetes container name (lowercase letters, digits and "-")');
const timeExpression = z.string().min(1).max(SEARCH_LIMITS.timeExpressionLength);
const tail = z
  .number()
  .int('tail must be a whole number')
  .min(1, 'tail must be at least 1')
  .max(POD_LOG_LIMITS.maxTail, `tail is at most ${POD_LOG_LIMITS.maxTail}`)
  .default(POD_LOG_LIMITS.defaultTail);

const pageSize = z
  .number()
  .int('the page size must be a whole number')
  .min(1, 'the page size must be at least 1')
  .max(POD_LOG_LIMITS.maxTail, `the page size is at most ${POD_LOG_LIMITS.maxTail}`);

/** One pod's lines over a range: what a first answer and an older page both name. */
const podLinesScope = {
  source: z.string().min(1).max(64).optional(),
  namespace: dnsSubdomain,
  pod: dnsSubdomain,
  /** One container's lines; all containers when left out. */
  container: dnsLabel.optional(),
  /** Date math (`now-6h`) or ISO-8601, as in `POST /api/search`; an older page sends the first answer's `range` (epoch ms). */
  since: timeExpression.default('now-24h'),
  until: timeExpression.default('now'),
};

export const PodLogsRequest = z
  .object({
    ...podLinesScope,
    /** The newest N lines of the range, like `kubectl logs --tail N`. */
    tail,
    /**
     * How many of them this answer carries (the newest; default all `tail`): the pod view asks
     * for a first screenful and reads older ones with `POST /api/pod-logs/lines` from `older`.
     */
    page: pageSize.optional(),
  })
  .strict();
export type PodLogsRequest = z.infer<typeof PodLogsRequest>;

/** `POST /api/pod-logs/lines`: the pod's lines older than `before` (a response's `older`), newest first cut at `size`. */
export const PodLinesRequest = z
  .object({
    ...podLinesScope,
    before: z.string().min(1).max(POD_LOG_LIMITS.cursorLength, `before is at most ${POD_LOG_LIMITS.cursorLength} characters`),
    size: pageSize.default(POD_LOG_LIMITS.defaultPage),
  })
  .strict();
export type PodLinesRequest = z.infer<typeof PodLinesRequest>;
export type PodLinesRequestInput = z.input<typeof PodLinesRequest>;

export interface PodLinesResponse {
  /** Oldest first, all older than the cursor's line. */
  lines: LogLine[];
  /** More lines of the range are older than these: where to continue, or null. */
  older: string | null;
  tookMs: { server: number };
}
export type PodLogsRequestInput = z.input<typeof PodLogsRequest>;

export const WorkloadLogsRequest = z
  .object({
    source: z.string().min(1).max(64).optional(),
    namespace: dnsSubdomain,
    /** The workload's name: `payments-api` for pods `payments-api-<hash>-<id>`, `catalog-db` for `catalog-db-0`. */
    name: dnsSubdomain,
    /** Only these pods of the workload; all of them when left out. */
    pods: z.array(dnsSubdomain).min(1).max(POD_LOG_LIMITS.maxPods).optional(),
    since: timeExpression.default('now-24h'),
    until: timeExpression.default('now'),
    tail,
  })
  .strict();
export type WorkloadLogsRequest = z.infer<typeof WorkloadLogsRequest>;
export type WorkloadLogsRequestInput = z.input<typeof WorkloadLogsRequest>;

/** One log line as the Kubernetes views show it. */
export interface LogLine {
  id: string;
  index: string;
  /** ISO-8601, nanosecond precision kept when the source has it. */
  timestamp: string;
  pod: string;
  container: string;
  containerId: string;
  node: string;
  stream: string;
  level?: string;
  message: string;
}

/** One run of a container: the lines written under one container id (within the range). */
export interface ContainerInstance {
  podUid: string;
  container: string;
  containerId: string;
  node: string;
  /** First and last line in the range, ISO-8601. */
  firstLine: string;
  lastLine: string;
  lines: number;
}

/** A change of container id within one pod (uid) and container: the kubelet started a new one. */
export interface RestartSeparator {
  container: string;
  podUid: string;
  /** The new instance's first line: when it came back. */
  at: string;
  containerId: string;
  previousContainerId: string;
  /** The earlier instance's last line and how many lines it wrote (within the range). */
  previousLastLine: string;
  previousLines: number;
}

export interface PodRef {
  pod: string;
  node: string;
  /** For a successor its first line, for a predecessor its last. */
  at: string;
}

export interface PodSummary {
  namespace: string;
  pod: string;
  workload: { kind: 'Deployment' | 'StatefulSet' | 'DaemonSet'; name: string } | null;
  nodes: string[];
  containers: string[];
  instances: ContainerInstance[];
  restarts: RestartSeparator[];
  firstLine: string | null;
  lastLine: string | null;
  lines: number;
  /** No line in the last minutes of the range: the pod stopped (evicted, deleted, its node died). */
  gone: { lastLine: string; node: string } | null;
}

export interface PodLogsResponse {
  summary: PodSummary;
  lines: LogLine[];
  /** Lines of the range older than the first one returned (cut by `tail`, or by `page`). */
  truncated: boolean;
  /** Where older lines continue (`POST /api/pod-logs/lines`), when `truncated`; else null. */
  older: string | null;
  /** The pod that took over: same workload, new name, started after this one's last line. */
  successor: PodRef | null;
  /** The pod this one replaced. */
  predecessor: PodRef | null;
  range: { from: number; to: number };
  tookMs: { server: number };
}

export interface WorkloadLogsResponse {
  workload: { namespace: string; name: string; kind: 'Deployment' | 'StatefulSet' | 'DaemonSet' | null };
  /** Every pod of the workload with lines in the range, oldest first. */
  pods: PodSummary[];
  lines: LogLine[];
  truncated: boolean;
  range: { from: number; to: number };
  tookMs: { server: number };
}
