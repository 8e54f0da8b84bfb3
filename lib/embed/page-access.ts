/**
 * The embed page's own check (the proxy has already checked the token's signature and expiry
 * to choose frame-ancestors): the record must still be there and match the token. Then the
 * panel's first data, searched here so that it arrives in the page's HTML.
 */
import { ApiError } from '@/lib/api/errors';
import { authorizeEmbed } from '@/lib/embed/access';
import { getEmbedStore, lockedPanelData } from '@/lib/embed/handlers';
import { getEngineClient } from '@/lib/es/client';
import type { EmbedRecord } from '@/lib/schema/embeds';
import type { SearchResponse } from '@/lib/schema/search';
import { searchForPage } from '@/lib/search/page-search';

export async function embedForPage(id: string, token: string): Promise<EmbedRecord | null> {
  try {
    return await authorizeEmbed(getEmbedStore({ client: getEngineClient() }), token, id);
  } catch (err) {
    if (err instanceof ApiError && err.status === 403) return null;
    console.error('[embed] could not check an embed', err instanceof Error ? err.name : 'error');
    return null;
  }
}

/**
 * The panel's data as its data route would answer it now (same lock, same search, same gate), or
 * `null` when the search cannot be made here — shed, timed out, the engine down, a tail panel.
 * The page then renders without it and the panel asks its route, as before, and shows that
 * route's error: one place says what went wrong.
 */
export async function firstPanelData(record: EmbedRecord): Promise<SearchResponse | null> {
  if (record.panel === 'tail') return null;
  return searchForPage('/embed/[id]', (ctx) => lockedPanelData(record, {}, ctx));
}
