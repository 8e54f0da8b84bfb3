/**
 * The server's configuration, checked once at start (instrumentation.ts) so that a broken
 * setting stops the process with one clear line per variable instead of a 500 on some later
 * request. Each variable has its own zod schema, so one bad value never hides another.
 * Messages never echo secrets: a URL is shown without its user info, a key or secret not at all.
 */
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { parseSources, SourceConfigError } from '@/lib/sources/config';

type Env = Readonly<Record<string, string | undefined>>;

export interface ConfigProblem {
  variable: string;
  message: string;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `expected a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `expected a whole number from ${min} to ${max}`).max(max, `expected a whole number from ${min} to ${max}`));

const flag = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'].includes(v), 'expected true or false')
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

/** "https://user:pw@host:9200/x" → "https://host:9200/x": what a message may show of a URL. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return raw.replace(/\/\/[^@/]*@/, '//***@');
  }
}

const engineUrl = z
  .string()
  .trim()
  .superRefine((raw, ctx) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      ctx.addIssue({ code: 'custom', message: `"${redactUrl(raw)}" is not a URL; expected e.g. https://elasticsearch:9200` });
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      ctx.addIssue({
        code: 'custom',
        message: `expected a URL starting with http:// or https:// (e.g. https://elasticsearch:9200), got "${url.protocol}"`,
      });
    }
  });

const caFile = z
  .string()
  .trim()
  .superRefine((path, ctx) => {
    let text: string;
    try {
      if (!statSync(path).isFile()) throw new Error('not a file');
      text = readFileSync(path, 'utf8');
    } catch {
      ctx.addIssue({ code: 'custom', message: `cannot read the file "${path}"` });
      return;
    }
    if (!text.includes('-----BEGIN CERTIFICATE-----')) {
      ctx.addIssue({ code: 'custom', message: `"${path}" holds no PEM certificate (-----BEGIN CERTIFICATE-----)` });
    }
  });

const logSources = z.string().superRefine((raw, ctx) => {
  try {
    parseSources(raw);
  } catch (err) {
    if (!(err instanceof SourceConfigError)) throw err;
    ctx.addIssue({ code: 'custom', message: err.message.replace(/^the server's LOG_SOURCES setting is invalid: /, '') });
  }
});

const indexPrefix = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{0,200}$/, 'expected lowercase letters, digits, ".", "_" and "-", starting with a letter or digit');

/** Comma-separated http(s) origins; a typo would otherwise be dropped silently by the embed code. */
const origins = z.string().superRefine((raw, ctx) => {
  for (const item of raw
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)) {
    let url: URL | undefined;
    try {
      url = new URL(item);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== item.replace(/\/$/, '')) {
      ctx.addIssue({
        code: 'custom',
        message: `"${item}" is not an origin like https://wiki.example.com (scheme, host, optional port, nothing else)`,
      });
      return;
    }
  }
});

/** Each variable the server reads, with its rule. Unset (or empty) means "use the default". */
const RULES: Record<string, z.ZodType> = {
  ELASTICSEARCH_URL: engineUrl,
  ELASTICSEARCH_CA_FILE: caFile,
  ENGINE_PORT: wholeNumber(1, 65_535),
  PORT: wholeNumber(1, 65_535),
  LOG_SOURCES: logSources,
  SEARCH_TIMEOUT_MS: wholeNumber(100, 120_000),
  APP_INDEX_PREFIX: indexPrefix,
  EXPORT_MAX_ROWS: wholeNumber(1, Number.MAX_SAFE_INTEGER),
  EMBED_ALLOWED_ORIGINS: origins,
  MAX_CONCURRENT_SEARCHES: wholeNumber(1, 10_000),
  MAX_IN_FLIGHT_REQUESTS: wholeNumber(0, 100_000),
  ACCEPT_BURST_HOLD_MS: wholeNumber(0, 10_000),
  HSTS_MAX_AGE: wholeNumber(0, 63_072_000),
  EMBED_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 48`)'),
  LOG_LEVEL: z.enum(LOG_LEVELS, `expected one of ${LOG_LEVELS.join(', ')}`),
  LOG_QUERY_MAX_CHARS: wholeNumber(0, 4_096),
  METRICS_ENABLED: flag,
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters'),
  SHUTDOWN_TIMEOUT_MS: wholeNumber(0, 600_000),
};

export const CONFIG_VARIABLES = Object.keys(RULES);

/** Every problem with the environment, one per variable, in a stable order. */
export function configProblems(env: Env = process.env): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const [variable, rule] of Object.entries(RULES)) {
    const raw = env[variable];
    if (raw === undefined || raw.trim() === '') continue;
    const parsed = rule.safeParse(raw);
    if (!parsed.success) problems.push({ variable, message: parsed.error.issues[0]?.message ?? 'invalid value' });
  }
  if (env.ELASTICSEARCH_PASSWORD && !env.ELASTICSEARCH_USERNAME) {
    problems.push({ variable: 'ELASTICSEARCH_PASSWORD', message: 'is set but ELASTICSEARCH_USERNAME is not' });
  }
  if (env.ELASTICSEARCH_API_KEY && env.ELASTICSEARCH_USERNAME) {
    problems.push({
      variable: 'ELASTICSEARCH_API_KEY',
      message: 'and ELASTICSEARCH_USERNAME are both set; choose one way to authenticate',
    });
  }
  return problems;
}

/** The settings the observability and shutdown code read, with their defaults. */
export interface OpsSettings {
  logLevel: (typeof LOG_LEVELS)[number];
  logQueryMaxChars: number;
  metricsEnabled: boolean;
  metricsToken: string | undefined;
  shutdownTimeoutMs: number;
}

/**
 * A variable's value as its rule reads it (`12` → 12), or `fallback` when it is unset, empty or
 * invalid (an invalid one has already stopped the server at start, see configProblems).
 */
export function configuredValue<T>(env: Env, variable: string, fallback: T): T {
  const raw = env[variable];
  if (raw === undefined || raw.trim() === '') return fallback;
  const parsed = RULES[variable]?.safeParse(raw);
  return parsed?.success ? (parsed.data as T) : fallback;
}

export function opsSettings(env: Env = process.env): OpsSettings {
  return {
    logLevel: configuredValue(env, 'LOG_LEVEL', 'info'),
    logQueryMaxChars: configuredValue(env, 'LOG_QUERY_MAX_CHARS', 200),
    metricsEnabled: configuredValue(env, 'METRICS_ENABLED', true),
    metricsToken: configuredValue<string | undefined>(env, 'METRICS_TOKEN', undefined),
    shutdownTimeoutMs: configuredValue(env, 'SHUTDOWN_TIMEOUT_MS', 25_000),
  };
}

export const MIN_NODE_MAJOR = 22;

/** Null when this Node is new enough, else the line to print before refusing to start. */
export function nodeVersionProblem(version: string = process.versions.node): ConfigProblem | null {
  const major = Number(version.split('.')[0]);
  return major >= MIN_NODE_MAJOR
    ? null
    : { variable: 'node', message: `Log Explorer needs Node.js ${MIN_NODE_MAJOR} or newer; this is Node.js ${version}` };
}

export function formatProblems(problems: readonly ConfigProblem[]): string {
  const lines = problems.map((p) => `  ${p.variable}: ${p.message}`);
  return `Log Explorer cannot start; fix the configuration:\n${lines.join('\n')}`;
}
