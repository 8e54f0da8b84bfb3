/**
 * Sources — what a user explores — come from configuration (`LOG_SOURCES`), never from a
 * request: a caller can only pick one by id.
 */
import { z } from 'zod';
import { ApiError } from '@/lib/api/errors';
import { PROFILE_KINDS, type ProfileKind } from '@/lib/sources/profile';

export const LogSourceConfig = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'ids are lowercase letters, digits, "-" and "_"'),
    title: z.string().min(1).max(200).optional(),
    indexPattern: z.string().min(1).max(1_000),
    timeField: z.string().min(1).max(256).default('@timestamp'),
    /** Skips detection: the field profile to read the source with. */
    profile: z.enum(PROFILE_KINDS).optional(),
  })
  .strict();

export interface LogSource {
  id: string;
  title: string;
  indexPattern: string;
  timeField: string;
  profile?: ProfileKind;
}

export const DEFAULT_SOURCES: readonly LogSource[] = [
  { id: 'logs', title: 'Cluster logs', indexPattern: 'logstash-*', timeField: '@timestamp' },
];

/** A broken `LOG_SOURCES` is the operator's mistake: a 500 whose message says how to fix it. */
export class SourceConfigError extends ApiError {
  constructor(reason: string) {
    super(500, 'internal', `the server's LOG_SOURCES setting is invalid: ${reason}`);
    this.name = 'SourceConfigError';
  }
}

export function parseSources(raw: string | undefined): LogSource[] {
  if (raw === undefined || raw.trim() === '') return [...DEFAULT_SOURCES];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new SourceConfigError('it is not JSON');
  }
  const parsed = z.array(LogSourceConfig).min(1, 'it lists no source').safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SourceConfigError(`${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  const ids = new Set<string>();
  return parsed.data.map((s) => {
    if (ids.has(s.id)) throw new SourceConfigError(`the id "${s.id}" is used twice`);
    ids.add(s.id);
    return {
      id: s.id,
      title: s.title ?? s.id,
      indexPattern: s.indexPattern,
      timeField: s.timeField,
      ...(s.profile ? { profile: s.profile } : {}),
    };
  });
}

let cached: { raw: string | undefined; sources: LogSource[] } | undefined;

/** The configured sources, re-read only when the variable changes (tests set it per file). */
export function configuredSources(env: Readonly<Record<string, string | undefined>> = process.env): LogSource[] {
  const raw = env.LOG_SOURCES;
  if (!cached || cached.raw !== raw) cached = { raw, sources: parseSources(raw) };
  return cached.sources;
}

/** The requested source, or the first configured one; an unknown id is the caller's 400. */
export function findSource(id: string | undefined, env: Readonly<Record<string, string | undefined>> = process.env): LogSource {
  const sources = configuredSources(env);
  const found = id === undefined ? sources[0] : sources.find((s) => s.id === id);
  if (!found) {
    const valid = sources.map((s) => `"${s.id}"`).join(', ');
    throw new ApiError(400, 'unknown_source', `there is no source "${id}"; valid sources: ${valid}`, { path: 'source' });
  }
  return found;
}
