import type { FormatId } from '@/lib/demo-cluster/topology';
import { javaLogback, jsonGo, jsonNode, jsonPython } from './apps';
import { coredns, countLog1, countLog2, fluentd, klog, logfmt, postgres, redis } from './infra';
import type { Format } from './types';
import { ingressNginx, nginxWeb, nodeAnsi } from './web';

export const FORMATS: Record<FormatId, Format> = {
  'ingress-nginx': ingressNginx,
  'nginx-web': nginxWeb,
  'node-ansi': nodeAnsi,
  'json-go': jsonGo,
  'json-node': jsonNode,
  'json-python': jsonPython,
  'java-logback': javaLogback,
  klog,
  logfmt,
  coredns,
  postgres,
  redis,
  fluentd,
  'count-log-1': countLog1,
  'count-log-2': countLog2,
};

export { longLine } from './apps';
export { crashOutput } from './traces';
export type { Format, LineContext, LogLine } from './types';
