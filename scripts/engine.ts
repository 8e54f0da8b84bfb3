/**
 * The local engines: one real Elasticsearch or OpenSearch node in one JVM, from Maven Central jars.
 *   tsx scripts/engine.ts start | stop | status [--kind elasticsearch|opensearch] [--version V]
 * (or ENGINE_KIND / ENGINE_VERSION). The kinds and versions, their ports and folders:
 * lib/es/local-engines.ts. With ELASTICSEARCH_URL set, nothing is started: that cluster is used.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { engineConnection } from '../lib/es/connection';
import { isDefaultEngine, resolveLocalEngine, type LocalEngineSpec } from '../lib/es/local-engines';

const ROOT = path.resolve(import.meta.dirname, '..');
const ENGINE_DIR = path.join(ROOT, 'engine');
const CACHE_DIR = path.join(ENGINE_DIR, '.cache');
const START_TIMEOUT_MS = 180_000;

const { values: flags, positionals } = parseArgs({
  options: { kind: { type: 'string' }, version: { type: 'string' } },
  allowPositionals: true,
});
// Flags win over the environment; the environment carries them to what this script imports.
if (flags.kind) process.env.ENGINE_KIND = flags.kind;
if (flags.version) process.env.ENGINE_VERSION = flags.version;

/** Everything that differs between the kinds: where the jars, sources, data and logs are. */
interface EngineLayout {
  spec: LocalEngineSpec;
  name: string;
  port: number;
  pom: string;
  versionProperty: string;
  /** Maven coordinates fetched, for the message when Maven cannot fetch them. */
  artifacts: string;
  sourceDirs: string[];
  mainClass: string;
  libDir: string;
  homeDir: string;
  runDir: string;
  pidFile: string;
  logFile: string;
}

function layout(spec: LocalEngineSpec): EngineLayout {
  const name = `${spec.kind === 'elasticsearch' ? 'Elasticsearch' : 'OpenSearch'} ${spec.version}`;
  const envPort = process.env.ENGINE_PORT;
  const port = envPort ? Number(envPort) : spec.port;
  if (!Number.isInteger(port) || port < 1 || port > 65435) throw new Error(`ENGINE_PORT must be a TCP port number, got "${envPort}"`);
  // The default engine keeps the folders it always had, so existing data stays where it is.
  const suffix = isDefaultEngine(spec) ? '' : `-${spec.kind}-${spec.version}`;
  const runDir = path.join(ENGINE_DIR, `run${suffix}`);
  const common = {
    spec,
    name,
    port,
    homeDir: path.join(ENGINE_DIR, `data${suffix}`),
    runDir,
    pidFile: path.join(runDir, 'engine.pid'),
    logFile: path.join(runDir, 'engine.log'),
  };
  if (spec.kind === 'elasticsearch') {
    return {
      ...common,
      pom: path.join(ENGINE_DIR, 'pom.xml'),
      versionProperty: 'es.version',
      artifacts: `org.elasticsearch:elasticsearch:${spec.version} and org.elasticsearch.plugin:transport-netty4:${spec.version}`,
      sourceDirs: [path.join(ENGINE_DIR, 'common'), path.join(ENGINE_DIR, 'src')],
      mainClass: 'logexplorer.LocalEngine',
      libDir: path.join(CACHE_DIR, `lib-${spec.version}`),
    };
  }
  const major = spec.version.split('.')[0] ?? '';
  const osDir = path.join(ENGINE_DIR, 'opensearch');
  return {
    ...common,
    pom: path.join(osDir, 'pom.xml'),
    versionProperty: 'os.version',
    artifacts: `org.opensearch:opensearch:${spec.version} and org.opensearch.plugin:transport-netty4-client:${spec.version}`,
    sourceDirs: [path.join(ENGINE_DIR, 'common'), path.join(osDir, 'src'), path.join(osDir, `src-${major}`)],
    mainClass: 'logexplorer.LocalOpenSearch',
    libDir: path.join(CACHE_DIR, `lib-opensearch-${spec.version}`),
  };
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
function findJdk(l: EngineLayout): { home: string | null; java: string; javac: string; major: number } {
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
    if (major !== null && major >= l.spec.minJava) return { home, java, javac, major };
  }
  throw new Error(
    `engine: ${l.name} needs a JDK ${l.spec.minJava} or newer (java and javac). Set JAVA_HOME to one.\n` +
      `Looked at:\n  ${tried.join('\n  ') || '(nothing found)'}`,
  );
}

