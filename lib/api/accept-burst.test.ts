import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  ACCEPT_BURST_MIN,
  ACCEPT_BURST_QUIET_MS,
  ACCEPT_FEW_QUIET_MS,
  AcceptBurst,
  holdAcceptBursts,
  type LoopHooks,
} from '@/lib/api/accept-burst';

/** A hand-turned event loop: `turn()` runs what was queued for after this turn; `advance(ms)` moves the clock and fires due timers. */
function fakeLoop() {
  let now = 0;
  let queued: (() => void)[] = [];
  let timers: { at: number; fn: () => void }[] = [];
  const hooks: LoopHooks = {
    afterTurn: (fn) => queued.push(fn),
    later: (fn, ms) => timers.push({ at: now + ms, fn }),
    now: () => now,
  };
  return {
    hooks,
    turn() {
      const run = queued;
      queued = [];
      for (const fn of run) fn();
    },
    advance(ms: number) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.fn();
    },
    get pending() {
      return queued.length + timers.length;
    },
  };
}

/** What the hold touches of a socket: `resume()` and `destroyed`. */
class HeldSocket {
  resumed = 0;
  destroyed = false;
  resume(): this {
    this.resumed += 1;
    return this;
  }
}
const socket = () => new HeldSocket() as HeldSocket & Parameters<AcceptBurst['hold']>[0];

describe('AcceptBurst', () => {
  it('lets a lone connection read after ACCEPT_FEW_QUIET_MS without a new one', () => {
    const loop = fakeLoop();
    const burst = new AcceptBurst(100, loop.hooks);
    const s = socket();
    burst.hold(s);
    loop.turn(); // the turn that accepted it: it just came
    loop.turn(); // nothing new came in a turn: a burst's next connect may still be on its way
    expect(s.resumed).toBe(0);
    loop.advance(ACCEPT_FEW_QUIET_MS - 1);
    expect(s.resumed).toBe(0);
    loop.advance(1);
    expect(s.resumed).toBe(1);
    expect(burst.holding).toBe(0);
    expect(loop.pending).toBe(0);
  });

  it('holds a burst while connections come turn after turn, then for a quiet moment, then lets them all read at once', () => {
    const loop = fakeLoop();
    const burst = new AcceptBurst(100, loop.hooks);
    const sockets = Array.from({ length: ACCEPT_BURST_MIN + 2 }, socket);
    for (const s of sockets) {
      burst.hold(s);
      loop.turn();
    }
    loop.turn(); // an empty turn: a burst is not over yet (its client may still be connecting)
    expect(sockets.every((s) => s.resumed === 0)).toBe(true);
    loop.advance(ACCEPT_BURST_QUIET_MS - 1);
    expect(burst.holding).toBe(sockets.length);
    const late = socket(); // one more, just before the quiet moment ends: the burst goes on
    burst.hold(late);
    loop.advance(1);
    loop.turn();
    expect(burst.holding).toBe(sockets.length + 1);
    loop.advance(ACCEPT_BURST_QUIET_MS);
    expect([...sockets, late].map((s) => s.resumed)).toEqual(Array(sockets.length + 1).fill(1));
    expect(burst.holding).toBe(0);
  });

  it('lets the held ones read after the hold time even while connections keep coming', () => {
    const loop = fakeLoop();
    const burst = new AcceptBurst(20, loop.hooks);
    const first = socket();
    burst.hold(first);
    for (let ms = 0; ms < 19; ms++) {
      loop.turn();
      loop.advance(1);
      burst.hold(socket());
    }
    loop.turn();
    expect(first.resumed).toBe(0);
    loop.advance(1);
    burst.hold(socket());
    loop.turn();
    expect(first.resumed).toBe(1);
    expect(burst.holding).toBe(0);
  });

  it('does not resume a socket closed while held', () => {
    const loop = fakeLoop();
    const burst = new AcceptBurst(100, loop.hooks);
    const gone = socket();
    const kept = socket();
    burst.hold(gone);
    burst.hold(kept);
    gone.destroyed = true;
    loop.turn();
    loop.turn();
    loop.advance(ACCEPT_FEW_QUIET_MS);
    expect([gone.resumed, kept.resumed]).toEqual([0, 1]);
  });
});

describe('holdAcceptBursts', () => {
  it('makes the server accept sockets paused and answers every request of a burst', async () => {
    const server = http.createServer((_req, res) => res.end('ok'));
    const burst = holdAcceptBursts(server);
    const pausedAtAccept: boolean[] = [];
    server.on('connection', (s) => pausedAtAccept.push(s.readableFlowing === false));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const answers = await Promise.all(
        Array.from(
          { length: 40 },
          () =>
            new Promise<string>((resolve, reject) => {
              // A new connection each (agent: false), all at once: a burst.
              http
                .get({ host: '127.0.0.1', port, agent: false }, (res) => {
                  let body = '';
                  res.on('data', (c: Buffer) => (body += c.toString()));
                  res.on('end', () => resolve(`${res.statusCode} ${body}`));
                })
                .on('error', reject);
            }),
        ),
      );
      expect(answers).toEqual(Array(40).fill('200 ok'));
      expect(pausedAtAccept).toHaveLength(40);
      expect(pausedAtAccept.every(Boolean)).toBe(true);
      expect(burst.holding).toBe(0);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
