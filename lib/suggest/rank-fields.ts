/**
 * Field names for a typed prefix, best first: names that start with it, then names with a
 * segment that does (`na` finds `kubernetes.namespace_name`), then names that merely contain
 * it. Case-insensitive; alphabetical within each rank. Pure.
 */
export function rankFieldNames(names: readonly string[], typed: string, limit: number): string[] {
  const needle = typed.toLowerCase();
  if (needle === '') return [...names].sort().slice(0, limit);
  const ranked: [number, string][] = [];
  for (const name of names) {
    const lower = name.toLowerCase();
    const rank = lower.startsWith(needle) ? 0 : segmentStarts(lower, needle) ? 1 : lower.includes(needle) ? 2 : -1;
    if (rank >= 0) ranked.push([rank, name]);
  }
  ranked.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return ranked.slice(0, limit).map(([, name]) => name);
}

function segmentStarts(name: string, needle: string): boolean {
  for (let i = name.indexOf(needle); i > 0; i = name.indexOf(needle, i + 1)) {
    if (/[._\-/]/.test(name[i - 1] as string)) return true;
  }
  return false;
}
