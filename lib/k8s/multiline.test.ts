import { describe, expect, it } from 'vitest';
import { flattenDoc, generateEvents } from '@/lib/demo-cluster';
import { TEST_DATASET } from '@/lib/demo-cluster/test-dataset';
import { WORKLOADS } from '@/lib/demo-cluster/topology';
import { groupMultiline, MAX_GAP_MS, MAX_GROUP_LINES, type GroupableLine } from '@/lib/k8s/multiline';

const T = Date.UTC(2026, 10, 20, 10);
function lines(texts: readonly string[], over: Partial<GroupableLine> & { gapMs?: number } = {}): GroupableLine[] {
  const { gapMs = 1, ...rest } = over;
  return texts.map((message, i) => ({
    timestamp: new Date(T + i * gapMs).toISOString(),
    message,
    pod: 'p',
    container: 'c',
    containerId: 'id',
    stream: 'stderr',
    ...rest,
  }));
}
const sizes = (groups: number[][]) => groups.map((g) => g.length);

const JAVA = [
  '2026-11-20 10:00:00.000 ERROR 1 --- [payments-api] [nio-8443-exec-7] c.a.p.web.PaymentController : Payment failed',
  'org.springframework.dao.DataAccessResourceFailureException: Unable to acquire JDBC Connection',
  '\tat com.acme.payments.service.PaymentService.authorize(PaymentService.java:87)',
  '\tat java.base/java.lang.Thread.run(Thread.java:1583)',
  'Caused by: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available',
  '\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)',
  '\t... 12 common frames omitted',
  '\tSuppressed: java.lang.IllegalStateException: closed',
  '\t\tat com.zaxxer.hikari.pool.HikariPool.close(HikariPool.java:1)',
  '\t... 3 more',
];
const PYTHON = [
  'Traceback (most recent call last):',
  '  File "/app/main.py", line 88, in <module>',
  '    run()',
  "KeyError: 'sku'",
  '',
  'During handling of the above exception, another exception occurred:',
  '',
  'Traceback (most recent call last):',
  '  File "/app/main.py", line 90, in <module>',
  '    fail()',
  'RuntimeError: giving up',
];
const GO = [
  'panic: runtime error: invalid memory address or nil pointer dereference',
  '[signal SIGSEGV: segmentation violation code=0x1 addr=0x28 pc=0x4a5b6c]',
  '',
  'goroutine 1234 [running]:',
  'github.com/acme-shop/checkout/internal/pricing.(*Calculator).Total(0x0, {0xc000123, 0x3, 0x4})',
  '\t/app/internal/pricing/calculator.go:118 +0x3c',
  'net/http.HandlerFunc.ServeHTTP(...)',
  '\t/usr/local/go/src/net/http/server.go:2220',
  'created by net/http.(*Server).Serve in goroutine 1',
  '\t/usr/local/go/src/net/http/server.go:3360 +0x485',
  'exit status 2',
];

describe('groupMultiline on real-looking traces', () => {
  it.each([
    ['a Java trace with its error entry, cause and suppressed', JAVA],
    ['a chained Python traceback', PYTHON],
    ['a Go panic', GO],
  ])('%s is one event', (_name, texts) => {
    expect(sizes(groupMultiline(lines([...texts, 'next ordinary line'])))).toEqual([texts.length, 1]);
  });

  it('does not pull an ordinary line in front of an exception, nor an info line', () => {
    const texts = ['GET /health 200', JAVA[1] as string, JAVA[2] as string];
    expect(sizes(groupMultiline(lines(texts, { stream: 'stdout' })))).toEqual([1, 2]);
  });

  it('joins indented continuation lines to the line above', () => {
    expect(sizes(groupMultiline(lines(['config:', '  port: 80', '  host: x', 'done'])))).toEqual([3, 1]);
  });

  it('keeps interleaved stdout and stderr, and other containers, apart', () => {
    const trace = lines(GO.slice(0, 4));
    const noise = lines(['out 1', 'out 2', 'out 3', 'out 4'], { stream: 'stdout' });
    const other = lines(['\tat x.y(Z.java:1)'], { container: 'sidecar' });
    const mixed = trace.flatMap((l, i) => [l, noise[i] as GroupableLine]).concat(other);
    expect(groupMultiline(mixed)).toEqual([[0, 2, 4, 6], [1], [3], [5], [7], [8]]);
  });

  it('never spans a gap of more than a second', () => {
    const texts = GO.slice(0, 4);
    expect(sizes(groupMultiline(lines(texts, { gapMs: MAX_GAP_MS })))).toEqual([4]);
    expect(sizes(groupMultiline(lines(texts, { gapMs: MAX_GAP_MS + 1 })))).toEqual([1, 1, 1, 1]);
  });

  it(`never holds more than ${MAX_GROUP_LINES} lines`, () => {
    const texts = ['java.lang.StackOverflowError', ...Array.from({ length: 2_500 }, () => '\tat a.b.C.d(C.java:1)')];
    expect(sizes(groupMultiline(lines(texts, { gapMs: 0 })))).toEqual([1000, 1000, 501]);
  });
});

describe('groupMultiline on the demo data', () => {
  // Generates a day of demo events: well under 5 s on a quiet machine, past it when the 2 cores are shared.
  it('groups ≥ 99% of the generator’s traces exactly, and merges almost nothing else', () => {
    const events = [...generateEvents({ ...TEST_DATASET, end: new Date(TEST_DATASET.end) })].filter((e) => e.doc.kubernetes);
    const input: GroupableLine[] = events.map((e) => {
      const f = flattenDoc(e.doc);
      return {
        timestamp: String(f['@timestamp']),
        message: String(f.log),
        pod: String(f['kubernetes.pod_name']),
        container: String(f['kubernetes.container_name']),
        containerId: String(f['docker.container_id']),
        stream: String(f.stream),
        ...(typeof f.level === 'string' ? { level: f.level } : {}),
      };
    });
    // The generator's traces: what crashing containers print, and the multi-line writes of the
    // Java (logback) containers, an error entry with its stack trace. Other multi-line writes
    // (postgres ERROR/DETAIL/STATEMENT, start-up banners) are separate entries.
    const javaContainers = new Set(WORKLOADS.flatMap((w) => w.containers.filter((c) => c.format === 'java-logback').map((c) => c.name)));
    const isTrace = (e: (typeof events)[number]) =>
      e.emission.lines > 1 &&
      (e.emission.kind === 'crash' ||
        (e.emission.kind === 'line' && javaContainers.has(String((e.doc.kubernetes as { container_name?: string }).container_name))));
    // Generator order is time order with the lines of one write kept together.
    const traces = new Map<number, number[]>();
    events.forEach((e, i) => {
      if (isTrace(e)) {
        traces.set(e.emission.first, [...(traces.get(e.emission.first) ?? []), i]);
      }
    });
    const groups = groupMultiline(input);
    const exact = new Set(groups.map((g) => g.join(',')));
    const grouped = [...traces.values()].filter((t) => exact.has(t.join(','))).length;
    expect(traces.size).toBeGreaterThan(20);
    expect(grouped / traces.size).toBeGreaterThanOrEqual(0.99);
    const inTrace = new Set([...traces.values()].flat());
    const wronglyMerged = groups.filter((g) => g.length > 1 && !g.every((i) => inTrace.has(i))).length;
    expect(wronglyMerged / traces.size).toBeLessThan(0.01);
  }, 30_000);
});
