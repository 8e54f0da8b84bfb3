/**
 * Where OpenSearch's search API differs from Elasticsearch's for what the app sends, rewritten
 * in one place so the request builders stay engine-neutral. Pure; used by EngineTransport.
 *
 * - Field sorts take no `format` on OpenSearch (forked before Elasticsearch 7.13 added it). The
 *   app sorts time as `date_nanos` formatted as text, so the value keeps nanoseconds and fits a
 *   JavaScript number; on OpenSearch the sort is plain epoch milliseconds instead (exact as a
 *   JS number), turned into the same ISO text in the answer and back into milliseconds in
 *   `search_after`. Shortcut: on OpenSearch, times sort and page at millisecond precision
 *   (a `date_nanos` field's sub-millisecond order within one millisecond is not kept).
 * - `_shard_doc` (the point-in-time tie-breaker) exists from OpenSearch 3; OpenSearch 2 gets
 *   `_index` then `_id` instead (fielddata on `_id` is on by default there).
 * - The highlighter's offset limit is `max_analyzer_offset` there (`max_analyzed_offset` here).
 * - OpenSearch 3 (seen on 3.9.0) can answer a `track_total_hits: false` search whose date
 *   histogram has a sub-aggregation (the level breakdown) with documents moved between two bars,
 *   in any zone (Pacific/Chatham, America/New_York, America/Sao_Paulo), with `size: 0` (the
 *   histogram part) or `size: 5` (a combined screen). Not every time: the counts oracle meets it in
 *   every run, a replay of the same requests did not; a wrong `size: 0` answer stays in the shard
 *   request cache and is served again. The same histogram without its sub-aggregation, or with
 *   hits counted, was never wrong. Such a search counts its hits there (docs/opensearch-3-bars.md):
 *   no measurable cost on the 1M set (the aggregation reads every match anyway), while the facet
 *   searches and the rows keep `track_total_hits: false`.
 * - `_field_caps` takes `fields` only in the query string (the 9 client sends it in the body)
 *   and has no `filters` parameter (metadata fields are dropped by the profile reader).
 */
import type { TransportRequestParams } from '@elastic/transport';

type Json = Record<string, unknown>;

