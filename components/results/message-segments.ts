/**
 * Splits a log message into plain-text segments for rendering: ANSI escape sequences are
 * consumed (SGR colours become a class from a fixed list, everything else is dropped) and the
 * server's highlight ranges — offsets into the raw message, escapes included — become marks.
 * Nothing from the message ever becomes markup; it only ever ends up as text.
 */
import type { HighlightRange } from '@/lib/schema/search';

export interface MessageSegment {
  text: string;
  /** Space-separated class names, all from ANSI_CLASSES; empty for unstyled text. */
  className: string;
  mark: boolean;
}

interface TextRun {
  start: number;
  end: number;
  className: string;
}

// CSI (colours, cursor moves), OSC (titles, hyperlinks) and two-character escapes.
// eslint-disable-next-line no-control-regex -- matching ANSI escape sequences (ESC, BEL) is the point
const ESCAPE = /\x1b\[([0-?]*)[ -/]*([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?/g;

interface SgrState {
  fg: number | null;
  bg: number | null;
  bold: boolean;
  dim: boolean;
  italic: boolean;
  underline: boolean;
}

const PLAIN: SgrState = { fg: null, bg: null, bold: false, dim: false, italic: false, underline: false };

function isColour(code: number, base: number): boolean {
  return (code >= base && code <= base + 7) || (code >= base + 60 && code <= base + 67);
}

function applySgr(state: SgrState, params: string): SgrState {
  const codes = params === '' ? [0] : params.split(';').map((p) => (p === '' ? 0 : Number(p)));
  let next = { ...state };
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] ?? 0;
    if (code === 0) next = { ...PLAIN };
    else if (code === 1) next.bold = true;
    else if (code === 2) next.dim = true;
    else if (code === 3) next.italic = true;
    else if (code === 4) next.underline = true;
    else if (code === 22) next = { ...next, bold: false, dim: false };
    else if (code === 23) next.italic = false;
    else if (code === 24) next.underline = false;
    else if (code === 39) next.fg = null;
    else if (code === 49) next.bg = null;
    else if (isColour(code, 30)) next.fg = code;
    else if (isColour(code, 40)) next.bg = code;
    else if (code === 38 || code === 48) {
      // 256-colour and true-colour forms: skip their arguments, keep the default colour.
      i += codes[i + 1] === 5 ? 2 : codes[i + 1] === 2 ? 4 : 0;
    }
  }
  return next;
}

function classOf(state: SgrState): string {
  const names: string[] = [];
  if (state.fg !== null) names.push(`ansi-fg-${state.fg}`);
  if (state.bg !== null) names.push(`ansi-bg-${state.bg}`);
  if (state.bold) names.push('ansi-bold');
  if (state.dim) names.push('ansi-dim');
  if (state.italic) names.push('ansi-italic');
  if (state.underline) names.push('ansi-underline');
  return names.join(' ');
}

function textRuns(message: string): TextRun[] {
  const runs: TextRun[] = [];
  let style = PLAIN;
  let pos = 0;
  ESCAPE.lastIndex = 0;
  for (let m = ESCAPE.exec(message); m !== null; m = ESCAPE.exec(message)) {
    if (m.index > pos) runs.push({ start: pos, end: m.index, className: classOf(style) });
    if (m[2] === 'm') style = applySgr(style, m[1] ?? '');
    pos = m.index + m[0].length;
  }
  if (pos < message.length) runs.push({ start: pos, end: message.length, className: classOf(style) });
  return runs;
}

function normaliseRanges(ranges: readonly HighlightRange[] | undefined, length: number): HighlightRange[] {
  if (!ranges) return [];
  const valid = ranges
    .filter(([s, e]) => Number.isInteger(s) && Number.isInteger(e) && s < e && s < length && e > 0)
    .map(([s, e]): HighlightRange => [Math.max(0, s), Math.min(length, e)])
    .sort((a, b) => a[0] - b[0]);
  const merged: HighlightRange[] = [];
  for (const range of valid) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** `maxChars` bounds the visible text (escapes not counted) so one huge line cannot stall a table. */
export function messageSegments(
  message: string,
  highlight?: readonly HighlightRange[],
  maxChars = Number.POSITIVE_INFINITY,
): { segments: MessageSegment[]; truncated: boolean; visibleLength: number } {
  const ranges = normaliseRanges(highlight, message.length);
  const segments: MessageSegment[] = [];
  let budget = maxChars;
  let visibleLength = 0;
  let truncated = false;
  let r = 0;
  for (const run of textRuns(message)) {
    visibleLength += run.end - run.start;
    let pos = run.start;
    while (pos < run.end) {
      while (r < ranges.length && (ranges[r]?.[1] ?? 0) <= pos) r++;
      const range = ranges[r];
      const inMark = range !== undefined && range[0] <= pos;
      const stop = range === undefined ? run.end : Math.min(run.end, inMark ? range[1] : range[0]);
      if (budget <= 0) {
        truncated = true;
        break;
      }
      const end = Math.min(stop, pos + budget);
      segments.push({ text: message.slice(pos, end), className: run.className, mark: inMark });
      budget -= end - pos;
      if (end < stop) truncated = true;
      pos = stop;
    }
  }
  return { segments, truncated, visibleLength };
}
