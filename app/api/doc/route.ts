import { jsonResponse } from '@/lib/api/errors';
import { withEngine } from '@/lib/api/with-engine';
import { parseDocParams } from '@/lib/documents/doc-params';
import { DOC_DEADLINE_MS, getDocument } from '@/lib/documents/get-document';

export const dynamic = 'force-dynamic';

/** `GET /api/doc?source=&index=&id=` → `{ hit }`, the document shaped like a search hit; 404 when there is none. */
export const GET = withEngine(
  async (request, ctx) => jsonResponse(await getDocument(parseDocParams(new URL(request.url).searchParams), ctx)),
  { deadlineMs: DOC_DEADLINE_MS },
);
