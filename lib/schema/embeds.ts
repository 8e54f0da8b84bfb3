/**
 * Embeddable panels: what `POST /api/embeds` takes and what an embed record holds. The locked
 * part (source, query, filters, default time, panel, maximum window, origins) is bound into the
 * embed's signed token; a panel can never show anything else.
 */
import { z } from 'zod';
import { kubernetesName as tailName } from '@/lib/schema/tail';
import type { ScreenState } from '@/lib/schema/screen-state';
import { StoredScreenState } from '@/lib/url-state/stored-screen';

export const EMBED_PANELS = ['histogram', 'results', 'facets', 'tail'] as const;
export const EmbedPanel = z.enum(EMBED_PANELS);
export type EmbedPanel = z.infer<typeof EmbedPanel>;

export const EMBED_ID_PATTERN = /^[0-9A-Za-z]{20}$/;

export const EMBED_LIMITS = {
  maxOrigins: 10,
  /** 30 days: the widest window any embed may let its viewer pick. */
  maxWindowHours: 720,
  maxExpiresInDays: 3650,
  titleLength: 200,
} as const;

/** `https://host[:port]`, nothing more: frame-ancestors takes origins, never paths. */
export const EmbedOrigin = z
  .string()
  .max(200)
  .refine((raw) => {
    try {
      const url = new URL(raw);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === raw.replace(/\/$/, '');
    } catch {
      return false;
    }
  }, 'expected an origin such as https://wiki.example.com (scheme, host, optional port; no path)')
  .transform((raw) => new URL(raw).origin);

const kubernetesName = tailName;

/** The pod a `tail` panel follows (with the embed's query and filters on top). */
export const EmbedPod = z.object({ namespace: kubernetesName, pod: kubernetesName, container: kubernetesName.optional() }).strict();
export type EmbedPod = z.infer<typeof EmbedPod>;

export const CreateEmbedRequest = z
  .object({
    panel: EmbedPanel,
    /** The screen the panel shows: a saved view's id or a state. */
    viewId: z
      .string()
      .regex(/^[0-9A-Za-z]{20}$/, 'not a view id')
      .optional(),
    state: StoredScreenState.optional(),
    /** Required by a `tail` panel, refused by the others. */
    pod: EmbedPod.optional(),
    title: z.string().trim().max(EMBED_LIMITS.titleLength).default(''),
    /** Whether the panel shows its title above it (the iframe's `title` attribute names it either way). */
    showTitle: z.boolean().default(true),
    origins: z.array(EmbedOrigin).min(1, 'name at least one origin that may frame the panel').max(EMBED_LIMITS.maxOrigins),
    /** Whether the viewer may pick another time range, up to `maxWindowHours` wide. */
    allowTimeChange: z.boolean().default(false),
    maxWindowHours: z.number().int().min(1).max(EMBED_LIMITS.maxWindowHours).default(24),
    /** Omitted or null: the embed lasts until it is revoked. */
    expiresInDays: z.number().int().min(1).max(EMBED_LIMITS.maxExpiresInDays).nullable().default(null),
    theme: z.enum(['auto', 'light', 'dark']).default('auto'),
    refreshSeconds: z.union([z.literal(0), z.literal(10), z.literal(30), z.literal(60), z.literal(300)]).default(0),
  })
  .strict()
  .refine((r) => (r.viewId === undefined) !== (r.state === undefined), { message: 'give either viewId or state', path: ['state'] })
  .refine((r) => (r.panel === 'tail') === (r.pod !== undefined), {
    message: 'a tail panel names the pod it follows (namespace, pod); other panels take no pod',
    path: ['pod'],
  });
export type CreateEmbedRequest = z.infer<typeof CreateEmbedRequest>;

/** What is stored per embed and what every panel request is held to. */
export interface EmbedRecord {
  id: string;
  panel: EmbedPanel;
  title: string;
  /** Absent in embeds made before the option: shown. */
  showTitle?: boolean;
  state: ScreenState;
  /** A `tail` panel's pod. */
  pod?: EmbedPod;
  origins: string[];
  allowTimeChange: boolean;
  maxWindowHours: number;
  theme: 'auto' | 'light' | 'dark';
  refreshSeconds: number;
  createdAt: string;
  expiresAt: string | null;
}

export interface CreateEmbedResponse {
  embed: EmbedRecord;
  token: string;
  url: string;
  snippet: string;
}

/** A panel asks for its data; only `time` (when the embed allows it) and `after` may vary. */
export const EmbedDataRequest = z
  .object({
    token: z.string().min(1).max(4096),
    time: z.object({ from: z.string().max(64), to: z.string().max(64) }).optional(),
    after: z.string().max(4096).optional(),
  })
  .passthrough();
export type EmbedDataRequest = z.infer<typeof EmbedDataRequest>;
