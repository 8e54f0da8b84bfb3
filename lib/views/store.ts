/**
 * Saved views in the app's own index. Every write includes a refresh, so a view the API has
 * acknowledged is in the next list and survives an engine restart; every update and delete is
 * conditional on the sequence number and primary term the client last saw, so two people
 * editing one view never overwrite each other silently.
 */
import { randomBytes } from 'node:crypto';
import type { Client, estypes } from '@elastic/elasticsearch';
import type { ScreenState } from '@/lib/schema/screen-state';
import { StoredScreenState } from '@/lib/url-state/stored-screen';
import type { CreateViewRequest, ListViewsQuery, SavedView, SavedViewSummary, ViewListResponse } from '@/lib/schema/views';
import { APP_WRITE_REFRESH, AppIndex, appIndexName, isEngineStatus } from '@/lib/views/app-index';
import { encodeViewVersion, type SeqNoPrimaryTerm } from '@/lib/views/version';

/** What is stored per view; `state` is kept verbatim, not indexed, so its shape can evolve. */
interface ViewDocument {
  name: string;
  description: string;
  state: unknown;
  createdAt: string;
  updatedAt: string;
}

export const VIEWS_MAPPING: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    // Text for word-prefix search (the standard analyzer is all the engine may have); a
    // lower-cased keyword for "contains" and for sorting by name.
    name: {
      type: 'text',
      index_prefixes: { min_chars: 1, max_chars: 10 },
      fields: { sort: { type: 'keyword', normalizer: 'lowercase', ignore_above: 512 } },
    },
    description: { type: 'text' },
    state: { type: 'object', enabled: false },
    createdAt: { type: 'date' },
    updatedAt: { type: 'date' },
  },
};

export type UpdateResult = { kind: 'updated'; view: SavedView } | { kind: 'conflict'; current: SavedView } | { kind: 'not_found' };

export type DeleteResult = { kind: 'deleted' } | { kind: 'conflict'; current: SavedView } | { kind: 'not_found' };

export interface ViewChanges {
  name?: string | undefined;
  description?: string | undefined;
  state?: ScreenState | undefined;
}

/** The view's stored state failed validation: only possible if the index was edited by hand. */
export class CorruptViewError extends Error {}

const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** 20 random base62 characters (~119 bits): unguessable, and `op_type: create` rejects the impossible repeat. */
export function newViewId(): string {
  const bytes = randomBytes(20);
  let id = '';
  for (const byte of bytes) id += ID_ALPHABET[byte % 62];
  return id;
}

/** Write responses always carry both for a successful write; their absence is an engine bug. */
function writtenVersion(res: estypes.WriteResponseBase): SeqNoPrimaryTerm {
  if (res._seq_no === undefined || res._primary_term === undefined) {
    throw new Error('the engine acknowledged a write without a sequence number');
  }
  return { seqNo: res._seq_no, primaryTerm: res._primary_term };
}

/** Wildcard metacharacters in the user's text are literal characters. */
function escapeWildcard(text: string): string {
  return text.replace(/[\\*?]/g, (c) => `\\${c}`);
}

