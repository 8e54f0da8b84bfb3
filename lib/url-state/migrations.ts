/**
 * One version and one migration chain for every screen the app keeps: links (`v=`), saved views
 * and embeds (`schemaVersion`, lib/schema/screen-state.ts). A screen from any released version is
 * rewritten, step by step, into the current one before it is read. Steps work on the screen's
 * parameter form, which a link already is; an older stored document is spelled as a link of its
 * version first, every part written out (lib/url-state/screen-document.ts), so each step is
 * written once and serves old links, old views and old embeds alike. Pure and total — nothing
 * here throws, and parameters that need no step come back as the very object that went in.
 *
 * Released versions:
 * - v0: links without a `v` parameter, written before links carried a version; a stored
 *   document without a version. Every part means what it means in v1: the step only stamps it.
 * - v1: `v=1` in a link, `schemaVersion: 1` in a document: the current shape (codec.ts spells
 *   each part; saved views written before the chain was shared carry `schemaVersion: 1` too,
 *   and their v1 was this v1: the same parts with the same meaning).
 *
 * A step records a change of *meaning*. How a link spells a part is the codec's business: a
 * codec that renames a parameter keeps reading the old name, and url-fixtures.ts proves it.
 * How a change lands (example: v2 shows the oldest lines first by default):
 * 1. bump `SCREEN_STATE_VERSION` to 2 and change the codec's default sort to `asc`;
 * 2. append one step, which keeps what a v1 screen meant: a v1 link without `sort` showed the
 *    newest first, so it is given `sort=desc`:
 *      { from: 1, to: 2, change: 'the default sort becomes oldest first',
 *        migrate: (p) => withParams(p, { v: '2', sort: p.get('sort') ?? 'desc' }) }
 *    A stored v1 document has its sort written out, so the same step leaves it as it was;
 * 3. add v2 URLs to url-fixtures.ts and keep every v0 and v1 fixture: the fixture test then
 *    proves that links from every released version still open the same screen.
 * Steps are never edited once released; a v0 screen walks v0 → v1 → v2. migrations.test.ts and
 * screen-document.test.ts run this example against a throw-away step list.
 */

/** All the codec needs from URL parameters; `URLSearchParams` and Next's read-only one fit. */
export interface ParamReader {
  get(name: string): string | null;
}

export interface ScreenMigration {
  /** The version this step reads (0 = no version). */
  from: number;
  /** The version it writes: always `from + 1`. */
  to: number;
  /** What changed in the meaning of a screen, for the people who will read this list later. */
  change: string;
  migrate(params: ParamReader): ParamReader;
}

/** The version of a screen as this build writes it: `v` in links, `schemaVersion` in stored documents. */
export const SCREEN_STATE_VERSION = 1;

export const VERSION_PARAM = 'v';

/**
 * The parameters as they would read after setting or (with null) removing some of them. A view,
 * not a copy: readers that only call `get` (everything here) need no more, and Next's read-only
 * parameters need not be iterable.
 */
export function withParams(params: ParamReader, changes: Readonly<Record<string, string | null>>): ParamReader {
  return {
    get(name: string): string | null {
      return Object.hasOwn(changes, name) ? (changes[name] ?? null) : params.get(name);
    },
  };
}

export const SCREEN_MIGRATIONS: readonly ScreenMigration[] = [
  {
    from: 0,
    to: 1,
    change: 'screens start carrying their version (v=1, schemaVersion: 1); every part keeps its name and meaning',
    migrate: (params) => withParams(params, { [VERSION_PARAM]: '1' }),
  },
];

/** The version the last step writes: what the codec reads. */
export function latestVersion(migrations: readonly ScreenMigration[] = SCREEN_MIGRATIONS): number {
  return migrations.reduce((latest, step) => Math.max(latest, step.to), 0);
}

/**
 * Which version a link is in. No `v` is v0. A `v` that is not a whole number ≥ 1 (hand-edited,
 * truncated) or is newer than this build is read as the latest, parameter by parameter, so
 * whatever still parses is kept rather than throwing the whole link away.
 */
export function urlVersion(params: ParamReader, migrations: readonly ScreenMigration[] = SCREEN_MIGRATIONS): number {
  const latest = latestVersion(migrations);
  const raw = params.get(VERSION_PARAM);
  if (raw === null) return 0;
  const n = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
  return Number.isInteger(n) && n >= 1 ? Math.min(n, latest) : latest;
}

/** Runs every step from the screen's version up to the latest, in order. */
export function migrateParams(params: ParamReader, migrations: readonly ScreenMigration[] = SCREEN_MIGRATIONS): ParamReader {
  let version = urlVersion(params, migrations);
  let current = params;
  for (const step of migrations) {
    if (step.from !== version) continue;
    current = step.migrate(current);
    version = step.to;
  }
  return current;
}
