/** Web tier: ingress-nginx access lines, the storefront's nginx, and its colourful Node SSR server. */
import { klogTime, nginxTime, sqlTimeSeconds } from '@/lib/demo-cluster/time-format';
import { INGRESS_ROUTES } from '@/lib/demo-cluster/topology';
import type { IngressRoute } from '@/lib/demo-cluster/topology';
import { out } from './types';
import type { Format, LineContext, LogLine } from './types';
import { USER_AGENTS, clientIp, latencyMs, productId } from './vocab';

const METHODS_READ = ['GET', 'GET', 'GET', 'GET', 'HEAD'] as const;

function fillPath(ctx: LineContext, path: string): string {
  return path.replace('{id}', `${productId(ctx.rng)}`).replace('{hash}', ctx.rng.hex(8));
}

function status(ctx: LineContext, failing: boolean): number {
  const r = ctx.rng.next();
  if (failing) return r < 0.45 ? 502 : r < 0.75 ? 503 : r < 0.9 ? 504 : 200;
  return r < 0.86 ? 200 : r < 0.9 ? 304 : r < 0.93 ? 301 : r < 0.97 ? 404 : r < 0.985 ? 401 : r < 0.995 ? 429 : 500;
}

function seconds(ms: number): string {
  const s = Math.floor(ms / 1000);
  const rest = ms % 1000;
  return `${s}.${rest < 10 ? '00' : rest < 100 ? '0' : ''}${rest}`;
}

/** ingress-nginx's default log-format-upstream. */
function accessLine(ctx: LineContext, route: IngressRoute, failing: boolean): LogLine[] {
  const path = fillPath(ctx, ctx.rng.pick(route.paths));
  const write = /payments|checkout|cart|token/.test(path) && ctx.rng.chance(0.6);
  const method = write ? 'POST' : ctx.rng.pick(METHODS_READ);
  const code = status(ctx, failing);
  const ms = failing && code >= 500 ? (code === 504 ? 60_000 : latencyMs(ctx.rng, true)) : latencyMs(ctx.rng);
  const upstreamIp = ctx.podIpOf(route.namespace, route.workload, ctx.ts);
  const upstreamName = `${route.namespace}-${route.workload}-${route.port}`;
  const upstream = upstreamIp ? `${upstreamIp}:${route.port}` : '-';
  const bytes = code === 304 ? 0 : ctx.rng.between(120, 48_000);
  const referer =
    route.host === 'shop.acme.example' && ctx.rng.chance(0.5) ? `https://shop.acme.example/products/${productId(ctx.rng)}` : '-';
  const requestLength = ctx.rng.between(180, write ? 4000 : 900);
  const line =
    `${clientIp(ctx.rng)} - - [${nginxTime(ctx.ts)}] "${method} ${path} HTTP/${ctx.rng.chance(0.7) ? '2.0' : '1.1'}" ${code} ${bytes} ` +
    `"${referer}" "${ctx.rng.pick(USER_AGENTS)}" ${requestLength} ${seconds(ms)} [${upstreamName}] [] ${upstream} ` +
    `${bytes} ${seconds(Math.max(0, ms - 1))} ${code === 502 ? '502' : code} ${ctx.rng.hex(32)}`;
  const lines = [out(line, 'stdout')];
  if (failing && code >= 502) {
    const reason =
      code === 504
        ? 'upstream timed out (110: Operation timed out) while reading response header from upstream'
        : 'connect() failed (111: Connection refused) while connecting to upstream';
    lines.unshift(
      out(
        `${sqlTimeSeconds(ctx.ts).replace(/-/g, '/')} [error] ${ctx.rng.between(20, 40)}#${ctx.rng.between(20, 40)}: *${ctx.rng.between(1, 9_999_999)} ${reason}, client: ${clientIp(ctx.rng)}, server: ${route.host}, request: "${method} ${path} HTTP/2.0", upstream: "http://${upstream}${path}", host: "${route.host}"`,
        'stderr',
        'error',
      ),
    );
  }
  return lines;
}

const CONTROLLER_LINES: [string, string][] = [
  ['I', '7 controller.go:193] "Configuration changes detected, backend reload required"'],
  ['I', '7 controller.go:213] "Backend successfully reloaded"'],
  [
    'I',
    '7 event.go:377] Event(v1.ObjectReference{Kind:"Pod", Namespace:"ingress-nginx", Name:"ingress-nginx-controller", APIVersion:"v1"}): type: \'Normal\' reason: \'RELOAD\' NGINX reload triggered due to a change in configuration',
  ],
  ['W', '7 controller.go:1216] Service "search/search-api" does not have any active Endpoint.'],
  [
    'I',
    '7 status.go:304] "updating Ingress status" namespace="frontend" ingress="storefront" currentValue=null newValue=[{"hostname":"a1b2c3.elb.eu-west-1.amazonaws.com"}]',
  ],
];

