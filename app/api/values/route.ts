import { jsonResponse } from '@/lib/api/errors';
import { withEngine } from '@/lib/api/with-engine';
import { suggestValues, VALUES_DEADLINE_MS } from '@/lib/suggest/values';
import { parseValuesParams } from '@/lib/suggest/values-params';

export const dynamic = 'force-dynamic';

/** `GET /api/values?source=&field=&prefix=&from=&to=&size=` → `{ field, values: [{ value, count }] }`. */
export const GET = withEngine(
  async (request, ctx) => jsonResponse(await suggestValues(parseValuesParams(new URL(request.url).searchParams), ctx)),
  { deadlineMs: VALUES_DEADLINE_MS, search: true },
);
