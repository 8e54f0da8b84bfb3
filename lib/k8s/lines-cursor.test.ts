import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { decodeLinesCursor, encodeLinesCursor } from '@/lib/k8s/lines-cursor';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('the pod view’s older-lines cursor', () => {
  it('round-trips the sort values of a line', () => {
    const sort = ['2026-11-20T11:59:59.123456789Z', 'logstash-2026.11.20', 4711];
    expect(decodeLinesCursor(encodeLinesCursor(sort) as string)).toEqual(sort);
  });

  it('is null when the hit has no usable sort values', () => {
    expect(encodeLinesCursor(undefined)).toBeNull();
    expect(encodeLinesCursor([1764633599000, 'i', 1])).toBeNull();
  });

  it.each([
    ['not base64 JSON', '%%%'],
    ['an object', b64({ a: 1 })],
    ['two values', b64(['2026-11-20T11:59:59Z', 'i'])],
    ['a time that is not ISO', b64(['yesterday', 'i', 1])],
    ['an index with a comma (two indices)', b64(['2026-11-20T11:59:59Z', 'a,b', 1])],
    ['an index pattern', b64(['2026-11-20T11:59:59Z', 'logstash-*', 1])],
    ['a fractional sequence number', b64(['2026-11-20T11:59:59Z', 'i', 1.5])],
  ])('refuses %s with 400 at before', (_name, token) => {
    try {
      decodeLinesCursor(token);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).status).toBe(400);
      expect((err as ApiError).detail.path).toBe('before');
    }
  });
});
