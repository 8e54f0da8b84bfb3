'use client';
import { useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useState, type ReactNode } from 'react';
import { MessageText } from '@/components/results/message-text';
import { formatTotal } from '@/components/results/hits-total';
import { fetchPanelData, type PanelData } from '@/lib/embed/panel-data';
import type { EmbedPanel as PanelKind } from '@/lib/schema/embeds';
import type { SearchHit, SearchResponse } from '@/lib/schema/search';
import { EmbedHistogram } from './embed-histogram';
import styles from './embed.module.css';

// Only a tail panel loads the pod view's terminal and the EventSource code.
const TailPanel = dynamic(() => import('./tail-panel'), { ssr: false });

export interface EmbedPanelProps {
  /** The embed's own routes with its token, or (the Embed dialog's preview) the app's routes. */
  data: PanelData;
  panel: PanelKind;
  title: string;
  showTitle: boolean;
  theme: 'auto' | 'light' | 'dark';
  refreshSeconds: number;
  allowTimeChange: boolean;
  maxWindowHours: number;
  /** The same screen in the full app (same-origin relative path). */
  openPath: string;
  /** `page`: the panel is the whole document (its iframe); `box`: it fills the box it is put in. */
  fill?: 'page' | 'box';
  /** The data as saved, searched by the server with the page (null when it could not be). */
  initialData?: SearchResponse | null;
}

const QUICK_RANGES: [string, number][] = [
  ['15 minutes', 0.25],
  ['1 hour', 1],
  ['6 hours', 6],
  ['24 hours', 24],
  ['7 days', 168],
  ['30 days', 720],
];

/** One panel of a saved screen, inside someone else's page: the data its token locks, nothing else. */
export function EmbedPanel(props: EmbedPanelProps) {
  if (props.panel === 'tail') {
    return (
      <PanelFrame {...props} tools={null}>
        <TailPanel data={props.data} />
      </PanelFrame>
    );
  }
  return <SearchPanel {...props} />;
}

function PanelFrame(props: EmbedPanelProps & { tools: ReactNode; busy?: boolean; error?: string | null; children: ReactNode }) {
  return (
    <div
      className={`${styles.embed} ${props.fill === 'box' ? styles.fillBox : styles.fillPage}`}
      data-theme={props.theme}
      data-panel={props.panel}
      data-testid="embed-panel"
    >
      <header className={styles.header}>
        {props.showTitle && props.title ? <h1 className={styles.title}>{props.title}</h1> : <span />}
        <div className={styles.tools}>
          {props.tools}
          <a href={props.openPath} target="_blank" rel="noopener noreferrer" className={styles.open}>
            Open in Log Explorer
          </a>
        </div>
      </header>
      {props.error ? (
        <p role="alert" className={styles.error}>
          {props.error}
        </p>
      ) : null}
      <main className={styles.body} aria-busy={props.busy ?? false}>
        {props.children}
      </main>
    </div>
  );
}

/** The panels that read a part of the screen's search (histogram, results, facets). */
function SearchPanel(props: EmbedPanelProps) {
  const [hours, setHours] = useState<number | null>(null);
  const time = hours === null ? undefined : { from: `now-${Math.round(hours * 60)}m`, to: 'now' };
  const query = useQuery({
    queryKey: ['embed', props.data, props.panel, time],
    queryFn: ({ signal }) => fetchPanelData(props.data, props.panel, time, signal),
    refetchInterval: props.refreshSeconds > 0 ? props.refreshSeconds * 1000 : false,
    retry: false,
    placeholderData: (previous) => previous,
    // The page brought the saved range's data: shown at once, not asked again on hydration.
    initialData: hours === null ? (props.initialData ?? undefined) : undefined,
    refetchOnMount: props.initialData ? false : true,
  });
  const data = query.data;
  const tools = (
    <>
      {props.allowTimeChange ? (
        <select
          aria-label="Time range"
          className={styles.range}
          value={hours ?? ''}
          onChange={(e) => setHours(e.target.value === '' ? null : Number(e.target.value))}
        >
          <option value="">As saved</option>
          {QUICK_RANGES.filter(([, h]) => h <= props.maxWindowHours).map(([label, h]) => (
            <option key={label} value={h}>
              Last {label}
            </option>
          ))}
        </select>
      ) : null}
      {data ? <span data-testid="embed-total">{formatTotal(data.total)}</span> : null}
    </>
  );

  return (
    <PanelFrame {...props} tools={tools} busy={query.isFetching} error={query.error?.message ?? null}>
      {data && props.panel === 'histogram' ? <EmbedHistogram histogram={data.histogram} /> : null}
      {data && props.panel === 'results' ? <Rows hits={data.hits} /> : null}
      {data && props.panel === 'facets' ? <Facets facets={data.facets} /> : null}
    </PanelFrame>
  );
}

function Rows({ hits }: { hits: SearchHit[] }) {
  const [open, setOpen] = useState<string | null>(null);
  if (hits.length === 0) return <p className={styles.none}>No log lines in this range.</p>;
  return (
    <ol className={styles.rows} aria-label="Log lines">
      {hits.map((hit) => (
        <li key={`${hit.index}/${hit.id}`} className={styles.row}>
          <button
            type="button"
            className={styles.rowButton}
            aria-expanded={open === hit.id}
            onClick={() => setOpen(open === hit.id ? null : hit.id)}
          >
            <time className={styles.time}>{hit.timestamp}</time>
            <span className={styles.message}>
              <MessageText message={hit.message} highlight={hit.highlight} maxChars={400} />
            </span>
          </button>
          {open === hit.id ? (
            <dl className={styles.fields} aria-label="Document">
              {Object.entries(hit.fields).map(([name, value]) => (
                <div key={name} className={styles.field}>
                  <dt>{name}</dt>
                  <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
                </div>
              ))}
            </dl>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function Facets({ facets }: { facets: SearchResponse['facets'] }) {
  return (
    <div className={styles.facets}>
      {Object.entries(facets).map(([name, values]) => {
        const max = Math.max(1, ...values.map((v) => v.count));
        return (
          <section key={name} aria-label={name} className={styles.facet}>
            <h2 className={styles.facetTitle}>{name}</h2>
            <ul className={styles.values}>
              {values.map((v) => (
                <li key={v.value} className={styles.value}>
                  <span className={styles.bar} style={{ width: `${(v.count / max) * 100}%` }} aria-hidden="true" />
                  <span className={styles.valueText}>{v.value === '' ? '(empty)' : v.value}</span>
                  <span className={styles.count}>{v.count.toLocaleString('en-US')}</span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
