/** Lines from applications outside the cluster that ship straight to Elasticsearch. */
import { sqlTimeSeconds } from '@/lib/demo-cluster/time-format';
import type { Level, PushedSpec } from '@/lib/demo-cluster/topology';
import type { Rng } from '@/lib/demo-cluster/prng';
import { money } from './vocab';

export function pushedLine(rng: Rng, spec: PushedSpec, ts: number): { text: string; level: Level } {
  if (spec.service === 'billing-cron') {
    const r = rng.next();
    if (r < 0.85)
      return {
        text: `Invoice batch ${sqlTimeSeconds(ts).slice(0, 10)} #${rng.between(1, 400)} processed: ${rng.between(10, 2000)} invoices, total ${money(rng.between(1000, 9_999_999))} EUR`,
        level: 'info',
      };
    if (r < 0.97) return { text: `Invoice ${rng.hex(10)} skipped: customer VAT number invalid (Société Générale Ltée)`, level: 'warn' };
    return { text: `SMTP delivery failed for invoice ${rng.hex(10)}: 421 4.7.0 Try again later`, level: 'error' };
  }
  const r = rng.next();
  if (r < 0.9) return { text: `SYNC OK material=M-${rng.between(100000, 999999)} plant=DE01 qty=${rng.between(1, 500)}`, level: 'info' };
  if (r < 0.98) return { text: `SYNC RETRY material=M-${rng.between(100000, 999999)} reason=LOCKED_BY_USER`, level: 'warn' };
  return { text: 'SYNC FAILED: RFC connection to ERP host sapprd01 lost', level: 'error' };
}
