/**
 * The local engines `npm run engine` can start (engine/, scripts/engine.ts): each a real node in
 * one JVM from Maven Central jars, on its own port, with its data in its own folder. Pure, so
 * the app (which port to talk to), the engine script and the engine test runner share it.
 */
export type EngineKind = 'elasticsearch' | 'opensearch';

export interface LocalEngineSpec {
  kind: EngineKind;
  /** The exact version fetched from Maven Central. */
  version: string;
  /** Default HTTP port (transport: port + 100); ENGINE_PORT overrides it. */
  port: number;
  /** The oldest JDK the node runs on; the newest JDK found that is at least this is used. */
  minJava: number;
}

/** One pinned version per supported major; the first is the default engine. */
export const LOCAL_ENGINES: readonly LocalEngineSpec[] = [
  { kind: 'elasticsearch', version: '9.2.2', port: 9200, minJava: 21 },
  { kind: 'elasticsearch', version: '8.19.21', port: 9208, minJava: 17 },
  { kind: 'opensearch', version: '2.19.6', port: 9212, minJava: 17 },
  { kind: 'opensearch', version: '3.9.0', port: 9213, minJava: 21 },
];

export const ENGINE_KINDS: readonly EngineKind[] = ['elasticsearch', 'opensearch'];

const major = (version: string) => version.split('.')[0];

function supportedList(): string {
  return LOCAL_ENGINES.map((e) => `${e.kind} ${e.version}`).join(', ');
}

/**
 * `--kind K --version V` (or ENGINE_KIND / ENGINE_VERSION) → the engine to run. V may be the
 * exact version, a prefix of it (`8`, `8.19`) or another patch of a listed major (fetched as
 * given, on that major's port). Throws with the list of what is supported otherwise.
 */
export function resolveLocalEngine(kindRaw?: string, versionRaw?: string): LocalEngineSpec {
  const kind = (kindRaw?.trim() || 'elasticsearch').toLowerCase();
  if (!ENGINE_KINDS.includes(kind as EngineKind)) {
    throw new Error(`unknown engine kind "${kindRaw}": use elasticsearch or opensearch (supported: ${supportedList()})`);
  }
  const ofKind = LOCAL_ENGINES.filter((e) => e.kind === kind);
  const version = versionRaw?.trim();
  if (!version) return ofKind[0] as LocalEngineSpec;
  if (!/^\d+(\.\d+){0,2}(-[A-Za-z0-9.]+)?$/.test(version)) {
    throw new Error(`engine version "${versionRaw}" is not a version number like 8.19.21 or 8.19 or 8`);
  }
  const exact = ofKind.find((e) => e.version === version || e.version.startsWith(`${version}.`));
  if (exact) return exact;
  const sameMajor = ofKind.find((e) => major(e.version) === major(version));
  if (sameMajor && version.split('.').length === 3) return { ...sameMajor, version };
  throw new Error(`${kind} ${version} is not a supported local engine (supported: ${supportedList()})`);
}

/** The local engine chosen by the environment (ENGINE_KIND, ENGINE_VERSION). */
export function localEngineFromEnv(env: NodeJS.ProcessEnv = process.env): LocalEngineSpec {
  return resolveLocalEngine(env.ENGINE_KIND, env.ENGINE_VERSION);
}

/** Whether this is the default engine (its data and run folders keep their historic names). */
export function isDefaultEngine(spec: LocalEngineSpec): boolean {
  const first = LOCAL_ENGINES[0] as LocalEngineSpec;
  return spec.kind === first.kind && spec.version === first.version;
}
