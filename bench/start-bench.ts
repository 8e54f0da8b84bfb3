/**
 * Start → ready of the server as the container image runs it — `node server.js` of Next.js's
 * standalone output (`.next/standalone`, built here with NEXT_OUTPUT=standalone if missing) —
 * and its resident memory at idle: `npm run bench:start`. Budgets (issue 13): start → ready
 * ≤ 3 s with a reachable engine, RSS at idle ≤ 200 MB. With `BENCH_IMAGE=localhost/log-explorer:dev`
 * the image itself is run too (`podman run`, read-only root, as in the README).
 *
 * Each run spawns a fresh server and polls every 20 ms: `listening` is the first 200 of
 * /api/health/live, `ready` the first 200 of /api/health/ready (the engine answers and the app's
 * indices are usable). `config` and `engine` are when the server logged its configuration check
 * and its engine probe (pino's own timestamps), to show what happens before it listens; `CPU` is
 * the user + system time the server had used when it was ready, which other load on the machine
 * barely moves (wall times do). Cases: a restart (the app's indices exist), a first start (they
 * are created at start), the engine refusing connections or accepting and never answering
 * (listening must not wait for it), and bare Node listening on a port (the floor on this machine,
 * for the ratio).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { TEST_SOURCES_ENV } from '../lib/demo-cluster/test-dataset';
import { engineConnection } from '../lib/es/connection';
import { freePort } from '../e2e/support/app-process';
import { ROOT, runStep } from '../scripts/run-steps';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 10_000);
const IMAGE = process.env.BENCH_IMAGE;
// Cases: restart, first, unreachable, not (answering), container.
const STANDALONE = path.join(ROOT, '.next', 'standalone');
const SERVER = path.join(STANDALONE, 'server.js');
const POLL_MS = 20;

/** Podman flags that start a container in this sandbox (README: "Image build on this machine"). */
const PODMAN_RUN_FLAGS = ['--runtime', 'runc', '--ulimit', 'nofile=20000:20000', '--ulimit', 'nproc=32768:32768', '--network', 'host'];

