/**
 * The local engine: one real Elasticsearch node in one JVM, from Maven Central jars.
 *   tsx scripts/engine.ts start | stop | status
 * With ELASTICSEARCH_URL set, nothing is started: that cluster is used instead.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { engineConnection, localEnginePort } from '../lib/es/connection';

const ROOT = path.resolve(import.meta.dirname, '..');
const ENGINE_DIR = path.join(ROOT, 'engine');
const CACHE_DIR = path.join(ENGINE_DIR, '.cache');
const RUN_DIR = path.join(ENGINE_DIR, 'run');
const HOME_DIR = path.join(ENGINE_DIR, 'data');
const PID_FILE = path.join(RUN_DIR, 'engine.pid');
const LOG_FILE = path.join(RUN_DIR, 'engine.log');
const MIN_JAVA = 21;
const START_TIMEOUT_MS = 180_000;

function esVersion(): string {
  const pom = readFileSync(path.join(ENGINE_DIR, 'pom.xml'), 'utf8');
  const match = /<es\.version>([^<]+)<\/es\.version>/.exec(pom);
  if (!match?.[1]) throw new Error('engine/pom.xml has no <es.version>');
  return match[1];
}

function javaMajor(javaBin: string): number | null {
  const out = spawnSync(javaBin, ['-version'], { encoding: 'utf8' });
  if (out.error) return null;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${out.stderr}${out.stdout}`);
  if (!match?.[1]) return null;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

/** JAVA_HOME first, then the JDKs under /usr/lib/jvm (newest first), then `java` on PATH. */
function findJdk(): { home: string | null; java: string; javac: string; major: number } {
  const candidates: (string | null)[] = [];
  if (process.env.JAVA_HOME) candidates.push(process.env.JAVA_HOME);
  if (existsSync('/usr/lib/jvm')) {
    for (const name of readdirSync('/usr/lib/jvm').sort().reverse()) candidates.push(path.join('/usr/lib/jvm', name));
  }
  candidates.push(null);
  const tried: string[] = [];
  for (const home of candidates) {
    const java = home ? path.join(home, 'bin', 'java') : 'java';
    const javac = home ? path.join(home, 'bin', 'javac') : 'javac';
    if (home && (!existsSync(java) || !existsSync(javac))) continue;
    const major = javaMajor(java);
    tried.push(`${home ?? 'java on PATH'}: ${major ?? 'not runnable'}`);
    if (major !== null && major >= MIN_JAVA) return { home, java, javac, major };
  }
  throw new Error(
    `Elasticsearch ${esVersion()} needs a JDK ${MIN_JAVA} or newer (java and javac). Set JAVA_HOME to one.\n` +
      `Looked at:\n  ${tried.join('\n  ') || '(nothing found)'}`,
  );
}

