import { createLink } from '@/lib/links/handlers';

export const dynamic = 'force-dynamic';

/** POST /api/links {path} → {id, url: "/s/<id>", path}; the same path always gives the same id. */
export function POST(request: Request): Promise<Response> {
  return createLink(request);
}