export const ingressNginx: Format = {
  line(ctx) {
    const failing = ctx.incidentNamespace !== undefined && ctx.incidentNamespace !== 'ingress-nginx';
    if (!failing && ctx.rng.chance(0.02)) {
      const [letter, rest] = ctx.rng.pick(CONTROLLER_LINES);
      return [out(`${letter}${klogTime(ctx.ts)}       ${rest}`, 'stderr', letter === 'W' ? 'warn' : 'info')];
    }
    const candidates = failing ? INGRESS_ROUTES.filter((r) => r.namespace === ctx.incidentNamespace) : INGRESS_ROUTES;
    const route = ctx.rng.pick(candidates.length > 0 ? candidates : INGRESS_ROUTES);
    return accessLine(ctx, route, failing);
  },
  startup: (ctx) => [
    out(`I${klogTime(ctx.ts)}       7 main.go:205] "Creating API client" host="https://172.20.0.1:443"`, 'stderr', 'info'),
  ],
  shutdown: (ctx) => [out(`I${klogTime(ctx.ts)}       7 sigterm.go:36] "Received SIGTERM, shutting down"`, 'stderr', 'info')],
};

export const nginxWeb: Format = {
  line(ctx) {
    const route = INGRESS_ROUTES[0];
    const path = route ? fillPath(ctx, ctx.rng.pick(route.paths)) : '/';
    const code = status(ctx, false);
    const bytes = code === 304 ? 0 : ctx.rng.between(200, 250_000);
    const line = `${`10.244.${ctx.rng.between(1, 3)}.${ctx.rng.between(2, 254)}`} - - [${nginxTime(ctx.ts)}] "GET ${path} HTTP/1.1" ${code} ${bytes} "-" "${ctx.rng.pick(USER_AGENTS)}" "${clientIp(ctx.rng)}"`;
    return [out(line, 'stdout')];
  },
  startup: (ctx) => [
    out('/docker-entrypoint.sh: Configuration complete; ready for start up', 'stdout'),
    out(`${sqlTimeSeconds(ctx.ts).replace(/-/g, '/')} [notice] 1#1: start worker processes`, 'stderr', 'info'),
  ],
  shutdown: (ctx) => [
    out(`${sqlTimeSeconds(ctx.ts).replace(/-/g, '/')} [notice] 1#1: signal 3 (SIGQUIT) received, shutting down`, 'stderr', 'info'),
  ],
};

// What a Node server printing through chalk looks like on the wire: raw ANSI escapes.
const ESC = '\u001b';
const green = (s: string) => `${ESC}[32m${s}${ESC}[39m`;
const yellow = (s: string) => `${ESC}[33m${s}${ESC}[39m`;
const red = (s: string) => `${ESC}[31m${s}${ESC}[39m`;
const dim = (s: string) => `${ESC}[90m${s}${ESC}[39m`;
const bold = (s: string) => `${ESC}[1m${s}${ESC}[22m`;

export const nodeAnsi: Format = {
  line(ctx) {
    const r = ctx.rng.next();
    const page = ctx.rng.pick(['/', '/products', `/products/${productId(ctx.rng)}`, '/cart', '/account']);
    if (r < 0.9) return [out(`${green(' ✓')} ${bold('GET')} ${page} ${dim(`200 in ${latencyMs(ctx.rng)}ms`)}`, 'stdout')];
    if (r < 0.97)
      return [out(`${yellow(' ⚠')} revalidation of ${page} took ${latencyMs(ctx.rng, true)}ms ${dim('(cache stale)')}`, 'stdout')];
    return [out(`${red(' ⨯')} ${red('Error')}: fetch failed for ${page}: ${dim('ECONNRESET')} — retrying`, 'stderr')];
  },
  startup: () => [
    out(`   ${bold(`${ESC}[35m▲ Next.js 15.0.3${ESC}[39m`)}`, 'stdout'),
    out(`   - Local:        http://localhost:3000`, 'stdout'),
    out(` ${green('✓')} Ready in 612ms`, 'stdout'),
  ],
  shutdown: () => [out(`${yellow(' ⚠')} SIGTERM received, closing server`, 'stdout')],
};
