/**
 * A live-tail panel in the browser: follows the embed's tail route (lib/k8s/live-tail-follower.ts,
 * the pod view's own follower: resumes exactly once, bounded memory) and draws its lines with the
 * tail views (lib/embed/view/tail-view.ts). Follow-scroll as in the pod view: new lines keep the
 * view at the bottom unless the reader scrolled up — then it is paused and counts what came.
 * Only the entries that changed are drawn again, so thousands of lines stay cheap.
 */
import { panelTail, type PanelData } from '@/lib/embed/panel-data';
import { PART } from '@/lib/embed/view/panel-view';
import { liveBarView, tailEntryView, tailShellView } from '@/lib/embed/view/tail-view';
import { renderInto, toDom } from '@/lib/embed/view/tree';
import { followLiveTail, IDLE_TAIL, type LiveTail } from '@/lib/k8s/live-tail-follower';
import { logItems, type LogItem } from '@/lib/k8s/separators';

const AT_BOTTOM_PX = 40;

export function startTailPanel(root: HTMLElement, source: PanelData): () => void {
  const doc = root.ownerDocument;
  const body = root.querySelector<HTMLElement>(PART.body);
  if (!body) return () => undefined;
  renderInto(body, [tailShellView()]);
  const part = (name: string) => body.querySelector<HTMLElement>(`[data-part="${name}"]`) as HTMLElement;
  const [bar, scroller, terminal, none] = [part('live-bar'), part('scroller'), part('terminal'), part('no-lines')];

  let live: LiveTail = IDLE_TAIL;
  let items: LogItem[] = [];
  let drawnDropped = 0;
  /** The line count when the reader scrolled away; null while following. */
  let pausedAt: number | null = null;
  const openEntries = new Set<string>();
  const wholeLines = new Set<string>();

  const entryKey = (item: LogItem) => (item.kind === 'entry' ? (item.lines[0]?.id ?? '') : `restart-${item.restart.containerId}`);
  const entryNode = (item: LogItem) => toDom(tailEntryView(item, openEntries.has(entryKey(item)), wholeLines), doc) as Node;

  function drawBar(): void {
    const paused = pausedAt !== null;
    renderInto(bar, [liveBarView(live, paused, paused ? Math.max(0, live.lines.length - (pausedAt ?? 0)) : 0)]);
    none.hidden = !(live.connected && live.lines.length === 0);
  }

  function drawLines(): void {
    const next = logItems(live.lines, []);
    // New lines only add entries or grow the last one; lines dropped off the front shift them all.
    const from = live.dropped !== drawnDropped ? 0 : Math.max(0, Math.min(items.length, next.length) - 1);
    while (terminal.childNodes.length > from) terminal.lastChild?.remove();
    terminal.append(...next.slice(from).map(entryNode));
    items = next;
    drawnDropped = live.dropped;
    if (pausedAt === null) scroller.scrollTop = scroller.scrollHeight;
  }

  /** Draws one entry again (a toggle changed it). */
  function redraw(entry: HTMLElement): void {
    const item = items.find((i) => entryKey(i) === entry.dataset.entry);
    if (item) entry.replaceWith(entryNode(item));
  }

  const onScroll = () => {
    const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < AT_BOTTOM_PX;
    const was = pausedAt;
    pausedAt = atBottom ? null : (pausedAt ?? live.lines.length);
    if ((was === null) !== (pausedAt === null)) drawBar();
  };
  const onClick = (event: MouseEvent) => {
    const button = (event.target as Element | null)?.closest<HTMLElement>('[data-action]');
    if (!button || !root.contains(button)) return;
    const entry = button.closest<HTMLElement>('[data-entry]');
    const action = button.dataset.action;
    if (action === 'resume') {
      pausedAt = null;
      scroller.scrollTop = scroller.scrollHeight;
      drawBar();
    } else if (action === 'more' && entry?.dataset.entry) {
      const key = entry.dataset.entry;
      if (!openEntries.delete(key)) openEntries.add(key);
      redraw(entry);
    } else if (action === 'whole' && entry && button.dataset.line) {
      const line = button.dataset.line;
      if (!wholeLines.delete(line)) wholeLines.add(line);
      redraw(entry);
    }
  };
  scroller.addEventListener('scroll', onScroll, { passive: true });
  root.addEventListener('click', onClick);

  const tail = panelTail(source);
  const query = new URLSearchParams(Object.entries(tail.params).filter((e): e is [string, string] => e[1] !== undefined)).toString();
  drawBar();
  const stop = followLiveTail(tail.path, query, 'lines', (state) => {
    const grew = state.lines !== live.lines;
    live = state;
    if (grew) drawLines();
    drawBar();
  });

  return () => {
    stop();
    scroller.removeEventListener('scroll', onScroll);
    root.removeEventListener('click', onClick);
  };
}
