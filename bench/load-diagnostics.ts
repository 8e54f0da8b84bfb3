/**
 * What `npm run bench:load` records beside its latencies, to tell where a slow answer's time went
 * (issue 11's 2 s tail): the kernel's TCP counters (`nstat`), how often and how slowly the
 * clients (re)connected, the bench process's own event-loop delay (autocannon times a response
 * on this loop: a stalled loop inflates every latency it measures), and the app's event-loop
 * delay and GC pauses, sampled once a second from its `/api/metrics` (prom-client's default
 * metrics reset their loop-delay histogram at each scrape, so each sample is that second's).
 */
import { execFile, execFileSync } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** The kernel counters that say whether connections were refused, dropped or retransmitted. */
const TCP_COUNTERS = [
  'TcpPassiveOpens',
  'TcpExtListenOverflows',
  'TcpExtListenDrops',
  'TcpExtTCPSynRetrans',
  'TcpExtTCPTimeouts',
  'TcpRetransSegs',
] as const;
type TcpCounts = Record<(typeof TCP_COUNTERS)[number], number>;

/** The counters now (whole network namespace: other work on the machine counts too), or null without `nstat`. */
export function tcpCounts(): TcpCounts | null {
  try {
    const out = execFileSync('nstat', ['-az'], { encoding: 'utf8' });
    const counts = {} as TcpCounts;
    for (const name of TCP_COUNTERS) counts[name] = Number(new RegExp(`^${name}\\s+(\\d+)`, 'm').exec(out)?.[1] ?? NaN);
    return counts;
  } catch {
    return null;
  }
}

export function tcpDelta(before: TcpCounts | null, after: TcpCounts | null): string {
  if (!before || !after) return '– (no nstat)';
  return TCP_COUNTERS.map((n) => `${n.replace(/^Tcp(Ext)?/, '')} ${after[n] - before[n]}`).join(', ');
}

/** The autocannon clients' connects: how many, how long each took to be established, and which answer is a connection's first. */
export class ConnectLog {
  connects = 0;
  readonly connectMs: number[] = [];
  private readonly answered = new WeakMap<object, number>();

  /** True for the first answer on the client's current connection (its latency includes the connect). */
  firstOnConnection(client: object): boolean {
    const n = this.answered.get(client) ?? 0;
    this.answered.set(client, n + 1);
    return n === 0;
  }

  /**
   * Wraps an autocannon client's `_connect` (called once at the start and again whenever the
   * server ends the connection or a request times out), timing socket `connect`.
   */
  watch(client: unknown): void {
    const c = client as object & { _connect: () => void; conn?: { once: (e: string, f: () => void) => void } };
    const connect = c._connect.bind(c);
    c._connect = () => {
      this.connects += 1;
      this.answered.set(c, 0);
      const t0 = performance.now();
      connect();
      c.conn?.once('connect', () => this.connectMs.push(performance.now() - t0));
    };
  }
}

/** The server's loop delay and GC, one sample a second. */
export interface ServerSample {
  /** ms since the row started */
  at: number;
  loopMaxMs: number;
  loopP99Ms: number;
  /** GC pauses since the last sample: how many, the longest bucket bound they reached (ms), their summed time */
  gcCount: number;
  gcOver100ms: number;
  gcSumMs: number;
}