export interface SearchRewrite {
  body: Json;
  /** Positions in the rewritten `sort` (so in each hit's `sort` and in `search_after`) holding epoch ms shown as ISO text. */
  formatted: number[];
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toMillis(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : ms;
}

/** Whether an aggregation tree holds a `date_histogram` with aggregations of its own (at any depth). */
function hasBarsWithSubAggs(aggs: unknown): boolean {
  if (!isObject(aggs)) return false;
  return Object.values(aggs).some((agg) => {
    if (!isObject(agg)) return false;
    const sub = agg.aggs ?? agg.aggregations;
    if (isObject(agg.date_histogram) && isObject(sub) && Object.keys(sub).length > 0) return true;
    return hasBarsWithSubAggs(sub);
  });
}

/** The search body as OpenSearch `major` takes it; `null` when nothing needs to change. */
export function openSearchSearchBody(body: unknown, major: number): SearchRewrite | null {
  if (!isObject(body)) return null;
  let changed = false;
  const countHits = major >= 3 && body.track_total_hits === false && hasBarsWithSubAggs(body.aggs);
  if (countHits) changed = true;
  let highlight = body.highlight;
  if (isObject(highlight) && 'max_analyzed_offset' in highlight) {
    const { max_analyzed_offset: limit, ...rest } = highlight;
    highlight = { ...rest, max_analyzer_offset: limit };
    changed = true;
  }
  const formatted: number[] = [];
  const sort: unknown[] = [];
  (Array.isArray(body.sort) ? body.sort : []).forEach((entry: unknown) => {
    if (major < 3 && isObject(entry) && '_shard_doc' in entry) {
      const order = isObject(entry._shard_doc) ? entry._shard_doc.order : entry._shard_doc;
      sort.push({ _index: { order } }, { _id: { order } });
      changed = true;
      return;
    }
    const [field, spec] = isObject(entry) ? (Object.entries(entry)[0] ?? []) : [];
    if (field && isObject(spec) && 'format' in spec) {
      const { format: _format, numeric_type: _numericType, ...rest } = spec;
      formatted.push(sort.length);
      sort.push({ [field]: rest });
      changed = true;
      return;
    }
    sort.push(entry);
  });
  if (!changed) return null;
  const rewritten: Json = {
    ...body,
    ...(Array.isArray(body.sort) ? { sort } : {}),
    ...(highlight ? { highlight } : {}),
    ...(countHits ? { track_total_hits: true } : {}),
  };
  if (Array.isArray(body.search_after) && formatted.length > 0) {
    rewritten.search_after = body.search_after.map((v: unknown, i) => (formatted.includes(i) ? toMillis(v) : v));
  }
  return { body: rewritten, formatted };
}

/** Formats the rewritten sort positions of every hit back to ISO text, as Elasticsearch would. */
export function openSearchSearchResponse(response: unknown, formatted: readonly number[]): void {
  if (formatted.length === 0 || !isObject(response) || !isObject(response.hits) || !Array.isArray(response.hits.hits)) return;
  for (const hit of response.hits.hits as unknown[]) {
    if (!isObject(hit) || !Array.isArray(hit.sort)) continue;
    for (const i of formatted) {
      const value: unknown = hit.sort[i];
      if (typeof value === 'number' && Number.isFinite(value)) hit.sort[i] = new Date(value).toISOString();
    }
  }
}

/** Whether a request is a search (the only API whose body is rewritten). */
export function isSearchPath(path: string): boolean {
  return /(^|\/)_search$/.test(path.split('?')[0] ?? '');
}

export function isFieldCapsPath(path: string): boolean {
  return /(^|\/)_field_caps$/.test(path.split('?')[0] ?? '');
}

/** A `_field_caps` request as OpenSearch takes it: `fields` in the query string, no `filters`. */
export function openSearchFieldCaps(params: TransportRequestParams): TransportRequestParams {
  const querystring: Json = typeof params.querystring === 'object' ? { ...params.querystring } : {};
  delete querystring.filters;
  const { fields, ...body } = isObject(params.body) ? params.body : {};
  if (fields !== undefined) querystring.fields = Array.isArray(fields) ? fields.join(',') : fields;
  return { ...params, querystring, body: Object.keys(body).length > 0 ? body : undefined };
}

export function isMsearchPath(path: string): boolean {
  return /(^|\/)_msearch$/.test(path.split('?')[0] ?? '');
}

/** `_msearch` lines (header, body, header, body, …) with each body rewritten as for `_search`. */
export function openSearchMsearch(lines: unknown, major: number): { lines: unknown[]; formatted: number[][] } | null {
  if (!Array.isArray(lines)) return null;
  const formatted: number[][] = [];
  let changed = false;
  const out = lines.map((line: unknown, i) => {
    if (i % 2 === 0) return line;
    const rewrite = openSearchSearchBody(line, major);
    formatted.push(rewrite?.formatted ?? []);
    if (!rewrite) return line;
    changed = true;
    return rewrite.body;
  });
  return changed ? { lines: out, formatted } : null;
}

/** Each `_msearch` answer formatted as its own search's rewrite says. */
export function openSearchMsearchResponse(response: unknown, formatted: readonly (readonly number[])[]): void {
  if (!isObject(response) || !Array.isArray(response.responses)) return;
  response.responses.forEach((item: unknown, i) => openSearchSearchResponse(item, formatted[i] ?? []));
}

/**
 * Point in time: Elasticsearch's `POST /{index}/_pit` and `DELETE /_pit {id}` as OpenSearch's
 * `POST /{index}/_search/point_in_time` and `DELETE /_search/point_in_time {pit_id: [id]}`, so
 * code using the client's `openPointInTime` / `closePointInTime` works on both. Null when the
 * request is not one of those two.
 */
export function openSearchPit(params: TransportRequestParams): TransportRequestParams | null {
  const path = params.path.split('?')[0] ?? '';
  const querystring: Json = typeof params.querystring === 'object' ? { ...params.querystring } : {};
  if (params.method === 'POST' && /^\/[^_][^/]*\/_pit$/.test(path)) {
    const partial = querystring.allow_partial_search_results;
    delete querystring.allow_partial_search_results;
    delete querystring.ignore_unavailable;
    if (partial !== undefined) querystring.allow_partial_pit_creation = partial;
    return { ...params, path: path.replace(/\/_pit$/, '/_search/point_in_time'), querystring };
  }
  if (params.method === 'DELETE' && path === '/_pit') {
    const id = isObject(params.body) ? params.body.id : undefined;
    return { ...params, path: '/_search/point_in_time', body: { pit_id: [id] } };
  }
  return null;
}

/** OpenSearch answers a new point in time with `pit_id`; Elasticsearch callers read `id`. */
export function openSearchPitResponse(response: unknown): void {
  if (isObject(response) && typeof response.pit_id === 'string' && response.id === undefined) response.id = response.pit_id;
}
