/** Cluster infrastructure: klog components, Prometheus-style logfmt, CoreDNS, Postgres, Redis, Fluentd, the counter sidecars. */
import { isoMs, klogTime, redisTime, sqlTime, sqlTimeSeconds, unixDate } from '@/lib/demo-cluster/time-format';
import type { Level } from '@/lib/demo-cluster/topology';
import { out } from './types';
import type { Format, LineContext, LogLine } from './types';
import { latencyMs } from './vocab';

type Klog = [letter: 'I' | 'W' | 'E', location: string, text: (c: LineContext) => string];

const KLOG: Record<string, Klog[]> = {
  'kube-proxy': [
    ['I', 'proxier.go:805', (c) => `"SyncProxyRules complete" ipFamily="IPv4" elapsed="${c.rng.between(20, 180)}.${c.rng.int(10)}ms"`],
    [
      'I',
      'proxier.go:1499',
      () => '"Reloading service iptables data" ipFamily="IPv4" numServices=38 numEndpoints=61 numFilterChains=6 numNATChains=22',
    ],
    ['W', 'iptables.go:289', () => '"Failed to check iptables chain, will retry" chain="KUBE-KUBELET-CANARY" err="exit status 4"'],
  ],
  'metrics-server': [
    ['I', 'server.go:191', (c) => `"Scraped metrics" nodes=3 pods=${c.rng.between(55, 64)} duration="${c.rng.between(40, 400)}ms"`],
    [
      'E',
      'scraper.go:149',
      (c) =>
        `"Failed to scrape node" err="Get \\"https://10.0.${c.rng.between(1, 3)}.17:10250/metrics/resource\\": context deadline exceeded" node="ip-10-0-2-84.eu-west-1.compute.internal"`,
    ],
  ],
  'cluster-autoscaler': [
    ['I', 'static_autoscaler.go:290', () => 'Starting main loop'],
    ['I', 'filter_out_schedulable.go:66', () => 'Filtering out schedulables'],
    ['I', 'scale_down.go:782', (c) => `No candidates for scale down (nodes=3, utilization=${c.rng.between(41, 88)}%)`],
    ['W', 'clusterstate.go:446', () => 'Failed to find readiness information for eks-demo-pool'],
  ],
  'ebs-plugin': [
    ['I', 'node.go:592', (c) => `"NodeGetVolumeStats: called" args={"volume_id":"vol-0${c.rng.hex(16)}"}`],
    ['I', 'mount_linux.go:272', (c) => `Detected OS without systemd, mounting /dev/nvme${c.rng.between(1, 4)}n1`],
  ],
  'node-driver-registrar': [['I', 'main.go:90', () => 'Received GetInfo call: &InfoRequest{}']],
  'cert-manager-controller': [
    [
      'I',
      'controller.go:162',
      (c) =>
        `"re-queuing item due to optimistic locking on resource" logger="cert-manager.certificates-trigger" key="frontend/storefront-tls-${c.rng.hex(5)}"`,
    ],
    [
      'I',
      'conditions.go:203',
      () => '"Setting lastTransitionTime for Certificate condition" logger="cert-manager.certificates-readiness" condition="Ready"',
    ],
    [
      'E',
      'sync.go:101',
      () =>
        '"error creating order" err="429 urn:ietf:params:acme:error:rateLimited: too many certificates already issued" logger="cert-manager.orders"',
    ],
  ],
  'cert-manager-webhook': [
    ['I', 'logr.go:261', () => '"handled admission request" logger="cert-manager.webhook" kind="Certificate" allowed=true'],
  ],
};

const KLOG_LEVEL: Record<string, Level> = { I: 'info', W: 'warn', E: 'error', F: 'fatal' };

function klogLine(ctx: LineContext, letter: string, location: string, text: string): LogLine {
  return out(`${letter}${klogTime(ctx.ts)}       1 ${location}] ${text}`, 'stderr', KLOG_LEVEL[letter]);
}

