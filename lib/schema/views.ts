/**
 * Wire shapes of the saved-view routes (`/api/views`, `/api/views/{id}`). Names and
 * descriptions are user text: the server bounds them, the UI renders them as text only.
 */
import { z } from 'zod';
import { VIEW_LIMITS } from '@/lib/schema/limits';
import type { ScreenState } from '@/lib/schema/screen-state';
import { StoredScreenState } from '@/lib/url-state/stored-screen';

export { VIEW_LIMITS };

/** Ids are minted by the server; anything else in the path is an unknown view. */
export const VIEW_ID_PATTERN = /^[0-9A-Za-z]{16,32}$/;

const name = z
  .string()
  .trim()
  .min(1, 'a name is required')
  .max(VIEW_LIMITS.nameLength, `names are at most ${VIEW_LIMITS.nameLength} characters`);
const description = z.string().max(VIEW_LIMITS.descriptionLength, `descriptions are at most ${VIEW_LIMITS.descriptionLength} characters`);

export const CreateViewRequest = z
  .object({
    name,
    description: description.default(''),
    state: StoredScreenState,
  })
  .strict();
export type CreateViewRequest = z.infer<typeof CreateViewRequest>;
export type CreateViewRequestInput = z.input<typeof CreateViewRequest>;

/**
 * PUT carries the version it was based on; fields left out keep their stored value, so a rename
 * sends only `{ version, name }`.
 */
export const UpdateViewRequest = z
  .object({
    version: z.string().min(1, 'the version of the view being edited is required').max(VIEW_LIMITS.versionLength),
    name: name.optional(),
    description: description.optional(),
    state: StoredScreenState.optional(),
  })
  .strict();
export type UpdateViewRequest = z.infer<typeof UpdateViewRequest>;
export type UpdateViewRequestInput = z.input<typeof UpdateViewRequest>;

export const ViewSortOrder = z.enum(['updated', 'name']);

/** GET /api/views query parameters (others, such as cache busters, are ignored). */
export const ListViewsQuery = z
  .object({
    q: z.string().trim().max(VIEW_LIMITS.queryLength, `q is at most ${VIEW_LIMITS.queryLength} characters`).default(''),
    limit: z.coerce
      .number()
      .int('limit must be a whole number')
      .min(1, 'limit must be at least 1')
      .max(VIEW_LIMITS.maxPageSize, `limit is at most ${VIEW_LIMITS.maxPageSize}`)
      .default(VIEW_LIMITS.defaultPageSize),
    offset: z.coerce
      .number()
      .int('offset must be a whole number')
      .min(0, 'offset must not be negative')
      .max(VIEW_LIMITS.maxOffset, `offset is at most ${VIEW_LIMITS.maxOffset}`)
      .default(0),
    sort: ViewSortOrder.default('updated'),
  })
  .refine((p) => p.offset + p.limit <= VIEW_LIMITS.maxOffset, {
    message: `offset + limit is at most ${VIEW_LIMITS.maxOffset}; narrow the list with q`,
    path: ['offset'],
  });
export type ListViewsQuery = z.infer<typeof ListViewsQuery>;

export interface SavedViewSummary {
  id: string;
  name: string;
  description: string;
  /** Opaque: send it back unchanged with PUT (and optionally DELETE). */
  version: string;
  createdAt: string;
  updatedAt: string;
}

export interface SavedView extends SavedViewSummary {
  state: ScreenState;
}

/** GET /api/views */
export interface ViewListResponse {
  views: SavedViewSummary[];
  total: number;
  offset: number;
  limit: number;
}

/** The 409 body of a PUT or DELETE against an old version: the error plus the view as it is now. */
export interface ViewConflictBody {
  error: { code: 'conflict'; message: string };
  current: SavedView;
}
