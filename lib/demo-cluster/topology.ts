/**
 * The simulated cluster, as a spec: which nodes, namespaces and workloads exist and how much
 * each one logs. Nothing random here; names that Kubernetes would generate (hashes, uids,
 * container ids) are drawn from the seed in cluster.ts.
 */

export type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
export type Stream = 'stdout' | 'stderr';
export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet';

/** How a container writes its lines; each id has a formatter in formats/. */
export type FormatId =
  | 'ingress-nginx'
  | 'nginx-web'
  | 'node-ansi'
  | 'json-go'
  | 'json-node'
  | 'json-python'
  | 'java-logback'
  | 'klog'
  | 'logfmt'
  | 'coredns'
  | 'postgres'
  | 'redis'
  | 'fluentd'
  | 'count-log-1'
  | 'count-log-2';

/** What a crashing container prints on its way down, before the kubelet restarts it. */
export type CrashKind = 'go-panic' | 'java-oom' | 'python-traceback';

export interface ContainerSpec {
  name: string;
  image: string;
  format: FormatId;
  /** Share of the workload's volume this container writes. */
  share: number;
  /** Containers that crash and restart during the window, and how. */
  crash?: CrashKind;
}

export interface WorkloadSpec {
  namespace: string;
  name: string;
  kind: WorkloadKind;
  /** Ignored for DaemonSets: one pod per node. */
  replicas: number;
  /** Relative log volume of the whole workload. */
  weight: number;
  containers: ContainerSpec[];
  /** Deployments whose pods the kubelet may evict under node pressure. */
  evictable?: boolean;
  /** Pod IP is the node IP (kube-proxy, node agents). */
  hostNetwork?: boolean;
}

export interface NodeSpec {
  name: string;
  ip: string;
  /** Third octet of the node's pod CIDR (10.244.<n>.0/24). */
  podSubnet: number;
}

/** Applications outside the cluster (VMs, serverless) that push logs straight to Elasticsearch. */
export interface PushedSpec {
  service: string;
  /** Field that carries the line: these shippers do not agree on one. */
  messageField: 'message' | 'log';
  /** Whether the shipper adds a `service` field. */
  withService: boolean;
  weight: number;
}

export const NODES: readonly NodeSpec[] = [
  { name: 'ip-10-0-1-17.eu-west-1.compute.internal', ip: '10.0.1.17', podSubnet: 1 },
  { name: 'ip-10-0-2-84.eu-west-1.compute.internal', ip: '10.0.2.84', podSubnet: 2 },
  { name: 'ip-10-0-3-142.eu-west-1.compute.internal', ip: '10.0.3.142', podSubnet: 3 },
];

const K8S = 'registry.k8s.io';

