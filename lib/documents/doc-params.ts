/**
 * GET /api/doc parameters: one schema for the route and the client. A document is named by the
 * index that holds it and its id, within a configured source.
 */
import { z } from 'zod';
import { ApiError } from '@/lib/api/errors';
import { parseRequest } from '@/lib/api/validate';
import type { SearchHit } from '@/lib/schema/search';

// An Elasticsearch index name is at most 255 bytes and an _id at most 512; both are looked up
// as exact terms, never as patterns, so `*` or `,` in them can only fail to match.
export const DocRequest = z.object({
  source: z.string().min(1).max(64).optional(),
  index: z
    .string({ error: 'index is required' })
    .min(1, 'index is required')
    .max(255, 'index names are at most 255 characters')
    .regex(/^[^\s*,"\\/?<>|#:]+$/, 'not an index name'),
  id: z.string({ error: 'id is required' }).min(1, 'id is required').max(512, 'ids are at most 512 characters'),
});
export type DocRequest = z.infer<typeof DocRequest>;

export interface DocResponse {
  /** The document shaped like a search hit (no `highlight`: there is no query here). */
  hit: SearchHit;
}

const PARAMS = ['source', 'index', 'id'] as const;

/** The query string → a validated request, or a 400 naming the parameter (a repeated one too). */
export function parseDocParams(params: URLSearchParams): DocRequest {
  const raw: Record<string, string> = {};
  for (const name of PARAMS) {
    const all = params.getAll(name);
    if (all.length > 1) throw new ApiError(400, 'validation_failed', `${name}: given more than once`, { path: name });
    if (all[0] !== undefined) raw[name] = all[0];
  }
  return parseRequest(DocRequest, raw);
}
