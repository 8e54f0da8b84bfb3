'use client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FacetList } from '@/components/facets/facet-list';
import { FilterEditor, FilterPills } from '@/components/filters/filter-pills';
import { Histogram } from '@/components/histogram/histogram';
import { QueryBar } from '@/components/query-bar/query-bar';
import { kqlCursorCode } from '@/components/query-bar/use-suggestions';
import { QueryError } from '@/components/query-bar/query-error';
import { ColumnPicker } from '@/components/results/column-picker';
import { fieldsInRows, makeFieldResolver } from '@/components/results/field-meanings';
import { HitsTotal } from '@/components/results/hits-total';
import { ResultsTable } from '@/components/results/results-table';
import { HitLinks } from '@/components/results/results-row';
import { PodViewLink } from '@/components/facets/facet-panel';
import { GroupingToggle, WrapToggle } from '@/components/results/wrap-toggle';
import { useGroupingPreference, useWrapPreference } from '@/components/results/wrap-preference';
import { groupHits } from '@/lib/k8s/hit-groups';
import { EmptyState } from '@/components/status/empty-state';
import { EngineFooter } from '@/components/status/engine-footer';
import { EngineBanner } from '@/components/status/engine-banner';
import { PartialWarning } from '@/components/status/partial-warning';
import { RefreshControls } from '@/components/time-picker/refresh-controls';
import { DisplayZoneContext, useRememberViewerZone, useViewerZone } from '@/components/time-picker/display-zone';
import { isRelativeRange } from '@/lib/url-state/share-link';
import { browserTimeZone, describeRange, effectiveZone, formatLocalInput } from '@/components/time-picker/time-format';
import { TimePicker, TimePickerPanel } from '@/components/time-picker/time-picker';
import { Drawer } from '@/components/ui/drawer';
import { useMediaQuery } from '@/components/ui/use-media-query';
import { useIsField } from '@/components/document/use-is-field';
import { ExportMenu, ExportPanel } from '@/components/export/export-menu';
import { SharePanel, ShareMenu } from '@/components/share/share-menu';
import { EmbedMenu, EmbedPanelForm } from '@/components/embed/embed-menu';
import { ViewControls, ViewsDialog, ViewTitle } from '@/components/views/view-controls';
import { SavePanel } from '@/components/views/save-menu';
import { deferred, preloadWhenIdle } from '@/components/ui/deferred';
import type { SavedView } from '@/lib/schema/views';
import type { FirstRows } from './first-rows';
import { FACET_MEANINGS, toSearchRequest } from './search-request';
import { useExplorerActions } from './use-explorer-actions';
import { useExplorerState, type UrlCodec } from './use-explorer-state';
import { useSearchResults } from './use-search-results';
import { LiveFollower, useExplorerLive } from './use-explorer-live';
import { useSlashToFocus } from './use-slash-to-focus';
import styles from './explorer.module.css';

/** The document flyout (fields table, JSON, pod links) is fetched when a row is first opened. */
const DocumentView = deferred(() => import('@/components/document/document-view').then((m) => m.DocumentView));

/**
 * What the first paint does not need, fetched once the first screen is shown and the browser is
 * idle, so a click on a row, a filter or a menu rarely waits for its code.
 */
const AFTER_FIRST_ROWS = [
  kqlCursorCode,
  DocumentView,
  FilterEditor,
  TimePickerPanel,
  ExportPanel,
  SharePanel,
  SavePanel,
  ViewsDialog,
  EmbedPanelForm,
  LiveFollower,
  HitLinks,
  PodViewLink,
];

/** Only on /views/{id}: what the screen says about its view, fetched with the view. */
const ViewSourceNotice = deferred(() => import('@/components/views/view-source-notice').then((m) => m.ViewSourceNotice));

/**
 * `view`: the saved view this screen was opened from (on /views/{id}), with `codec`, which reads
 * the URL over the view's state (components/views/view-codec.ts, kept out of the explorer's first load).
 * `firstRows`: the first page of rows the server searched and rendered into the HTML (app/page.tsx).
 */
