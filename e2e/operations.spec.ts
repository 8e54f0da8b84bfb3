/**
 * The built app as an operator runs it: `next start` processes of its own (not the shared web
 * server), started and signalled by the spec. No browser: these are process-level checks.
 */
import { Client } from '@elastic/elasticsearch';
import { request as httpRequest, type ClientRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import { TEST_DATASET } from '../lib/demo-cluster/test-dataset';
import { engineConnection } from '../lib/es/connection';
import { slowEngineProxy, startApp, stopApp, untilLive, type AppProcess } from './support/app-process';
import { DATASET_RANGE, events } from './support/dataset';

const apps: AppProcess[] = [];
async function app(env: Record<string, string> = {}): Promise<AppProcess> {
  const started = await startApp(env);
  apps.push(started);
  return started;
}

test.afterEach(async () => {
  await Promise.all(apps.splice(0).map(stopApp));
});

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const range = { from: new Date(DATASET_RANGE.from).toISOString(), to: new Date(DATASET_RANGE.to).toISOString() };

test.describe('operations', () => {
  test.describe.configure({ timeout: 120_000 });

  test('a broken configuration stops the start with one line per variable and exit code 78', async () => {
    const broken = await app({
      LOG_SOURCES: '[{"id": ',
      ELASTICSEARCH_URL: 'https://elastic:pw-secret@exa mple:9200',
      EMBED_SECRET: 'short',
    });
    const { code } = await broken.exited;
    expect(code).toBe(78);
    const err = broken.stderr();
    expect(err).toContain('Log Explorer cannot start; fix the configuration:');
    expect(err).toMatch(/^ {2}ELASTICSEARCH_URL: .*not a URL/m);
    expect(err).toMatch(/^ {2}LOG_SOURCES: it is not JSON$/m);
    expect(err).toMatch(/^ {2}EMBED_SECRET: must be at least 32 characters/m);
    expect(err).not.toContain('pw-secret');
    expect(err).not.toMatch(/^\s+at /m); // no stack trace
  });

  test('SIGTERM during a search: the search completes, new connections are refused, the process exits in time', async () => {
    const proxy = await slowEngineProxy(engineConnection().url, 2_500);
    try {
      const server = await app({ ELASTICSEARCH_URL: proxy.url, SHUTDOWN_TIMEOUT_MS: '10000' });
      await untilLive(server);
      const inFlight = fetch(`${server.url}/api/search`, json({ time: range, size: 5, histogram: false, facets: [] }));
      await new Promise((resolve) => setTimeout(resolve, 800));
      const signalled = Date.now();
      server.child.kill('SIGTERM');
      const res = await inFlight;
      expect(res.status).toBe(200);
      const body = (await res.json()) as { hits: unknown[]; total: { value: number } };
      expect(body.hits).toHaveLength(5);
      await expect(fetch(`${server.url}/api/health/live`)).rejects.toThrow();
      const { code, at } = await server.exited;
      expect(code).toBe(143);
      expect(at - signalled).toBeLessThan(10_000);
      const logs = server.stdout();
      expect(logs).toContain('"msg":"shutting down: no new connections, finishing requests in flight"');
      expect(logs).toMatch(/"route":"\/api\/search","status":200/);
      // Past Next.js's start banner every line is JSON, the app's console lines included.
      const lines = logs.split('\n').filter((l) => l.startsWith('{'));
      expect(lines.some((l) => /"msg":"\[engine\] /.test(l))).toBe(true);
      expect(
        logs
          .slice(logs.indexOf('{'))
          .split('\n')
          .filter((l) => l && !l.startsWith('{')),
      ).toEqual([]);
    } finally {
      proxy.server.close();
    }
  });

  test('SIGTERM during an export that outlasts the deadline: the export is cancelled (its point in time closed) and the process exits', async () => {
    const engine = new Client(engineConnection().options);
    const openContexts = async () => {
      const stats = await engine.indices.stats({ index: `${TEST_DATASET.indexPrefix}*`, metric: 'search' });
      return stats._all.total?.search?.open_contexts ?? 0;
    };
    const before = await openContexts();
    const server = await app({ SHUTDOWN_TIMEOUT_MS: '1500' });
    await untilLive(server);
    const res = await fetch(`${server.url}/api/export`, json({ time: range, format: 'ndjson', columns: ['message'] }));
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('x-export-total'))).toBe(events().length);
    // Read one chunk, then stop reading: the export stays in flight (back-pressure holds it).
    const reader = res.body!.getReader();
    await reader.read();
    const signalled = Date.now();
    server.child.kill('SIGTERM');
    const { code, at } = await server.exited;
    // 143: Next.js exits once the cancelled download's connection is closed; 1: our deadline
    // exit, if the cancellation took longer than its second of grace.
    expect([1, 143]).toContain(code);
    expect(at - signalled).toBeGreaterThanOrEqual(1_400);
    expect(at - signalled).toBeLessThan(5_000);
    expect(server.stdout()).toMatch(/"exports":1,"msg":"shutdown deadline passed/);
    expect(server.stdout()).toMatch(/"route":"\/api\/export","status":200,.*"stream":"cancelled"/);
    await reader.cancel().catch(() => undefined);
    // Cancelled before the exit, the export closed its point in time: no search context is left.
    try {
      await expect.poll(openContexts, { timeout: 5_000 }).toBeLessThanOrEqual(before);
    } finally {
      await engine.close();
    }
  });

  test('SIGTERM during a live tail: the stream ends with a reconnect event and the process exits long before the deadline', async () => {
    const server = await app({ SHUTDOWN_TIMEOUT_MS: '10000' });
    await untilLive(server);
    const pod = events().find((e) => e.fields['kubernetes.pod_name'])!.fields;
    const res = await fetch(
      `${server.url}/api/tail?namespace=${String(pod['kubernetes.namespace_name'])}&pod=${String(pod['kubernetes.pod_name'])}`,
    );
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let text = new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('retry: ');
    const signalled = Date.now();
    server.child.kill('SIGTERM');
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    const last = text.trim().split('\n\n').at(-1) ?? '';
    expect(last).toMatch(/^event: reconnect\nid: \d+\ndata: \{"reason":"shutting_down","from":"[^"]+"\}$/);
    const { code, at } = await server.exited;
    // 143: Next.js's own exit once every connection is done, not our deadline's exit 1.
    expect(code).toBe(143);
    expect(at - signalled).toBeLessThan(5_000);
    expect(server.stdout()).toMatch(/"streams":1,"msg":"shutdown: live streams told to reconnect elsewhere and closed"/);
  });

  test('past MAX_IN_FLIGHT_REQUESTS a request is a 503 with Retry-After from the front door, before Next.js; the probes and metrics still answer', async () => {
    const server = await app({ MAX_IN_FLIGHT_REQUESTS: '2' });
    await untilLive(server);
    // Two searches whose bodies never finish arriving: each holds a place until it is answered.
    const held: ClientRequest[] = [];
    const heldAnswers = [0, 1].map(
      () =>
        new Promise<number>((resolve, reject) => {
          const req = httpRequest(`${server.url}/api/search`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'content-length': '100' },
          });
          req.on('response', (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          req.on('error', reject);
          req.write('{"size": 1');
          held.push(req);
        }),
    );
    const metric = async (name: RegExp) => Number(name.exec(await (await fetch(`${server.url}/api/metrics`)).text())?.[1] ?? NaN);
    await expect.poll(() => metric(/^log_explorer_front_door_in_flight (\d+)/m)).toBe(2);

    const refused = await fetch(`${server.url}/api/search`, json({ time: range, size: 5 }));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('overloaded');
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBe('1');
    expect((await fetch(`${server.url}/api/health/live`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/health/ready`)).status).toBe(200);
    expect(await metric(/^log_explorer_shed_requests_total\{route="\/api\/search",reason="in_flight"\} (\d+)/m)).toBe(1);
    expect(await metric(/^log_explorer_shed_requests_total\{route="page",reason="in_flight"\} (\d+)/m)).toBe(1);
    // Refused by the door, they never reached a route: no request log line for them.
    expect(server.stdout()).not.toMatch(/"route":"\/api\/search","status":503/);
    expect(server.stdout()).toContain(
      '"msg":"overloaded: requests refused before Next.js (MAX_IN_FLIGHT_REQUESTS, MAX_CONCURRENT_SEARCHES)"',
    );

    // The held requests finish (a body that is not JSON: 400); then a search is let in again and
    // the engine answers it in full.
    for (const req of held) req.end(' '.repeat(90));
    expect(await Promise.all(heldAnswers)).toEqual([400, 400]);
    await expect.poll(() => metric(/^log_explorer_front_door_in_flight (\d+)/m)).toBe(0);
    const answered = await fetch(`${server.url}/api/search`, json({ time: range, size: 5, histogram: true, facets: [] }));
    expect(answered.status).toBe(200);
    expect(((await answered.json()) as { total: { value: number } }).total.value).toBe(events().length);
  });

  test('two replicas behave as one app: views, short links, cursors, embeds and export on either', async () => {
    const embedEnv = { EMBED_SECRET: 'replica-test-secret-0123456789-abcdef', EMBED_ALLOWED_ORIGINS: 'http://127.0.0.1:9' };
    const [a, b] = await Promise.all([app(embedEnv), app(embedEnv)]);
    await Promise.all([untilLive(a!), untilLive(b!)]);
    const A = a!.url;
    const B = b!.url;

    const state = {
      schemaVersion: 1,
      query: { language: 'kql', text: 'level:error' },
      filters: [],
      time: { from: 'now-24h', to: 'now' },
      columns: ['message'],
      sort: 'desc',
    };
    const created = await fetch(`${A}/api/views`, json({ name: `replicas ${Date.now()}`, state }));
    expect(created.status).toBe(201);
    const view = (await created.json()) as { id: string; version: string };
    const read = await fetch(`${B}/api/views/${view.id}`);
    expect(read.status).toBe(200);
    const renamed = await fetch(`${B}/api/views/${view.id}`, { ...json({ version: view.version, name: 'renamed on B' }), method: 'PUT' });
    expect(renamed.status).toBe(200);
    const stale = await fetch(`${A}/api/views/${view.id}`, { ...json({ version: view.version, name: 'stale on A' }), method: 'PUT' });
    expect(stale.status).toBe(409);
    expect(
      (
        await fetch(`${A}/api/views/${view.id}?version=${encodeURIComponent(((await renamed.json()) as { version: string }).version)}`, {
          method: 'DELETE',
        })
      ).status,
    ).toBe(204);

    const link = (await (await fetch(`${A}/api/links`, json({ path: '/?v=1&q=level%3Aerror' }))).json()) as { id: string };
    const followed = await fetch(`${B}/s/${link.id}`, { redirect: 'manual' });
    expect(followed.status).toBe(302);
    // Explorer links are stored in the URL codec's canonical spelling, the default range written out.
    expect(followed.headers.get('location')).toBe('/?v=1&q=level%3Aerror&from=now-24h&to=now');

    const page = { time: range, size: 50, histogram: false, facets: [] };
    const first = (await (await fetch(`${A}/api/search`, json(page))).json()) as { cursor: string };
    const onB = (await (await fetch(`${B}/api/search`, json({ ...page, after: first.cursor }))).json()) as { hits: { id: string }[] };
    const onA = (await (await fetch(`${A}/api/search`, json({ ...page, after: first.cursor }))).json()) as { hits: { id: string }[] };
    expect(onB.hits.map((h) => h.id)).toEqual(onA.hits.map((h) => h.id));
    expect(onB.hits).toHaveLength(50);

    const hour = { from: new Date(DATASET_RANGE.to).getTime() - 3_600_000, to: new Date(DATASET_RANGE.to).getTime() };
    const embedState = { ...state, time: { from: new Date(hour.from).toISOString(), to: new Date(hour.to).toISOString() } };
    const made = await fetch(`${A}/api/embeds`, json({ panel: 'results', state: embedState, origins: ['http://127.0.0.1:9'] }));
    expect(made.status).toBe(201);
    const embed = (await made.json()) as { embed: { id: string }; token: string };
    const panel = await fetch(`${B}/api/embeds/${embed.embed.id}/data`, json({ token: embed.token }));
    expect(panel.status).toBe(200);
    expect(((await panel.json()) as { hits: unknown[] }).hits.length).toBeGreaterThan(0);
    expect((await fetch(`${B}/api/embeds/${embed.embed.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(`${A}/api/embeds/${embed.embed.id}/data`, json({ token: embed.token }))).status).toBe(403);

    const exported = await fetch(`${B}/api/export`, json({ time: range, format: 'ndjson', columns: ['message'], maxRows: 120 }));
    expect(exported.status).toBe(200);
    expect((await exported.text()).trim().split('\n')).toHaveLength(120);
  });
});
