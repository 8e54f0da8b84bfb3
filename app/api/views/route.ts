import { createView, listViews } from '@/lib/views/handlers';

export const dynamic = 'force-dynamic';

/** GET /api/views?q=&limit=&offset=&sort=updated|name — list and search saved views by name. */
export function GET(request: Request): Promise<Response> {
  return listViews(request);
}

/** POST /api/views {name, description?, state} → 201 with the view and its version. */
export function POST(request: Request): Promise<Response> {
  return createView(request);
}
