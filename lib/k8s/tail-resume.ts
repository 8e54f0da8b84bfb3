/**
 * The viewer's half of a live tail that survives reconnects exactly once. The server marks
 * every event with an SSE `id:` — its cursor, the epoch ms of the newest document its window has
 * taken in (TailWindow.newestAt) — and, for `fresh=1`, names in a `seen` event the documents its
 * first poll found already there (the explorer's search has them). The viewer keeps the same
 * window (lib/k8s/tail-dedup.ts) over what it was sent and what it was told it has; a new tail
 * opens from the cursor without `fresh`, re-reads the minute before it, and the window drops
 * every document taken in before: none lost in the gap, none twice, whether the new tail lands
 * on this replica or another. Pure: the hook (components/pods/use-live-tail.ts) and the tests
 * drive it with what the stream sent.
 */
import { TailWindow, type TailDoc } from '@/lib/k8s/tail-dedup';

/** What the tail events carry: lines and hits both have these. */
export interface TailItem {
  index: string;
  id: string;
  timestamp: string;
}

/** A cursor is the server's newest time in epoch ms; anything else (a hand-made id) is ignored. */
const CURSOR = /^\d{1,16}$/;

export class TailResume {
  // Starts at 0: until the server says otherwise, the viewer has nothing it could be sent twice.
  private readonly window = new TailWindow(0);
  private cursor: number | null = null;

  /** `params`: the first tail's query (its `from`, `fresh=1` for the explorer, the scope). */
  constructor(private readonly params: URLSearchParams) {}

  /** An event's SSE id: where a new tail resumes. */
  mark(eventId: string | null | undefined): void {
    if (eventId && CURSOR.test(eventId)) this.cursor = Number(eventId);
  }

  /** A `seen` event (`fresh=1`): documents the viewer has from its search, never to be shown as new. */
  seen(docs: readonly TailDoc[], eventId?: string | null): void {
    this.window.accept(docs);
    this.mark(eventId);
  }

  /** A `lines` or `hits` event: the items not taken in before, in the order sent. */
  accept<T extends TailItem>(items: readonly T[], eventId?: string | null): T[] {
    const fresh = this.window.accept(items.map((item) => ({ index: item.index, id: item.id, at: Date.parse(item.timestamp), item })));
    this.mark(eventId);
    return fresh.map((f) => f.item);
  }

  /** Whether a cursor came: before one, a new tail is the first one again (nothing was recorded). */
  get resumable(): boolean {
    return this.cursor !== null;
  }

  /**
   * The query string of the next tail: from the cursor, without `fresh` (the new tail must send
   * what became visible in the gap; what it re-sends, the window drops); before any cursor, the
   * first tail's own.
   */
  nextQuery(): string {
    if (this.cursor === null) return this.params.toString();
    const next = new URLSearchParams(this.params);
    next.set('from', new Date(this.cursor).toISOString());
    next.delete('fresh');
    return next.toString();
  }
}
