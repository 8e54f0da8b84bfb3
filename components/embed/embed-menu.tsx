'use client';
import { deferred } from '@/components/ui/deferred';
import { Popover } from '@/components/ui/popover';
import type { ScreenLike } from '@/lib/url-state/screen-document';

/** The form, its list of embeds and its preview are fetched when the dialog first opens. */
export const EmbedPanelForm = deferred(() => import('./embed-form').then((m) => m.EmbedPanelForm));

/** "Embed": make an iframe panel of the screen, preview it, copy its snippet; list and revoke embeds. */
export function EmbedMenu({ state }: { state: ScreenLike }) {
  return (
    <Popover label="Embed" align="end" trigger="Embed">
      {() => <EmbedPanelForm state={state} />}
    </Popover>
  );
}
