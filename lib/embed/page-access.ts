/**
 * The embed page's own check (the proxy has already checked the token's signature and expiry
 * to choose frame-ancestors): the record must still be there and match the token.
 */
import { ApiError } from '@/lib/api/errors';
import { authorizeEmbed } from '@/lib/embed/access';
import { getEmbedStore } from '@/lib/embed/handlers';
import { getEngineClient } from '@/lib/es/client';
import type { EmbedRecord } from '@/lib/schema/embeds';

export async function embedForPage(id: string, token: string): Promise<EmbedRecord | null> {
  try {
    return await authorizeEmbed(getEmbedStore({ client: getEngineClient() }), token, id);
  } catch (err) {
    if (err instanceof ApiError && err.status === 403) return null;
    console.error('[embed] could not check an embed', err instanceof Error ? err.name : 'error');
    return null;
  }
}
