import { screenSelection } from '@/components/explorer/search-request';
import { displayColumns } from '@/components/results/columns';
import { isMeaning, MESSAGE_COLUMN } from '@/components/results/field-meanings';
import type { ExportFormat, ExportRequestInput } from '@/lib/schema/export';
import { DEFAULT_COLUMNS, type ExplorerState } from '@/lib/url-state/codec';

/**
 * The screen's "what" (as the search has it: enabled filters only) plus its columns and order.
 * The default columns are left to the server (which leaves out meanings the source lacks); other
 * columns are sent as shown, less meanings the source lacks (empty on screen, 400 in an export).
 */
export function exportRequest(
  state: ExplorerState,
  format: ExportFormat,
  meanings?: Readonly<Record<string, string>>,
): ExportRequestInput & { format: ExportFormat } {
  const shown = displayColumns(state.columns);
  const selection = { ...screenSelection(state), format };
  if (shown.length === DEFAULT_COLUMNS.length && shown.every((c, i) => c === DEFAULT_COLUMNS[i])) return selection;
  const known = meanings ? shown.filter((c) => !(isMeaning(c) || c === MESSAGE_COLUMN) || meanings[c] !== undefined) : shown;
  return { ...selection, columns: known.length > 0 ? known : shown };
}
