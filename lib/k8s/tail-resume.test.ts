import { describe, expect, it } from 'vitest';
import { TailWindow } from '@/lib/k8s/tail-dedup';
import { TailResume } from '@/lib/k8s/tail-resume';

const T0 = Date.parse('2026-11-20T12:00:00.000Z');
const item = (id: string, at: number) => ({ index: 'i', id, timestamp: new Date(at).toISOString() });

describe('TailResume', () => {
  it('opens the first tail as given, and every later one from the cursor without fresh', () => {
    const resume = new TailResume(new URLSearchParams('q=x&from=now&fresh=1'));
    expect(resume.resumable).toBe(false);
    expect(resume.nextQuery()).toBe('q=x&from=now&fresh=1');
    resume.mark('nonsense');
    expect(resume.nextQuery()).toBe('q=x&from=now&fresh=1');
    resume.seen([{ index: 'i', id: 'old', at: T0 - 5_000 }], String(T0));
    expect(resume.resumable).toBe(true);
    const next = new URLSearchParams(resume.nextQuery());
    expect(next.get('from')).toBe(new Date(T0).toISOString());
    expect(next.has('fresh')).toBe(false);
    expect(next.get('q')).toBe('x');
  });

  it('drops what the search had (seen) and what was sent, when a new tail re-sends its overlap', () => {
    const resume = new TailResume(new URLSearchParams('fresh=1'));
    resume.seen([{ index: 'i', id: 'had', at: T0 - 1_000 }], String(T0 - 1_000));
    expect(resume.accept([item('a', T0), item('b', T0 + 1)], String(T0 + 1)).map((x) => x.id)).toEqual(['a', 'b']);
    // The new tail's first batch: its minute of overlap (had, a, b) and what came in the gap (c, late).
    const again = resume.accept([item('had', T0 - 1_000), item('late', T0 - 30_000), item('a', T0), item('b', T0 + 1), item('c', T0 + 2)]);
    expect(again.map((x) => x.id)).toEqual(['late', 'c']);
  });

  it('agrees with the server window: a server and a viewer that took in the same documents resume at the same place', () => {
    const server = new TailWindow(T0);
    const viewer = new TailResume(new URLSearchParams('from=now'));
    const docs = [item('a', T0 + 10), item('b', T0 + 20)];
    server.accept(docs.map((d) => ({ ...d, at: Date.parse(d.timestamp) })));
    viewer.accept(docs, String(server.newestAt));
    expect(Date.parse(new URLSearchParams(viewer.nextQuery()).get('from') ?? '')).toBe(server.newestAt);
  });
});
