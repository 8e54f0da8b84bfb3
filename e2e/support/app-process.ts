/**
 * `next start` processes of the built app for the operations spec: started on a free port with
 * the test sources and Node 24 from node_modules/.bin first on PATH (as npm scripts have it),
 * their stdout kept for the log checks.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { TEST_SOURCES_ENV } from '../../lib/demo-cluster/test-dataset';

export const ROOT = path.join(import.meta.dirname, '..', '..');

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export interface AppProcess {
  url: string;
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (or 128 + signal) and when it happened. */
  exited: Promise<{ code: number; at: number }>;
}

export async function startApp(env: Record<string, string> = {}): Promise<AppProcess> {
  const port = await freePort();
  const child = spawn(path.join(ROOT, 'node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PATH: `${path.join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
      LOG_SOURCES: TEST_SOURCES_ENV,
      APP_INDEX_PREFIX: 'lxtest-e2e-',
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number; at: number }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code: code ?? 128 + (signal === 'SIGKILL' ? 9 : 15), at: Date.now() })),
  );
  return { url: `http://127.0.0.1:${port}`, child, stdout: () => out, stderr: () => err, exited };
}

/** Waits until the app answers its liveness probe (or exits, or 60 s pass). */
export async function untilLive(app: AppProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  let gone = false;
  void app.exited.then(() => (gone = true));
  while (Date.now() < deadline && !gone) {
    try {
      if ((await fetch(`${app.url}/api/health/live`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the app did not come up: ${app.stderr()}`);
}

export async function stopApp(app: AppProcess): Promise<void> {
  if (app.child.exitCode === null && app.child.signalCode === null) {
    app.child.kill('SIGKILL');
    await app.exited;
  }
}

/**
 * A stand-in network path to the engine that holds every `_search` answer back by `delayMs`:
 * a search that is reliably still in flight when the test sends SIGTERM.
 */
export async function slowEngineProxy(target: string, delayMs: number): Promise<{ url: string; server: Server }> {
  const port = await freePort();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const upstream = await fetch(`${target}${req.url ?? '/'}`, {
        method: req.method,
        headers: { 'content-type': req.headers['content-type'] ?? 'application/json', accept: req.headers.accept ?? '*/*' },
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      });
      const body = Buffer.from(await upstream.arrayBuffer());
      if (req.url?.includes('/_search')) await new Promise((resolve) => setTimeout(resolve, delayMs));
      const headers: Record<string, string> = {};
      upstream.headers.forEach((v, k) => {
        if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(k)) headers[k] = v;
      });
      res.writeHead(upstream.status, headers);
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, server };
}

/**
 * One address in front of several replicas, as a Kubernetes Service is: each request goes to the
 * first replica that accepts the connection (a replica that is shutting down has closed its
 * listening socket, so it refuses and the next one answers). Bodies stream both ways (SSE).
 */
export async function frontAddress(replicas: string[]): Promise<{ url: string; server: Server }> {
  const port = await freePort();
  const server = createServer((req, res) => {
    const body: Buffer[] = [];
    req.on('data', (c: Buffer) => body.push(c));
    req.on('end', () => {
      const attempt = (i: number) => {
        const target = replicas[i];
        if (!target) {
          res.writeHead(502).end();
          return;
        }
        const upstream = httpRequest(`${target}${req.url ?? '/'}`, { method: req.method, headers: req.headers, agent: false }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        upstream.on('error', (err: NodeJS.ErrnoException) => {
          if (err.code === 'ECONNREFUSED' && !res.headersSent) attempt(i + 1);
          else res.destroy();
        });
        res.on('close', () => upstream.destroy());
        upstream.end(Buffer.concat(body));
      };
      attempt(0);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, server };
}
