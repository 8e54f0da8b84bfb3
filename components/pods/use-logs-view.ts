'use client';
/** The pod and workload views' state, in the URL (lib/k8s/view-url.ts); writes replace the entry. */
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { logsViewQuery, parseLogsView, type LogsViewState } from '@/lib/k8s/view-url';

export function useLogsView(): { state: LogsViewState; update: (change: Partial<LogsViewState>) => void } {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const state = useMemo(() => parseLogsView(new URLSearchParams(params.toString())), [params]);
  const update = useCallback(
    (change: Partial<LogsViewState>) => router.replace(`${pathname}${logsViewQuery({ ...state, ...change })}`, { scroll: false }),
    [pathname, router, state],
  );
  return { state, update };
}
