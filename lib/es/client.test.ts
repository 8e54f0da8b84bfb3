import { errors } from '@elastic/elasticsearch';
import { describe, expect, it, vi } from 'vitest';
import { engineErrorToApiError, queryErrorFromShardFailures } from '@/lib/es/client';

const SECRET_URL = 'http://elastic:s3cret@10.0.0.5:9200';

function responseError(statusCode: number, body: unknown) {
  return new errors.ResponseError({ body, statusCode, headers: {}, warnings: null, meta: {} as never });
}

function mapped(err: unknown, opts?: { deadlineHit?: boolean }) {
  const api = engineErrorToApiError(err, opts);
  if (!api) throw new Error('not mapped');
  const body = JSON.stringify(api.toBody());
  expect(body).not.toMatch(/10\.0\.0\.5|s3cret|9200/);
  return { status: api.status, ...api.toBody().error };
}

describe('engineErrorToApiError', () => {
  it('maps an unreachable engine to 503 engine_unavailable without its address', () => {
    expect(mapped(new errors.ConnectionError(`connect ECONNREFUSED ${SECRET_URL}`))).toMatchObject({
      status: 503,
      code: 'engine_unavailable',
    });
    expect(mapped(new errors.NoLivingConnectionsError(`no living connections ${SECRET_URL}`, {} as never))).toMatchObject({
      status: 503,
      code: 'engine_unavailable',
    });
  });

  it('maps time-outs to 503 engine_timeout', () => {
    expect(mapped(new errors.TimeoutError(`Request timed out ${SECRET_URL}`))).toMatchObject({ status: 503, code: 'engine_timeout' });
    expect(mapped(new errors.RequestAbortedError('aborted'), { deadlineHit: true })).toMatchObject({ status: 503, code: 'engine_timeout' });
  });

  it('maps a caller that went away to 499', () => {
    expect(mapped(new errors.RequestAbortedError('aborted'))).toMatchObject({ status: 499 });
  });

  it('maps query parse failures to 400 query_syntax with the deepest reason', () => {
    const body = {
      error: {
        type: 'search_phase_execution_exception',
        reason: 'all shards failed',
        root_cause: [{ type: 'query_shard_exception', reason: 'Failed to parse query [level:(]' }],
        failed_shards: [
          {
            shard: 0,
            index: 'logstash-2026.11.20',
            reason: {
              type: 'query_shard_exception',
              reason: 'Failed to parse query [level:(]',
              caused_by: { type: 'parse_exception', reason: 'Cannot parse \'level:(\': Encountered "<EOF>" at line 1, column 7.' },
            },
          },
        ],
      },
      status: 400,
    };
    const result = mapped(responseError(400, body));
    expect(result).toMatchObject({ status: 400, code: 'query_syntax' });
    expect(result.message).toContain('Cannot parse');
  });

  it('maps refused credentials and overload to 503, other engine refusals to 502', () => {
    expect(mapped(responseError(401, { error: { type: 'security_exception' } }))).toMatchObject({
      status: 503,
      code: 'engine_unavailable',
    });
    expect(mapped(responseError(429, { error: { type: 'es_rejected_execution_exception' } }))).toMatchObject({ status: 503 });
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(mapped(responseError(500, { error: { type: 'null_pointer_exception', reason: SECRET_URL } }))).toMatchObject({
      status: 502,
      code: 'engine_error',
    });
    log.mockRestore();
  });

  it('leaves errors that are not the engine’s to the caller', () => {
    expect(engineErrorToApiError(new TypeError('x'))).toBeNull();
  });
});

describe('queryErrorFromShardFailures', () => {
  it('turns a parse failure on some shards into a 400, even though others succeeded', () => {
    const err = queryErrorFromShardFailures([
      {
        reason: {
          type: 'query_shard_exception',
          reason: 'Failed to parse query [a:[1 TO]',
          caused_by: {
            type: 'parse_exception',
            reason: 'Cannot parse \'a:[1 TO\': Encountered "<EOF>" at line 1, column 7.\nWas expecting one of:\n    "TO" ...',
          },
        },
      },
    ]);
    expect(err?.toBody()).toEqual({
      error: {
        code: 'query_syntax',
        path: 'query.text',
        message:
          'the query could not be run: Cannot parse \'a:[1 TO\': Encountered "<EOF>" at line 1, column 7. Was expecting one of: "TO" ...',
      },
    });
  });

  it('leaves other shard failures to the partial report', () => {
    expect(queryErrorFromShardFailures([{ reason: { type: 'node_disconnected_exception', reason: 'gone' } }])).toBeNull();
    expect(queryErrorFromShardFailures(undefined)).toBeNull();
  });
});
