/**
 * Whether a token opens an embed: signature, issuer, audience and expiry (lib/embed/token.ts),
 * then the record — it must still exist (not revoked), not be expired, be the embed the token
 * names, and lock exactly what the token was signed for. Every failure is the same 403 with
 * the same words, so a probe learns nothing about why.
 */
import { ApiError } from '@/lib/api/errors';
import { embedConfig, type EmbedConfig } from '@/lib/embed/config';
import type { EmbedStore } from '@/lib/embed/store';
import { embedBinding, verifyEmbedToken } from '@/lib/embed/token';
import { EMBED_ID_PATTERN, type EmbedRecord } from '@/lib/schema/embeds';

export function denied(): ApiError {
  return new ApiError(403, 'forbidden', 'this panel is not available');
}

export function requireEmbedConfig(): EmbedConfig {
  const config = embedConfig();
  if (!config) throw new ApiError(404, 'not_found', 'embedding is not enabled on this server (EMBED_SECRET)');
  return config;
}

export async function authorizeEmbed(
  store: EmbedStore,
  token: string,
  embedId: string,
  now = Date.now(),
  config: EmbedConfig | null = embedConfig(),
): Promise<EmbedRecord> {
  if (!config || !EMBED_ID_PATTERN.test(embedId)) throw denied();
  const claims = await verifyEmbedToken(token, config.secret);
  if (!claims || claims.embedId !== embedId) throw denied();
  const record = await store.get(embedId);
  if (!record) throw denied();
  if (record.expiresAt !== null && Date.parse(record.expiresAt) <= now) throw denied();
  if (claims.binding !== embedBinding(record) || claims.panel !== record.panel) throw denied();
  // An origin the operator has since removed from EMBED_ALLOWED_ORIGINS no longer counts.
  if (!record.origins.some((o) => config.allowedOrigins.includes(o))) throw denied();
  return record;
}
