/**
 * Multi-line output: Java stack traces, Go panics, Python tracebacks. Docker's json-file driver
 * stores each line as its own entry, so each line becomes its own document.
 */
import type { Rng } from '@/lib/demo-cluster/prng';
import type { CrashKind, Stream } from '@/lib/demo-cluster/topology';
import { out } from './types';
import type { LogLine } from './types';

const JAVA_FRAMES = {
  payments: [
    'com.acme.payments.gateway.StripeGateway.authorize(StripeGateway.java:212)',
    'com.acme.payments.gateway.RetryingGateway.lambda$authorize$0(RetryingGateway.java:48)',
    'com.acme.payments.service.PaymentService.authorize(PaymentService.java:87)',
    'com.acme.payments.service.PaymentService$$SpringCGLIB$$0.authorize(<generated>)',
    'com.acme.payments.web.PaymentController.create(PaymentController.java:64)',
  ],
  auth: [
    'com.acme.auth.token.JwtIssuer.sign(JwtIssuer.java:131)',
    'com.acme.auth.token.TokenService.issue(TokenService.java:77)',
    'com.acme.auth.session.SessionStore.load(SessionStore.java:58)',
    'com.acme.auth.web.TokenEndpoint.token(TokenEndpoint.java:102)',
  ],
} as const;

const SPRING_FRAMES = [
  'java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)',
  'java.base/java.lang.reflect.Method.invoke(Method.java:580)',
  'org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:255)',
  'org.springframework.web.method.support.InvocableHandlerMethod.invokeForRequest(InvocableHandlerMethod.java:188)',
  'org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod.invokeAndHandle(ServletInvocableHandlerMethod.java:118)',
  'org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1089)',
  'org.springframework.web.servlet.FrameworkServlet.processRequest(FrameworkServlet.java:1014)',
  'jakarta.servlet.http.HttpServlet.service(HttpServlet.java:590)',
  'org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:138)',
  'org.apache.catalina.core.StandardWrapperValve.invoke(StandardWrapperValve.java:165)',
  'org.apache.coyote.http11.Http11Processor.service(Http11Processor.java:397)',
  'org.apache.tomcat.util.net.NioEndpoint$SocketProcessor.doRun(NioEndpoint.java:1769)',
  'java.base/java.lang.Thread.run(Thread.java:1583)',
];

const JAVA_FAILURES: Record<'payments' | 'auth', readonly (readonly [string, string])[]> = {
  payments: [
    [
      'com.acme.payments.gateway.GatewayTimeoutException: Upstream timed out after 5000 ms',
      'java.net.SocketTimeoutException: Read timed out',
    ],
    [
      'org.springframework.dao.DataAccessResourceFailureException: Unable to acquire JDBC Connection',
      'java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms.',
    ],
    ['java.lang.IllegalStateException: Payment already captured', ''],
  ],
  auth: [
    [
      'io.lettuce.core.RedisConnectionException: Unable to connect to redis.auth.svc.cluster.local/10.96.44.12:6379',
      'java.net.ConnectException: Connection refused',
    ],
    ['com.acme.auth.token.InvalidGrantException: Refresh token expired for user zoë.brontë', ''],
    ['java.lang.NullPointerException: Cannot invoke "com.acme.auth.session.Session.userId()" because "session" is null', ''],
  ],
};

/** The lines a logback ERROR entry is followed by: exception, frames, optional cause. */
export function javaStackTrace(rng: Rng, app: 'payments' | 'auth', stream: Stream): LogLine[] {
  const [headline, cause] = rng.pick(JAVA_FAILURES[app]);
  const lines: LogLine[] = [out(headline, stream)];
  const own = JAVA_FRAMES[app];
  const depth = rng.between(2, own.length);
  for (let i = 0; i < depth; i++) lines.push(out(`\tat ${own[i]}`, stream));
  const framework = rng.between(4, SPRING_FRAMES.length);
  for (let i = 0; i < framework; i++) lines.push(out(`\tat ${SPRING_FRAMES[i]}`, stream));
  if (cause) {
    lines.push(out(`Caused by: ${cause}`, stream));
    lines.push(out('\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:278)', stream));
    lines.push(out('\tat java.base/java.net.Socket$SocketInputStream.read(Socket.java:1099)', stream));
    lines.push(out(`\t... ${depth + framework} common frames omitted`, stream));
  }
  return lines;
}

