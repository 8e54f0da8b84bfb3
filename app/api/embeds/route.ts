import { withEngine } from '@/lib/api/with-engine';
import { createEmbed, listEmbeds } from '@/lib/embed/handlers';

export const dynamic = 'force-dynamic';

/** GET /api/embeds → {embeds: [{embed, token, url, snippet}]}, newest first. */
export const GET = withEngine(listEmbeds);

/** POST /api/embeds {panel, viewId | state, origins, title?, allowTimeChange?, maxWindowHours?, expiresInDays?, theme?, refreshSeconds?} → 201 {embed, token, url, snippet}. */
export const POST = withEngine(createEmbed);
