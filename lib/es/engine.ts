/**
 * The engine adapter: what the app is talking to (Elasticsearch 8 / 9, OpenSearch 2 / 3) and
 * where those differ. Every engine client of the app, the scripts and the tests is built from
 * `engineConnection().options`, whose transport is `EngineTransport`: before its first request,
 * and again after the engine was unreachable, it asks the engine what it is, then talks to it
 * in its own dialect. The rest of `lib/` uses the ordinary `@elastic/elasticsearch` API.
 *
 * Why one Elasticsearch client for OpenSearch too, not `@opensearch-project/opensearch`: the
 * typed API the app uses (search, field caps, bulk, indices, cluster health) is the same wire
 * API on both engines, and a second client would mean a second code path for every call. What
 * stands between the Elasticsearch client and OpenSearch is two switches, both set here: its
 * product check (it refuses answers without `x-elastic-product: Elasticsearch`) and its
 * `compatible-with=9` media types (OpenSearch and Elasticsearch 8 refuse them). The product
 * check is replaced by the probe below, which names what it found instead. The one API whose
 * path differs (point in time) goes through `openPointInTime` / `closePointInTime` here.
 */
import { errors, SniffingTransport, type Client } from '@elastic/elasticsearch';
import type { TransportRequestOptions, TransportRequestParams, TransportResult } from '@elastic/transport';
import {
  isFieldCapsPath,
  isMsearchPath,
  isSearchPath,
  openSearchFieldCaps,
  openSearchMsearch,
  openSearchMsearchResponse,
  openSearchPit,
  openSearchPitResponse,
  openSearchSearchBody,
  openSearchSearchResponse,
} from '@/lib/es/dialect';

export type EngineDistribution = 'elasticsearch' | 'opensearch';

export interface EngineInfo {
  distribution: EngineDistribution;
  /** As the engine reports it, e.g. `9.2.2`, `2.19.6`. */
  version: string;
  major: number;
  minor: number;
}

/** The oldest major of each engine the app is tested against (README, "Tested engines"). */
export const SUPPORTED_MAJORS: Record<EngineDistribution, readonly number[]> = {
  elasticsearch: [8, 9],
  opensearch: [2, 3],
};

export const ENGINE_NAMES: Record<EngineDistribution, string> = { elasticsearch: 'Elasticsearch', opensearch: 'OpenSearch' };

export function describeEngine(info: Pick<EngineInfo, 'distribution' | 'version'>): string {
  return `${ENGINE_NAMES[info.distribution]} ${info.version}`;
}

/**
 * The configured engine answered, but not as a supported engine: not an engine at all, a
 * proxy's HTML page, refused credentials, a version older than supported. A configuration
 * mistake, never retried as "try again shortly". Messages never carry the engine's address.
 */
export class EngineConfigError extends errors.ElasticsearchClientError {
  constructor(message: string) {
    super(message);
    this.name = 'EngineConfigError';
  }
}

interface RootBody {
  version?: { number?: unknown; distribution?: unknown };
  tagline?: unknown;
}

function parseVersion(raw: string): { major: number; minor: number } | null {
  const match = /^(\d+)\.(\d+)/.exec(raw);
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : null;
}

/** What an answer that is not JSON looks like, in words (never the body itself). */
function describeNonJson(body: unknown, contentType: string | undefined): string {
  const text = typeof body === 'string' ? body.trimStart().slice(0, 200).toLowerCase() : '';
  if ((contentType ?? '').includes('html') || text.startsWith('<!doctype html') || text.startsWith('<html')) {
    return 'an HTML page (a proxy, a login page or a web server?)';
  }
  return `something that is not JSON (${contentType ?? 'no content type'})`;
}

/**
 * Decides what the engine is from its answers to `GET /` and, for Elasticsearch without the
 * root endpoint (the local engine has no rest-root module), `GET /_nodes/_local`. Pure: the two
 * answers come in, an `EngineInfo` or an `EngineConfigError` comes out.
 */
