import { withEngine } from '@/lib/api/with-engine';
import { revokeEmbed } from '@/lib/embed/handlers';

export const dynamic = 'force-dynamic';

interface Context {
  params: Promise<{ id: string }>;
}

/** DELETE /api/embeds/{id}: revokes the embed; its tokens stop working at once. */
export const DELETE = withEngine(async (request, ctx, { params }: Context) => revokeEmbed(request, ctx, (await params).id));
