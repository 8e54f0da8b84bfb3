/**
 * The embed routes: `POST/GET /api/embeds`, `DELETE /api/embeds/{id}` (the app's own pages
 * manage embeds) and `POST /api/embeds/{id}/data` (a panel asks for its data with its token).
 * All run inside the one frame (lib/api/with-engine.ts): CSRF guard, shedding, cancellation.
 */
import { readJsonBody } from '@/lib/api/body';
import { ApiError, jsonResponse } from '@/lib/api/errors';
import { parseRequest } from '@/lib/api/validate';
import type { EngineContext } from '@/lib/api/with-engine';
import { authorizeEmbed, requireEmbedConfig } from '@/lib/embed/access';
import { lockedSearchRequest } from '@/lib/embed/locked-search';
import { EmbedStore } from '@/lib/embed/store';
import { prepareEmbedTail, whileEmbedValid } from '@/lib/embed/tail';
import { signEmbedToken } from '@/lib/embed/token';
import { acquireTail, tailClientKey, tailStream } from '@/lib/k8s/run-tail';
import { CreateEmbedRequest, EMBED_ID_PATTERN, EmbedDataRequest, type CreateEmbedResponse, type EmbedRecord } from '@/lib/schema/embeds';
import type { SearchResponse } from '@/lib/schema/search';
import type { ScreenState } from '@/lib/schema/screen-state';
import { runSearch } from '@/lib/search/run-search';
import { findSource } from '@/lib/sources';
import { getViewStore } from '@/lib/views/handlers';

let shared: EmbedStore | undefined;

export function getEmbedStore(ctx: Pick<EngineContext, 'client'>): EmbedStore {
  shared ??= new EmbedStore(ctx.client);
  return shared;
}

export function embedPath(id: string, token: string): string {
  return `/embed/${id}?t=${encodeURIComponent(token)}`;
}

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function iframeSnippet(appOrigin: string, record: EmbedRecord, token: string): string {
  const title = escapeAttribute(record.title || `Log Explorer ${record.panel}`);
  const src = escapeAttribute(`${appOrigin}${embedPath(record.id, token)}`);
  return `<iframe src="${src}" title="${title}" width="800" height="400" style="border:0" loading="lazy" referrerpolicy="no-referrer"></iframe>`;
}

/**
 * The origin the browser reached the app by: its `Host` (or a proxy's `X-Forwarded-Host`/`-Proto`).
 * Not `request.url`, whose host Next.js may have rewritten (127.0.0.1 → localhost).
 */
export function appOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? url.host;
  const proto = request.headers.get('x-forwarded-proto') ?? url.protocol.replace(/:$/, '');
  return `${proto.split(',')[0]?.trim() || 'http'}://${host.split(',')[0]?.trim()}`;
}

async function describe(request: Request, record: EmbedRecord, secret: Uint8Array) {
  const token = await signEmbedToken(record, secret);
  const url = embedPath(record.id, token);
  return { embed: record, token, url, snippet: iframeSnippet(appOrigin(request), record, token) };
}

export async function createEmbed(request: Request, ctx: EngineContext): Promise<Response> {
  const config = requireEmbedConfig();
  const input = parseRequest(CreateEmbedRequest, await readJsonBody(request));
  input.origins.forEach((origin, i) => {
    if (!config.allowedOrigins.includes(origin)) {
      throw new ApiError(400, 'validation_failed', `origins.${i}: ${origin} is not in this server's EMBED_ALLOWED_ORIGINS`, {
        path: `origins.${i}`,
      });
    }
  });
  let state: ScreenState;
  if (input.viewId !== undefined) {
    const view = await getViewStore().get(input.viewId);
    if (!view) throw new ApiError(400, 'validation_failed', 'viewId: there is no such view', { path: 'viewId' });
    state = view.state;
  } else {
    state = input.state as ScreenState;
  }
  findSource(state.source);
  const now = new Date();
  const record = await getEmbedStore(ctx).create({
    panel: input.panel,
    title: input.title,
    showTitle: input.showTitle,
    state,
    ...(input.pod ? { pod: input.pod } : {}),
    origins: [...new Set(input.origins)],
    allowTimeChange: input.allowTimeChange,
    maxWindowHours: input.maxWindowHours,
    theme: input.theme,
    refreshSeconds: input.refreshSeconds,
    createdAt: now.toISOString(),
    expiresAt: input.expiresInDays === null ? null : new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString(),
  });
  const body: CreateEmbedResponse = await describe(request, record, config.secret);
  const response = jsonResponse(body, 201);
  response.headers.set('location', `/api/embeds/${record.id}`);
  return response;
}

export async function listEmbeds(request: Request, ctx: EngineContext): Promise<Response> {
  const config = requireEmbedConfig();
  const records = await getEmbedStore(ctx).list();
  return jsonResponse({ embeds: await Promise.all(records.map((r) => describe(request, r, config.secret))) });
}

export async function revokeEmbed(_request: Request, ctx: EngineContext, id: string): Promise<Response> {
  requireEmbedConfig();
  if (!EMBED_ID_PATTERN.test(id) || !(await getEmbedStore(ctx).revoke(id))) {
    throw new ApiError(404, 'not_found', 'there is no such embed');
  }
  return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
}

/** The panel's data, held to what the embed locks; every other parameter is ignored. */
export async function embedData(request: Request, ctx: EngineContext, id: string): Promise<Response> {
  const input = parseRequest(EmbedDataRequest, await readJsonBody(request));
  const record = await authorizeEmbed(getEmbedStore(ctx), input.token, id);
  return jsonResponse(await lockedPanelData(record, input, ctx));
}

/**
 * What a panel shows, held to what its embed locks: the data route's answer, and what the embed
 * page renders into its HTML (lib/embed/page/handler.ts) so the first data needs no second trip.
 */
export async function lockedPanelData(
  record: EmbedRecord,
  input: { time?: { from: string; to: string } | undefined },
  ctx: EngineContext,
): Promise<SearchResponse> {
  const now = Date.now();
  const result = await runSearch(lockedSearchRequest(record, input, now), { ...ctx, now });
  // A panel gets its own part only: no rows for a chart or the facets.
  return record.panel === 'results' ? result : { ...result, hits: [], cursor: null };
}

/** A tail panel's live lines (Server-Sent Events, as GET /api/tail), held to the embed's pod, query and filters. */
export async function embedTail(request: Request, ctx: EngineContext, id: string): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const store = getEmbedStore(ctx);
  const { follow } = await prepareEmbedTail(store, ctx.client, id, params);
  const release = acquireTail(tailClientKey(request));
  // One signal of our own (not AbortSignal.any, whose result Node may collect while the stream
  // still waits on it): the viewer going away or the embed being revoked ends the stream.
  const ended = new AbortController();
  const end = () => ended.abort();
  request.signal.addEventListener('abort', end, { once: true });
  const stopChecking = whileEmbedValid(store, id, params.get('t') ?? '', end);
  const done = () => {
    stopChecking();
    request.signal.removeEventListener('abort', end);
    release();
  };
  return new Response(tailStream(follow, ended.signal, done), {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' },
  });
}
