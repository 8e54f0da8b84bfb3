import { EmbedPanel } from '@/components/embed/embed-panel';
import { EmbedUnavailable } from '@/components/embed/embed-unavailable';
import { embedForPage, firstPanelData } from '@/lib/embed/page-access';
import { podViewHref } from '@/lib/k8s/view-url';
import { screenFromState } from '@/lib/url-state/screen-document';
import { stateToSearch } from '@/lib/url-state/codec';

interface EmbedPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** `/embed/{id}?t=<token>`: one panel of a screen, for an iframe on an origin the token names. */
export default async function EmbedPage({ params, searchParams }: EmbedPageProps) {
  const { id } = await params;
  const { t } = await searchParams;
  const token = typeof t === 'string' ? t : '';
  const record = await embedForPage(id, token);
  if (!record) return <EmbedUnavailable />;
  // Searched here, so the first data is in the HTML: no script has to run before it shows.
  const initialData = await firstPanelData(record);
  const openPath = record.pod
    ? podViewHref(record.pod.namespace, record.pod.pod, {
        live: true,
        source: record.state.source ?? null,
        container: record.pod.container ?? null,
      })
    : `/${stateToSearch(screenFromState(record.state))}`;
  return (
    <EmbedPanel
      data={{ kind: 'embed', id: record.id, token }}
      panel={record.panel}
      title={record.title}
      showTitle={record.showTitle ?? true}
      theme={record.theme}
      refreshSeconds={record.refreshSeconds}
      allowTimeChange={record.allowTimeChange}
      maxWindowHours={record.maxWindowHours}
      openPath={openPath}
      initialData={initialData}
    />
  );
}
