/** Application containers: JSON structured logs (Go zap, Node pino, Python structlog) and Spring Boot text. */
import { epochSeconds, isoMs, sqlTime } from '@/lib/demo-cluster/time-format';
import type { Level } from '@/lib/demo-cluster/topology';
import { javaStackTrace } from './traces';
import { appLevel, out } from './types';
import type { Format, LineContext, LogLine } from './types';
import { CURRENCIES, PRODUCTS, SEARCH_TERMS, USERS, latencyMs, money, orderId, paymentId, productId, traceId } from './vocab';

type Fields = Record<string, string | number | boolean>;
type Message = (ctx: LineContext) => [string, Fields];

/** What each app says at each level; the workload name picks the table. */
const MESSAGES: Record<string, Partial<Record<Level, Message[]>>> = {
  'checkout-service': {
    info: [
      (c) => [
        'checkout completed',
        {
          order_id: orderId(c.rng),
          items: c.rng.between(1, 9),
          amount_cents: c.rng.between(199, 49999),
          currency: c.rng.pick(CURRENCIES),
          duration_ms: latencyMs(c.rng),
        },
      ],
      (c) => ['cart updated', { cart_id: c.rng.hex(12), product_id: productId(c.rng), quantity: c.rng.between(1, 4) }],
    ],
    debug: [
      (c) => [
        'price rule evaluated',
        { rule: c.rng.pick(['black-friday-20', 'free-shipping-50', 'bundle-3for2']), matched: c.rng.chance(0.3) },
      ],
    ],
    warn: [(c) => ['inventory reservation slow', { product_id: productId(c.rng), duration_ms: latencyMs(c.rng, true) }]],
    error: [
      (c) => [
        'payment authorization failed',
        {
          order_id: orderId(c.rng),
          error: 'rpc error: code = Unavailable desc = connection refused',
          upstream: 'payments-api.payments.svc:8443',
        },
      ],
      (c) => ['checkout failed', { order_id: orderId(c.rng), error: 'context deadline exceeded', duration_ms: latencyMs(c.rng, true) }],
    ],
  },
  'payments-worker': {
    info: [
      (c) => ['settlement batch processed', { batch_id: c.rng.hex(8), payments: c.rng.between(10, 500), duration_ms: latencyMs(c.rng) }],
    ],
    debug: [(c) => ['polling queue', { queue: 'settlements', visible: c.rng.int(40) }]],
    warn: [(c) => ['webhook delivery retry', { payment_id: paymentId(c.rng), attempt: c.rng.between(2, 5) }]],
    error: [(c) => ['refund failed', { payment_id: paymentId(c.rng), error: 'card_declined' }]],
  },
  'catalog-api': {
    info: [
      (c) => [
        'request completed',
        {
          method: 'GET',
          path: `/v1/products/${productId(c.rng)}`,
          status: 200,
          product: c.rng.pick(PRODUCTS),
          responseTime: latencyMs(c.rng),
        },
      ],
      (c) => ['cache refreshed', { category: c.rng.pick(['électronique', 'küche', '食品', 'sports']), entries: c.rng.between(50, 900) }],
    ],
    debug: [(c) => ['cache hit', { key: `product:${productId(c.rng)}` }]],
    trace: [(c) => ['sql', { query: 'SELECT id, name, price FROM products WHERE id = $1', params: `[${productId(c.rng)}]` }]],
    warn: [(c) => ['slow query', { table: 'products', duration_ms: latencyMs(c.rng, true), product: c.rng.pick(PRODUCTS) }]],
    error: [
      (c) => [
        'request failed',
        { method: 'GET', path: `/v1/products/${productId(c.rng)}`, status: 500, err: 'Error: Connection terminated unexpectedly' },
      ],
      (c) => ['database pool exhausted', { waiting: c.rng.between(5, 80), max: 20 }],
    ],
  },
  'search-api': {
    info: [(c) => ['search executed', { query: c.rng.pick(SEARCH_TERMS), hits: c.rng.int(500), took_ms: latencyMs(c.rng) }]],
    debug: [(c) => ['query rewritten', { original: c.rng.pick(SEARCH_TERMS), synonyms: c.rng.between(0, 4) }]],
    warn: [(c) => ['search backend slow', { took_ms: latencyMs(c.rng, true) }]],
    error: [
      (c) => [
        'search backend unavailable',
        {
          error:
            "ConnectionTimeout caused by - ReadTimeoutError(HTTPConnectionPool(host='opensearch.search.svc', port=9200): Read timed out. (read timeout=10))",
          query: c.rng.pick(SEARCH_TERMS),
        },
      ],
    ],
  },
  'search-indexer': {
    info: [(c) => ['batch indexed', { docs: c.rng.between(100, 2000), cursor: c.rng.hex(10), took_ms: latencyMs(c.rng) }]],
    debug: [(c) => ['fetched rows', { rows: c.rng.between(0, 2000) }]],
    warn: [(c) => ['document skipped', { sku: `SKU-${productId(c.rng)}`, reason: 'missing price' }]],
    error: [(c) => ['bulk rejected', { rejected: c.rng.between(1, 50), reason: 'es_rejected_execution_exception' }]],
  },
};

