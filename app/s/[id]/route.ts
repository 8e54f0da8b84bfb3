import { followLink } from '@/lib/links/handlers';

export const dynamic = 'force-dynamic';

interface Context {
  params: Promise<{ id: string }>;
}

/** GET /s/{id} → 302 to the stored same-origin path; 404 (page or JSON) for unknown ids. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  return followLink(request, (await params).id);
}
