/**
 * The embed page as its route handler answers it, against the real engine: server-rendered HTML
 * with the panel's first data, the request's CSP nonce on its one stylesheet and one script, no
 * React, and hostile log text, field values and titles kept as text — in the markup and in the
 * JSON the script reads. A revoked embed is the same 403 page as a bad token. Our own index; the
 * documents the test writes are the oracle.
 */
import { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineConnection } from '@/lib/es/connection';
import type { CreateEmbedResponse } from '@/lib/schema/embeds';
import type { EmbedPageState } from '@/lib/embed/view/panel-view';
import { createLiveIndex, deleteLiveIndex, writeLive } from '@/tests/support/live-index';

const INDEX = `lxtest-embed-page-${process.pid}`;
process.env.LOG_SOURCES = JSON.stringify([{ id: 'hostile', indexPattern: INDEX, timeField: '@timestamp' }]);
process.env.EMBED_SECRET = 'integration-test-embed-secret-0123456789';
process.env.EMBED_ALLOWED_ORIGINS = 'http://wiki.example';
process.env.APP_INDEX_PREFIX = 'lxtest-app-embed-page-';
const APP = 'http://localhost:3000';
const NONCE = 'dGVzdC1ub25jZS0xMjM0NQ==';

const client = new Client(engineConnection().options);
const HOSTILE = `</script><script>alert(1)</script><img src=x onerror=alert(2)> & "quoted" 'single' \u2028`;
const HOSTILE_POD = `"><svg onload=alert(3)>`;
const TITLE = `Errors <b onmouseover=alert(4)>now</b>`;

type ListRoute = typeof import('@/app/api/embeds/route');
type PageRoute = typeof import('@/app/embed/[id]/route');
type AssetRoute = typeof import('@/app/embed-assets/[file]/route');
let list: ListRoute;
let page: PageRoute;
let asset: AssetRoute;

