/**
 * `_source` → dotted field names (`{kubernetes:{pod_name:"x"}}` → `kubernetes.pod_name`), the
 * shape the results table and the field list use. Arrays stay values. Objects are created
 * without a prototype because field names are hostile input (`__proto__` is a valid log key).
 */
export function flattenSource(source: unknown): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  const walk = (value: unknown, prefix: string) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value)) walk(child, prefix ? `${prefix}.${key}` : key);
    } else if (prefix) {
      out[prefix] = value;
    }
  };
  walk(source, '');
  return out;
}

/** The message as one string: arrays (multi-valued fields) are joined by newlines. */
export function messageText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(messageText).join('\n');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
