import { embedPage } from '@/lib/embed/page/handler';

export const dynamic = 'force-dynamic';

interface Context {
  params: Promise<{ id: string }>;
}

/** `/embed/{id}?t=<token>`: one panel of a screen as an HTML page, for an iframe on an origin the token names. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  return embedPage(request, (await params).id);
}