function containerName(ctx: LineContext): string {
  return ctx.source.replica.workload.containers[ctx.source.container]?.name ?? '';
}

export const klog: Format = {
  line(ctx) {
    const table = KLOG[containerName(ctx)] ?? KLOG['kube-proxy'] ?? [];
    // Warnings and errors are rarer than their share of each table.
    let entry = ctx.rng.pick(table);
    if (entry[0] !== 'I' && ctx.rng.chance(0.8)) entry = table.find((e) => e[0] === 'I') ?? entry;
    return [klogLine(ctx, entry[0], entry[1], entry[2](ctx))];
  },
  startup: (ctx) => [klogLine(ctx, 'I', 'server.go:146', `"Version info" version="${containerName(ctx)}" goVersion="go1.23.2"`)],
  shutdown: (ctx) => [klogLine(ctx, 'I', 'server.go:201', '"Shutting down"')],
};

const LOGFMT: Record<string, [Level, string, (c: LineContext) => string][]> = {
  prometheus: [
    [
      'info',
      'head.go:1312 component=tsdb',
      (c) => `msg="Head GC completed" caller=head.go:1312 duration=${c.rng.between(2, 90)}.${c.rng.int(1000)}ms`,
    ],
    [
      'info',
      'compact.go:581 component=tsdb',
      (c) =>
        `msg="write block" mint=${c.ts - 7_200_000} maxt=${c.ts} ulid=01J${c.rng.hex(23).toUpperCase()} duration=${latencyMs(c.rng)}ms`,
    ],
    [
      'warn',
      'scrape.go:1754 component="scrape manager" scrape_pool=serviceMonitor/payments/payments-api/0',
      () => 'msg="Append failed" err="out of bounds"',
    ],
  ],
  'config-reloader': [
    [
      'info',
      'reloader.go:375',
      () =>
        'msg="Reload triggered" cfg_in=/etc/prometheus/config/prometheus.yaml.gz cfg_out=/etc/prometheus/config_out/prometheus.env.yaml',
    ],
  ],
  alertmanager: [
    [
      'info',
      'dispatch.go:358 component=dispatcher',
      (c) => `msg="Notify success" receiver=slack-oncall integration=slack[0] attempts=1 duration=${latencyMs(c.rng)}ms`,
    ],
    [
      'warn',
      'notify.go:866 component=dispatcher',
      () =>
        'msg="Notify attempt failed, will retry later" receiver=pagerduty integration=pagerduty[0] attempts=1 err="context deadline exceeded"',
    ],
  ],
  'node-exporter': [
    ['info', 'node_exporter.go:111', () => 'msg="Enabled collectors"'],
    [
      'error',
      'collector.go:169',
      () =>
        'msg="collector failed" name=hwmon duration_seconds=0.00112 err="open /sys/class/hwmon/hwmon3/temp1_input: no such file or directory"',
    ],
  ],
  grafana: [
    [
      'info',
      'context.go:118 logger=context userId=3 orgId=1 uname=sakura.tanaka',
      (c) =>
        `msg="Request Completed" method=GET path=/api/ds/query status=200 remote_addr=10.244.1.${c.rng.between(2, 254)} time_ms=${latencyMs(c.rng)} size=${c.rng.between(200, 90_000)}`,
    ],
    [
      'warn',
      'alerting.go:88 logger=ngalert.state.manager',
      () => 'msg="Rule evaluation took longer than interval" rule_uid=payments-error-rate',
    ],
  ],
};

