/**
 * The app's date math against the engine's own: for random anchors (every weekday, DST changes,
 * month ends, leap days, zone-less local times), random chains of `+N<unit>`, `-N<unit>` and
 * `/<unit>`, in zones with odd offsets and DST, `resolveDateMath` gives the instant Elasticsearch
 * gives for the same expression and `time_zone` (read from a `date_range` aggregation's bounds).
 * Rounding up for range ends is checked as "the next unit's start, less 1 ms", also by the engine.
 */
import { Client, type estypes } from '@elastic/elasticsearch';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATASET } from '@/lib/demo-cluster/test-dataset';
import { engineConnection } from '@/lib/es/connection';
import { resolveDateMath } from '@/lib/time';
import { seedTestDataset } from './search-fixture';

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'America/St_Johns',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kathmandu',
];
const UNITS = ['y', 'M', 'w', 'd', 'h', 'H', 'm', 's'] as const;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

// Instants near DST changes and month ends are where zone-aware calendar math goes wrong.
const SPECIAL = [
  '2026-03-29T00:30:00Z', // Europe: the night the clocks go forward
  '2026-10-25T00:30:00Z',
  '2026-03-08T06:30:00Z', // US
  '2026-11-01T05:30:00Z',
  '2026-04-05T14:45:00Z', // Lord Howe, 30 minutes
  '2024-02-29T23:59:59.999Z',
  '2026-01-31T12:00:00Z',
  '2026-11-29T23:30:00Z', // a Sunday evening in UTC, Monday in the east
  '2026-11-30T00:00:00Z',
  '2026-03-29T02:30:00', // zone-less: a wall-clock time that does not exist in Berlin
  '2026-10-25T02:30:00', // and one that exists twice
  '2026-03-08T02:30:00',
  '2026-11-01T01:30:00',
];

const anchorArb = fc.oneof(
  fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }).map((ms) => new Date(ms).toISOString()),
  // Zone-less: wall-clock time in the request's zone, for both sides.
  fc.integer({ min: Date.UTC(1995, 0, 1), max: Date.UTC(2035, 0, 1) }).map((ms) => {
    const d = new Date(ms);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  }),
  fc.constantFrom(...SPECIAL),
);
const opArb = fc.oneof(
  fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 40 }), fc.constantFrom(...UNITS)).map(([s, n, u]) => `${s}${n}${u}`),
  fc.constantFrom(...UNITS).map((u) => `/${u}`),
);
const caseArb = fc.record({ anchor: anchorArb, ops: fc.array(opArb, { minLength: 0, maxLength: 4 }), zone: fc.constantFrom(...ZONES) });

let client: Client;
beforeAll(async () => {
  await seedTestDataset();
  client = new Client(engineConnection().options);
});
afterAll(async () => {
  await client.close();
});

describe('date math', () => {
  it('agrees with the engine on 400 random expressions', async () => {
    const cases = fc.sample(caseArb, { numRuns: 400, seed: Number(process.env.FC_SEED ?? 7) });
    for (const zone of ZONES) {
      const mine = cases.filter((c) => c.zone === zone);
      const expressions = mine.map((c) => `${c.anchor}||${c.ops.join('')}`);
      // One range per request keeps the pairing with the expression unambiguous.
      const engine = await Promise.all(
        expressions.map(async (e) => {
          const res = await client.search({
            index: `${TEST_DATASET.indexPrefix}*`,
            size: 0,
            aggs: { r: { date_range: { field: '@timestamp', time_zone: zone, ranges: [{ from: e }] } } },
          });
          const buckets = (res.aggregations?.r as estypes.AggregationsDateRangeAggregate).buckets as estypes.AggregationsRangeBucket[];
          return Number(buckets[0]?.from);
        }),
      );
      expressions.forEach((e, i) => {
        expect(resolveDateMath(e, 0, { timeZone: zone }), `${e} in ${zone}`).toBe(engine[i]);
      });
      // Rounding up: the last millisecond of the unit is the engine's start of the next one, less 1 ms.
      // (Only for one rounding, last: rounding up rounds every `/` up, which this oracle cannot phrase.)
      const rounded = mine.filter((c) => c.ops.at(-1)?.startsWith('/') && c.ops.filter((o) => o.startsWith('/')).length === 1);
      const next = await Promise.all(
        rounded.map(async (c) => {
          const unit = c.ops.at(-1)!.slice(1);
          const res = await client.search({
            index: `${TEST_DATASET.indexPrefix}*`,
            size: 0,
            aggs: {
              r: { date_range: { field: '@timestamp', time_zone: zone, ranges: [{ from: `${c.anchor}||${c.ops.join('')}+1${unit}` }] } },
            },
          });
          const buckets = (res.aggregations?.r as estypes.AggregationsDateRangeAggregate).buckets as estypes.AggregationsRangeBucket[];
          return Number(buckets[0]?.from);
        }),
      );
      rounded.forEach((c, i) => {
        const e = `${c.anchor}||${c.ops.join('')}`;
        expect(resolveDateMath(e, 0, { timeZone: zone, roundUp: true }), `${e} rounded up in ${zone}`).toBe(next[i]! - 1);
      });
    }
  }, 120_000);
});
