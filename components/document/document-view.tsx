'use client';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useLinkedDocument, type LinkedDocument } from './use-linked-document';
import type { SearchHit, SearchRequest } from '@/lib/schema/search';
import type { DocRef } from '@/lib/url-state/codec';
import { useDisplayZone } from '@/components/time-picker/display-zone';
import { formatTimestamp } from '@/components/time-picker/time-format';
import { CopyButton } from '@/components/ui/copy-button';
import { DocumentJson, documentJson } from './document-json';
import { FieldsTable } from './fields-table';
import styles from './document.module.css';
import { CloseIcon } from '@/components/ui/icons';
import { PodLinks } from '@/components/pods/pod-links';

interface DocumentViewProps {
  docRef: DocRef;
  /** The screen's loaded rows, request and resolved range: the document is looked up among them, else fetched and checked against them. */
  rows: SearchHit[];
  request: SearchRequest;
  range: { from: number; to: number } | undefined;
  columns: string[];
  onClose: () => void;
  onFilter: (field: string, value: string, negate: boolean) => void;
  onToggleColumn: (field: string) => void;
  isField: (name: string) => boolean;
}

type Tab = 'fields' | 'json';

export function DocumentView({ docRef, rows, request, range, columns, onClose, onFilter, onToggleColumn, isField }: DocumentViewProps) {
  const linked = useLinkedDocument({ docRef, rows, request, range });
  const { hit } = linked;
  const [tab, setTab] = useState<Tab>('fields');
  const zone = useDisplayZone();
  const panel = useRef<HTMLElement>(null);
  // Always the latest onClose, without re-subscribing the key listener when it changes.
  const close = useEffectEvent(() => onClose());

  useEffect(() => {
    // Focus moves into the panel so Esc and screen readers land here; it goes back where it was on close.
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    panel.current?.focus();
    return () => previous?.focus({ preventScroll: true });
  }, [docRef.index, docRef.id]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const title = hit ? formatTimestamp(hit.timestamp, zone) : 'Document';
  return (
    <aside ref={panel} className={styles.panel} role="dialog" aria-label="Document" tabIndex={-1} data-match={linked.match ?? undefined}>
      <header className={styles.header}>
        <div className={styles.titleBlock}>
          <h2 className={styles.title}>{title}</h2>
          <p className={styles.meta} title={`${docRef.index}/${docRef.id}`}>
            {docRef.index} / {docRef.id}
          </p>
          {hit ? <PodLinks hit={hit} /> : null}
        </div>
        <button type="button" className="icon-btn" aria-label="Close document" onClick={onClose}>
          <CloseIcon />
        </button>
      </header>
      <LinkNote linked={linked} />
      {hit ? (
        <>
          {/* A tab list holds tabs only: the copy button sits beside it. */}
          <div className={styles.tabs}>
            <div className={styles.tabList} role="tablist" aria-label="Document format">
              {(['fields', 'json'] as const).map((t) => (
                <button
                  key={t}
                  type="button"
                  role="tab"
                  id={`doc-tab-${t}`}
                  aria-selected={tab === t}
                  aria-controls={`doc-panel-${t}`}
                  className={styles.tab}
                  onClick={() => setTab(t)}
                >
                  {t === 'fields' ? 'Fields' : 'JSON'}
                </button>
              ))}
            </div>
            {tab === 'json' ? <CopyButton text={documentJson(hit)} label="Copy JSON" className={`btn ${styles.copyJson}`} /> : null}
          </div>
          <div className={styles.body} role="tabpanel" id={`doc-panel-${tab}`} aria-labelledby={`doc-tab-${tab}`}>
            {tab === 'fields' ? (
              <FieldsTable hit={hit} columns={columns} onFilter={onFilter} onToggleColumn={onToggleColumn} isField={isField} />
            ) : (
              <DocumentJson hit={hit} />
            )}
          </div>
        </>
      ) : null}
    </aside>
  );
}

/** Why a linked document is shown apart from the rows, or why it cannot be shown. */
function LinkNote({ linked }: { linked: LinkedDocument }) {
  if (linked.loading) return <p className={styles.missing}>Loading the document…</p>;
  if (linked.error) {
    return (
      <p className={styles.missing} role="status">
        {linked.error.notFound
          ? 'This document no longer exists: it may have been deleted, or its index removed.'
          : `The document could not be loaded: ${linked.error.message}`}
      </p>
    );
  }
  if (linked.match === 'outside_range' || linked.match === 'no_match') {
    return (
      <p className={styles.note} role="status" data-testid="document-note">
        {linked.match === 'outside_range'
          ? 'This document is outside the time range on screen, so it is not among the rows.'
          : 'This document no longer matches the query and filters on screen, so it is not among the rows.'}
      </p>
    );
  }
  return null;
}
