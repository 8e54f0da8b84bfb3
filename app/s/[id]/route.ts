import { withEngine } from '@/lib/api/with-engine';
import { followLink } from '@/lib/links/handlers';

export const dynamic = 'force-dynamic';

interface Context {
  params: Promise<{ id: string }>;
}

/** GET /s/{id} → 302 to the stored same-origin path; 404 (page or JSON) for unknown ids. */
export const GET = withEngine(async (request, _ctx, { params }: Context) => followLink(request, (await params).id));