export const logfmt: Format = {
  line(ctx) {
    const table = LOGFMT[containerName(ctx)] ?? LOGFMT.prometheus ?? [];
    let entry = ctx.rng.pick(table);
    if (entry[0] !== 'info' && ctx.rng.chance(0.8)) entry = table[0] ?? entry;
    const [level, where, text] = entry;
    const [caller, ...rest] = where.split(' ');
    const tail = rest.length > 0 ? ` ${rest.join(' ')}` : '';
    return [out(`ts=${isoMs(ctx.ts)} caller=${caller} level=${level}${tail} ${text(ctx)}`, 'stderr', level)];
  },
  startup: (ctx) => [out(`ts=${isoMs(ctx.ts)} caller=main.go:640 level=info msg="Starting ${containerName(ctx)}"`, 'stderr', 'info')],
  shutdown: (ctx) => [
    out(`ts=${isoMs(ctx.ts)} caller=main.go:1020 level=warn msg="Received SIGTERM, exiting gracefully..."`, 'stderr', 'warn'),
  ],
};

const DNS_NAMES = [
  'catalog-api.catalog.svc.cluster.local.',
  'payments-api.payments.svc.cluster.local.',
  'redis.auth.svc.cluster.local.',
  'api.stripe.com.',
  'sqs.eu-west-1.amazonaws.com.',
  'opensearch.search.svc.cluster.local.',
];

export const coredns: Format = {
  line(ctx) {
    if (ctx.rng.chance(0.01)) {
      return [
        out(
          `[ERROR] plugin/errors: 2 ${ctx.rng.pick(DNS_NAMES)} AAAA: read udp 10.244.2.${ctx.rng.between(2, 254)}:${ctx.rng.between(30000, 60000)}->10.0.0.2:53: i/o timeout`,
          'stdout',
          'error',
        ),
      ];
    }
    const name = ctx.rng.pick(DNS_NAMES);
    const type = ctx.rng.chance(0.7) ? 'A' : 'AAAA';
    const rcode = name.endsWith('svc.cluster.local.') || ctx.rng.chance(0.8) ? 'NOERROR' : 'NXDOMAIN';
    const line = `[INFO] 10.244.${ctx.rng.between(1, 3)}.${ctx.rng.between(2, 254)}:${ctx.rng.between(30000, 60999)} - ${ctx.rng.int(65536)} "${type} IN ${name} udp ${ctx.rng.between(40, 90)} false 512" ${rcode} qr,aa,rd ${ctx.rng.between(60, 200)} 0.000${ctx.rng.between(100, 999)}s`;
    return [out(line, 'stdout', 'info')];
  },
  startup: () => [
    out('.:53', 'stdout'),
    out(
      '[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908',
      'stdout',
      'info',
    ),
  ],
  shutdown: () => [out('[INFO] SIGTERM: Shutting down servers then terminating', 'stdout', 'info')],
};

export const postgres: Format = {
  line(ctx) {
    const head = `${sqlTime(ctx.ts)} UTC [${ctx.rng.between(100, 9999)}]`;
    const r = ctx.rng.next();
    const failing = ctx.incidentNamespace === 'catalog';
    if (r < (failing ? 0.5 : 0.03)) {
      const sku = `SKU-${ctx.rng.between(1000, 98000)}`;
      return [
        out(`${head} ERROR:  duplicate key value violates unique constraint "products_sku_key"`, 'stderr', 'error'),
        out(`${head} DETAIL:  Key (sku)=(${sku}) already exists.`, 'stderr'),
        out(`${head} STATEMENT:  INSERT INTO products (sku, name, price) VALUES ($1, $2, $3)`, 'stderr'),
      ];
    }
    if (r < 0.4) return [out(`${head} LOG:  checkpoint starting: time`, 'stderr', 'info')];
    if (r < 0.8)
      return [
        out(
          `${head} LOG:  checkpoint complete: wrote ${ctx.rng.between(10, 4000)} buffers (${ctx.rng.between(0, 20)}.${ctx.rng.int(10)}%); 0 WAL file(s) added, 0 removed, 1 recycled; write=${ctx.rng.between(1, 200)}.${ctx.rng.between(100, 999)} s`,
          'stderr',
          'info',
        ),
      ];
    if (r < 0.95)
      return [
        out(
          `${head} LOG:  duration: ${latencyMs(ctx.rng, true)}.${ctx.rng.between(100, 999)} ms  statement: SELECT * FROM products WHERE name ILIKE '%café%'`,
          'stderr',
          'info',
        ),
      ];
    return [out(`${head} WARNING:  there is no transaction in progress`, 'stderr', 'warn')];
  },
  startup: (ctx) => [out(`${sqlTime(ctx.ts)} UTC [1] LOG:  database system is ready to accept connections`, 'stderr', 'info')],
  shutdown: (ctx) => [out(`${sqlTime(ctx.ts)} UTC [1] LOG:  received fast shutdown request`, 'stderr', 'info')],
};

