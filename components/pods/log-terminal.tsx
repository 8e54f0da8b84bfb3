'use client';
/**
 * A terminal-like list of log entries: monospace, oldest first, each line tagged with its
 * container (or pod) in that name's colour, restart separators between instances, multi-line
 * events collapsible. Lines are text, never HTML (ANSI colours become classes).
 */
import { memo, useState, type ReactNode } from 'react';
import { MessageText } from '@/components/results/message-text';
import type { LogItem } from '@/lib/k8s/separators';
import type { LogLine, RestartSeparator } from '@/lib/schema/pod-logs';
import { formatLineTime } from './line-time';
import styles from './pods.module.css';

export interface LogTerminalProps {
  items: readonly LogItem[];
  labelOf: (line: LogLine) => string;
  slotOf: (line: LogLine) => number;
  timestamps: boolean;
  markedLine: string | null;
  lineActions?: (line: LogLine) => ReactNode;
}

export const LogTerminal = memo(function LogTerminal({ items, labelOf, slotOf, timestamps, markedLine, lineActions }: LogTerminalProps) {
  return (
    <div className={styles.terminal} role="log" aria-label="Log lines" data-testid="log-terminal">
      {items.map((item) =>
        item.kind === 'restart' ? (
          <RestartRow key={`r-${item.restart.containerId}`} restart={item.restart} />
        ) : (
          <Entry
            key={item.lines[0]?.id ?? item.first}
            lines={item.lines}
            label={labelOf(item.lines[0] as LogLine)}
            slot={slotOf(item.lines[0] as LogLine)}
            timestamps={timestamps}
            markedLine={markedLine}
            lineActions={lineActions}
          />
        ),
      )}
    </div>
  );
});

function RestartRow({ restart }: { restart: RestartSeparator }) {
  return (
    <div
      className={styles.restart}
      role="separator"
      data-testid="restart-separator"
      data-restart-at={restart.at}
      data-container={restart.container}
      data-previous-lines={restart.previousLines}
    >
      <span>
        ↻ <strong>{restart.container}</strong> restarted · new container {restart.containerId.slice(0, 12)} from{' '}
        {formatLineTime(restart.at)} · the previous instance ({restart.previousContainerId.slice(0, 12)}) wrote{' '}
        {restart.previousLines.toLocaleString('en-US')} {restart.previousLines === 1 ? 'line' : 'lines'}, the last at{' '}
        {formatLineTime(restart.previousLastLine)}
      </span>
    </div>
  );
}

interface EntryProps {
  lines: readonly LogLine[];
  label: string;
  slot: number;
  timestamps: boolean;
  markedLine: string | null;
  lineActions: LogTerminalProps['lineActions'];
}

function Entry({ lines, label, slot, timestamps, markedLine, lineActions }: EntryProps) {
  const holdsMark = markedLine !== null && lines.some((l) => l.id === markedLine);
  const [open, setOpen] = useState(holdsMark);
  const head = lines[0] as LogLine;
  const rest = lines.length - 1;
  return (
    <div className={styles.entry} data-testid={rest > 0 ? 'multiline-event' : undefined} data-lines={lines.length}>
      <Line
        line={head}
        label={label}
        slot={slot}
        timestamps={timestamps}
        marked={head.id === markedLine}
        actions={lineActions?.(head)}
        toggle={
          rest > 0 ? (
            <button type="button" className={styles.toggle} aria-expanded={open} onClick={() => setOpen(!open)}>
              {open ? '▾' : '▸'} {rest} more {rest === 1 ? 'line' : 'lines'}
            </button>
          ) : null
        }
      />
      {open
        ? lines
            .slice(1)
            .map((line) => (
              <Line
                key={line.id}
                line={line}
                label={label}
                slot={slot}
                timestamps={timestamps}
                marked={line.id === markedLine}
                continuation
              />
            ))
        : null}
    </div>
  );
}

interface LineProps {
  line: LogLine;
  label: string;
  slot: number;
  timestamps: boolean;
  marked: boolean;
  continuation?: boolean;
  actions?: ReactNode;
  toggle?: ReactNode;
}

function Line({ line, label, slot, timestamps, marked, continuation, actions, toggle }: LineProps) {
  const className = [
    styles.line,
    marked ? styles.marked : '',
    continuation ? styles.continuation : '',
    line.stream === 'stderr' ? styles.stderr : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={className} data-line-id={line.id} data-timestamp={line.timestamp} data-container={line.container} data-pod={line.pod}>
      {timestamps ? <span className={styles.time}>{formatLineTime(line.timestamp)}</span> : null}
      <span className={`${styles.label} ${styles[`slot${slot}`] ?? ''}`} title={`${line.pod} / ${line.container}`}>
        {label}
      </span>
      <span className={styles.message}>
        <MessageText message={line.message} />
        {toggle}
      </span>
      {actions ? <span className={styles.actions}>{actions}</span> : null}
    </div>
  );
}
