import { withEngine } from '@/lib/api/with-engine';
import { createView, listViews } from '@/lib/views/handlers';

export const dynamic = 'force-dynamic';

/** GET /api/views?q=&limit=&offset=&sort=updated|name — list and search saved views by name. */
export const GET = withEngine(listViews);

/** POST /api/views {name, description?, state} → 201 with the view and its version. */
export const POST = withEngine(createView);
