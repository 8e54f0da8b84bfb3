import { withEngine } from '@/lib/api/with-engine';
import { deleteView, getView, updateView } from '@/lib/views/handlers';

export const dynamic = 'force-dynamic';

interface Context {
  params: Promise<{ id: string }>;
}

export const GET = withEngine(async (request, _ctx, { params }: Context) => getView(request, (await params).id));

/** PUT {version, name?, description?, state?}: 409 with the current view if `version` is stale. */
export const PUT = withEngine(async (request, _ctx, { params }: Context) => updateView(request, (await params).id));

/** DELETE, optionally `?version=` to delete only the version the user saw. */
export const DELETE = withEngine(async (request, _ctx, { params }: Context) => deleteView(request, (await params).id));
