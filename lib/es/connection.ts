import { readFileSync } from 'node:fs';
import type { Client } from '@elastic/elasticsearch';
import { EngineTransport } from '@/lib/es/engine';
import { localEngineFromEnv } from '@/lib/es/local-engines';

// The package's ESM entry (picked by bundler resolution) does not re-export ClientOptions.
export type ClientOptions = ConstructorParameters<typeof Client>[0];

/** Where the engine is and how to authenticate: from the environment, never from a request. */
export interface EngineConnection {
  url: string;
  /** True when the URL points at the local engine that `npm run engine` manages. */
  local: boolean;
  options: ClientOptions;
}

export const DEFAULT_ENGINE_PORT = 9200;

/** ENGINE_PORT, else the port of the local engine ENGINE_KIND / ENGINE_VERSION name (9200 by default). */
export function localEnginePort(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.ENGINE_PORT;
  const port = raw ? Number(raw) : env.ENGINE_KIND || env.ENGINE_VERSION ? localEngineFromEnv(env).port : DEFAULT_ENGINE_PORT;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`ENGINE_PORT must be a TCP port number, got "${raw}"`);
  }
  return port;
}

export function engineConnection(env: NodeJS.ProcessEnv = process.env): EngineConnection {
  const external = env.ELASTICSEARCH_URL?.trim();
  const url = external || `http://127.0.0.1:${localEnginePort(env)}`;
  // EngineTransport probes the engine and speaks its dialect (lib/es/engine.ts).
  const options: ClientOptions = { node: url, Transport: EngineTransport };
  if (env.ELASTICSEARCH_API_KEY) {
    options.auth = { apiKey: env.ELASTICSEARCH_API_KEY };
  } else if (env.ELASTICSEARCH_USERNAME) {
    options.auth = { username: env.ELASTICSEARCH_USERNAME, password: env.ELASTICSEARCH_PASSWORD ?? '' };
  }
  if (env.ELASTICSEARCH_CA_FILE) {
    options.tls = { ca: readFileSync(env.ELASTICSEARCH_CA_FILE, 'utf8') };
  }
  return { url, local: !external, options };
}
