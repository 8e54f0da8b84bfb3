/**
 * The embed page's one script (bundled by scripts/build-embed-assets.mjs, served from
 * /embed-assets/ with the page's CSP nonce): the page arrives with its panel and first data
 * already drawn; this adds what needs a script — auto-refresh, the range choice, row expand, and
 * a tail panel's live lines.
 */
import { EMBED_STATE_ID, type EmbedPageState } from '@/lib/embed/view/panel-view';
import { mountEmbedPanel } from './mount';

const stateText = document.getElementById(EMBED_STATE_ID)?.textContent;
if (stateText) {
  const { config, data } = JSON.parse(stateText) as EmbedPageState;
  mountEmbedPanel(document.body, config, data);
}
