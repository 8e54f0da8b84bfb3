/**
 * Multi-line events: a container that prints a stack trace writes one line per document (that
 * is how Docker's json-file driver and the CRI log format store it), and a reader wants the
 * trace as one event. Consecutive lines of one container instance and stream that continue a
 * Java stack trace, a Python traceback or a Go panic — or are indented under the line before —
 * become one group. The rules follow Fluent Bit's built-in multiline parsers (java, python, go)
 * and Fluentd's detect_exceptions; they are our own, pure and unit-tested.
 *
 * Never more than MAX_GAP_MS between two lines of a group and never more than MAX_GROUP_LINES
 * lines; stdout and stderr, and different containers, never mix, even when interleaved.
 */

export const MAX_GAP_MS = 1_000;
export const MAX_GROUP_LINES = 1_000;

export interface GroupableLine {
  timestamp: string;
  message: string;
  pod: string;
  container: string;
  containerId: string;
  stream: string;
  level?: string;
}

type TraceKind = 'java' | 'python' | 'go' | 'indent';

/** `com.acme.FooException: …`, `Exception in thread "main" java.lang.OutOfMemoryError: …`. */
const JAVA_HEAD = /^(?:Exception in thread "[^"]*" )?(?:[a-zA-Z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error|Throwable)(?::.*)?$/;
const JAVA_CONT = [
  /^\s+at\s/,
  /^\s*\.\.\. \d+ (?:more|common frames omitted)\s*$/,
  /^\s*Caused by: /,
  /^\s*Suppressed: /,
  // What the JVM prints after the trace when it exits on OutOfMemoryError.
  /^Terminating due to java\.lang\.OutOfMemoryError/,
];
const PYTHON_HEAD = /^Traceback \(most recent call last\):\s*$/;
const PYTHON_CONT = /^\s+\S/;
/** The exception line ends a traceback: `KeyError: 'x'`, `ValueError`, `requests.exceptions.Timeout: …`. */
const PYTHON_END = /^[A-Za-z_][\w.]*(?::.*)?$/;
const PYTHON_CHAINED =
  /^(?:During handling of the above exception, another exception occurred:|The above exception was the direct cause of the following exception:)\s*$/;
const GO_HEAD = /^panic: /;
const GO_CONT = [
  /^\[signal .*\]$/,
  /^$/,
  /^goroutine \d+ \[[^\]]*\]:$/,
  /^created by \S/,
  /^\t\S/,
  /^[\w./*()-]+\(.*\)$/,
  /^exit status \d+$/,
];
const INDENTED = /^[ \t]+\S/;
/** A log entry at error level whose stack trace may follow on the next lines. */
const ERROR_ENTRY = /\b(?:ERROR|SEVERE|FATAL|Error|error)\b/;

function headKind(text: string): TraceKind | null {
  if (JAVA_HEAD.test(text)) return 'java';
  if (PYTHON_HEAD.test(text)) return 'python';
  if (GO_HEAD.test(text)) return 'go';
  return null;
}

interface OpenGroup {
  kind: TraceKind;
  /** Indexes into the input, first is the head. */
  members: number[];
  lastAt: number;
  /** Python: the exception line was seen; only a chained-exception notice may continue. */
  ended: boolean;
  /** Python after a chained notice: expects a blank line or a new `Traceback`. */
  chained: boolean;
}

function continues(group: OpenGroup, text: string): boolean {
  switch (group.kind) {
    case 'java':
      return JAVA_CONT.some((re) => re.test(text));
    case 'python':
      if (group.chained) return text === '' || PYTHON_HEAD.test(text);
      if (group.ended) return PYTHON_CHAINED.test(text) || text === '';
      return PYTHON_CONT.test(text) || PYTHON_END.test(text);
    case 'go':
      return GO_CONT.some((re) => re.test(text));
    case 'indent':
      return INDENTED.test(text);
  }
}

function advance(group: OpenGroup, text: string): void {
  if (group.kind !== 'python') return;
  if (group.chained) {
    if (PYTHON_HEAD.test(text)) group.chained = false;
    return;
  }
  if (group.ended) {
    if (PYTHON_CHAINED.test(text)) {
      group.chained = true;
      group.ended = false;
    }
  } else if (!PYTHON_CONT.test(text) && PYTHON_END.test(text)) group.ended = true;
}

const keyOf = (l: GroupableLine) => `${l.pod}\u0000${l.container}\u0000${l.containerId}\u0000${l.stream}`;

/**
 * Groups of line indexes, in the order of their first line; a line on its own is a group of
 * one. `lines` must be in the order they were written (time, then sequence).
 */
export function groupMultiline(lines: readonly GroupableLine[]): number[][] {
  const groups: number[][] = [];
  const groupOf = new Map<number, number[]>();
  const open = new Map<string, OpenGroup>();
  const lastLine = new Map<string, { index: number; at: number }>();

  lines.forEach((line, i) => {
    const key = keyOf(line);
    const at = Date.parse(line.timestamp);
    const text = line.message;
    const previous = lastLine.get(key);
    lastLine.set(key, { index: i, at });
    const group = open.get(key);
    const near = (t: number) => at - t <= MAX_GAP_MS && at >= t;

    if (group && near(group.lastAt) && group.members.length < MAX_GROUP_LINES && continues(group, text)) {
      advance(group, text);
      group.members.push(i);
      group.lastAt = at;
      return;
    }
    open.delete(key);

    const kind = headKind(text);
    // An indented line, or a Java exception right after an error entry, continues the line before it.
    const previousAlone = previous && near(previous.at) && groupOf.get(previous.index)?.length === 1;
    const attach =
      previousAlone && previous && ((kind === null && INDENTED.test(text)) || (kind === 'java' && isErrorEntry(lines[previous.index])));
    if (attach && previous) {
      const members = groupOf.get(previous.index) as number[];
      members.push(i);
      groupOf.set(i, members);
      open.set(key, { kind: kind ?? 'indent', members, lastAt: at, ended: false, chained: false });
      return;
    }
    const members = [i];
    groups.push(members);
    groupOf.set(i, members);
    if (kind) open.set(key, { kind, members, lastAt: at, ended: false, chained: false });
  });
  return groups;
}

function isErrorEntry(line: GroupableLine | undefined): boolean {
  if (!line) return false;
  if (line.level === 'error' || line.level === 'fatal') return true;
  return ERROR_ENTRY.test(line.message) && headKind(line.message) === null;
}