function toSummary(id: string, doc: ViewDocument, version: SeqNoPrimaryTerm): SavedViewSummary {
  return {
    id,
    name: doc.name,
    description: doc.description,
    version: encodeViewVersion(version),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

function toView(id: string, doc: ViewDocument, version: SeqNoPrimaryTerm): SavedView {
  const state = StoredScreenState.safeParse(doc.state);
  if (!state.success) throw new CorruptViewError(`view ${id} has a stored state that no longer validates`);
  return { ...toSummary(id, doc, version), state: state.data };
}

export class ViewStore {
  private readonly index: AppIndex;

  constructor(
    private readonly client: Client,
    indexName: string = appIndexName('views'),
  ) {
    this.index = new AppIndex(indexName, VIEWS_MAPPING);
  }

  get indexName(): string {
    return this.index.name;
  }

  /** Creates the index if it is missing (once per process); for the readiness probe. */
  ensureIndex(): Promise<void> {
    return this.index.ensure(this.client);
  }

  async create(input: CreateViewRequest, now = new Date()): Promise<SavedView> {
    await this.index.ensure(this.client);
    const id = newViewId();
    const doc: ViewDocument = {
      name: input.name,
      description: input.description,
      state: input.state,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    const res = await this.client.index({
      index: this.index.name,
      id,
      document: doc,
      op_type: 'create',
      refresh: APP_WRITE_REFRESH,
    });
    return { ...toSummary(id, doc, writtenVersion(res)), state: input.state };
  }

  async get(id: string): Promise<SavedView | null> {
    await this.index.ensure(this.client);
    try {
      const res = await this.client.get<ViewDocument>({ index: this.index.name, id });
      if (!res.found || !res._source || res._seq_no === undefined || res._primary_term === undefined) return null;
      return toView(id, res._source, { seqNo: res._seq_no, primaryTerm: res._primary_term });
    } catch (err) {
      if (isEngineStatus(err, 404)) return null;
      throw err;
    }
  }

  /**
   * Applies `changes` on top of the stored view, but only if it is still at `expected`. The
   * engine performs the check atomically with the write (`if_seq_no` + `if_primary_term`); the
   * read before it only merges the fields left out and answers the common stale case early.
   */
  async update(id: string, expected: SeqNoPrimaryTerm, changes: ViewChanges, now = new Date()): Promise<UpdateResult> {
    const current = await this.get(id);
    if (!current) return { kind: 'not_found' };
    if (current.version !== encodeViewVersion(expected)) return { kind: 'conflict', current };
    const doc: ViewDocument = {
      name: changes.name ?? current.name,
      description: changes.description ?? current.description,
      state: changes.state ?? current.state,
      createdAt: current.createdAt,
      updatedAt: now.toISOString(),
    };
    try {
      const res = await this.client.index({
        index: this.index.name,
        id,
        document: doc,
        if_seq_no: expected.seqNo,
        if_primary_term: expected.primaryTerm,
        refresh: APP_WRITE_REFRESH,
      });
      return { kind: 'updated', view: toView(id, doc, writtenVersion(res)) };
    } catch (err) {
      if (!isEngineStatus(err, 409)) throw err;
      const latest = await this.get(id);
      return latest ? { kind: 'conflict', current: latest } : { kind: 'not_found' };
    }
  }

  /** With `expected`, deletes only that version; without, whatever is there. */
  async delete(id: string, expected?: SeqNoPrimaryTerm): Promise<DeleteResult> {
    await this.index.ensure(this.client);
    try {
      await this.client.delete({
        index: this.index.name,
        id,
        refresh: APP_WRITE_REFRESH,
        ...(expected ? { if_seq_no: expected.seqNo, if_primary_term: expected.primaryTerm } : {}),
      });
      return { kind: 'deleted' };
    } catch (err) {
      if (isEngineStatus(err, 404)) return { kind: 'not_found' };
      if (!isEngineStatus(err, 409)) throw err;
      const latest = await this.get(id);
      return latest ? { kind: 'conflict', current: latest } : { kind: 'not_found' };
    }
  }

  async list(query: ListViewsQuery): Promise<ViewListResponse> {
    await this.index.ensure(this.client);
    const filter: estypes.QueryDslQueryContainer[] = query.q
      ? [{ wildcard: { 'name.sort': { value: `*${escapeWildcard(query.q)}*`, case_insensitive: true } } }]
      : [];
    const sort: estypes.SortCombinations[] =
      query.sort === 'name'
        ? [{ 'name.sort': { order: 'asc' } }, { updatedAt: { order: 'desc' } }]
        : [{ updatedAt: { order: 'desc' } }, { 'name.sort': { order: 'asc' } }];
    const res = await this.client.search<ViewDocument>({
      index: this.index.name,
      query: { bool: { filter } },
      sort,
      from: query.offset,
      size: query.limit,
      track_total_hits: true,
      seq_no_primary_term: true,
      _source: { excludes: ['state'] },
    });
    const views: SavedViewSummary[] = [];
    for (const hit of res.hits.hits) {
      if (!hit._id || !hit._source || hit._seq_no === undefined || hit._primary_term === undefined) continue;
      views.push(toSummary(hit._id, hit._source, { seqNo: hit._seq_no, primaryTerm: hit._primary_term }));
    }
    const total = typeof res.hits.total === 'number' ? res.hits.total : (res.hits.total?.value ?? views.length);
    return { views, total, offset: query.offset, limit: query.limit };
  }
}
