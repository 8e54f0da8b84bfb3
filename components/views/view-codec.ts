import type { UrlCodec } from '@/components/explorer/use-explorer-state';
import { screenFromState } from '@/lib/url-state/screen-document';
import type { SavedView } from '@/lib/schema/views';
import { decodeOnView, encodeOnView } from '@/lib/url-state/view-params';

/** On `/views/{id}` the URL is read over the view's state and written relative to it. */
export function viewCodec(view: SavedView): UrlCodec {
  const base = screenFromState(view.state);
  return {
    decode: (params) => decodeOnView(params, base),
    toSearch: (state) => `?${encodeOnView(state, base).toString()}`,
  };
}
