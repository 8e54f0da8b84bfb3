import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, type ExplorerState } from '@/lib/url-state/codec';
import { exportRequest } from './export-request';

const state = (over: Partial<ExplorerState>): ExplorerState => ({ ...DEFAULT_STATE, ...over });

describe('exportRequest', () => {
  it("the default columns are left to the server; the screen's selection goes as the search has it", () => {
    const request = exportRequest(
      state({
        query: { language: 'kql', text: 'level:error' },
        filters: [
          { field: 'pod', op: 'is', value: 'a', negate: false, disabled: false },
          { field: 'pod', op: 'is', value: 'b', negate: false, disabled: true },
        ],
        sort: 'asc',
      }),
      'csv',
    );
    expect(request).toEqual({
      query: { language: 'kql', text: 'level:error' },
      filters: [{ field: 'pod', op: 'is', value: 'a', negate: false, disabled: false }],
      // The screen's zone goes along (the browser's here), so the file holds the screen's instants.
      time: { ...DEFAULT_STATE.time, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone },
      sort: 'asc',
      format: 'csv',
    });
    expect('columns' in request).toBe(false);
  });

  it('other columns go as shown: the message last, added columns before it', () => {
    expect(exportRequest(state({ columns: ['message', 'pod', 'kubernetes.host'] }), 'ndjson').columns).toEqual([
      'pod',
      'kubernetes.host',
      'message',
    ]);
  });

  it('less the meanings the source lacks (empty on screen, a 400 in an export)', () => {
    const meanings = { message: 'log', pod: 'kubernetes.pod_name' };
    expect(exportRequest(state({ columns: ['pod', 'level', 'custom.field', 'message'] }), 'csv', meanings).columns).toEqual([
      'pod',
      'custom.field',
      'message',
    ]);
  });
});
