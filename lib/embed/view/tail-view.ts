/**
 * A live-tail panel's markup (lib/embed/view/tree.ts): the status line and the terminal-like
 * lines of the pod view (components/pods/live-bar.tsx, log-terminal.tsx) with the same test ids
 * and roles, for an embed's script to render without React. Multi-line events fold behind a
 * "N more lines" toggle and very long lines behind "show all", as in the pod view. Pure.
 */
import { formatLineTime, LONG_LINE_CHARS } from '@/components/pods/line-time';
import { MAX_LIVE_LINES, READABLE_LINES_PER_SECOND, type LiveTail } from '@/lib/k8s/live-tail-follower';
import type { LogItem } from '@/lib/k8s/separators';
import type { LogLine } from '@/lib/schema/pod-logs';
import { messageView } from './panel-view';
import { h, type ViewElement } from './tree';

export function tailShellView(): ViewElement {
  return h(
    'div',
    { class: 'lxe-tail' },
    h('div', { 'data-part': 'live-bar' }),
    h(
      'div',
      { class: 'lxe-tail-lines', 'data-part': 'scroller' },
      h('p', { class: 'lxe-none', 'data-part': 'no-lines', hidden: true }, 'No new lines yet.'),
      h('div', { class: 'lxe-terminal', role: 'log', 'aria-label': 'Log lines', 'data-testid': 'log-terminal', 'data-part': 'terminal' }),
    ),
  );
}

const count = (n: number) => n.toLocaleString('en-US');

export function liveBarView(live: LiveTail, paused: boolean, unseen: number): ViewElement {
  const rate = Math.round(live.linesPerSecond);
  return h(
    'div',
    { class: 'lxe-live-bar', 'data-testid': 'live-bar', 'aria-live': 'polite' },
    h('span', { class: live.connected ? 'lxe-live-on' : 'lxe-live-off' }, live.connected ? '● Live' : '○ Connecting…'),
    live.lagMs !== null ? h('span', { 'data-testid': 'ingest-lag' }, `ingest lag ${(live.lagMs / 1000).toFixed(1)} s`) : null,
    h('span', {}, `${count(live.lines.length)} new lines`),
    rate > READABLE_LINES_PER_SECOND
      ? h('strong', { 'data-testid': 'too-fast' }, `≈ ${rate} lines/s — faster than anyone can read; pause, or narrow to one container`)
      : null,
    live.dropped > 0
      ? h('span', {}, `${count(live.dropped)} older live lines dropped (the view keeps the newest ${count(MAX_LIVE_LINES)})`)
      : null,
    live.problem ? h('span', { class: 'lxe-live-problem' }, live.problem) : null,
    paused
      ? h(
          'button',
          { type: 'button', 'data-testid': 'resume-live', 'data-action': 'resume' },
          `Paused · ${count(unseen)} new ${unseen === 1 ? 'line' : 'lines'} — resume`,
        )
      : null,
  );
}

/** One entry of the terminal: a line, or a multi-line event (its first line, the rest when `open`). */
export function tailEntryView(item: LogItem, open: boolean, whole: ReadonlySet<string>): ViewElement {
  if (item.kind === 'restart') {
    const r = item.restart;
    return h(
      'div',
      {
        class: 'lxe-restart',
        role: 'separator',
        'data-testid': 'restart-separator',
        'data-restart-at': r.at,
        'data-container': r.container,
      },
      `↻ ${r.container} restarted · new container ${r.containerId.slice(0, 12)} from ${formatLineTime(r.at)}`,
    );
  }
  const [head, ...rest] = item.lines as [LogLine, ...LogLine[]];
  const toggle =
    rest.length > 0
      ? h(
          'button',
          { type: 'button', class: 'lxe-toggle', 'aria-expanded': String(open), 'data-action': 'more' },
          `${open ? '▾' : '▸'} ${rest.length} more ${rest.length === 1 ? 'line' : 'lines'}`,
        )
      : null;
  return h(
    'div',
    {
      class: 'lxe-entry',
      'data-testid': rest.length > 0 ? 'multiline-event' : undefined,
      'data-lines': item.lines.length,
      'data-entry': head.id,
    },
    lineView(head, whole.has(head.id), false, toggle),
    ...(open ? rest.map((line) => lineView(line, whole.has(line.id), true, null)) : []),
  );
}

function lineView(line: LogLine, whole: boolean, continuation: boolean, toggle: ViewElement | null): ViewElement {
  const long = line.message.length > LONG_LINE_CHARS;
  return h(
    'div',
    {
      class: `lxe-line${continuation ? ' lxe-continuation' : ''}${line.stream === 'stderr' ? ' lxe-stderr' : ''}`,
      'data-line-id': line.id,
      'data-timestamp': line.timestamp,
      'data-container': line.container,
      'data-pod': line.pod,
    },
    h('span', { class: 'lxe-line-time' }, formatLineTime(line.timestamp)),
    h('span', { class: 'lxe-label', title: `${line.pod} / ${line.container}` }, line.container),
    h(
      'span',
      { class: 'lxe-line-message' },
      ...messageView(line.message, undefined, long && !whole ? LONG_LINE_CHARS : undefined),
      long
        ? h(
            'button',
            { type: 'button', class: 'lxe-toggle', 'data-action': 'whole', 'data-line': line.id },
            whole ? 'show less' : `show all ${count(line.message.length)} characters`,
          )
        : null,
      toggle,
    ),
  );
}
