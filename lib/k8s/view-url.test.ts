import { describe, expect, it } from 'vitest';
import { decodeState } from '@/lib/url-state/codec';
import {
  DEFAULT_LOGS_VIEW,
  explorerFilterHref,
  isKubernetesName,
  contextHref,
  podOfFields,
  logsViewQuery,
  parseLogsView,
  podViewAroundLine,
  podViewHref,
  workloadViewHref,
} from '@/lib/k8s/view-url';

describe('logs view URL', () => {
  it('round-trips every field and leaves defaults out', () => {
    const state = {
      since: 'now-6h',
      until: '2026-11-20T12:00:00.000Z',
      container: 'app',
      tail: 200,
      timestamps: false,
      line: 'abc',
      pods: ['a-0', 'a-1'],
      source: 'live',
      live: true,
      via: 'a-1',
    };
    const q = logsViewQuery(state);
    expect(parseLogsView(new URLSearchParams(q))).toEqual(state);
    expect(logsViewQuery(DEFAULT_LOGS_VIEW)).toBe('');
  });

  it.each([
    ['tail=0', { tail: 1000 }],
    ['tail=9999', { tail: 1000 }],
    ['tail=2.5', { tail: 1000 }],
    ['container=Bad%20Name', { container: null }],
    ['pods=ok-1,BAD,,x', { pods: ['ok-1', 'x'] }],
    [`since=${'x'.repeat(300)}`, { since: 'now-24h' }],
    ['ts=1', { timestamps: true }],
    ['via=Not%20A%20Pod', { via: null }],
  ])('%s falls back to a safe value', (q, expected) => {
    expect(parseLogsView(new URLSearchParams(q))).toMatchObject(expected);
  });

  it('builds same-origin paths with the names encoded', () => {
    expect(podViewHref('ns', 'p-0', { container: 'c' })).toBe('/pods/ns/p-0?container=c');
    expect(workloadViewHref('ns', 'web')).toBe('/workloads/ns/web');
    expect(podViewHref('a/b', '..')).toBe('/pods/a%2Fb/%2E%2E');
    expect([isKubernetesName('web-0'), isKubernetesName('..'), isKubernetesName('A'), isKubernetesName(3)]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('opens the pod view on a window around a line, with the line marked', () => {
    const href = podViewAroundLine('ns', 'p-0', { id: 'X1', timestamp: '2026-11-20T10:00:00.000Z' });
    const params = new URLSearchParams(href.split('?')[1]);
    expect(parseLogsView(params)).toMatchObject({
      since: '2026-11-20T09:45:00.000Z',
      until: '2026-11-20T10:15:00.000Z',
      line: 'X1',
      tail: 5000,
    });
  });
});

describe('podOfFields', () => {
  it('reads Fluentd and ECS fields, and refuses names that are not Kubernetes names', () => {
    expect(podOfFields({ 'kubernetes.namespace_name': 'a', 'kubernetes.pod_name': 'p-0' })).toEqual({ namespace: 'a', pod: 'p-0' });
    expect(podOfFields({ 'kubernetes.namespace': 'a', 'kubernetes.pod.name': 'p-0' })).toEqual({ namespace: 'a', pod: 'p-0' });
    expect(podOfFields({ 'kubernetes.namespace_name': 'a', 'kubernetes.pod_name': '../x' })).toBeNull();
    expect(podOfFields({ message: 'x' })).toBeNull();
  });

  it("reads OpenTelemetry resource attributes, and a source's own fields for the meanings first", () => {
    const otel = { 'resource.attributes.k8s.namespace.name': 'a', 'resource.attributes.k8s.pod.name': 'p-0' };
    expect(podOfFields(otel)).toEqual({ namespace: 'a', pod: 'p-0' });
    const custom = { 'k8s.ns': 'b', 'k8s.pod': 'q-1', 'kubernetes.namespace_name': 'a', 'kubernetes.pod_name': 'p-0' };
    expect(podOfFields(custom, { namespace: 'k8s.ns', pod: 'k8s.pod' })).toEqual({ namespace: 'b', pod: 'q-1' });
    expect(podOfFields({ 'kubernetes.namespace_name': 'a', 'kubernetes.pod_name': 'p-0' }, { namespace: 'k8s.ns' })).toEqual({
      namespace: 'a',
      pod: 'p-0',
    });
  });
});

describe('contextHref', () => {
  it('carries a scope other than the instance and a source, each encoded', () => {
    expect(contextHref({ index: 'i', id: 'a/b' })).toBe('/context/i/a%2Fb');
    expect(contextHref({ index: 'i', id: 'x' }, 'instance', 'otel')).toBe('/context/i/x?source=otel');
    expect(contextHref({ index: 'i', id: 'x' }, 'pod', 'fluent-bit')).toBe('/context/i/x?scope=pod&source=fluent-bit');
    expect(contextHref({ index: '..', id: 'x' }, undefined, 'Bad Source')).toBe('/context/%2E%2E/x');
  });
});

describe('explorerFilterHref', () => {
  it('opens the explorer on the view’s range with the pod and the value filter', () => {
    const href = explorerFilterHref(
      { field: 'trace_id', value: 'abc', negate: true },
      { since: 'now-1h', until: 'now', pod: 'api-0', source: null },
    );
    const state = decodeState(new URLSearchParams(href.slice(2)));
    expect(state.time).toMatchObject({ from: 'now-1h', to: 'now' });
    expect(state.filters).toEqual([
      { field: 'pod', op: 'is', value: 'api-0', negate: false, disabled: false },
      { field: 'trace_id', op: 'is', value: 'abc', negate: true, disabled: false },
    ]);
  });
});
