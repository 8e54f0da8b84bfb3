'use client';
/** The pod and workload views' state, in the URL (lib/k8s/view-url.ts); writes replace the entry. */
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo, useState } from 'react';
import { logsViewQuery, parseLogsView, type LogsViewState } from '@/lib/k8s/view-url';

export function useLogsView(): { state: LogsViewState; update: (change: Partial<LogsViewState>) => void } {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const fromUrl = useMemo(() => parseLogsView(new URLSearchParams(params.toString())), [params]);
  // Next.js reports router.replace to useSearchParams a little later; until then the state just
  // written is shown, so a checkbox never snaps back for a frame.
  const [written, setWritten] = useState<LogsViewState | null>(null);
  const [seenParams, setSeenParams] = useState(params);
  if (seenParams !== params) {
    setSeenParams(params);
    setWritten(null);
  }
  const state = written ?? fromUrl;
  const update = useCallback(
    (change: Partial<LogsViewState>) => {
      const next = { ...state, ...change };
      setWritten(next);
      router.replace(`${pathname}${logsViewQuery(next)}`, { scroll: false });
    },
    [pathname, router, state],
  );
  return { state, update };
}
