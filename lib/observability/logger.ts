/**
 * Structured logs: one JSON object per line on stdout (pino), which is what a cluster's log
 * pipeline (Fluent Bit, Filebeat) parses best. Messages written here never carry credentials or
 * the engine's address; request lines carry the query text only up to LOG_QUERY_MAX_CHARS.
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import { opsSettings } from '@/lib/config/env';

const KEY = Symbol.for('log-explorer.logger');
type Holder = { [KEY]?: Logger };

function createLogger(destination?: DestinationStream): Logger {
  return pino(
    {
      level: opsSettings().logLevel,
      base: { service: 'log-explorer' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // A second fence: nothing should log these, but if something does they are censored.
      redact: {
        paths: ['authorization', 'headers.authorization', 'headers.cookie', 'password', 'apiKey', '*.password', '*.apiKey'],
        censor: '[redacted]',
      },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** The process's logger (kept on globalThis: Next.js may load this module in several bundles). */
export function getLogger(): Logger {
  const holder = globalThis as Holder;
  holder[KEY] ??= createLogger();
  return holder[KEY];
}

/** For tests: send the logs to `destination` (or back to stdout) and re-read LOG_LEVEL. */
export function resetLogger(destination?: DestinationStream): Logger {
  const logger = createLogger(destination);
  (globalThis as Holder)[KEY] = logger;
  return logger;
}

/** The query text as it may appear in a log line. */
export function clipQuery(text: string | undefined, maxChars = opsSettings().logQueryMaxChars): string | undefined {
  if (text === undefined || maxChars === 0) return undefined;
  return text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
}