export const WORKLOADS: readonly WorkloadSpec[] = [
  // kube-system: klog everywhere except CoreDNS.
  {
    namespace: 'kube-system',
    name: 'kube-proxy',
    kind: 'DaemonSet',
    replicas: 3,
    weight: 2,
    hostNetwork: true,
    containers: [{ name: 'kube-proxy', image: `${K8S}/kube-proxy:v1.31.2`, format: 'klog', share: 1 }],
  },
  {
    namespace: 'kube-system',
    name: 'coredns',
    kind: 'Deployment',
    replicas: 2,
    weight: 4,
    containers: [{ name: 'coredns', image: `${K8S}/coredns/coredns:v1.11.3`, format: 'coredns', share: 1 }],
  },
  {
    namespace: 'kube-system',
    name: 'metrics-server',
    kind: 'Deployment',
    replicas: 1,
    weight: 1,
    containers: [{ name: 'metrics-server', image: `${K8S}/metrics-server/metrics-server:v0.7.2`, format: 'klog', share: 1 }],
  },
  {
    namespace: 'kube-system',
    name: 'cluster-autoscaler',
    kind: 'Deployment',
    replicas: 1,
    weight: 1.5,
    containers: [{ name: 'cluster-autoscaler', image: `${K8S}/autoscaling/cluster-autoscaler:v1.31.0`, format: 'klog', share: 1 }],
  },
  {
    namespace: 'kube-system',
    name: 'ebs-csi-node',
    kind: 'DaemonSet',
    replicas: 3,
    weight: 1,
    hostNetwork: true,
    containers: [
      { name: 'ebs-plugin', image: 'public.ecr.aws/ebs-csi-driver/aws-ebs-csi-driver:v1.36.0', format: 'klog', share: 0.7 },
      { name: 'node-driver-registrar', image: `${K8S}/sig-storage/csi-node-driver-registrar:v2.12.0`, format: 'klog', share: 0.3 },
    ],
  },
  // monitoring
  {
    namespace: 'monitoring',
    name: 'prometheus-k8s',
    kind: 'StatefulSet',
    replicas: 1,
    weight: 2,
    containers: [
      { name: 'prometheus', image: 'quay.io/prometheus/prometheus:v2.55.0', format: 'logfmt', share: 0.85 },
      { name: 'config-reloader', image: 'quay.io/prometheus-operator/prometheus-config-reloader:v0.78.1', format: 'logfmt', share: 0.15 },
    ],
  },
  {
    namespace: 'monitoring',
    name: 'alertmanager-main',
    kind: 'StatefulSet',
    replicas: 1,
    weight: 0.6,
    containers: [{ name: 'alertmanager', image: 'quay.io/prometheus/alertmanager:v0.27.0', format: 'logfmt', share: 1 }],
  },
  {
    namespace: 'monitoring',
    name: 'node-exporter',
    kind: 'DaemonSet',
    replicas: 3,
    weight: 0.8,
    hostNetwork: true,
    containers: [{ name: 'node-exporter', image: 'quay.io/prometheus/node-exporter:v1.8.2', format: 'logfmt', share: 1 }],
  },
  {
    namespace: 'monitoring',
    name: 'grafana',
    kind: 'Deployment',
    replicas: 1,
    weight: 1,
    evictable: true,
    containers: [{ name: 'grafana', image: 'docker.io/grafana/grafana:11.3.0', format: 'logfmt', share: 1 }],
  },
  // ingress-nginx: access lines on stdout, controller chatter (klog) on stderr.
  {
    namespace: 'ingress-nginx',
    name: 'ingress-nginx-controller',
    kind: 'Deployment',
    replicas: 2,
    weight: 24,
    containers: [{ name: 'controller', image: `${K8S}/ingress-nginx/controller:v1.11.3`, format: 'ingress-nginx', share: 1 }],
  },
  // logging: the node agent itself.
  {
    namespace: 'logging',
    name: 'fluentd',
    kind: 'DaemonSet',
    replicas: 3,
    weight: 1.5,
    containers: [
      {
        name: 'fluentd',
        image: 'docker.io/fluent/fluentd-kubernetes-daemonset:v1.17-debian-elasticsearch8-1',
        format: 'fluentd',
        share: 1,
      },
    ],
  },
  {
    namespace: 'cert-manager',
    name: 'cert-manager',
    kind: 'Deployment',
    replicas: 1,
    weight: 1,
    containers: [{ name: 'cert-manager-controller', image: 'quay.io/jetstack/cert-manager-controller:v1.16.1', format: 'klog', share: 1 }],
  },
  {
    namespace: 'cert-manager',
    name: 'cert-manager-webhook',
    kind: 'Deployment',
    replicas: 1,
    weight: 0.5,
    containers: [{ name: 'cert-manager-webhook', image: 'quay.io/jetstack/cert-manager-webhook:v1.16.1', format: 'klog', share: 1 }],
  },
  // Applications.
  {
    namespace: 'payments',
    name: 'payments-api',
    kind: 'Deployment',
    replicas: 3,
    weight: 8,
    containers: [
      { name: 'payments-api', image: 'ghcr.io/acme-shop/payments-api:2.14.1', format: 'java-logback', share: 1, crash: 'java-oom' },
    ],
  },
  {
    namespace: 'payments',
    name: 'payments-worker',
    kind: 'Deployment',
    replicas: 2,
    weight: 3,
    evictable: true,
    containers: [{ name: 'worker', image: 'ghcr.io/acme-shop/payments-worker:2.14.1', format: 'json-go', share: 1 }],
  },
  {
    namespace: 'checkout',
    name: 'checkout-service',
    kind: 'Deployment',
    replicas: 3,
    weight: 8,
    containers: [{ name: 'checkout', image: 'ghcr.io/acme-shop/checkout-service:1.9.0', format: 'json-go', share: 1, crash: 'go-panic' }],
  },
  {
    namespace: 'catalog',
    name: 'catalog-api',
    kind: 'Deployment',
    replicas: 3,
    weight: 8,
    containers: [{ name: 'catalog-api', image: 'ghcr.io/acme-shop/catalog-api:4.2.0', format: 'json-node', share: 1 }],
  },
  {
    namespace: 'catalog',
    name: 'catalog-db',
    kind: 'StatefulSet',
    replicas: 1,
    weight: 2,
    containers: [{ name: 'postgres', image: 'docker.io/library/postgres:16.4', format: 'postgres', share: 1 }],
  },
  {
    namespace: 'auth',
    name: 'auth-service',
    kind: 'Deployment',
    replicas: 2,
    weight: 6,
    containers: [{ name: 'auth', image: 'ghcr.io/acme-shop/auth-service:3.0.7', format: 'java-logback', share: 1 }],
  },
  {
    namespace: 'auth',
    name: 'redis',
    kind: 'StatefulSet',
    replicas: 1,
    weight: 1,
    containers: [{ name: 'redis', image: 'docker.io/library/redis:7.4.1', format: 'redis', share: 1 }],
  },
  {
    namespace: 'search',
    name: 'search-api',
    kind: 'Deployment',
    replicas: 2,
    weight: 5,
    evictable: true,
    containers: [{ name: 'search-api', image: 'ghcr.io/acme-shop/search-api:0.31.2', format: 'json-python', share: 1 }],
  },
  {
    namespace: 'search',
    name: 'search-indexer',
    kind: 'Deployment',
    replicas: 1,
    weight: 2,
    containers: [
      { name: 'indexer', image: 'ghcr.io/acme-shop/search-indexer:0.31.2', format: 'json-python', share: 1, crash: 'python-traceback' },
    ],
  },
  {
    namespace: 'frontend',
    name: 'storefront',
    kind: 'Deployment',
    replicas: 2,
    weight: 7,
    evictable: true,
    containers: [
      { name: 'nginx', image: 'docker.io/library/nginx:1.27.2', format: 'nginx-web', share: 0.55 },
      { name: 'ssr', image: 'ghcr.io/acme-shop/storefront-ssr:5.3.1', format: 'node-ansi', share: 0.45 },
    ],
  },
  // The streaming-sidecar pattern from the Kubernetes logging docs: `count` writes two files,
  // one sidecar per file streams it to stdout.
  {
    namespace: 'default',
    name: 'counter',
    kind: 'Deployment',
    replicas: 1,
    weight: 1.5,
    containers: [
      { name: 'count-log-1', image: `${K8S}/busybox:1.28`, format: 'count-log-1', share: 0.5 },
      { name: 'count-log-2', image: `${K8S}/busybox:1.28`, format: 'count-log-2', share: 0.5 },
    ],
  },
];