function ensureJars(version: string): string {
  const libDir = path.join(CACHE_DIR, `lib-${version}`);
  const stamp = path.join(libDir, '.complete');
  if (existsSync(stamp)) return libDir;
  console.log(`engine: fetching Elasticsearch ${version} jars from Maven Central (first start only)…`);
  rmSync(libDir, { recursive: true, force: true });
  const result = spawnSync(
    'mvn',
    ['-q', '-B', '-f', path.join(ENGINE_DIR, 'pom.xml'), 'dependency:copy-dependencies', `-DoutputDirectory=${libDir}`],
    { stdio: 'inherit' },
  );
  if (result.error) throw new Error(`engine: could not run Maven (mvn): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`engine: Maven failed to fetch the jars (exit ${result.status})`);
  writeFileSync(stamp, new Date().toISOString());
  return libDir;
}

function listJava(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.java'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

function ensureLauncher(javac: string, libDir: string, version: string): string {
  const sources = listJava(path.join(ENGINE_DIR, 'src'));
  const hash = createHash('sha256');
  hash.update(version);
  for (const file of sources) hash.update(file).update(readFileSync(file));
  const classesDir = path.join(CACHE_DIR, `classes-${hash.digest('hex').slice(0, 12)}`);
  if (existsSync(path.join(classesDir, '.complete'))) return classesDir;
  console.log('engine: compiling the launcher…');
  rmSync(classesDir, { recursive: true, force: true });
  execFileSync(javac, ['-nowarn', '-d', classesDir, '-cp', `${libDir}/*`, ...sources], { stdio: 'inherit' });
  writeFileSync(path.join(classesDir, '.complete'), '');
  return classesDir;
}

function readPid(): number | null {
  if (!existsSync(PID_FILE)) return null;
  const pid = Number(readFileSync(PID_FILE, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function health(url: string): Promise<string | null> {
  try {
    const res = await fetch(`${url}/_cluster/health`, { signal: AbortSignal.timeout(2_000) });
    if (!res.ok) return null;
    const body = (await res.json()) as { status?: string };
    return body.status ?? null;
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function tail(file: string, lines = 30): string {
  if (!existsSync(file)) return '(no log)';
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

async function start(): Promise<void> {
  const conn = engineConnection();
  if (!conn.local) {
    console.log('engine: ELASTICSEARCH_URL is set; using that cluster, no local engine started.');
    return;
  }
  const url = conn.url;
  const port = localEnginePort();
  const existing = readPid();
  if (existing !== null && alive(existing)) {
    if (await waitHealthy(url, existing, 60_000)) {
      console.log(`engine: already running (pid ${existing}) at ${url}`);
      return;
    }
    throw new Error(`engine: pid ${existing} is running but ${url} is not healthy; see ${LOG_FILE}`);
  }
  if (existing !== null) {
    console.log(`engine: removing stale pid file (pid ${existing} is gone)`);
    rmSync(PID_FILE, { force: true });
  }
  if ((await health(url)) !== null) {
    throw new Error(`engine: something else already answers at ${url}; stop it or set ENGINE_PORT`);
  }

  const version = esVersion();
  const jdk = findJdk();
  const libDir = ensureJars(version);
  const classesDir = ensureLauncher(jdk.javac, libDir, version);
  mkdirSync(RUN_DIR, { recursive: true });
  mkdirSync(path.join(RUN_DIR, 'tmp'), { recursive: true });
  const heap = process.env.ENGINE_HEAP ?? '2g';
  const log = openSync(LOG_FILE, 'w');
  const child = spawn(
    jdk.java,
    [
      `-Xms${heap}`,
      `-Xmx${heap}`,
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      '-Dfile.encoding=UTF-8',
      '-Dlog4j2.disable.jmx=true',
      `-Djava.io.tmpdir=${path.join(RUN_DIR, 'tmp')}`,
      '--enable-native-access=ALL-UNNAMED',
      '--add-modules=jdk.incubator.vector',
      '-cp',
      `${classesDir}${path.delimiter}${libDir}/*`,
      'logexplorer.LocalEngine',
      HOME_DIR,
      String(port),
      String(port + 100),
    ],
    { detached: true, stdio: ['ignore', log, log] },
  );
  closeSync(log);
  if (child.pid === undefined) throw new Error('engine: the JVM did not start');
  writeFileSync(PID_FILE, String(child.pid));
  child.unref();
  console.log(
    `engine: Elasticsearch ${version} on Java ${jdk.major}, heap ${heap}, pid ${child.pid}, log ${path.relative(ROOT, LOG_FILE)}`,
  );
  const began = Date.now();
  if (!(await waitHealthy(url, child.pid, START_TIMEOUT_MS))) {
    const running = alive(child.pid);
    if (!running) rmSync(PID_FILE, { force: true });
    throw new Error(
      `engine: did not become healthy at ${url} (${running ? 'timed out' : 'the JVM exited'}). Last log lines:\n${tail(LOG_FILE)}`,
    );
  }
  console.log(`engine: ready at ${url} in ${((Date.now() - began) / 1000).toFixed(1)} s`);
}

async function waitHealthy(url: string, pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive(pid)) return false;
    const status = await health(url);
    if (status === 'green' || status === 'yellow') return true;
    await sleep(250);
  }
  return false;
}

async function stop(): Promise<void> {
  if (!engineConnection().local) {
    console.log('engine: ELASTICSEARCH_URL is set; there is no local engine to stop.');
    return;
  }
  const pid = readPid();
  if (pid === null || !alive(pid)) {
    rmSync(PID_FILE, { force: true });
    console.log('engine: not running');
    return;
  }
  // SIGTERM runs the launcher's shutdown hook, which closes the node (flushes, releases locks).
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 30_000;
  while (alive(pid) && Date.now() < deadline) await sleep(200);
  if (alive(pid)) {
    console.log('engine: did not stop within 30 s; killing it');
    process.kill(pid, 'SIGKILL');
  }
  rmSync(PID_FILE, { force: true });
  console.log('engine: stopped');
}

async function status(): Promise<void> {
  const { url, local } = engineConnection();
  const pid = local ? readPid() : null;
  const state = await health(url);
  console.log(`engine: ${url} ${state ? `health ${state}` : 'not answering'}${pid ? `, pid ${pid}${alive(pid) ? '' : ' (stale)'}` : ''}`);
  if (!state) process.exitCode = 1;
}

const commands: Record<string, () => Promise<void>> = { start, stop, status };
const command = commands[process.argv[2] ?? ''];
if (!command) {
  console.error('usage: tsx scripts/engine.ts start|stop|status');
  process.exit(2);
}
command().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
