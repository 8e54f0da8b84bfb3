import { withEngine } from '@/lib/api/with-engine';
import { embedData } from '@/lib/embed/handlers';
import { searchTimeouts } from '@/lib/search/run-search';

export const dynamic = 'force-dynamic';

interface Context {
  params: Promise<{ id: string }>;
}

/** POST /api/embeds/{id}/data {token, time?} → the panel's part of a SearchResponse, locked to the embed. */
export const POST = withEngine(async (request, ctx, { params }: Context) => embedData(request, ctx, (await params).id), {
  deadlineMs: searchTimeouts().deadlineMs,
  search: true,
});
