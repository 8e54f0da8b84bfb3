'use client';
import { deferred } from '@/components/ui/deferred';
import { Popover } from '@/components/ui/popover';
import type { TimeRange } from '@/lib/schema/search';

/** The panel's code (short links, the clipboard) is fetched when it first opens. */
export const SharePanel = deferred(() => import('./share-panel').then((m) => m.SharePanel));

export function ShareMenu({ time }: { time: TimeRange }) {
  return (
    <Popover label="Share" align="end" trigger="Share">
      {() => <SharePanel time={time} />}
    </Popover>
  );
}
