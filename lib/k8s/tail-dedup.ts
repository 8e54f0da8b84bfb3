/**
 * What a live tail has already sent. Documents reach the engine late (its refresh interval,
 * shipper batching and back-off), so each poll re-reads an overlapping window — from a minute
 * before the newest time seen — and drops what it already sent, by `_index` + `_id`. Memory stays
 * bounded: keys older than the window are forgotten, since nothing older is read again. Pure.
 */

/** How late a document may arrive and still be sent: the overlap re-read on every poll. */
export const TAIL_OVERLAP_MS = 60_000;

export interface TailDoc {
  index: string;
  id: string;
  /** Epoch ms of the document's time field. */
  at: number;
}

export class TailWindow {
  private readonly sent = new Map<string, number>();
  private newest: number;

  /** `start`: the first poll reads from here (the newest line the viewer already has, or now). */
  constructor(start: number) {
    this.newest = start;
  }

  /** The inclusive lower bound of the next poll's range. */
  windowStart(): number {
    return this.newest - TAIL_OVERLAP_MS;
  }

  /** The documents of one poll that were not sent before, in the order given; remembers them. */
  accept<T extends TailDoc>(docs: readonly T[]): T[] {
    const fresh: T[] = [];
    for (const doc of docs) {
      const key = `${doc.index}\u0000${doc.id}`;
      if (this.sent.has(key) || doc.at < this.windowStart()) continue;
      this.sent.set(key, doc.at);
      fresh.push(doc);
    }
    for (const doc of fresh) if (doc.at > this.newest) this.newest = doc.at;
    this.forgetBefore(this.windowStart());
    return fresh;
  }

  /** Epoch ms of the newest document sent, or the start: where a follow-up tail resumes without a gap. */
  get newestAt(): number {
    return this.newest;
  }

  /** Keys remembered, for tests of the memory bound. */
  get remembered(): number {
    return this.sent.size;
  }

  private forgetBefore(bound: number): void {
    for (const [key, at] of this.sent) if (at < bound) this.sent.delete(key);
  }
}
