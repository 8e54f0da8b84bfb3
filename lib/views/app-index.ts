/**
 * The indices the app owns (saved views, short links). They are created on first use with an
 * explicit, strict mapping, so a bug can never widen them by writing an unexpected field, and
 * a full cluster and the local one get the same shape.
 */
import type { Client, estypes } from '@elastic/elasticsearch';
import { errors } from '@elastic/elasticsearch';

export const DEFAULT_APP_INDEX_PREFIX = 'log-explorer-';

export function appIndexName(kind: 'views' | 'links' | 'embeds', env: Readonly<Record<string, string | undefined>> = process.env): string {
  const prefix = env.APP_INDEX_PREFIX?.trim() || DEFAULT_APP_INDEX_PREFIX;
  const name = `${prefix}${kind}`.toLowerCase();
  // Index names have their own rules; fail at startup rather than on the first save.
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(name) || name.length > 255) {
    throw new Error(`APP_INDEX_PREFIX gives an invalid index name: ${JSON.stringify(name)}`);
  }
  return name;
}

export const APP_INDEX_SETTINGS: estypes.IndicesIndexSettings = {
  number_of_shards: 1,
  // One copy on a single node (stays green), two on a cluster so a lost node loses no views.
  auto_expand_replicas: '0-1',
};

/**
 * Writes return only after a refresh that makes them visible to search, so an acknowledged save
 * is in the very next list. `refresh: true` rather than `wait_for`: `wait_for` parks each write
 * until the next scheduled refresh (1 s by default, measured ~1 s per save here), which would
 * break the 50 ms save budget; a forced refresh of these one-shard, human-rate indices costs a
 * few milliseconds. Durability does not depend on it: the translog is fsynced per request.
 */
export const APP_WRITE_REFRESH = true;

/** The engine answered this HTTP status (404 for a missing document, 409 for a version clash). */
export function isEngineStatus(err: unknown, status: number): boolean {
  return err instanceof errors.ResponseError && err.statusCode === status;
}

function alreadyExists(err: unknown): boolean {
  return err instanceof errors.ResponseError && err.body?.error?.type === 'resource_already_exists_exception';
}

/**
 * Creates the index once per process and remembers that it exists. A failure (engine down) is
 * not remembered, so the next request tries again.
 */
export class AppIndex {
  private ready: Promise<void> | undefined;

  constructor(
    readonly name: string,
    private readonly mappings: estypes.MappingTypeMapping,
  ) {}

  ensure(client: Client): Promise<void> {
    if (!this.ready) {
      this.ready = this.create(client).catch((err: unknown) => {
        this.ready = undefined;
        throw err;
      });
    }
    return this.ready;
  }

  /**
   * An index made by an older release gets the fields added since (adding a field is always
   * allowed). If the engine refuses (a field changed type by hand), the index is used as it is:
   * only a write of the new field would then fail, with the engine's reason.
   */
  private async addNewFields(client: Client): Promise<void> {
    try {
      await client.indices.putMapping({ index: this.name, ...this.mappings });
    } catch (err) {
      if (!(err instanceof errors.ResponseError && err.statusCode === 400)) throw err;
      console.warn(`[app-index] ${this.name}: could not add new fields to the mapping`, err.body?.error?.reason ?? '');
    }
  }

  private async create(client: Client): Promise<void> {
    if (await client.indices.exists({ index: this.name })) {
      await this.addNewFields(client);
      return;
    }
    try {
      await client.indices.create({
        index: this.name,
        settings: APP_INDEX_SETTINGS,
        mappings: this.mappings,
        wait_for_active_shards: 1,
      });
    } catch (err) {
      // Another replica of the app, or a concurrent first request, created it first.
      if (!alreadyExists(err)) throw err;
    }
  }
}
