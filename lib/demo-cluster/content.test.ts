import { describe, expect, it } from 'vitest';
import { flattenDoc, generateEvents } from './index';
import type { DemoEvent } from './index';

const END = new Date('2026-11-20T12:00:00.000Z');
const events: DemoEvent[] = [...generateEvents({ seed: 20261127, docs: 20_000, days: 1, end: END })];
const flat = events.map((e) => flattenDoc(e.doc));
const logs = flat.map((f) => String(f.log ?? f.message ?? ''));
const some = (test: (f: Record<string, unknown>, log: string) => boolean) => flat.filter((f, i) => test(f, logs[i] ?? '')).length;

describe('a 20k sample holds every kind of line', () => {
  it.each<[string, (f: Record<string, unknown>, log: string) => boolean]>([
    [
      'nginx access lines',
      (_f, l) => /^\S+ - - \[\d{2}\/\w{3}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000\] "(GET|POST|HEAD) \S+ HTTP\/[\d.]+" \d{3} /.test(l),
    ],
    ['JSON structured app logs', (f, l) => l.startsWith('{') && typeof f.level === 'string'],
    [
      'klog lines',
      (f, l) => /^[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d{6} +\d+ [\w.-]+:\d+\] /.test(l) && f['kubernetes.namespace_name'] === 'kube-system',
    ],
    ['Java stack frames', (_f, l) => /^\tat [\w$.]+\(/.test(l)],
    ['Go panics', (_f, l) => l.startsWith('panic: runtime error')],
    ['goroutine headers', (_f, l) => /^goroutine \d+ \[running\]:$/.test(l)],
    ['Python tracebacks', (_f, l) => l === 'Traceback (most recent call last):'],
    ['ANSI colour codes', (_f, l) => l.includes('\u001b[')],
    // eslint-disable-next-line no-control-regex -- the range starts at U+0000 on purpose: all of Latin-1
    ['unicode beyond Latin-1', (_f, l) => /[^\u0000-\u00ff]/.test(l)],
    ['lines longer than 10 KB', (_f, l) => l.length > 10_240],
    ['stdout', (f) => f.stream === 'stdout'],
    ['stderr', (f) => f.stream === 'stderr'],
    [
      'count-log-1 sidecar',
      (f, l) => f['kubernetes.container_name'] === 'count-log-1' && /^\d+: \w{3} \w{3} [ \d]\d \d{2}:\d{2}:\d{2} UTC \d{4}$/.test(l),
    ],
    ['count-log-2 sidecar', (f, l) => f['kubernetes.container_name'] === 'count-log-2' && / INFO \d+$/.test(l)],
    ['StatefulSet pods', (f) => /^[a-z-]+-0$/.test(String(f['kubernetes.pod_name']))],
    ['DaemonSet pods', (f) => /^kube-proxy-[a-z0-9]{5}$/.test(String(f['kubernetes.pod_name']))],
    ['Deployment pods', (f) => /^checkout-service-[a-z0-9]{10}-[a-z0-9]{5}$/.test(String(f['kubernetes.pod_name']))],
    ['empty lines', (f, l) => l === '' && f.stream === 'stderr'],
  ])('%s', (_name, test) => {
    expect(some(test)).toBeGreaterThan(0);
  });

  it('has about 12 namespaces and 3 nodes', () => {
    const namespaces = new Set(flat.map((f) => f['kubernetes.namespace_name']).filter(Boolean));
    const nodes = new Set(flat.map((f) => f['kubernetes.host']).filter(Boolean));
    expect(namespaces.size).toBeGreaterThanOrEqual(11);
    expect([...namespaces]).toEqual(
      expect.arrayContaining(['kube-system', 'monitoring', 'ingress-nginx', 'payments', 'checkout', 'catalog', 'auth', 'search']),
    );
    expect(nodes.size).toBe(3);
  });

  it('parses the level of JSON lines from the line itself', () => {
    const names: Record<string, string> = {
      '10': 'trace',
      '20': 'debug',
      '30': 'info',
      '40': 'warn',
      '50': 'error',
      '60': 'fatal',
      warning: 'warn',
      critical: 'fatal',
    };
    let checked = 0;
    flat.forEach((f, i) => {
      const log = logs[i] ?? '';
      if (!log.startsWith('{')) return;
      const raw = String((JSON.parse(log) as { level: unknown }).level);
      expect(f.level).toBe(names[raw] ?? raw);
      checked++;
    });
    expect(checked).toBeGreaterThan(1000);
  });

  it('takes the level of klog lines from their I/W/E/F prefix', () => {
    const byLetter: Record<string, string> = { I: 'info', W: 'warn', E: 'error', F: 'fatal' };
    const klog = flat.filter((_f, i) => /^[IWEF]\d{4} \d{2}:/.test(logs[i] ?? ''));
    expect(new Set(klog.map((f) => f.level))).toEqual(new Set(['info', 'warn', 'error']));
    for (const f of klog) expect(f.level).toBe(byLetter[String(f.log)[0] ?? '']);
  });

  it('uses only lowercase levels from the known set', () => {
    const levels = new Set(flat.map((f) => f.level).filter((l) => l !== undefined));
    for (const level of levels) expect(['trace', 'debug', 'info', 'warn', 'error', 'fatal']).toContain(level);
    expect(levels.size).toBe(6);
  });
});

describe('documents pushed without kubernetes metadata', () => {
  const pushed = flat.filter((f) => !Object.keys(f).some((k) => k.startsWith('kubernetes.')));

  it('exist, carry only timestamp, message or log, level and maybe service', () => {
    expect(pushed.length).toBeGreaterThan(50);
    for (const f of pushed) {
      for (const key of Object.keys(f)) expect(['@timestamp', 'message', 'log', 'level', 'service']).toContain(key);
      expect(typeof (f.message ?? f.log)).toBe('string');
    }
    expect(pushed.some((f) => 'message' in f)).toBe(true);
    expect(pushed.some((f) => 'log' in f)).toBe(true);
  });
});
