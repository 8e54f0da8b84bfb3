/**
 * Old links keep working: a URL from any released shape is rewritten, step by step, into the
 * current shape before the codec reads it. Pure and total — nothing here throws, and a URL that
 * needs no step comes back as the very object that went in.
 *
 * Released shapes:
 * - v0: no `v` parameter. The links written before the URL carried a version. Their parameters
 *   (`src`, `q`, `lang`, `f`, `from`, `to`, `cols`, `sort`, `doc`) mean exactly what they mean in
 *   v1, so the step only stamps the version.
 * - v1: `v=1`, the current shape (see codec.ts for each parameter).
 *
 * How a future change lands (example: v2 moves columns from `cols=a,b` to `c=["a","b"]` JSON):
 * 1. bump `URL_STATE_VERSION` in codec.ts to 2 and teach the codec to read and write `c`;
 * 2. append one step here, which only rewrites v1 parameters into v2 ones:
 *      { from: 1, to: 2, migrate: (p) => withParams(p, {
 *          v: '2',
 *          cols: null,
 *          c: p.get('cols') === null ? null : JSON.stringify(p.get('cols')!.split(',').map(decodeURIComponent)),
 *        }) }
 * 3. add v2 URLs to url-fixtures.ts and keep every v0 and v1 fixture: the fixture test then
 *    proves that links from every released shape still open the same screen.
 * Steps are never edited once released; a v0 link walks v0 → v1 → v2. migrations.test.ts runs
 * this example path against a throw-away step list.
 */

/** All the codec needs from URL parameters; `URLSearchParams` and Next's read-only one fit. */
export interface ParamReader {
  get(name: string): string | null;
}

export interface ParamMigration {
  /** The version this step reads (0 = no `v` parameter). */
  from: number;
  /** The version it writes: always `from + 1`. */
  to: number;
  /** What changed in the shape, for the people who will read this list later. */
  change: string;
  migrate(params: ParamReader): ParamReader;
}

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

export const URL_MIGRATIONS: readonly ParamMigration[] = [
  {
    from: 0,
    to: 1,
    change: 'links start carrying v=1; every other parameter keeps its name and meaning',
    migrate: (params) => withParams(params, { [VERSION_PARAM]: '1' }),
  },
];

/** The version the last step writes: what the codec reads. */
export function latestVersion(migrations: readonly ParamMigration[] = URL_MIGRATIONS): number {
  return migrations.reduce((latest, step) => Math.max(latest, step.to), 0);
}

/**
 * Which shape a URL is in. No `v` is v0. A `v` that is not a whole number ≥ 1 (hand-edited,
 * truncated) or is newer than this build is read as the latest shape, parameter by parameter,
 * so whatever still parses is kept rather than throwing the whole link away.
 */
export function urlVersion(params: ParamReader, migrations: readonly ParamMigration[] = URL_MIGRATIONS): number {
  const latest = latestVersion(migrations);
  const raw = params.get(VERSION_PARAM);
  if (raw === null) return 0;
  const n = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
  return Number.isInteger(n) && n >= 1 ? Math.min(n, latest) : latest;
}

/** Runs every step from the URL's version up to the latest, in order. */
export function migrateParams(params: ParamReader, migrations: readonly ParamMigration[] = URL_MIGRATIONS): ParamReader {
  let version = urlVersion(params, migrations);
  let current = params;
  for (const step of migrations) {
    if (step.from !== version) continue;
    current = step.migrate(current);
    version = step.to;
  }
  return current;
}
