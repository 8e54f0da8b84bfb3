import { jsonResponse } from '@/lib/api/errors';
import { withEngine } from '@/lib/api/with-engine';
import { findSource, sourceFields } from '@/lib/sources';

export const dynamic = 'force-dynamic';

/** `GET /api/fields?source=` → `{ fields: [{ name, type, aggregatable, conflictTypes? }], profile, meanings }`, for the column picker. */
export const GET = withEngine(
  async (request) => {
    const id = new URL(request.url).searchParams.get('source') ?? undefined;
    const { fields, profile, meanings } = await sourceFields(findSource(id || undefined));
    const list = [...fields]
      // Metadata (`_index`, …) and object parents hold no value a row could show.
      .filter(([, info]) => !info.type.startsWith('_') && info.type !== 'object' && info.type !== 'nested')
      // A conflict names its types, so the UI can say why the field cannot be counted.
      .map(([name, info]) => ({
        name,
        type: info.type,
        aggregatable: info.aggregatable && info.type !== 'conflict',
        ...(info.conflictTypes ? { conflictTypes: info.conflictTypes } : {}),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    return jsonResponse({ fields: list, profile, meanings });
  },
  { deadlineMs: 5_000 },
);
