import { deleteView, getView, updateView } from '@/lib/views/handlers';

export const dynamic = 'force-dynamic';

interface Context {
  params: Promise<{ id: string }>;
}

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return getView(request, (await params).id);
}

/** PUT {version, name?, description?, state?}: 409 with the current view if `version` is stale. */
export async function PUT(request: Request, { params }: Context): Promise<Response> {
  return updateView(request, (await params).id);
}

/** DELETE, optionally `?version=` to delete only the version the user saw. */
export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  return deleteView(request, (await params).id);
}
