/** One poll of a live tail as a pure builder: the scope's lines from the window start on, oldest first. */
import type { estypes } from '@elastic/elasticsearch';
import { buildSort } from '@/lib/search/build-request';

export const TAIL_PAGE_SIZE = 500;
/** Pages per poll: a burst beyond this many lines a second is sent on the next polls. */
export const TAIL_MAX_PAGES = 4;

export interface TailPollPlan {
  index: string;
  timeField: string;
  /** `date` in some indices, `date_nanos` in others (lib/sources/profile.ts mixedTimeTypes). */
  mixedTimeTypes?: boolean;
  filters: estypes.QueryDslQueryContainer[];
  /** Negated filters of the explorer's tail. */
  mustNot?: estypes.QueryDslQueryContainer[];
  from: number;
  searchAfter?: estypes.SortResults;
  /** The fields a line needs; null for the whole document. */
  sourceFields: string[] | null;
  engineTimeout: string;
}

export function buildTailPoll(plan: TailPollPlan): estypes.SearchRequest {
  return {
    index: plan.index,
    size: TAIL_PAGE_SIZE,
    sort: buildSort(plan.timeField, 'asc', { mixedTimeTypes: plan.mixedTimeTypes === true }),
    ...(plan.searchAfter ? { search_after: plan.searchAfter } : {}),
    query: {
      bool: {
        filter: [...plan.filters, { range: { [plan.timeField]: { gte: plan.from, format: 'epoch_millis' } } }],
        ...(plan.mustNot && plan.mustNot.length > 0 ? { must_not: plan.mustNot } : {}),
      },
    },
    _source: plan.sourceFields ? { includes: plan.sourceFields } : true,
    track_total_hits: false,
    timeout: plan.engineTimeout,
    ignore_unavailable: true,
    allow_no_indices: true,
  };
}
