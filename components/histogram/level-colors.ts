/**
 * One colour per level, the same everywhere (chart, facet, table) and from one list, so "error"
 * is the same red on every screen. Unknown levels get a colour derived from their name, which
 * keeps them stable across reloads without a registry.
 */
const KNOWN: Record<string, string> = {
  fatal: '#7a0b0b',
  critical: '#7a0b0b',
  panic: '#7a0b0b',
  error: '#d63a3a',
  err: '#d63a3a',
  warn: '#e0a100',
  warning: '#e0a100',
  info: '#3f7fd6',
  notice: '#3f7fd6',
  debug: '#8a94a6',
  trace: '#b9c0cc',
};

const ORDER = ['fatal', 'critical', 'panic', 'error', 'err', 'warn', 'warning', 'notice', 'info', 'debug', 'trace'];
const FALLBACK = ['#2a9d8f', '#8e6bbf', '#c76b98', '#6b8e23', '#b5651d', '#4682b4'];
export const NO_LEVEL_KEY = '(none)';
const NO_LEVEL_COLOUR = '#a7b0bd';

export function levelColour(level: string): string {
  const known = KNOWN[level.toLowerCase()];
  if (known) return known;
  if (level === NO_LEVEL_KEY) return NO_LEVEL_COLOUR;
  let hash = 0;
  for (const ch of level) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return FALLBACK[hash % FALLBACK.length] ?? NO_LEVEL_COLOUR;
}

/** Most severe at the bottom of a stack, then unknown levels alphabetically. */
export function sortLevels(levels: Iterable<string>): string[] {
  const rank = (l: string) => {
    const i = ORDER.indexOf(l.toLowerCase());
    return i === -1 ? ORDER.length : i;
  };
  return [...new Set(levels)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
