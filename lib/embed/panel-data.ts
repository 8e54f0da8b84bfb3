/**
 * Where a panel gets its data, in the browser: an embed asks its own routes with its token
 * (held there to what it locks); the Embed dialog's preview asks the app's ordinary routes with
 * the screen it is about to lock. Pure and client-safe: no server module is imported here.
 */
import type { EmbedPanel, EmbedPod } from '@/lib/schema/embeds';
import type { SearchResponse } from '@/lib/schema/search';
import type { ScreenState } from '@/lib/schema/screen-state';

export const EMBED_RESULT_ROWS = 100;
export const EMBED_FACETS = ['namespace', 'pod', 'container', 'level'];
/** Where a tail panel starts: the last few minutes, so it is not blank until the next line. */
export const EMBED_TAIL_START = 'now-5m';

/** The parts of a screen a panel shows: rows only for a results panel, bars or facets for theirs. */
export function panelParts(panel: EmbedPanel): { size: number; histogram: boolean; facets: string[] } {
  return {
    size: panel === 'results' ? EMBED_RESULT_ROWS : 1,
    histogram: panel === 'histogram',
    facets: panel === 'facets' ? EMBED_FACETS : [],
  };
}

export type PanelData = { kind: 'embed'; id: string; token: string } | { kind: 'preview'; state: ScreenState; pod?: EmbedPod | undefined };

type TimeRange = { from: string; to: string };

function post(url: string, body: unknown, signal: AbortSignal): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
}

export async function fetchPanelData(data: PanelData, panel: EmbedPanel, time: TimeRange | undefined, signal: AbortSignal) {
  const res =
    data.kind === 'embed'
      ? await post(`/api/embeds/${data.id}/data`, { token: data.token, ...(time ? { time } : {}) }, signal)
      : await post(
          '/api/search',
          {
            ...(data.state.source ? { source: data.state.source } : {}),
            query: data.state.query,
            filters: data.state.filters,
            time: time ?? data.state.time,
            sort: data.state.sort,
            ...panelParts(panel),
          },
          signal,
        );
  if (!res.ok) throw new Error(res.status === 403 ? 'This panel is not available.' : `The data could not be loaded (${res.status}).`);
  return (await res.json()) as SearchResponse;
}

/**
 * The live tail a tail panel follows. The preview follows the pod with `GET /api/tail`, which
 * knows no query: it shows every line of the pod, where the embed will show the matching ones.
 */
export function panelTail(data: PanelData): { path: string; params: Record<string, string | undefined> } {
  if (data.kind === 'embed') return { path: `/api/embeds/${data.id}/tail`, params: { t: data.token, from: EMBED_TAIL_START } };
  return {
    path: '/api/tail',
    params: {
      namespace: data.pod?.namespace,
      pod: data.pod?.pod,
      container: data.pod?.container,
      source: data.state.source,
      from: EMBED_TAIL_START,
    },
  };
}
