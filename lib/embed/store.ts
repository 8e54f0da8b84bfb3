/**
 * Embed records in the app's own index (`<APP_INDEX_PREFIX>embeds`). Revoking deletes the
 * record, so every token of it stops working on its next request, on every replica.
 */
import type { Client, estypes } from '@elastic/elasticsearch';
import type { EmbedRecord } from '@/lib/schema/embeds';
import { StoredScreenState } from '@/lib/url-state/stored-screen';
import { APP_WRITE_REFRESH, AppIndex, appIndexName, isEngineStatus } from '@/lib/views/app-index';
import { newViewId } from '@/lib/views/store';

type EmbedDocument = Omit<EmbedRecord, 'id'>;

export const EMBEDS_MAPPING: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    panel: { type: 'keyword' },
    title: { type: 'text', fields: { sort: { type: 'keyword', ignore_above: 512 } } },
    showTitle: { type: 'boolean' },
    state: { type: 'object', enabled: false },
    pod: { type: 'object', enabled: false },
    origins: { type: 'keyword' },
    allowTimeChange: { type: 'boolean' },
    maxWindowHours: { type: 'integer' },
    theme: { type: 'keyword' },
    refreshSeconds: { type: 'integer' },
    createdAt: { type: 'date' },
    expiresAt: { type: 'date' },
  },
};

function fromDocument(id: string, doc: EmbedDocument): EmbedRecord | null {
  const state = StoredScreenState.safeParse(doc.state);
  if (!state.success) return null;
  return { ...doc, id, state: state.data, expiresAt: doc.expiresAt ?? null };
}

export class EmbedStore {
  private readonly index: AppIndex;

  constructor(
    private readonly client: Client,
    indexName: string = appIndexName('embeds'),
  ) {
    this.index = new AppIndex(indexName, EMBEDS_MAPPING);
  }

  async create(record: Omit<EmbedRecord, 'id'>): Promise<EmbedRecord> {
    await this.index.ensure(this.client);
    const id = newViewId();
    await this.client.index({ index: this.index.name, id, document: record, op_type: 'create', refresh: APP_WRITE_REFRESH });
    return { ...record, id };
  }

  async get(id: string): Promise<EmbedRecord | null> {
    await this.index.ensure(this.client);
    try {
      const res = await this.client.get<EmbedDocument>({ index: this.index.name, id });
      return res.found && res._source ? fromDocument(id, res._source) : null;
    } catch (err) {
      if (isEngineStatus(err, 404)) return null;
      throw err;
    }
  }

  async list(limit = 100): Promise<EmbedRecord[]> {
    await this.index.ensure(this.client);
    const res = await this.client.search<EmbedDocument>({
      index: this.index.name,
      size: limit,
      sort: [{ createdAt: 'desc' }],
      query: { match_all: {} },
    });
    return res.hits.hits.flatMap((h) => (h._source && h._id ? (fromDocument(h._id, h._source) ?? []) : []));
  }

  /** True when there was a record to revoke. */
  async revoke(id: string): Promise<boolean> {
    await this.index.ensure(this.client);
    try {
      await this.client.delete({ index: this.index.name, id, refresh: APP_WRITE_REFRESH });
      return true;
    } catch (err) {
      if (isEngineStatus(err, 404)) return false;
      throw err;
    }
  }
}