function message(ctx: LineContext, level: Level): [string, Fields] {
  const table = MESSAGES[ctx.source.replica.workload.name] ?? MESSAGES['checkout-service'] ?? {};
  const options = table[level] ?? table.info ?? [];
  return ctx.rng.pick(options)(ctx);
}

const ZAP_LEVEL: Record<Level, string> = { trace: 'debug', debug: 'debug', info: 'info', warn: 'warn', error: 'error', fatal: 'fatal' };

export const jsonGo: Format = {
  line(ctx) {
    const level = appLevel(ctx);
    const [msg, fields] = message(ctx, level);
    const caller = `${ctx.source.replica.workload.name.split('-')[0]}/handler.go:${ctx.rng.between(40, 400)}`;
    const line = JSON.stringify({
      level: ZAP_LEVEL[level],
      ts: Number(epochSeconds(ctx.ts)),
      caller,
      msg,
      ...fields,
      trace_id: traceId(ctx.rng),
    });
    return [out(line, 'stderr', level === 'trace' ? 'debug' : level)];
  },
  startup: (ctx) => [
    out(
      JSON.stringify({
        level: 'info',
        ts: Number(epochSeconds(ctx.ts)),
        caller: 'cmd/main.go:52',
        msg: 'starting server',
        addr: ':8080',
        version: imageTag(ctx),
      }),
      'stderr',
      'info',
    ),
  ],
  shutdown: (ctx) => [
    out(
      JSON.stringify({
        level: 'info',
        ts: Number(epochSeconds(ctx.ts)),
        caller: 'cmd/main.go:71',
        msg: 'received signal, shutting down',
        signal: 'terminated',
      }),
      'stderr',
      'info',
    ),
  ],
};

const PINO_LEVEL: Record<Level, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };

export const jsonNode: Format = {
  line(ctx) {
    const level = appLevel(ctx);
    const [msg, fields] = message(ctx, level);
    const line = JSON.stringify({
      level: PINO_LEVEL[level],
      time: ctx.ts,
      pid: 1,
      hostname: ctx.instance.podName,
      reqId: `req-${ctx.rng.hex(6)}`,
      ...fields,
      msg,
    });
    return [out(line, 'stdout', level)];
  },
  startup: (ctx) => [
    out(
      JSON.stringify({ level: 30, time: ctx.ts, pid: 1, hostname: ctx.instance.podName, msg: 'Server listening at http://0.0.0.0:8080' }),
      'stdout',
      'info',
    ),
  ],
  shutdown: (ctx) => [
    out(
      JSON.stringify({ level: 30, time: ctx.ts, pid: 1, hostname: ctx.instance.podName, msg: 'SIGTERM received, closing server' }),
      'stdout',
      'info',
    ),
  ],
};

const PY_LEVEL: Record<Level, string> = {
  trace: 'debug',
  debug: 'debug',
  info: 'info',
  warn: 'warning',
  error: 'error',
  fatal: 'critical',
};

export const jsonPython: Format = {
  line(ctx) {
    const level = appLevel(ctx);
    const [event, fields] = message(ctx, level);
    const logger = ctx.source.replica.workload.name.replace('-', '.');
    const line = JSON.stringify({ event, ...fields, level: PY_LEVEL[level], logger, timestamp: isoMs(ctx.ts) });
    return [out(line, level === 'error' ? 'stderr' : 'stdout', level === 'trace' ? 'debug' : level)];
  },
  startup: (ctx) => [
    out(
      JSON.stringify({
        event: 'Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)',
        level: 'info',
        logger: 'uvicorn.error',
        timestamp: isoMs(ctx.ts),
      }),
      'stdout',
      'info',
    ),
  ],
  shutdown: (ctx) => [
    out(JSON.stringify({ event: 'Shutting down', level: 'info', logger: 'uvicorn.error', timestamp: isoMs(ctx.ts) }), 'stdout', 'info'),
  ],
};

function imageTag(ctx: LineContext): string {
  const image = ctx.source.replica.workload.containers[ctx.source.container]?.image ?? '';
  return image.slice(image.lastIndexOf(':') + 1);
}

