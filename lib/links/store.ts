/**
 * Short links in the app's own index: id → normalised path, written once and never expired.
 * Writing with `op_type: create` makes a second share of the same screen a no-op instead of an
 * overwrite, and makes a (theoretical) hash collision visible instead of silently repointing
 * someone else's link.
 */
import type { Client, estypes } from '@elastic/elasticsearch';
import { linkIdCandidates } from '@/lib/links/id';
import { APP_WRITE_REFRESH, AppIndex, appIndexName, isEngineStatus } from '@/lib/views/app-index';

interface LinkDocument {
  path: string;
  createdAt: string;
}

export const LINKS_MAPPING: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    // Only ever fetched by id: no need to index or aggregate the path itself.
    path: { type: 'keyword', index: false, doc_values: false },
    createdAt: { type: 'date' },
  },
};

export class LinkStore {
  private readonly index: AppIndex;

  constructor(
    private readonly client: Client,
    indexName: string = appIndexName('links'),
  ) {
    this.index = new AppIndex(indexName, LINKS_MAPPING);
  }

  get indexName(): string {
    return this.index.name;
  }

  /** Creates the index if it is missing (once per process); for the readiness probe. */
  ensureIndex(): Promise<void> {
    return this.index.ensure(this.client);
  }

  /** `normalPath` must already have passed `normaliseSharePath`. Returns the link's id. */
  async save(normalPath: string, now = new Date()): Promise<string> {
    await this.index.ensure(this.client);
    for (const id of linkIdCandidates(normalPath)) {
      try {
        await this.client.index({
          index: this.index.name,
          id,
          document: { path: normalPath, createdAt: now.toISOString() } satisfies LinkDocument,
          op_type: 'create',
          refresh: APP_WRITE_REFRESH,
        });
        return id;
      } catch (err) {
        if (!isEngineStatus(err, 409)) throw err;
      }
      // The id is taken: by this very path (shared before — fine) or, improbably, by another.
      const existing = await this.resolve(id);
      if (existing === normalPath) return id;
    }
    throw new Error('every short-link id for this path is taken by other paths');
  }

  /** The stored path, or null for an unknown id. */
  async resolve(id: string): Promise<string | null> {
    await this.index.ensure(this.client);
    try {
      const res = await this.client.get<LinkDocument>({ index: this.index.name, id });
      return res.found && typeof res._source?.path === 'string' ? res._source.path : null;
    } catch (err) {
      if (isEngineStatus(err, 404)) return null;
      throw err;
    }
  }
}
