import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ACCEPT_BURST_HOLD_MS } from '@/lib/api/accept-burst';
import {
  acceptBurstHoldMs,
  API_ROUTES,
  DEFAULT_MAX_IN_FLIGHT_REQUESTS,
  FrontDoor,
  maxInFlightRequests,
  requestKind,
  shedLabel,
} from '@/lib/api/front-door';

describe('requestKind', () => {
  it.each([
    ['/api/search', 'search'],
    ['/api/search?x=1', 'search'],
    ['/api/values?field=x', 'search'],
    ['/api/pod-logs', 'search'],
    ['/api/pod-logs/lines', 'search'],
    ['/api/embeds/abc/data', 'search'],
    ['/api/search/x', 'api'],
    ['/api/embeds/abc', 'api'],
    ['/api/views/abc', 'api'],
    ['/api/links', 'api'],
    ['/api/healthz', 'api'],
    ['/api/exports', 'api'],
    ['/', 'page'],
    ['/?q=level%3Aerror', 'page'],
    ['/pods/default/api-1', 'page'],
    ['/embed/abc?t=tok', 'page'],
    ['/s/Xp3k9QzT2mWa', 'page'],
    ['/api', 'page'],
    ['/_next/data/x.json', 'page'],
    ['/api/health', 'exempt'],
    ['/api/health/live', 'exempt'],
    ['/api/health/ready?x', 'exempt'],
    ['/api/metrics', 'exempt'],
    ['/api/tail?namespace=a&pod=b', 'exempt'],
    ['/api/embeds/abc/tail?t=x', 'exempt'],
    ['/api/export', 'exempt'],
    ['/_next/static/chunks/main.js', 'exempt'],
    ['/embed-assets/panel-0123abcd.js', 'exempt'],
    ['/_next/image', 'exempt'],
    ['/favicon.ico', 'exempt'],
  ])('%s is %s', (url, kind) => {
    expect(requestKind(url)).toBe(kind);
  });

  it('labels refusals by route, bounded to the routes that exist', () => {
    expect(shedLabel('/api/search?x', 'search')).toBe('/api/search');
    expect(shedLabel('/api/views/abc', 'api')).toBe('/api/views');
    expect(shedLabel('/api/no-such-route/x', 'api')).toBe('/api/:other');
    expect(shedLabel('/pods/a/b', 'page')).toBe('page');
  });

  it('takes for a search exactly the routes whose frame counts engine searches', () => {
    const api = path.join(import.meta.dirname, '..', '..', 'app', 'api');
    const routes = (readdirSync(api, { recursive: true }) as string[]).filter((f) => f.endsWith('route.ts'));
    expect(routes.length).toBeGreaterThan(10);
    for (const file of routes) {
      const url = `/api/${path.dirname(file).replace(/\[[^\]]+\]/g, 'x7')}`;
      const searches = /search: true/.test(readFileSync(path.join(api, file), 'utf8'));
      if (requestKind(url) === 'exempt') continue;
      expect({ url, kind: requestKind(url) }).toEqual({ url, kind: searches ? 'search' : 'api' });
    }
  });

  it('knows every API route the app has', () => {
    const dirs = readdirSync(path.join(import.meta.dirname, '..', '..', 'app', 'api'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect([...API_ROUTES].sort()).toEqual(dirs);
  });
});

describe('acceptBurstHoldMs', () => {
  it('reads ACCEPT_BURST_HOLD_MS; 0 turns the hold off; anything else invalid falls back to the default', () => {
    expect(acceptBurstHoldMs({})).toBe(ACCEPT_BURST_HOLD_MS);
    expect(acceptBurstHoldMs({ ACCEPT_BURST_HOLD_MS: '0' })).toBe(0);
    expect(acceptBurstHoldMs({ ACCEPT_BURST_HOLD_MS: '250' })).toBe(250);
    for (const bad of ['', ' ', '-1', '1.5', 'soon']) expect(acceptBurstHoldMs({ ACCEPT_BURST_HOLD_MS: bad })).toBe(ACCEPT_BURST_HOLD_MS);
  });
});

describe('maxInFlightRequests', () => {
  it('reads MAX_IN_FLIGHT_REQUESTS; 0 turns the door off; anything else invalid falls back to the default', () => {
    expect(maxInFlightRequests({})).toBe(DEFAULT_MAX_IN_FLIGHT_REQUESTS);
    expect(maxInFlightRequests({ MAX_IN_FLIGHT_REQUESTS: '12' })).toBe(12);
    expect(maxInFlightRequests({ MAX_IN_FLIGHT_REQUESTS: '0' })).toBe(0);
    expect(maxInFlightRequests({ MAX_IN_FLIGHT_REQUESTS: ' ' })).toBe(DEFAULT_MAX_IN_FLIGHT_REQUESTS);
    expect(maxInFlightRequests({ MAX_IN_FLIGHT_REQUESTS: '-1' })).toBe(DEFAULT_MAX_IN_FLIGHT_REQUESTS);
    expect(maxInFlightRequests({ MAX_IN_FLIGHT_REQUESTS: '2.5' })).toBe(DEFAULT_MAX_IN_FLIGHT_REQUESTS);
  });
});

/** A real HTTP server whose handler holds each admitted request until `release()`. */
async function heldServer(door: FrontDoor) {
  const held: http.ServerResponse[] = [];
  let handled = 0;
  const server = http.createServer((req, res) => {
    if (!door.admit(req, res)) return;
    handled += 1;
    if (req.url?.startsWith('/api/health')) res.end('ok');
    else held.push(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    held,
    handled: () => handled,
    release: () => held.splice(0).forEach((res) => res.end('done')),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const servers: { close: () => Promise<unknown>; release: () => void }[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.release();
    await s.close();
  }
});

async function untilHeld(held: unknown[], n: number): Promise<void> {
  while (held.length < n) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('FrontDoor', () => {
  it('lets `limit` requests in, answers the next with a 503 + Retry-After before the handler sees it, lets probes by, and lets in again once one is answered', async () => {
    let limit = 2;
    const shed: string[] = [];
    let searchesFull = false;
    const door = new FrontDoor(
      () => limit,
      {},
      (label, reason) => shed.push(`${label} ${reason}`),
      () => searchesFull,
    );
    const app = await heldServer(door);
    servers.push(app);
    const first = fetch(`${app.url}/api/search`, { method: 'POST', body: '{}' });
    const second = fetch(`${app.url}/`);
    await untilHeld(app.held, 2);
    expect(door.inFlight).toBe(2);

    const refused = await fetch(`${app.url}/api/values?field=x`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('content-type')).toBe('application/json');
    expect(refused.headers.get('x-frame-options')).toBe('DENY');
    expect(await refused.json()).toEqual({
      error: { code: 'overloaded', message: expect.stringContaining('busy'), retryAfter: 1 },
    });
    const page = await fetch(`${app.url}/pods/default/api-1`);
    expect(page.status).toBe(503);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await page.text()).toContain('busy');
    const embed = await fetch(`${app.url}/embed/abc?t=x`);
    expect(embed.status).toBe(503);
    expect(embed.headers.get('content-security-policy')).not.toContain('frame-ancestors');
    expect(embed.headers.get('x-frame-options')).toBeNull();
    expect(shed).toEqual(['/api/values in_flight', 'page in_flight', 'page in_flight']);
    expect(app.handled()).toBe(2);

    const probe = await fetch(`${app.url}/api/health/live`);
    expect(probe.status).toBe(200);
    expect(door.inFlight).toBe(2); // the probe is not counted

    app.release();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    while (door.inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const admitted = fetch(`${app.url}/api/search`, { method: 'POST', body: '{}' });
    await untilHeld(app.held, 1);
    app.release();
    expect((await admitted).status).toBe(200);

    // The engine-search gate full: a search is refused here, other requests go on.
    searchesFull = true;
    const search = await fetch(`${app.url}/api/search`, { method: 'POST', body: '{}' });
    expect(search.status).toBe(503);
    expect(search.headers.get('retry-after')).toBe('1');
    expect(shed.at(-1)).toBe('/api/search concurrency');
    const view = fetch(`${app.url}/api/views/abc`);
    await untilHeld(app.held, 1);
    app.release();
    expect((await view).status).toBe(200);
    searchesFull = false;

    limit = 0; // off: nothing is refused
    const many = Array.from({ length: 5 }, () => fetch(`${app.url}/api/search`, { method: 'POST', body: '{}' }));
    await untilHeld(app.held, 5);
    app.release();
    expect((await Promise.all(many)).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
  });

  it('frees the place of a request whose caller went away before it was answered', async () => {
    const door = new FrontDoor(
      () => 1,
      {},
      () => {},
      () => false,
    );
    const app = await heldServer(door);
    servers.push(app);
    const caller = new AbortController();
    const gone = fetch(`${app.url}/api/search`, { method: 'POST', body: '{}', signal: caller.signal }).catch(() => 'aborted');
    await untilHeld(app.held, 1);
    expect(door.inFlight).toBe(1);
    caller.abort();
    expect(await gone).toBe('aborted');
    while (door.inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const next = fetch(`${app.url}/api/search`, { method: 'POST', body: '{}' });
    await untilHeld(app.held, 2);
    app.release();
    expect((await next).status).toBe(200);
  });
});
