/** The wire shape of `POST /api/context`: the lines written around one line. */
import { z } from 'zod';
import type { LogLine } from '@/lib/schema/pod-logs';

export const CONTEXT_LIMITS = { defaultLines: 50, maxLines: 1_000 } as const;

/**
 * How wide the neighbourhood is: the same container instance (pod uid + container + container
 * id), the whole pod, the node, or everything in the source.
 */
export const ContextScope = z.enum(['instance', 'pod', 'node', 'all']);
export type ContextScope = z.infer<typeof ContextScope>;

const count = z
  .number()
  .int('must be a whole number')
  .min(0, 'must be at least 0')
  .max(CONTEXT_LIMITS.maxLines, `is at most ${CONTEXT_LIMITS.maxLines}`)
  .default(CONTEXT_LIMITS.defaultLines);

export const ContextRequest = z
  .object({
    source: z.string().min(1).max(64).optional(),
    /** The line to read around: a hit's `index` and `id`. */
    anchor: z.object({ index: z.string().min(1).max(255), id: z.string().min(1).max(512) }).strict(),
    scope: ContextScope.default('instance'),
    before: count,
    after: count,
  })
  .strict();
export type ContextRequest = z.infer<typeof ContextRequest>;
export type ContextRequestInput = z.input<typeof ContextRequest>;

export interface ContextResponse {
  anchor: LogLine;
  /** Oldest first, ending right before the anchor. */
  before: LogLine[];
  /** Oldest first, starting right after the anchor. */
  after: LogLine[];
  hasMoreBefore: boolean;
  hasMoreAfter: boolean;
  scope: ContextScope;
  /** The fields and values the scope matched on (`{"kubernetes.pod_id": "…", …}`); empty for `all`. */
  matchedOn: Record<string, string>;
  tookMs: { server: number };
}
