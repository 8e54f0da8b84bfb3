import { withEngine } from '@/lib/api/with-engine';
import { embedTail } from '@/lib/embed/handlers';

export const dynamic = 'force-dynamic';

interface Context {
  params: Promise<{ id: string }>;
}

/** GET /api/embeds/{id}/tail?t=<token>[&from=…] → a tail panel's new lines as Server-Sent Events (as GET /api/tail), locked to the embed. */
export const GET = withEngine(async (request, ctx, { params }: Context) => embedTail(request, ctx, (await params).id));