const LOGBACK_TEXT: Record<'payments' | 'auth', Record<'info' | 'debug' | 'warn' | 'error', [string, (c: LineContext) => string][]>> = {
  payments: {
    info: [
      [
        'c.a.payments.web.PaymentController',
        (c) =>
          `Payment authorized id=${paymentId(c.rng)} amount=${money(c.rng.between(199, 99999))} ${c.rng.pick(CURRENCIES)} order=${orderId(c.rng)}`,
      ],
      ['c.a.payments.service.CaptureService', (c) => `Captured ${paymentId(c.rng)} in ${latencyMs(c.rng)} ms`],
    ],
    debug: [
      ['c.a.payments.gateway.StripeGateway', (c) => `POST https://api.stripe.com/v1/payment_intents -> 200 (${latencyMs(c.rng)} ms)`],
    ],
    warn: [
      ['c.a.payments.gateway.RetryingGateway', (c) => `Retrying authorization for ${paymentId(c.rng)} (attempt ${c.rng.between(2, 3)}/3)`],
    ],
    error: [['c.a.payments.web.PaymentController', (c) => `Payment authorization failed for ${paymentId(c.rng)}`]],
  },
  auth: {
    info: [
      ['c.a.auth.web.TokenEndpoint', (c) => `Issued access token for user=${c.rng.pick(USERS)} client=storefront scope="openid profile"`],
      ['c.a.auth.session.SessionStore', (c) => `Session refreshed for user=${c.rng.pick(USERS)}`],
    ],
    debug: [['c.a.auth.token.JwtIssuer', (c) => `Signing JWT kid=${c.rng.hex(8)} alg=RS256`]],
    warn: [
      [
        'c.a.auth.web.LoginController',
        (c) =>
          `Failed login for user=${c.rng.pick(USERS)} from ${c.rng.between(1, 223)}.${c.rng.int(256)}.${c.rng.int(256)}.${c.rng.between(1, 254)}: bad credentials`,
      ],
    ],
    error: [['c.a.auth.web.TokenEndpoint', (c) => `Token request failed for client=storefront user=${c.rng.pick(USERS)}`]],
  },
};

/** Spring Boot's console pattern: time, level (padded to 5), pid, thread, logger, message. */
function logback(ctx: LineContext, level: Level, logger: string, text: string, thread?: string): string {
  const name = ctx.source.replica.workload.name;
  const t = thread ?? `nio-8443-exec-${ctx.rng.between(1, 200)}`;
  return `${sqlTime(ctx.ts)} ${level.toUpperCase().padStart(5)} 1 --- [${name}] [${t.padStart(15).slice(-15)}] ${logger.padEnd(40)} : ${text}`;
}

export const javaLogback: Format = {
  line(ctx) {
    const app = ctx.source.namespace === 'auth' ? 'auth' : 'payments';
    const drawn = appLevel(ctx);
    const level = drawn === 'trace' ? 'debug' : drawn === 'fatal' ? 'error' : drawn;
    const [logger, text] = ctx.rng.pick(LOGBACK_TEXT[app][level]);
    const first = out(logback(ctx, level, logger, text(ctx)), 'stdout', level);
    if (level !== 'error' || ctx.rng.chance(0.3)) return [first];
    return [first, ...javaStackTrace(ctx.rng, app, 'stdout')];
  },
  startup: (ctx) => [
    out(
      logback(ctx, 'info', 'c.a.Application', `Starting Application v${imageTag(ctx)} using Java 21.0.5 with PID 1`, 'main'),
      'stdout',
      'info',
    ),
    out(
      logback(ctx, 'info', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port 8443 (https) with context path '/'", 'main'),
      'stdout',
      'info',
    ),
  ],
  shutdown: (ctx) => [
    out(
      logback(
        ctx,
        'info',
        'o.s.b.w.e.tomcat.GracefulShutdown',
        'Commencing graceful shutdown. Waiting for active requests to complete',
        'tomcat-shutdown',
      ),
      'stdout',
      'info',
    ),
  ],
};

/** catalog-api dumping a whole response body: the rare line longer than 10 KB. */
export function longLine(ctx: LineContext): LogLine[] {
  const items: string[] = [];
  let size = 0;
  const target = ctx.rng.between(10_500, 15_000);
  while (size < target) {
    const item = JSON.stringify({
      id: productId(ctx.rng),
      name: ctx.rng.pick(PRODUCTS),
      price: money(ctx.rng.between(99, 99999)),
      stock: ctx.rng.int(400),
    });
    items.push(item);
    size += item.length + 1;
  }
  const line = JSON.stringify({
    level: 40,
    time: ctx.ts,
    pid: 1,
    hostname: ctx.instance.podName,
    msg: 'response body exceeds 10240 bytes, logging in full',
    path: '/v1/products?limit=500',
    body: `[${items.join(',')}]`,
  });
  return [out(line, 'stdout', 'warn')];
}
