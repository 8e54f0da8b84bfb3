import { withEngine } from '@/lib/api/with-engine';
import { createLink } from '@/lib/links/handlers';

export const dynamic = 'force-dynamic';

/** POST /api/links {path} → {id, url: "/s/<id>", path}; the same path always gives the same id. */
export const POST = withEngine(createLink);