export function classifyEngine(
  root: { status: number; headers: Record<string, unknown>; body: unknown },
  nodesVersion?: string | null,
): EngineInfo {
  const product = String(root.headers['x-elastic-product'] ?? '');
  const contentType = root.headers['content-type'] as string | undefined;
  if (root.status === 401 || root.status === 403) {
    throw new EngineConfigError(
      `the search engine refused the app's credentials (HTTP ${root.status}); check ELASTICSEARCH_API_KEY or ELASTICSEARCH_USERNAME / ELASTICSEARCH_PASSWORD`,
    );
  }
  if (typeof root.body !== 'object' || root.body === null) {
    throw new EngineConfigError(
      `the configured ELASTICSEARCH_URL answers with ${describeNonJson(root.body, contentType)}, not Elasticsearch or OpenSearch`,
    );
  }
  const body = root.body as RootBody;
  let distribution: EngineDistribution | null = null;
  let version: string | null = null;
  if (root.status === 200 && typeof body.version?.number === 'string') {
    version = body.version.number;
    if (body.version.distribution === 'opensearch') distribution = 'opensearch';
    else if (product === 'Elasticsearch' || body.tagline === 'You Know, for Search') distribution = 'elasticsearch';
  } else if (product === 'Elasticsearch' && nodesVersion) {
    distribution = 'elasticsearch';
    version = nodesVersion;
  }
  if (!distribution || !version) {
    throw new EngineConfigError(`the configured ELASTICSEARCH_URL answers (HTTP ${root.status}) but not as Elasticsearch or OpenSearch`);
  }
  const parsed = parseVersion(version);
  if (!parsed) throw new EngineConfigError(`${ENGINE_NAMES[distribution]} reports an unreadable version "${version.slice(0, 40)}"`);
  const supported = SUPPORTED_MAJORS[distribution];
  if (parsed.major < Math.min(...supported)) {
    throw new EngineConfigError(
      `${describeEngine({ distribution, version })} is older than supported (${supported.map((m) => `${m}.x`).join(', ')})`,
    );
  }
  return { distribution, version, ...parsed };
}

/** Media types per engine: Elasticsearch 8 refuses the 9 client's `compatible-with=9`, OpenSearch any vendored type. */
function mediaTypes(info: EngineInfo): { json: string; ndjson: string; accept: string } | null {
  if (info.distribution === 'opensearch') {
    return { json: 'application/json', ndjson: 'application/x-ndjson', accept: 'application/json, text/plain' };
  }
  if (info.major === 8) {
    return {
      json: 'application/vnd.elasticsearch+json; compatible-with=8',
      ndjson: 'application/vnd.elasticsearch+x-ndjson; compatible-with=8',
      // Elasticsearch 8 cannot read the media-type list the 9 client sends (`…=9,text/plain`).
      accept: 'application/vnd.elasticsearch+json; compatible-with=8',
    };
  }
  return null; // Elasticsearch 9 and later: the client's own `compatible-with=9`.
}

const PROBE_TIMEOUT_MS = 5_000;

/**
 * The client's transport with the engine probe in front. Holds no sticky "down" state: a failed
 * probe (engine unreachable) is simply tried again on the next request, and a connection error
 * later on forgets what the engine was, so a restarted or replaced engine is probed afresh.
 */
export class EngineTransport extends SniffingTransport {
  private info: EngineInfo | null = null;
  private probing: Promise<EngineInfo> | null = null;

  constructor(opts: ConstructorParameters<typeof SniffingTransport>[0]) {
    // The product check is the probe's job (it can tell OpenSearch, a proxy and bad credentials apart).
    super({ ...opts, productCheck: undefined });
  }

  /** What the engine is, probing it first if not known yet. */
  engineInfo(): Promise<EngineInfo> {
    if (this.info) return Promise.resolve(this.info);
    // Shared by concurrent requests, so bounded by its own time-out rather than one caller's signal.
    this.probing ??= this.probe().finally(() => {
      this.probing = null;
    });
    return this.probing;
  }

  /** Forget the engine: the next request probes again. */
  reset(): void {
    this.info = null;
  }

  private async probe(): Promise<EngineInfo> {
    const options = { meta: true as const, maxRetries: 0, requestTimeout: PROBE_TIMEOUT_MS, headers: { accept: 'application/json' } };
    let root: { status: number; headers: Record<string, unknown>; body: unknown };
    try {
      const res = await super.request({ method: 'GET', path: '/' }, options);
      root = { status: res.statusCode ?? 200, headers: res.headers ?? {}, body: res.body };
    } catch (err) {
      if (!(err instanceof errors.ResponseError)) throw err;
      root = { status: err.statusCode ?? 500, headers: err.headers ?? {}, body: err.body };
    }
    let nodesVersion: string | null = null;
    if (root.status !== 200 && root.headers['x-elastic-product'] === 'Elasticsearch') {
      const nodes = await super
        .request<{ nodes?: Record<string, { version?: string }> }>(
          { method: 'GET', path: '/_nodes/_local', querystring: { filter_path: 'nodes.*.version' } },
          { ...options, meta: false },
        )
        .catch((err: unknown) => {
          if (err instanceof errors.ResponseError) return null;
          throw err;
        });
      nodesVersion = Object.values(nodes?.nodes ?? {})[0]?.version ?? null;
    }
    const info = classifyEngine(root, nodesVersion);
    this.info = info;
    return info;
  }