export const redis: Format = {
  line(ctx) {
    const head = `1:M ${redisTime(ctx.ts)}`;
    const r = ctx.rng.next();
    if (r < 0.4) return [out(`${head} * ${ctx.rng.between(1, 10_000)} changes in 60 seconds. Saving...`, 'stdout')];
    if (r < 0.7) return [out(`${head} * Background saving started by pid ${ctx.rng.between(20, 9000)}`, 'stdout')];
    if (r < 0.97) return [out(`${head} * Background saving terminated with success`, 'stdout')];
    return [out(`${head} # WARNING: 32 clients are waiting for a blocking operation`, 'stdout')];
  },
  startup: (ctx) => [out(`1:M ${redisTime(ctx.ts)} * Ready to accept connections tcp`, 'stdout')],
  shutdown: (ctx) => [out(`1:signal-handler (${Math.floor(ctx.ts / 1000)}) Received SIGTERM scheduling shutdown...`, 'stdout')],
};

export const fluentd: Format = {
  line(ctx) {
    const head = `${sqlTimeSeconds(ctx.ts)} +0000`;
    if (ctx.rng.chance(0.05)) {
      return [
        out(
          `${head} [warn]: #0 [out_es] failed to flush the buffer. retry_times=${ctx.rng.between(1, 5)} next_retry_time=${sqlTimeSeconds(ctx.ts + 4000)} +0000 chunk="${ctx.rng.hex(32)}" error_class=Elasticsearch::Transport::Transport::Errors::ServiceUnavailable error="[503] {\\"error\\":\\"es_rejected_execution_exception\\"}"`,
          'stdout',
          'warn',
        ),
      ];
    }
    const pod = ctx.rng.pick(['payments-api', 'checkout-service', 'catalog-api', 'storefront']);
    return [
      out(
        `${head} [info]: #0 [in_tail_container_logs] following tail of /var/log/containers/${pod}-${ctx.rng.hex(10)}.log`,
        'stdout',
        'info',
      ),
    ];
  },
  startup: (ctx) => [out(`${sqlTimeSeconds(ctx.ts)} +0000 [info]: starting fluentd-1.17.1 pid=7 ruby="3.2.6"`, 'stdout', 'info')],
  shutdown: (ctx) => [out(`${sqlTimeSeconds(ctx.ts)} +0000 [info]: Received graceful stop`, 'stdout', 'info')],
};

/** The `count` container ticks once a second from its start; its sidecars stream the two files. */
function tick(ctx: LineContext): number {
  return Math.max(0, Math.floor((ctx.ts - ctx.instance.from) / 1000));
}

export const countLog1: Format = {
  line: (ctx) => [out(`${tick(ctx)}: ${unixDate(ctx.ts)}`, 'stdout')],
  startup: (ctx) => [out(`0: ${unixDate(ctx.ts)}`, 'stdout')],
  shutdown: () => [],
};

export const countLog2: Format = {
  line: (ctx) => [out(`${unixDate(ctx.ts)} INFO ${tick(ctx)}`, 'stdout')],
  startup: (ctx) => [out(`${unixDate(ctx.ts)} INFO 0`, 'stdout')],
  shutdown: () => [],
};
