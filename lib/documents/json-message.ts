/**
 * A log line that is a JSON object (zap, pino, logrus, structlog write one per line): pretty
 * printed, and its keys as dotted names with their values, to read and to filter on. Pure; the
 * line is hostile input, so objects have no prototype (`__proto__` is a valid key) and the size
 * parsed is bounded.
 */
import { flattenSource } from '@/lib/search/flatten';

/** Longer lines are shown as text: parsing and laying out a megabyte of JSON per click is not reading. */
export const MAX_JSON_MESSAGE_CHARS = 100_000;
/** Keys listed in the table; the pretty-printed text still holds them all. */
export const MAX_JSON_KEYS = 500;

export interface JsonKey {
  /** Dotted name (`http.status`). */
  name: string;
  /** The value as text, as a filter takes it. */
  text: string;
  /** A string, number or boolean: something an `is` filter can match. */
  scalar: boolean;
}

export interface JsonMessage {
  pretty: string;
  keys: JsonKey[];
  /** More keys than MAX_JSON_KEYS. */
  keysCut: boolean;
}

/** The message as JSON, or null when it is not one JSON object (or too long to parse). */
export function parseJsonMessage(message: string): JsonMessage | null {
  const text = message.trim();
  if (text.length < 2 || text.length > MAX_JSON_MESSAGE_CHARS || text[0] !== '{' || text[text.length - 1] !== '}') return null;
  let value: unknown;
  try {
    value = JSON.parse(text, (_key, v: unknown) =>
      v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.assign(Object.create(null), v) : v,
    );
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const flat = flattenSource(value);
  const names = Object.keys(flat);
  const keys = names.slice(0, MAX_JSON_KEYS).map((name) => {
    const v = flat[name];
    const scalar = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
    return { name, text: scalar ? String(v) : JSON.stringify(v ?? null), scalar };
  });
  return { pretty: JSON.stringify(value, null, 2), keys, keysCut: names.length > MAX_JSON_KEYS };
}
