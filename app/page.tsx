import { cookies } from 'next/headers';
import { Suspense } from 'react';
import { Explorer } from '@/components/explorer/explorer';
import { ExplorerFallback } from '@/components/explorer/explorer-fallback';
import { explorerFirstRows } from '@/components/explorer/first-rows';
import { VIEWER_ZONE_COOKIE } from '@/components/explorer/search-request';

interface ExplorerPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * The screen is built from the URL; its first rows are searched on the server so they arrive in the
 * HTML, streamed after the page's shell so that its scripts load while the rows are searched.
 */
export default function ExplorerPage({ searchParams }: ExplorerPageProps) {
  return (
    <Suspense fallback={<ExplorerFallback />}>
      <ExplorerWithFirstRows searchParams={searchParams} />
    </Suspense>
  );
}

async function ExplorerWithFirstRows({ searchParams }: ExplorerPageProps) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) for (const v of [value ?? []].flat()) params.append(key, v);
  const firstRows = await explorerFirstRows(params, (await cookies()).get(VIEWER_ZONE_COOKIE)?.value);
  return <Explorer firstRows={firstRows ?? undefined} />;
}