interface Run {
  listening: number;
  ready: number | null;
  config: number | null;
  engine: number | null;
  cpuMs: number | null;
  rssMb: number | null;
  /** SIGTERM → the process gone (idle server: nothing to drain). */
  stopMs: number | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function firstOk(url: string, since: number, gone: () => boolean, timeoutMs: number): Promise<number | null> {
  while (performance.now() - since < timeoutMs && !gone()) {
    try {
      if ((await fetch(url)).ok) return performance.now() - since;
    } catch {
      // not listening yet
    }
    await sleep(POLL_MS);
  }
  return null;
}

/** User + system CPU time of a process so far (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Resident memory of a process and its children (the standalone server is one process today). */
function rssMb(pid: number): number {
  const kb = (p: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
  let total = kb(pid);
  for (const entry of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) {
    total += kb(Number(entry));
  }
  return total / 1024;
}

async function output(command: string, args: string[]): Promise<string> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise((r) => child.once('exit', r));
  return out.trim();
}

function launch(serverEnv: Record<string, string>, name: string, image: string | undefined): ChildProcess {
  if (!image) {
    return spawn(process.execPath, [SERVER], {
      cwd: STANDALONE,
      env: { ...serverEnv, PATH: process.env.PATH ?? '', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }
  // As an operator runs it: read-only root, tmpfs where it writes, the image's own user and command.
  const flags = ['--rm', '--name', name, ...PODMAN_RUN_FLAGS, '--read-only', '--tmpfs', '/tmp', '--tmpfs', '/app/.next/cache'];
  const envFlags = Object.entries(serverEnv).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  return spawn('podman', ['run', ...flags, ...envFlags, image], { stdio: ['ignore', 'pipe', 'pipe'] });
}

async function startServer(env: Record<string, string>, opts: { waitReady: boolean; idle: boolean; image?: string }): Promise<Run> {
  const port = await freePort();
  // As the image sets it (deploy/Dockerfile), plus the engine and sources of the test dataset.
  const serverEnv: Record<string, string> = {
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
    HOSTNAME: '127.0.0.1',
    ELASTICSEARCH_URL: engineConnection().url,
    LOG_SOURCES: TEST_SOURCES_ENV,
    LOG_LEVEL: 'info',
    // To compare with V8's code cache on disk (see bench/README.md); off unless given.
    ...(process.env.NODE_COMPILE_CACHE ? { NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE } : {}),
    ...env,
  };
  const name = `lx-bench-start-${process.pid}-${port}`;
  const spawnedAt = performance.now();
  const wallAtSpawn = Date.now();
  const child = launch(serverEnv, name, opts.image);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  let exited = false;
  const exit = new Promise((r) => child.once('exit', r)).then(() => (exited = true));
  const base = `http://127.0.0.1:${port}`;
  let stopMs: number | null = null;
  try {
    const listening = await firstOk(`${base}/api/health/live`, spawnedAt, () => exited, 60_000);
    if (listening === null) throw new Error(`the server did not listen:\n${out}`);
    const ready = opts.waitReady ? await firstOk(`${base}/api/health/ready`, spawnedAt, () => exited, 60_000) : null;
    if (opts.waitReady && ready === null) throw new Error(`the server did not get ready:\n${out}`);
    const pid = opts.image ? Number(await output('podman', ['inspect', '--format', '{{.State.Pid}}', name])) : child.pid!;
    const cpu = cpuMs(pid);
    let rss: number | null = null;
    if (opts.idle) {
      await sleep(IDLE_MS);
      rss = rssMb(pid);
    }
    const logged = (msg: RegExp) => {
      for (const line of out.split('\n')) {
        if (!line.startsWith('{')) continue;
        const parsed = JSON.parse(line) as { time?: string; msg?: string };
        if (parsed.msg && msg.test(parsed.msg) && parsed.time) return Date.parse(parsed.time) - wallAtSpawn;
      }
      return null;
    };
    const stopping = performance.now();
    child.kill('SIGTERM'); // podman run passes it on to the container's PID 1
    await exit;
    stopMs = performance.now() - stopping;
    return { listening, ready, config: logged(/^configuration checked/), engine: logged(/^\[engine\]/), cpuMs: cpu, rssMb: rss, stopMs };
  } finally {
    if (!exited) {
      child.kill('SIGKILL');
      await exit;
    }
  }
}

/** Bare Node: spawn → an HTTP server answering. What no app can beat on this machine. */
async function nodeFloor(): Promise<number> {
  const port = await freePort();
  const since = performance.now();
  const child = spawn(process.execPath, ['-e', `require('http').createServer((q,s)=>s.end('ok')).listen(${port},'127.0.0.1')`], {
    stdio: 'ignore',
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  const t = await firstOk(`http://127.0.0.1:${port}/`, since, () => exited, 30_000);
  child.kill();
  return t ?? NaN;
}

const values = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null).sort((a, b) => a - b);
const median = (xs: (number | null)[]) => values(xs)[Math.floor((values(xs).length - 1) / 2)] ?? NaN;
const max = (xs: (number | null)[]) => values(xs).at(-1) ?? NaN;
const ms = (x: number) => (Number.isFinite(x) ? `${Math.round(x)}` : '–');

async function main() {
  if (!existsSync(SERVER)) {
    console.log('no standalone build: building one (NEXT_OUTPUT=standalone next build)');
    if ((await runStep({ name: 'build', command: 'next', args: ['build'], env: { NEXT_OUTPUT: 'standalone' } })) !== 0) {
      throw new Error('next build failed');
    }
  }
  const engine = new Client(engineConnection().options);
  try {
    await engine.cluster.health({ timeout: '5s' });
  } catch {
    throw new Error(`no engine at ${engineConnection().url}: start it with npm run engine`);
  }
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  console.log(`node ${process.version}, ${os.cpus().length} cores; load average at start ${load()}; ${RUNS} runs per case`);
  const restartPrefix = 'lxbench-start-';
  // Creates the restart case's indices once, so that case is a restart.
  await startServer({ APP_INDEX_PREFIX: restartPrefix }, { waitReady: true, idle: false });

  const rows: { name: string; runs: Run[] }[] = [];
  const floor: number[] = [];
  for (let i = 0; i < RUNS; i++) floor.push(await nodeFloor());
  // BENCH_CASES=silent,refused runs only the cases whose name starts with one of these words.
  const only = process.env.BENCH_CASES?.split(',').map((w) => w.trim().toLowerCase());
  const repeat = async (name: string, run: (i: number) => Promise<Run>) => {
    if (only && !only.some((w) => name.toLowerCase().startsWith(w) || name.toLowerCase().includes(`engine ${w}`))) return;
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await run(i));
    rows.push({ name, runs });
  };

  await repeat('restart (app indices exist)', () => startServer({ APP_INDEX_PREFIX: restartPrefix }, { waitReady: true, idle: true }));
  await repeat('first start (indices created)', async (i) => {
    const prefix = `lxbench-start-${process.pid}-${i}-`;
    try {
      return await startServer({ APP_INDEX_PREFIX: prefix }, { waitReady: true, idle: false });
    } finally {
      const names = (['views', 'links', 'embeds'] as const).map((k) => `${prefix}${k}`);
      await engine.indices.delete({ index: names, ignore_unavailable: true });
    }
  });
  // Port 1 on loopback: nothing listens, the connection is refused at once.
  await repeat('engine unreachable (listening only)', () =>
    startServer({ ELASTICSEARCH_URL: 'http://127.0.0.1:1', APP_INDEX_PREFIX: restartPrefix }, { waitReady: false, idle: false }),
  );
  // An engine address that accepts connections and never answers (a hung proxy, a black-holed
  // route): the engine probe waits for its 5 s time-out, and listening must not wait with it.
  const held: Socket[] = [];
  const silent = createServer((socket) => held.push(socket));
  const silentPort = await freePort();
  await new Promise<void>((resolve) => silent.listen(silentPort, '127.0.0.1', resolve));
  await repeat('engine not answering (listening only)', () =>
    startServer(
      { ELASTICSEARCH_URL: `http://127.0.0.1:${silentPort}`, APP_INDEX_PREFIX: restartPrefix },
      { waitReady: false, idle: false },
    ),
  );
  for (const socket of held) socket.destroy();
  silent.close();
  let imageSize = '';
  if (IMAGE) {
    imageSize = await output('podman', ['image', 'inspect', '--format', '{{.Size}}', IMAGE]);
    await repeat(`container: podman run ${IMAGE} (restart)`, () =>
      startServer({ APP_INDEX_PREFIX: restartPrefix }, { waitReady: true, idle: true, image: IMAGE }),
    );
  }
  await engine.close();

  console.log('');
  console.log(
    '| case | listening p50 / max ms | ready p50 / max ms | config logged p50 ms | engine logged p50 ms | CPU to ready p50 ms | idle RSS p50 / max MB | SIGTERM → exit p50 ms |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  console.log(`| bare Node HTTP server (floor) | ${ms(median(floor))} / ${ms(Math.max(...floor))} | – | – | – | – | – | – |`);
  for (const { name, runs } of rows) {
    const col = (k: keyof Run) => runs.map((r) => r[k]);
    const has = (k: keyof Run) => col(k).some((x) => x !== null);
    const pair = (k: keyof Run) => (has(k) ? `${ms(median(col(k)))} / ${ms(max(col(k)))}` : '–');
    const one = (k: keyof Run) => (has(k) ? ms(median(col(k))) : '–');
    const rss = has('rssMb') ? `${median(col('rssMb')).toFixed(0)} / ${max(col('rssMb')).toFixed(0)}` : '–';
    console.log(
      `| ${name} | ${pair('listening')} | ${pair('ready')} | ${one('config')} | ${one('engine')} | ${one('cpuMs')} | ${rss} | ${one('stopMs')} |`,
    );
  }
  console.log('');
  if (IMAGE) console.log(`image ${IMAGE}: ${(Number(imageSize) / 1e6).toFixed(0)} MB (podman image inspect .Size)`);
  console.log(
    `load average at end ${load()}; budgets: ready ≤ 3000 ms, idle RSS ≤ 200 MB (after ${IDLE_MS / 1000} s idle), image ≤ 250 MB`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