export function Explorer({ view, codec, firstRows }: { view?: SavedView; codec?: UrlCodec; firstRows?: FirstRows | undefined } = {}) {
  const { state, update } = useExplorerState(codec);
  const [refreshTick, setRefreshTick] = useState(0);
  const [autoRefreshMs, setAutoRefreshMs] = useState(0);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const narrow = useMediaQuery('(max-width: 900px)');
  const searchInput = useRef<HTMLInputElement>(null);
  const [wrap, setWrap] = useWrapPreference();
  const [grouping, setGrouping] = useGroupingPreference();
  useSlashToFocus(searchInput);

  const viewerZone = useViewerZone(firstRows?.zone);
  useRememberViewerZone();
  const request = useMemo(() => toSearchRequest(state, viewerZone), [state, viewerZone]);
  // While hydrating, the zone is the server's guess; what is asked waits for the browser's own.
  const results = useSearchResults(request, refreshTick, firstRows, state.time.timeZone !== undefined || viewerZone === browserTimeZone());
  const refresh = useCallback(() => setRefreshTick((t) => t + 1), []);
  const actions = useExplorerActions(update, refresh);
  const live = useExplorerLive(state, update, results.rows, results.summary);
  // While live, the rows, the count and the bars include what the tail sent.
  const { rows, summary } = live;
  const { error } = results;

  const resolveField = useMemo(() => makeFieldResolver(summary?.meanings ?? {}), [summary]);
  const events = useMemo(
    () => groupHits(rows, summary?.meanings ?? {}, state.sort, grouping),
    [rows, summary?.meanings, state.sort, grouping],
  );
  const rowFields = useMemo(() => [...fieldsInRows(rows, 500)].sort(), [rows]);
  const isField = useIsField(state.source, rowFields);

  // Once the whole first screen is there (rows, count, facets), not while its parts still load:
  // with the rows in the HTML, "rows shown" is the moment the count and facets are asked for.
  const screenShown = rows.length > 0 && !results.countsLoading && !results.facetsLoading;
  const [preloaded, setPreloaded] = useState(false);
  if (screenShown && !preloaded) setPreloaded(true);
  useEffect(() => (preloaded ? preloadWhenIdle(AFTER_FIRST_ROWS) : undefined), [preloaded]);

  const unavailable = [error, results.loadMoreError].find((e) => e?.isUnavailable) ?? null;
  const screenError = error && !error.isUnavailable ? error : null;
  const zone = effectiveZone(state.time, viewerZone);
  const relative = isRelativeRange(state.time);
  const rangeText =
    relative && summary
      ? `${formatLocalInput(summary.range.from, zone)} and ${formatLocalInput(summary.range.to, zone)}`
      : describeRange(state.time, zone).replace(' → ', ' and ');
  const narrowed = state.query.text.trim() !== '' || state.filters.some((f) => !f.disabled);

  // Stable, so the memoized facet list skips renders that change nothing it shows.
  const onFacetFilter = useCallback(
    (field: string, value: string, negate: boolean) => {
      actions.filterValue(field, value, negate);
      setDrawerOpen(false);
    },
    [actions],
  );
  const facets = (
    <FacetList
      meanings={FACET_MEANINGS}
      facets={summary?.facets}
      sample={summary?.facetsSample}
      notes={summary?.notes}
      filters={state.filters}
      resolveField={resolveField}
      onFilter={onFacetFilter}
    />
  );

  return (
    <DisplayZoneContext value={zone}>
      <div className={styles.screen}>
        <header className={styles.top}>
          <h1 className={styles.brand}>Log Explorer</h1>
          {narrow ? (
            <button type="button" className="btn" onClick={() => setDrawerOpen(true)} aria-haspopup="dialog">
              Facets
            </button>
          ) : null}
          <QueryBar query={state.query} inputRef={searchInput} onSubmit={actions.submitQuery} source={state.source} time={state.time} />
          <div className={styles.timeControls}>
            <TimePicker time={state.time} resolved={summary?.range} onChange={actions.setTime} />
            <RefreshControls
              refreshing={results.refreshing}
              autoRefreshMs={autoRefreshMs}
              onAutoRefreshChange={setAutoRefreshMs}
              onRefresh={refresh}
            />
          </div>
        </header>

        <div className={styles.notices}>
          {view ? <ViewSourceNotice view={view} state={state} /> : null}
          {screenError ? <QueryError error={screenError} queryText={state.query.text} /> : null}
          {unavailable ? <EngineBanner message={unavailable.message} onBack={results.retry} /> : null}
          {summary?.partial ? <PartialWarning partial={summary.partial} /> : null}
        </div>

        <main className={styles.main}>
          {narrow ? null : <aside className={styles.sidebar}>{facets}</aside>}
          <section
            className={styles.content}
            aria-label="Results"
            aria-busy={results.refreshing || results.initialLoading || results.countsLoading || results.facetsLoading}
            data-loading={results.refreshing || undefined}
          >
            <Histogram
              histogram={summary?.histogram}
              notes={summary?.notes}
              busy={results.refreshing || results.initialLoading}
              onZoom={actions.zoom}
            />
            <FilterPills
              filters={state.filters}
              source={state.source}
              time={state.time}
              onRemove={actions.removeFilter}
              onToggleNegate={actions.toggleNegate}
              onToggleDisabled={actions.toggleDisabled}
              onAdd={actions.addFilter}
              onReplace={actions.replaceFilter}
            />
            <div className={styles.toolbar}>
              {view ? <ViewTitle state={state} view={view} /> : null}
              <HitsTotal total={summary?.total} />
              {results.refreshing ? <span className={styles.busy}>Searching…</span> : null}
              <span className={styles.spacer} />
              <ViewControls state={state} view={view} />
              <ShareMenu time={state.time} />
              <EmbedMenu state={state} />
              <ExportMenu state={state} total={summary?.total} meanings={summary?.meanings} />
              <button
                type="button"
                className="btn"
                aria-pressed={live.on}
                disabled={live.unavailable !== null}
                title={live.unavailable ?? 'Stream new lines of this search as they arrive'}
                onClick={() => live.setOn(!live.on)}
              >
                Live
              </button>
              <WrapToggle wrap={wrap} onChange={setWrap} />
              <GroupingToggle group={grouping} onChange={setGrouping} />
              <ColumnPicker source={state.source} columns={state.columns} rowFields={rowFields} onToggle={actions.toggleColumn} />
            </div>
            {live.follower}
            {results.initialLoading ? (
              <div className={styles.loading} role="status">
                Loading logs…
              </div>
            ) : summary && rows.length === 0 ? (
              <EmptyState rangeText={rangeText} narrowed={narrowed} />
            ) : summary ? (
              <ResultsTable
                rows={rows}
                events={events}
                columns={state.columns}
                sort={state.sort}
                wrap={wrap}
                expanded={state.doc}
                resolve={resolveField}
                resetKey={JSON.stringify(request)}
                hasMore={results.hasMore}
                loadingMore={results.loadingMore}
                loadMoreError={results.loadMoreError?.message ?? null}
                onLoadMore={results.loadMore}
                onToggleSort={actions.toggleSort}
                onRemoveColumn={actions.removeColumn}
                onToggleRow={actions.toggleDocument}
                onScrolledAway={live.onScrolledAway}
                topKey={live.topKey}
              />
            ) : null}
          </section>
        </main>
        <EngineFooter source={state.source} />

        {narrow ? (
          <Drawer open={drawerOpen} title="Facets" onClose={() => setDrawerOpen(false)}>
            {facets}
          </Drawer>
        ) : null}

        {state.doc ? (
          <DocumentView
            docRef={state.doc}
            rows={rows}
            request={request}
            range={summary?.range}
            columns={state.columns}
            onClose={actions.closeDocument}
            onFilter={actions.filterValue}
            onToggleColumn={actions.toggleColumn}
            isField={isField}
          />
        ) : null}
      </div>
    </DisplayZoneContext>
  );
}