export const PUSHED: readonly PushedSpec[] = [
  { service: 'billing-cron', messageField: 'message', withService: true, weight: 1 },
  { service: 'legacy-erp-bridge', messageField: 'log', withService: false, weight: 0.6 },
];

/** Upstreams the ingress routes to: `<namespace>-<service>-<port>` in ingress-nginx's naming. */
export interface IngressRoute {
  namespace: string;
  workload: string;
  port: number;
  host: string;
  paths: readonly string[];
}

export const INGRESS_ROUTES: readonly IngressRoute[] = [
  {
    namespace: 'frontend',
    workload: 'storefront',
    port: 80,
    host: 'shop.acme.example',
    paths: ['/', '/products', '/products/{id}', '/cart', '/static/app.{hash}.js', '/static/styles.{hash}.css', '/favicon.ico'],
  },
  {
    namespace: 'catalog',
    workload: 'catalog-api',
    port: 8080,
    host: 'api.acme.example',
    paths: ['/v1/products', '/v1/products/{id}', '/v1/categories', '/v1/products/{id}/reviews'],
  },
  {
    namespace: 'checkout',
    workload: 'checkout-service',
    port: 8080,
    host: 'api.acme.example',
    paths: ['/v1/cart', '/v1/cart/items', '/v1/checkout', '/v1/checkout/{id}'],
  },
  {
    namespace: 'payments',
    workload: 'payments-api',
    port: 8443,
    host: 'api.acme.example',
    paths: ['/v1/payments', '/v1/payments/{id}', '/v1/payments/{id}/capture', '/v1/refunds'],
  },
  {
    namespace: 'auth',
    workload: 'auth-service',
    port: 8080,
    host: 'auth.acme.example',
    paths: ['/oauth/token', '/oauth/authorize', '/userinfo', '/.well-known/openid-configuration'],
  },
  { namespace: 'search', workload: 'search-api', port: 8000, host: 'api.acme.example', paths: ['/v1/search', '/v1/suggest'] },
];

/** Namespaces where an incident (an error burst) can break out. */
export const INCIDENT_NAMESPACES = ['payments', 'checkout', 'catalog', 'auth', 'search'] as const;
