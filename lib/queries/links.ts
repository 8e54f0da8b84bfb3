import type { CreateLinkResponse } from '@/lib/schema/links';
import { fetchJson } from './api-error';

/** POST /api/links: the same path always gives the same short link, so asking twice is harmless. */
export function createShortLink(path: string): Promise<CreateLinkResponse> {
  return fetchJson<CreateLinkResponse>('/api/links', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ path }),
  });
}
