/**
 * Wire shapes of the short-link routes: `POST /api/links` and `GET /s/{id}`. The path's own
 * rules (same-origin, relative, nothing that a browser could read as another host) live in
 * lib/links/path.ts because they are applied twice: on the way in and on the way out.
 */
import { z } from 'zod';
import { LINK_LIMITS } from '@/lib/schema/limits';

export { LINK_LIMITS };

/** Ids are base62, at least 12 characters (longer only after a hash collision). */
export const LINK_ID_PATTERN = /^[0-9A-Za-z]{12,43}$/;

export const CreateLinkRequest = z
  .object({
    path: z
      .string({ error: 'path must be a string' })
      .min(1, 'a path is required')
      .max(LINK_LIMITS.pathLength, `paths are at most ${LINK_LIMITS.pathLength} characters`),
  })
  .strict();
export type CreateLinkRequest = z.infer<typeof CreateLinkRequest>;

export interface CreateLinkResponse {
  id: string;
  /** Relative: the UI prefixes its own origin when it copies the link. */
  url: string;
  /** The path as stored (normalised); `/s/{id}` redirects here. */
  path: string;
}