function ensureJars(l: EngineLayout): void {
  const stamp = path.join(l.libDir, '.complete');
  if (existsSync(stamp)) return;
  console.log(`engine: fetching ${l.name} jars from Maven Central (first start only)…`);
  rmSync(l.libDir, { recursive: true, force: true });
  const result = spawnSync(
    'mvn',
    [
      '-q',
      '-B',
      '-Dstyle.color=never',
      '-f',
      l.pom,
      `-D${l.versionProperty}=${l.spec.version}`,
      'dependency:copy-dependencies',
      `-DoutputDirectory=${l.libDir}`,
    ],
    { encoding: 'utf8' },
  );
  if (result.error) throw new Error(`engine: could not run Maven (mvn) to fetch ${l.name}: ${result.error.message}`);
  if (result.status !== 0) {
    // Maven's one useful line, without its colour codes and its advice on re-running it.
    // eslint-disable-next-line no-control-regex -- ANSI colour codes are control characters
    const output = `${result.stdout}${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
    const said =
      /(The following artifacts could not be resolved|Could not find artifact|Could not transfer)[^\n]*?(?= -> \[Help|\n|$)/.exec(
        output,
      )?.[0];
    throw new Error(
      `engine: Maven could not fetch ${l.artifacts} from Maven Central (is that version published?)\n  ${said || `mvn exited ${result.status}`}`,
    );
  }
  writeFileSync(stamp, new Date().toISOString());
}

function listJava(dirs: string[]): string[] {
  return dirs
    .flatMap((dir) => {
      if (!existsSync(dir)) throw new Error(`engine: no launcher sources at ${path.relative(ROOT, dir)} for this engine version`);
      return readdirSync(dir, { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile() && e.name.endsWith('.java'))
        .map((e) => path.join(e.parentPath, e.name));
    })
    .sort();
}

function ensureLauncher(javac: string, l: EngineLayout): string {
  const sources = listJava(l.sourceDirs);
  const hash = createHash('sha256');
  hash.update(l.spec.version);
  for (const file of sources) hash.update(file).update(readFileSync(file));
  // The default engine's folder name is unchanged, so a running node's classes stay where they are.
  const prefix = isDefaultEngine(l.spec) ? 'classes' : `classes-${l.spec.kind}-${l.spec.version}`;
  const classesDir = path.join(CACHE_DIR, `${prefix}-${hash.digest('hex').slice(0, 12)}`);
  if (existsSync(path.join(classesDir, '.complete'))) return classesDir;
  console.log(`engine: compiling the ${l.name} launcher…`);
  rmSync(classesDir, { recursive: true, force: true });
  try {
    execFileSync(javac, ['-nowarn', '-d', classesDir, '-cp', `${l.libDir}/*`, ...sources], { stdio: 'inherit' });
  } catch {
    throw new Error(
      `engine: the launcher (${l.sourceDirs.map((d) => path.relative(ROOT, d)).join(', ')}) does not compile against ${l.name}`,
    );
  }
  writeFileSync(path.join(classesDir, '.complete'), '');
  return classesDir;
}

function readPid(l: EngineLayout): number | null {
  if (!existsSync(l.pidFile)) return null;
  const pid = Number(readFileSync(l.pidFile, 'utf8').trim());
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

/** What answers at a URL, in a few words, for "something else already answers there". */
async function whatAnswers(url: string): Promise<string> {
  try {
    const res = await fetch(`${url}/`, { signal: AbortSignal.timeout(2_000) });
    const body = (await res.json().catch(() => null)) as { version?: { number?: string; distribution?: string } } | null;
    const version = body?.version?.number;
    if (version) return `${body?.version?.distribution === 'opensearch' ? 'OpenSearch' : 'Elasticsearch'} ${version}`;
    if (res.headers.get('x-elastic-product') !== 'Elasticsearch') return 'something';
    // Elasticsearch without the root endpoint (like the local engine): its version from _nodes.
    const nodes = await fetch(`${url}/_nodes/_local?filter_path=nodes.*.version`, { signal: AbortSignal.timeout(2_000) });
    const local = Object.values(((await nodes.json()) as { nodes?: Record<string, { version?: string }> }).nodes ?? {})[0];
    return local?.version ? `Elasticsearch ${local.version}` : 'Elasticsearch';
  } catch {
    return 'something';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function tail(file: string, lines = 30): string {
  if (!existsSync(file)) return '(no log)';
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

async function start(l: EngineLayout): Promise<void> {
  const url = `http://127.0.0.1:${l.port}`;
  const existing = readPid(l);
  if (existing !== null && alive(existing)) {
    if (await waitHealthy(url, existing, 60_000)) {
      console.log(`engine: ${l.name} already running (pid ${existing}) at ${url}`);
      return;
    }
    throw new Error(`engine: ${l.name} (pid ${existing}) is running but ${url} is not healthy; see ${l.logFile}`);
  }
  if (existing !== null) {
    console.log(`engine: removing stale pid file (pid ${existing} is gone)`);
    rmSync(l.pidFile, { force: true });
  }
  if ((await health(url)) !== null) {
    const answering = await whatAnswers(url);
    // The same engine started from another checkout of this repository (a git worktree): use it.
    if (answering === l.name) {
      console.log(`engine: ${l.name} already answers at ${url} (started elsewhere; not managed from here)`);
      return;
    }
    throw new Error(`engine: ${answering} already answers at ${url}; stop it or set ENGINE_PORT`);
  }

  const jdk = findJdk(l);
  ensureJars(l);
  const classesDir = ensureLauncher(jdk.javac, l);
  mkdirSync(l.runDir, { recursive: true });
  mkdirSync(path.join(l.runDir, 'tmp'), { recursive: true });
  const heap = process.env.ENGINE_HEAP ?? '2g';
  const log = openSync(l.logFile, 'w');
  const child = spawn(
    jdk.java,
    [
      `-Xms${heap}`,
      `-Xmx${heap}`,
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      '-Dfile.encoding=UTF-8',
      '-Dlog4j2.disable.jmx=true',
      `-Djava.io.tmpdir=${path.join(l.runDir, 'tmp')}`,
      '--enable-native-access=ALL-UNNAMED',
      '--add-modules=jdk.incubator.vector',
      '-cp',
      `${classesDir}${path.delimiter}${l.libDir}/*`,
      l.mainClass,
      l.homeDir,
      String(l.port),
      String(l.port + 100),
    ],
    { detached: true, stdio: ['ignore', log, log] },
  );
  closeSync(log);
  if (child.pid === undefined) throw new Error(`engine: the JVM for ${l.name} did not start`);
  writeFileSync(l.pidFile, String(child.pid));
  child.unref();
  console.log(
    `engine: ${l.name} on Java ${jdk.major}, heap ${heap}, pid ${child.pid}, data ${path.relative(ROOT, l.homeDir)}, log ${path.relative(ROOT, l.logFile)}`,
  );
  const began = Date.now();
  if (!(await waitHealthy(url, child.pid, START_TIMEOUT_MS))) {
    const running = alive(child.pid);
    if (!running) rmSync(l.pidFile, { force: true });
    throw new Error(
      `engine: ${l.name} did not become healthy at ${url} (${running ? 'timed out' : 'the JVM exited'}). Last log lines:\n${tail(l.logFile)}`,
    );
  }
  console.log(`engine: ${l.name} ready at ${url} in ${((Date.now() - began) / 1000).toFixed(1)} s`);
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

async function stop(l: EngineLayout): Promise<void> {
  const pid = readPid(l);
  if (pid === null || !alive(pid)) {
    rmSync(l.pidFile, { force: true });
    console.log(`engine: ${l.name} not running`);
    return;
  }
  // SIGTERM runs the launcher's shutdown hook, which closes the node (flushes, releases locks).
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 30_000;
  while (alive(pid) && Date.now() < deadline) await sleep(200);
  if (alive(pid)) {
    console.log(`engine: ${l.name} did not stop within 30 s; killing it`);
    process.kill(pid, 'SIGKILL');
  }
  rmSync(l.pidFile, { force: true });
  console.log(`engine: ${l.name} stopped`);
}

async function status(l: EngineLayout): Promise<void> {
  const url = `http://127.0.0.1:${l.port}`;
  const pid = readPid(l);
  const state = await health(url);
  console.log(
    `engine: ${l.name} at ${url} ${state ? `health ${state}` : 'not answering'}${pid ? `, pid ${pid}${alive(pid) ? '' : ' (stale)'}` : ''}`,
  );
  if (!state) process.exitCode = 1;
}

const commands: Record<string, (l: EngineLayout) => Promise<void>> = { start, stop, status };
const command = commands[positionals[0] ?? ''];
if (!command) {
  console.error('usage: tsx scripts/engine.ts start|stop|status [--kind elasticsearch|opensearch] [--version V]');
  process.exit(2);
}

async function main(run: (l: EngineLayout) => Promise<void>): Promise<void> {
  if (!engineConnection().local) {
    console.log('engine: ELASTICSEARCH_URL is set; using that cluster, no local engine managed.');
    return;
  }
  await run(layout(resolveLocalEngine(process.env.ENGINE_KIND, process.env.ENGINE_VERSION)));
}

main(command).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
