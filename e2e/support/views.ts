/**
 * Saved views the specs make through the API, and their cleanup: every view a spec creates gets
 * a unique name and is deleted at the end, so runs never see each other's views.
 */
import type { APIRequestContext } from '@playwright/test';
import type { SavedView } from '@/lib/schema/views';
import { DATASET_RANGE } from './dataset';

export function uniqueViewName(label: string): string {
  return `e2e ${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export interface ViewStateInput {
  source?: string;
  query?: { language: 'kql' | 'lucene'; text: string };
  time?: { from: string; to: string };
  columns?: string[];
  sort?: 'asc' | 'desc';
}

export function viewState(input: ViewStateInput = {}) {
  return {
    schemaVersion: 1,
    ...(input.source ? { source: input.source } : {}),
    query: input.query ?? { language: 'kql', text: '' },
    filters: [],
    time: input.time ?? { from: DATASET_RANGE.from, to: DATASET_RANGE.to },
    columns: input.columns ?? ['namespace', 'pod', 'container', 'level', 'message'],
    sort: input.sort ?? 'desc',
  };
}

export class ViewsMadeBySpecs {
  private readonly ids = new Set<string>();

  track(id: string): string {
    this.ids.add(id);
    return id;
  }

  async create(api: APIRequestContext, name: string, state: ReturnType<typeof viewState>): Promise<SavedView> {
    const res = await api.post('/api/views', { data: { name, description: 'made by an end-to-end spec', state } });
    if (res.status() !== 201) throw new Error(`POST /api/views answered ${res.status()}: ${await res.text()}`);
    const view = (await res.json()) as SavedView;
    this.track(view.id);
    return view;
  }

  async get(api: APIRequestContext, id: string): Promise<SavedView> {
    const res = await api.get(`/api/views/${id}`);
    if (!res.ok()) throw new Error(`GET /api/views/${id} answered ${res.status()}`);
    return (await res.json()) as SavedView;
  }

  /** Views whose name contains `q`, for finding copies made in the UI. */
  async find(api: APIRequestContext, q: string): Promise<SavedView[]> {
    const res = await api.get(`/api/views?${new URLSearchParams({ q, limit: '100' }).toString()}`);
    return ((await res.json()) as { views: SavedView[] }).views;
  }

  async deleteAll(api: APIRequestContext): Promise<void> {
    for (const id of this.ids) {
      const res = await api.delete(`/api/views/${id}`);
      // 404: the spec deleted it itself.
      if (res.status() !== 204 && res.status() !== 404) throw new Error(`DELETE /api/views/${id} answered ${res.status()}`);
    }
    this.ids.clear();
  }
}
