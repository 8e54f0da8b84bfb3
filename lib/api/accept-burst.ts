/**
 * New connections are not read until the burst they came in has been accepted (or for
 * ACCEPT_BURST_HOLD_MS at most).
 *
 * Why: libuv (Node ≥ 20) accepts one connection per event-loop turn (libuv pull request #3696,
 * "unix: don't accept() connections in a loop"). When a burst of clients connects at once, the
 * first few dozen are accepted in quick, empty turns; as soon as their requests are read, every
 * turn also runs the door, Next.js and the engine's answers for all of them — 100–170 ms a turn
 * under 200 clients on 2 cores — and the rest of the burst waits in the kernel's accept queue,
 * one connection per turn: seconds. The client's connect has long completed (the kernel
 * answers the handshake), so its first request simply takes 2–6 s, door refusals included
 * (bench/README.md, "Issue 11, the 2 s tail at 200 clients": strace showed one accept4 per
 * epoll_pwait, tcpdump the late answers leaving the server).
 *
 * How: the server creates accepted sockets paused (`pauseOnConnect`), so a turn that accepts a
 * connection does no other work for it and the next turn comes at once; a check after each turn
 * resumes the held sockets once no new connection came for ACCEPT_FEW_QUIET_MS (fewer than
 * ACCEPT_BURST_MIN held: a lone connection or a browser's few wait 2 ms) or for
 * ACCEPT_BURST_QUIET_MS (a burst) — the accept queue is empty — and they are all read and
 * answered together (the door refuses the extra ones in microseconds). With connections arriving
 * without end, the held ones are resumed after ACCEPT_BURST_HOLD_MS anyway.
 */
import type net from 'node:net';

export const ACCEPT_BURST_HOLD_MS = 250;
/** A burst is this many connections held at once; fewer are let read after ACCEPT_FEW_QUIET_MS without a new one. */
export const ACCEPT_BURST_MIN = 8;
/**
 * Fewer than a burst wait this long for another connection: letting them read after one empty
 * loop turn (microseconds) released a burst's first few before the rest had connected, and
 * reading those made the turns long again (one row of four still had 55 connections waiting).
 */
export const ACCEPT_FEW_QUIET_MS = 2;
/**
 * A burst is over when no connection came for this long: a client opening 200 connections does
 * so over 10–30 ms, with gaps far longer than an empty loop turn (microseconds), so one empty
 * turn does not mean the burst has been accepted; on a loaded machine the client itself may be
 * descheduled for several ms mid-burst (5 ms let 48–77 connections of a burst wait seconds).
 */
export const ACCEPT_BURST_QUIET_MS = 20;

/** The event-loop hooks the hold needs, replaceable in a unit test. */
export interface LoopHooks {
  /** runs `fn` after the current loop turn's I/O (setImmediate) */
  afterTurn: (fn: () => void) => void;
  /** runs `fn` in `ms` (setTimeout): the loop sleeps until then or until a connection comes */
  later: (fn: () => void, ms: number) => void;
  now: () => number;
}

const realLoop: LoopHooks = {
  afterTurn: (fn) => setImmediate(fn),
  later: (fn, ms) => setTimeout(fn, ms).unref(),
  now: () => performance.now(),
};

type Resumable = Pick<net.Socket, 'resume' | 'destroyed'>;

export class AcceptBurst {
  private held: Resumable[] = [];
  private arrived = 0;
  private seenAtCheck = 0;
  private since = 0;
  private lastArrival = 0;
  private checking = false;

  constructor(
    private readonly holdMs = ACCEPT_BURST_HOLD_MS,
    private readonly loop: LoopHooks = realLoop,
  ) {}

  /** Sockets accepted and not yet let read. */
  get holding(): number {
    return this.held.length;
  }

  /** Holds a socket accepted paused; it is resumed with its burst. */
  hold(socket: Resumable): void {
    const now = this.loop.now();
    if (this.held.length === 0) this.since = now;
    this.lastArrival = now;
    this.held.push(socket);
    this.arrived += 1;
    if (!this.checking) {
      this.checking = true;
      this.loop.afterTurn(() => this.check());
    }
  }

  private check(): void {
    const more = this.arrived !== this.seenAtCheck;
    this.seenAtCheck = this.arrived;
    const now = this.loop.now();
    if (now - this.since < this.holdMs) {
      // Connections still coming turn after turn: accept the next one before reading any.
      if (more) return this.loop.afterTurn(() => this.check());
      // Wait for a quiet moment (the loop sleeps, a new connection wakes it): short while few are
      // held (a burst's next connect comes within microseconds; a lone one waits no longer), longer
      // once it is a burst.
      const quiet = this.held.length >= ACCEPT_BURST_MIN ? ACCEPT_BURST_QUIET_MS : ACCEPT_FEW_QUIET_MS;
      const quietFor = now - this.lastArrival;
      if (quietFor < quiet) return this.loop.later(() => this.check(), quiet - quietFor);
    }
    this.checking = false;
    const sockets = this.held;
    this.held = [];
    for (const socket of sockets) if (!socket.destroyed) socket.resume();
  }
}

/**
 * Makes `server` accept bursts before reading them. Sockets accepted from now on are created
 * paused; the one being accepted now (if any) is not, and is left alone.
 */
export function holdAcceptBursts(server: net.Server, burst = new AcceptBurst()): AcceptBurst {
  // Node reads this option from the server at each accept (net.js: `pauseOnCreate: self.pauseOnConnect`).
  (server as net.Server & { pauseOnConnect: boolean }).pauseOnConnect = true;
  server.on('connection', (socket: net.Socket) => {
    // Paused at creation only if pauseOnConnect was set before it was accepted.
    if (socket.readableFlowing === false) burst.hold(socket);
  });
  return burst;
}
