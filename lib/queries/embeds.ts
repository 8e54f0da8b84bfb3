import type { CreateEmbedResponse } from '@/lib/schema/embeds';
import { fetchJson } from './api-error';

export interface EmbedList {
  embeds: CreateEmbedResponse[];
}

export function listEmbeds(signal?: AbortSignal): Promise<EmbedList> {
  return fetchJson<EmbedList>('/api/embeds', signal ? { signal } : {});
}

export function createEmbed(body: unknown): Promise<CreateEmbedResponse> {
  return fetchJson<CreateEmbedResponse>('/api/embeds', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export async function revokeEmbed(id: string): Promise<void> {
  const res = await fetch(`/api/embeds/${encodeURIComponent(id)}`, { method: 'DELETE' });
  if (!res.ok && res.status !== 404) throw new Error(`The embed could not be revoked (${res.status}).`);
}