function javaOom(rng: Rng): LogLine[] {
  const thread = `http-nio-8443-exec-${rng.between(1, 200)}`;
  return [
    out(`Exception in thread "${thread}" java.lang.OutOfMemoryError: Java heap space`, 'stderr', 'fatal'),
    out('\tat java.base/java.util.Arrays.copyOf(Arrays.java:3541)', 'stderr'),
    out('\tat java.base/java.io.ByteArrayOutputStream.ensureCapacity(ByteArrayOutputStream.java:100)', 'stderr'),
    out('\tat com.fasterxml.jackson.core.util.ByteArrayBuilder.toByteArray(ByteArrayBuilder.java:163)', 'stderr'),
    out('\tat com.acme.payments.reporting.SettlementExporter.export(SettlementExporter.java:71)', 'stderr'),
    out('\tat com.acme.payments.web.PaymentController.settlement(PaymentController.java:121)', 'stderr'),
    out(`\tat ${SPRING_FRAMES[0]}`, 'stderr'),
    out(`\tat ${SPRING_FRAMES[1]}`, 'stderr'),
    out('Terminating due to java.lang.OutOfMemoryError: Java heap space', 'stderr'),
  ];
}

function goPanic(rng: Rng): LogLine[] {
  const g = rng.between(100, 99_999);
  const a = () => `0x${rng.hex(10).replace(/^0+/, '')}`;
  return [
    out('panic: runtime error: invalid memory address or nil pointer dereference', 'stderr', 'fatal'),
    out(`[signal SIGSEGV: segmentation violation code=0x1 addr=0x28 pc=0x${rng.hex(6)}]`, 'stderr'),
    out('', 'stderr'),
    out(`goroutine ${g} [running]:`, 'stderr'),
    out(`github.com/acme-shop/checkout/internal/pricing.(*Calculator).Total(0x0, {${a()}, 0x3, 0x4})`, 'stderr'),
    out('\t/app/internal/pricing/calculator.go:118 +0x3c', 'stderr'),
    out(`github.com/acme-shop/checkout/internal/api.(*Handler).Checkout(${a()}, {0x1d3a2e0, ${a()}}, ${a()})`, 'stderr'),
    out('\t/app/internal/api/checkout.go:74 +0x1a5', 'stderr'),
    out('net/http.HandlerFunc.ServeHTTP(...)', 'stderr'),
    out('\t/usr/local/go/src/net/http/server.go:2220', 'stderr'),
    out(`net/http.(*conn).serve(${a()}, {0x1d3d8f8, ${a()}})`, 'stderr'),
    out('\t/usr/local/go/src/net/http/server.go:2092 +0x5d0', 'stderr'),
    out('created by net/http.(*Server).Serve in goroutine 1', 'stderr'),
    out('\t/usr/local/go/src/net/http/server.go:3360 +0x485', 'stderr'),
  ];
}

function pythonTraceback(rng: Rng): LogLine[] {
  const key = rng.pick(['updated_at', 'sku', 'price']);
  return [
    out('Traceback (most recent call last):', 'stderr'),
    out('  File "/app/indexer/main.py", line 88, in <module>', 'stderr'),
    out('    run()', 'stderr'),
    out('  File "/app/indexer/worker.py", line 142, in run', 'stderr'),
    out('    batch = self.transform(self.fetch_batch(cursor))', 'stderr'),
    out('  File "/app/indexer/transform.py", line 57, in transform', 'stderr'),
    out(`    doc["modified"] = row["${key}"].isoformat()`, 'stderr'),
    out(`KeyError: '${key}'`, 'stderr', 'fatal'),
  ];
}

export function crashOutput(kind: CrashKind, rng: Rng): LogLine[] {
  if (kind === 'go-panic') return goPanic(rng);
  if (kind === 'java-oom') return javaOom(rng);
  return pythonTraceback(rng);
}