function metric(text: string, name: string): number {
  return Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+-]+)`, 'm').exec(text)?.[1] ?? NaN);
}

function summed(text: string, name: string, labelTest: (labels: string) => boolean = () => true): number {
  let sum = 0;
  for (const m of text.matchAll(new RegExp(`^${name}\\{([^}]*)\\} ([0-9.e+-]+)`, 'gm'))) if (labelTest(m[1]!)) sum += Number(m[2]);
  return sum;
}

/**
 * Samples the app's `/api/metrics` every second and this process's own loop delay, from the
 * first sample (awaited: it resets the app's loop-delay histogram and is the GC baseline) until
 * `stop()`; also keeps the moments this process's loop stalled (> 100 ms late).
 */
export async function watchLoops(appUrl: string, startedAt: () => number) {
  const server: ServerSample[] = [];
  const own = monitorEventLoopDelay({ resolution: 10 });
  own.enable();
  const ownStalls: { at: number; ms: number }[] = [];
  let lastTick = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    if (now - lastTick > 150) ownStalls.push({ at: now - startedAt(), ms: now - lastTick - 50 });
    lastTick = now;
  }, 50);
  let gcBefore = { count: NaN, over100: NaN, sum: NaN };
  let busy = false;
  const sample = () => {
    if (busy) return; // an answer later than a second: skip rather than pile up
    busy = true;
    void fetch(`${appUrl}/api/metrics`)
      .then((r) => r.text())
      .then((text) => {
        const gc = {
          count: summed(text, 'log_explorer_nodejs_gc_duration_seconds_count'),
          over100:
            summed(text, 'log_explorer_nodejs_gc_duration_seconds_count') -
            summed(text, 'log_explorer_nodejs_gc_duration_seconds_bucket', (l) => l.includes('le="0.1"')),
          sum: summed(text, 'log_explorer_nodejs_gc_duration_seconds_sum'),
        };
        server.push({
          at: performance.now() - startedAt(),
          loopMaxMs: metric(text, 'log_explorer_nodejs_eventloop_lag_max_seconds') * 1000,
          loopP99Ms: metric(text, 'log_explorer_nodejs_eventloop_lag_p99_seconds') * 1000,
          gcCount: gc.count - gcBefore.count,
          gcOver100ms: gc.over100 - gcBefore.over100,
          gcSumMs: (gc.sum - gcBefore.sum) * 1000,
        });
        gcBefore = gc;
      })
      .catch(() => undefined)
      .finally(() => (busy = false));
  };
  sample();
  while (busy) await new Promise((r) => setTimeout(r, 5));
  const sampler = setInterval(sample, 1_000);
  return {
    stop() {
      clearInterval(ticker);
      clearInterval(sampler);
      own.disable();
      return {
        server: server.slice(1), // the baseline, taken before the row
        ownP99Ms: own.percentile(99) / 1e6,
        ownMaxMs: own.max / 1e6,
        ownStalls,
      };
    },
  };
}
export type LoopRecord = ReturnType<Awaited<ReturnType<typeof watchLoops>>['stop']>;

/** An answer slower than a second: when it came (ms into the row), how long it took, its status. */
export interface SlowAnswer {
  at: number;
  ms: number;
  status: number;
  firstOnConnection: boolean;
}

const fmt = (v: number) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '–');

/** The worst server loop delay and the bench's own stall overlapping [from, to] (ms into the row). */
function during(loops: LoopRecord, from: number, to: number): { serverMs: number; benchMs: number } {
  // A server sample covers the second before it was taken (its histogram was reset at the last scrape).
  const serverMs = Math.max(0, ...loops.server.filter((s) => s.at >= from && s.at - 1_000 <= to + 1_000).map((s) => s.loopMaxMs));
  const benchMs = Math.max(0, ...loops.ownStalls.filter((s) => s.at >= from && s.at - s.ms <= to).map((s) => s.ms));
  return { serverMs, benchMs };
}

export const DIAGNOSIS_HEADER = [
  '| app | clients | > 1 s | > 2 s | > 2 s first on a new connection | in the route handler: slowest 200 ms / 503s refused there | connects (clients) | connect p99 / max ms | bench loop delay p99 / max ms | app loop delay, worst second ms / seconds > 500 ms | app GC pauses > 100 ms / longest second of GC ms | TCP counters during the row |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
].join('\n');

export function diagnosisRow(
  app: string,
  clients: string,
  connections: number,
  slow: readonly SlowAnswer[],
  connects: ConnectLog,
  loops: LoopRecord,
  tcp: string,
  /** The row's request-log lines (the app logs what reaches a route handler; the door's 503s are not among them). */
  logged: readonly { status: number; durationMs: number }[],
): string {
  const handlerMax = Math.max(0, ...logged.filter((l) => l.status === 200).map((l) => l.durationMs));
  const handler503 = logged.filter((l) => l.status === 503).length;
  const over2 = slow.filter((s) => s.ms > 2_000);
  const sorted = [...connects.connectMs].sort((a, b) => a - b);
  const p99 = sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)] ?? NaN;
  const worst = Math.max(0, ...loops.server.map((s) => s.loopMaxMs));
  const stalledSeconds = loops.server.filter((s) => s.loopMaxMs > 500).length;
  const gcSlow = loops.server.reduce((a, s) => a + s.gcOver100ms, 0);
  const gcWorst = Math.max(0, ...loops.server.map((s) => s.gcSumMs));
  return `| ${app} | ${clients} | ${slow.length} | ${over2.length} | ${over2.filter((s) => s.firstOnConnection).length} | ${fmt(handlerMax)} / ${handler503} | ${connects.connects} (${connections}) | ${fmt(p99)} / ${fmt(sorted.at(-1) ?? NaN)} | ${fmt(loops.ownP99Ms)} / ${fmt(loops.ownMaxMs)} | ${fmt(worst)} / ${stalledSeconds} | ${gcSlow} / ${fmt(gcWorst)} | ${tcp} |`;
}

/** The answers over 2 s, one line each (at most `limit`), with the loop delays around them. */
export function slowAnswerLines(app: string, clients: string, slow: readonly SlowAnswer[], loops: LoopRecord, limit = 12): string[] {
  return slow
    .filter((s) => s.ms > 2_000)
    .slice(0, limit)
    .map((s) => {
      const d = during(loops, s.at - s.ms, s.at);
      return `| ${app} | ${clients} | ${fmt(s.at - s.ms)} → ${fmt(s.at)} | ${fmt(s.ms)} | ${s.status} | ${s.firstOnConnection ? 'yes' : 'no'} | ${fmt(d.benchMs)} | ${fmt(d.serverMs)} |`;
    });
}

export const SLOW_ANSWER_HEADER = [
  '| app | clients | sent → answered, ms into the row | ms | status | first on a new connection | bench loop stall meanwhile, ms | app loop delay meanwhile (worst second), ms |',
  '| --- | ---: | ---: | ---: | ---: | :---: | ---: | ---: |',
].join('\n');

/** One look at the app's sockets (`ss`): requests it has not read yet, answers not yet taken by the client, connections not yet accepted. */
export interface SocketSample {
  at: number;
  /** established server-side sockets holding unread request bytes (Recv-Q > 0) */
  unread: number;
  unreadBytes: number;
  /** holding answer bytes the client has not acknowledged (Send-Q > 0) */
  unsent: number;
  /** connections done by the kernel that Node has not accepted (the listen socket's Recv-Q) */
  notAccepted: number;
}

const run = (args: string[]) =>
  new Promise<string>((resolve) => execFile('ss', args, { encoding: 'utf8' }, (err, out) => resolve(err ? '' : out)));

/** Samples the app's sockets every 200 ms for the row's first `ms` (the slow answers come from its first wave). */
export function watchSockets(port: number, startedAt: () => number, ms = 4_000) {
  const samples: SocketSample[] = [];
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    if (startedAt() > 0 && performance.now() - startedAt() > ms) return clearInterval(timer);
    busy = true;
    void Promise.all([run(['-tnH', 'state', 'established', `( sport = :${port} )`]), run(['-ltnH', `( sport = :${port} )`])])
      .then(([established, listening]) => {
        const sample: SocketSample = { at: performance.now() - startedAt(), unread: 0, unreadBytes: 0, unsent: 0, notAccepted: 0 };
        for (const line of established.split('\n')) {
          const [recvQ, sendQ] = line.trim().split(/\s+/).map(Number);
          if (recvQ! > 0) {
            sample.unread += 1;
            sample.unreadBytes += recvQ!;
          }
          if (sendQ! > 0) sample.unsent += 1;
        }
        sample.notAccepted = Number(listening.trim().split(/\s+/)[1] ?? 0);
        samples.push(sample);
      })
      .finally(() => (busy = false));
  }, 200);
  return {
    stop() {
      clearInterval(timer);
      return samples;
    },
  };
}

export function socketLine(app: string, clients: string, samples: readonly SocketSample[]): string {
  const cells = samples
    .filter((s) => s.at >= 0)
    .map((s) => `${fmt(s.at)}: ${s.notAccepted}/${s.unread}/${s.unsent}`)
    .join(', ');
  return `| ${app} | ${clients} | ${cells} |`;
}
