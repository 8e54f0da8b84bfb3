'use client';
/**
 * A terminal-like list of log entries: monospace, oldest first, each line tagged with its
 * container (or pod) in that name's colour, restart separators between instances, multi-line
 * events collapsible. Lines are text, never HTML (ANSI colours become classes).
 */
import { memo, useMemo, useState, type ReactNode } from 'react';
import { MessageText } from '@/components/results/message-text';
import { JsonMessageView, type JsonFilterActions } from '@/components/document/json-message-view';
import { parseJsonMessage } from '@/lib/documents/json-message';
import type { LogItem } from '@/lib/k8s/separators';
import type { LogLine, RestartSeparator } from '@/lib/schema/pod-logs';
import { formatLineTime, LONG_LINE_CHARS } from './line-time';
import styles from './pods.module.css';

export interface LogTerminalProps {
  items: readonly LogItem[];
  labelOf: (line: LogLine) => string;
  slotOf: (line: LogLine) => number;
  timestamps: boolean;
  markedLine: string | null;
  lineActions?: (line: LogLine) => ReactNode;
  /** A JSON line's keys offer filters through these (links to the explorer); none when left out. */
  json?: JsonFilterActions;
}

const NO_FILTERS: JsonFilterActions = { isField: () => false };

export const LogTerminal = memo(function LogTerminal({
  items,
  labelOf,
  slotOf,
  timestamps,
  markedLine,
  lineActions,
  json = NO_FILTERS,
}: LogTerminalProps) {
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
            json={json}
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
  json: JsonFilterActions;
}

function Entry({ lines, label, slot, timestamps, markedLine, lineActions, json }: EntryProps) {
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
        json={json}
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
                json={json}
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
  json: JsonFilterActions;
  continuation?: boolean;
  actions?: ReactNode;
  toggle?: ReactNode;
}

function Line({ line, label, slot, timestamps, marked, json, continuation, actions, toggle }: LineProps) {
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
        <LineMessage message={line.message} json={json} />
        {toggle}
      </span>
      {actions ? <span className={styles.actions}>{actions}</span> : null}
    </div>
  );
}

function looksLikeJson(text: string): boolean {
  const t = text.trim();
  return t.startsWith('{') && t.endsWith('}');
}

/** The message: a long one cut with "show all", a JSON one with a toggle to its keys and pretty form. */
function LineMessage({ message, json }: { message: string; json: JsonFilterActions }) {
  const [whole, setWhole] = useState(false);
  const [open, setOpen] = useState(false);
  const long = message.length > LONG_LINE_CHARS;
  const parsed = useMemo(() => (open ? parseJsonMessage(message) : null), [open, message]);
  return (
    <>
      <MessageText message={message} maxChars={long && !whole ? LONG_LINE_CHARS : undefined} />
      {long ? (
        <button type="button" className={styles.toggle} onClick={() => setWhole(!whole)}>
          {whole ? 'show less' : `show all ${message.length.toLocaleString('en-US')} characters`}
        </button>
      ) : null}
      {looksLikeJson(message) ? (
        <button
          type="button"
          className={styles.toggle}
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          title="The JSON line's keys, pretty-printed"
        >
          {open ? '▾' : '▸'} JSON
        </button>
      ) : null}
      {parsed ? <JsonMessageView json={parsed} actions={json} /> : null}
    </>
  );
}