  override async request<TResponse = unknown>(
    params: TransportRequestParams,
    options?: TransportRequestOptions,
  ): Promise<TResponse | TransportResult<TResponse>> {
    const info = await this.engineInfo();
    const types = mediaTypes(info);
    let adapted = options;
    if (types) {
      // The transport gives body-less requests a JSON content type too: it must match as well.
      const bulk = params.bulkBody !== undefined && params.bulkBody !== null;
      const headers: Record<string, string> = { accept: types.accept, 'content-type': bulk ? types.ndjson : types.json };
      adapted = { ...options, headers: { ...headers, ...options?.headers } };
    }
    let sent = params;
    let formatted: number[] = [];
    let msearchFormatted: number[][] = [];
    let pitOpened = false;
    const pit = info.distribution === 'opensearch' ? openSearchPit(params) : null;
    if (pit) {
      sent = pit;
      pitOpened = params.method === 'POST';
    } else if (info.distribution === 'opensearch') {
      if (isSearchPath(params.path)) {
        const rewrite = openSearchSearchBody(params.body, info.major);
        if (rewrite) {
          sent = { ...params, body: rewrite.body };
          formatted = rewrite.formatted;
        }
      } else if (isMsearchPath(params.path)) {
        const rewrite = openSearchMsearch(params.bulkBody, info.major);
        if (rewrite) {
          sent = { ...params, bulkBody: rewrite.lines as TransportRequestParams['bulkBody'] };
          msearchFormatted = rewrite.formatted;
        }
      } else if (isFieldCapsPath(params.path)) {
        sent = openSearchFieldCaps(params);
      }
    }
    try {
      const res = await super.request<TResponse>(sent, adapted as TransportRequestOptions & { meta: true });
      if (formatted.length > 0) openSearchSearchResponse(options?.meta ? res.body : res, formatted);
      if (msearchFormatted.length > 0) openSearchMsearchResponse(options?.meta ? res.body : res, msearchFormatted);
      if (pitOpened) openSearchPitResponse(options?.meta ? res.body : res);
      return res;
    } catch (err) {
      if (err instanceof errors.ConnectionError) this.reset();
      throw err;
    }
  }
}

/** What a client not built from `engineConnection().options` talks: the client's own dialect. */
const CLIENT_DEFAULT: EngineInfo = { distribution: 'elasticsearch', version: '9', major: 9, minor: 0 };

/** What the client's engine is (probed on first use and after it was unreachable). */
export function engineInfo(client: Pick<Client, 'transport'>): Promise<EngineInfo> {
  return client.transport instanceof EngineTransport ? client.transport.engineInfo() : Promise.resolve(CLIENT_DEFAULT);
}

interface PitParams {
  index: string;
  keepAlive: string;
  ignoreUnavailable?: boolean;
  allowPartialSearchResults?: boolean;
}

/**
 * Opens a point in time (on OpenSearch the transport turns `_pit` into `_search/point_in_time`,
 * see `openSearchPit`). Searches use it the same way on both engines.
 */
export async function openPointInTime(
  client: Client,
  params: PitParams,
  options: { signal?: AbortSignal; requestTimeout?: number } = {},
): Promise<string> {
  const res = await client.openPointInTime(
    {
      index: params.index,
      keep_alive: params.keepAlive,
      ignore_unavailable: params.ignoreUnavailable,
      allow_partial_search_results: params.allowPartialSearchResults,
    },
    options,
  );
  return res.id;
}

/** Closes a point in time; never throws (an expired or unknown one is already gone). */
export async function closePointInTime(client: Client, id: string, options: { requestTimeout?: number } = {}): Promise<void> {
  await client.closePointInTime({ id }, { ...options, maxRetries: 0 }).catch(() => undefined);
}