async function makeEmbed(panel: string): Promise<CreateEmbedResponse> {
  const res = await list.POST(
    new Request(`${APP}/api/embeds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        panel,
        title: TITLE,
        origins: ['http://wiki.example'],
        state: {
          schemaVersion: 1,
          source: 'hostile',
          query: { language: 'kql', text: 'level:error' },
          filters: [],
          time: { from: 'now-1h', to: 'now' },
          columns: ['message'],
          sort: 'desc',
        },
      }),
    }),
  );
  expect(res.status).toBe(201);
  return (await res.json()) as CreateEmbedResponse;
}

/** The page as the proxy passes the request on: with the policy, and so the nonce, it set. */
async function getPage(made: CreateEmbedResponse, token = made.token): Promise<Response> {
  const url = `${APP}/embed/${made.embed.id}?t=${encodeURIComponent(token)}`;
  const headers = { 'content-security-policy': `script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'` };
  return page.GET(new Request(url, { headers }), { params: Promise.resolve({ id: made.embed.id }) });
}

function pageState(html: string): EmbedPageState {
  const json = /<script type="application\/json" id="embed-state">([^<]*)<\/script>/.exec(html)?.[1];
  expect(json).toBeDefined();
  return JSON.parse(json ?? 'null') as EmbedPageState;
}

beforeAll(async () => {
  await createLiveIndex(client, INDEX);
  const now = Date.now();
  await writeLive(
    client,
    INDEX,
    [
      { id: 'hostile-error', namespace: 'shop', pod: HOSTILE_POD, level: 'error', log: HOSTILE, ts: now - 60_000 },
      { id: 'plain-error', namespace: 'shop', pod: 'api-0', level: 'error', log: 'plain error', ts: now - 120_000 },
      { id: 'info', namespace: 'shop', pod: 'api-0', level: 'info', log: 'not shown', ts: now - 90_000 },
    ],
    true,
  );
  const { getEngineClient } = await import('@/lib/es/client');
  await getEngineClient().indices.delete({ index: 'lxtest-app-embed-page-embeds', ignore_unavailable: true });
  list = await import('@/app/api/embeds/route');
  page = await import('@/app/embed/[id]/route');
  asset = await import('@/app/embed-assets/[file]/route');
});

afterAll(async () => {
  await deleteLiveIndex(client, INDEX);
  await client.close();
});

describe('GET /embed/{id}?t=', () => {
  it('is HTML with the panel’s first data, one nonced stylesheet and one nonced script, and no React', async () => {
    const made = await makeEmbed('results');
    const res = await getPage(made);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    const { EMBED_SCRIPT_NAME } = await import('@/lib/embed/page/built-assets');
    expect(html.match(/<script\b[^>]*>/g)).toEqual([
      `<script src="/embed-assets/${EMBED_SCRIPT_NAME}" defer nonce="${NONCE}">`,
      '<script type="application/json" id="embed-state">',
    ]);
    expect(html.match(/<style\b[^>]*>/g)).toEqual([`<style nonce="${NONCE}">`]);
    expect(html).not.toMatch(/_next\/|__next|self\.__next_f/);
    // The two matching lines, newest first, are rows in the HTML; the info line is not.
    expect(html.match(/<li class="lxe-row"/g)).toHaveLength(2);
    expect(html).toContain('plain error');
    expect(html).not.toContain('not shown');
    expect(html).toContain('>2 hits<');
  });

  it('keeps hostile log text, field values and titles as text, in the markup and in the script’s JSON', async () => {
    const made = await makeEmbed('results');
    const html = await (await getPage(made)).text();
    // The only elements are the page's own: no script, image or svg out of the data, no handler.
    expect(html.match(/<script\b/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).not.toMatch(/<img|<svg|<b\b/);
    expect(html).not.toMatch(/<[a-z][^<>]*\son[a-z]+=/i);
    expect(html).toContain(
      '&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; &amp; &quot;quoted&quot; &#39;single&#39;',
    );
    expect(html).toContain(`<title>Errors &lt;b onmouseover=alert(4)&gt;now&lt;/b&gt;</title>`);
    expect(html).toContain('<h1 class="lxe-title">Errors &lt;b onmouseover=alert(4)&gt;now&lt;/b&gt;</h1>');
    // The script's JSON reads back exactly what was written.
    const state = pageState(html);
    expect(state.data?.hits.map((h) => h.message)).toEqual([HOSTILE, 'plain error']);
    expect(state.data?.hits[0]?.fields['kubernetes.pod_name']).toBe(HOSTILE_POD);
    expect(state.config).toMatchObject({ panel: 'results', title: TITLE, source: { kind: 'embed', id: made.embed.id, token: made.token } });
  });

  it('draws a facets and a histogram panel from the same locked search', async () => {
    const facets = await (await getPage(await makeEmbed('facets'))).text();
    expect(facets).toContain('<section aria-label="pod" class="lxe-facet">');
    expect(facets).toContain('&quot;&gt;&lt;svg onload=alert(3)&gt;');
    expect(pageState(facets).data?.hits).toEqual([]);
    const histogram = await (await getPage(await makeEmbed('histogram'))).text();
    expect(histogram).toContain('data-testid="histogram-chart"');
    expect(histogram.match(/<g [^>]*data-bar/g)?.length).toBeGreaterThan(0);
  });

  it('is the same 403 page for a revoked embed as for a bad token, with nothing of the panel', async () => {
    const made = await makeEmbed('results');
    const bad = await getPage(made, `${made.token}x`);
    expect(bad.status).toBe(403);
    const badHtml = await bad.text();
    const item = await import('@/app/api/embeds/[id]/route');
    await item.DELETE(new Request(`${APP}/api/embeds/${made.embed.id}`, { method: 'DELETE' }), {
      params: Promise.resolve({ id: made.embed.id }),
    });
    const revoked = await getPage(made);
    expect(revoked.status).toBe(403);
    const html = await revoked.text();
    expect(html).toBe(badHtml);
    expect(html).toContain('This panel is not available.');
    expect(html).not.toMatch(/Errors|error|<script/);
  });
});

describe('GET /embed-assets/{file}', () => {
  it('serves the page’s script under its hash for good, another build’s name uncached, nothing else', async () => {
    const { EMBED_SCRIPT, EMBED_SCRIPT_NAME } = await import('@/lib/embed/page/built-assets');
    const get = (file: string) => asset.GET(new Request(`${APP}/embed-assets/${file}`), { params: Promise.resolve({ file }) });
    const current = await get(EMBED_SCRIPT_NAME);
    expect(current.status).toBe(200);
    expect(current.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(current.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await current.text()).toBe(EMBED_SCRIPT);
    const other = await get('panel-000000000000.js');
    expect(other.status).toBe(200);
    expect(other.headers.get('cache-control')).toBe('no-cache');
    expect((await get('..%2Fsecret.js')).status).toBe(404);
    expect((await get('panel.js')).status).toBe(404);
  });
});
