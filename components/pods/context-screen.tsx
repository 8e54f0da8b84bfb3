'use client';
/**
 * `/context/{index}/{id}`: the lines written before and after one line — by default from the
 * same container instance — with the line marked; widen to the pod, the node or everything,
 * and load more in either direction.
 */
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useRef, useState } from 'react';
import { colourSlots, logItems } from '@/lib/k8s/separators';
import { ANY_NAMESPACE, AROUND_LINE_MS, isKubernetesName, podOfFields, podViewAroundLine } from '@/lib/k8s/view-url';
import { contextQueryOptions } from '@/lib/queries/pod-logs';
import '@/lib/schema/jitless';
import { CONTEXT_LIMITS, ContextScope } from '@/lib/schema/context';
import type { LogLine } from '@/lib/schema/pod-logs';
import { LogTerminal } from './log-terminal';
import styles from './pods.module.css';
import { useScrollToLine } from './use-scroll-to-line';
import { useJsonFilters } from './use-json-filters';
import { LoadNotices } from './load-notices';

const STEP = 50;
const SCOPES: { value: ContextScope; label: string }[] = [
  { value: 'instance', label: 'This container instance' },
  { value: 'pod', label: 'Whole pod' },
  { value: 'node', label: 'Node' },
  { value: 'all', label: 'Everything' },
];

function count(raw: string | null): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 && n <= CONTEXT_LIMITS.maxLines ? n : CONTEXT_LIMITS.defaultLines;
}

export function ContextScreen({ index, id }: { index: string; id: string }) {
  const urlParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  // What was just written shows at once; Next.js reports the new URL a little later.
  const [written, setWritten] = useState<URLSearchParams | null>(null);
  const [seenParams, setSeenParams] = useState(urlParams);
  if (seenParams !== urlParams) {
    setSeenParams(urlParams);
    setWritten(null);
  }
  const params = written ?? urlParams;
  const parsedScope = ContextScope.safeParse(params.get('scope'));
  const scope = parsedScope.success ? parsedScope.data : 'instance';
  const before = count(params.get('before'));
  const after = count(params.get('after'));
  const source = params.get('source') ?? undefined;
  const [grouping, setGrouping] = useState(true);
  const [timestamps, setTimestamps] = useState(true);
  const set = (change: Record<string, string | number>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(change)) next.set(k, String(v));
    setWritten(next);
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };

  const query = useQuery(contextQueryOptions({ anchor: { index, id }, scope, before, after, ...(source ? { source } : {}) }));
  const data = query.data;
  const scroller = useRef<HTMLDivElement>(null);
  useScrollToLine(scroller, id, data);
  const lines = useMemo(() => (data ? [...data.before, data.anchor, ...data.after] : []), [data]);
  const items = useMemo(() => logItems(lines, [], grouping), [lines, grouping]);
  const slots = useMemo(
    () =>
      colourSlots(
        lines.map((l) => `${l.pod}/${l.container}`),
        8,
      ),
    [lines],
  );
  const slotOf = (l: LogLine) => slots.get(`${l.pod}/${l.container}`) ?? 0;
  const labelOf = (l: LogLine) => (scope === 'instance' ? l.container : l.pod ? `${l.pod}/${l.container}` : '');
  // The scope's fields name the namespace in the source's own profile; a wider scope has none,
  // and the pod view then looks the namespace up (`/pods/-/{pod}`).
  const where = data
    ? (podOfFields(data.matchedOn) ?? (isKubernetesName(data.anchor.pod) ? { namespace: ANY_NAMESPACE, pod: data.anchor.pod } : null))
    : null;
  const anchorAt = data ? Date.parse(data.anchor.timestamp) : NaN;
  const json = useJsonFilters({
    source: source ?? null,
    since: Number.isFinite(anchorAt) ? new Date(anchorAt - AROUND_LINE_MS).toISOString() : 'now-24h',
    until: Number.isFinite(anchorAt) ? new Date(anchorAt + AROUND_LINE_MS).toISOString() : 'now',
    ...(where ? { pod: where.pod } : {}),
  });

  return (
    <main className={styles.screen}>
      <header className={styles.header}>
        <nav className={styles.crumbs} aria-label="Breadcrumbs">
          <Link href="/">Explorer</Link>
          {where && data ? (
            <>
              <span>/</span>
              <Link href={podViewAroundLine(where.namespace, where.pod, data.anchor, source)}>pod {where.pod}</Link>
            </>
          ) : null}
        </nav>
        <h1 className={styles.title}>Surrounding lines</h1>
      </header>
      <div className={styles.toolbar} role="group" aria-label="Scope">
        {SCOPES.map((s) => (
          <label key={s.value}>
            <input type="radio" name="scope" value={s.value} checked={scope === s.value} onChange={() => set({ scope: s.value })} />
            {s.label}
          </label>
        ))}
        <label>
          <input type="checkbox" checked={timestamps} onChange={(e) => setTimestamps(e.target.checked)} />
          Timestamps
        </label>
        <label>
          <input type="checkbox" checked={grouping} onChange={(e) => setGrouping(e.target.checked)} />
          Group multi-line events
        </label>
      </div>
      <LoadNotices error={query.error} />
      <div className={styles.status} data-testid="context-status" aria-live="polite">
        {query.isFetching ? 'Loading… ' : ''}
        {data ? `${data.before.length} lines before, ${data.after.length} after` : null}
        {data && Object.keys(data.matchedOn).length > 0
          ? ` · same ${Object.entries(data.matchedOn)
              .map(([k, v]) => `${k}=${v.length > 16 ? `${v.slice(0, 12)}…` : v}`)
              .join(', ')}`
          : null}
      </div>
      <div className={styles.scroller} ref={scroller}>
        {data?.hasMoreBefore ? (
          <button type="button" className={styles.more} onClick={() => set({ before: Math.min(CONTEXT_LIMITS.maxLines, before + STEP) })}>
            Load {STEP} more before
          </button>
        ) : null}
        <LogTerminal items={items} labelOf={labelOf} slotOf={slotOf} timestamps={timestamps} markedLine={id} json={json} />
        {data?.hasMoreAfter ? (
          <button type="button" className={styles.more} onClick={() => set({ after: Math.min(CONTEXT_LIMITS.maxLines, after + STEP) })}>
            Load {STEP} more after
          </button>
        ) : null}
      </div>
    </main>
  );
}
